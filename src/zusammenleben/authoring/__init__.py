"""The pack author's commands: ``new-pack``, ``translate`` and ``pack`` (no Qt; the live reload is ``ui.live``)."""
