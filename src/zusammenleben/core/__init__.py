"""What every layer above the content and the languages shares: where we are, the view context, the theme.

``state`` (``AppState``: chapter, year, screen, font scale, theme), ``context`` (``UiContext``:
what the composition root hands every view), ``theme`` (colours, type sizes, the style sheet)
and ``mode``. Below ``ui``, ``export`` and ``modes`` so that none of them has to import another
to share these. Import the submodules directly.
"""
