"""The author's live loop in the running app: watch a pack folder, reload it, list its problems, accept drops.

``controller.LiveReload`` is what the composition root installs (window and classroom mode, never kiosk);
``watcher`` notices saves, ``view_state`` carries the reader's place into the reloaded window,
``problem_panel`` lists the problems of a broken save and ``drop`` accepts a dropped pack.
"""
