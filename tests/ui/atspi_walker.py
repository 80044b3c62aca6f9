"""Walk the running app's AT-SPI tree, as a screen reader sees it (run by the system's python3).

pyatspi comes from the distribution (python3-pyatspi, through gi), not from the project's
virtual environment, so ``tests/ui/test_atspi_walk.py`` runs this file with ``/usr/bin/python3``
inside the same session bus and X display as the app. It imports nothing from the project.

Input (argv[1], JSON): the app's name, the screens' button names, the descriptions of link
spots. Output (stdout, JSON): per screen the unnamed interactive nodes and the link nodes, and
whether Tab left each table (``xdotool key Tab``, then which node has the focus).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_LINK,
    pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_TREE, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_TABLE_ROW_HEADER,
    pyatspi.ROLE_TABLE_COLUMN_HEADER,
}


def find_app(name: str, seconds: float = 60):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and (app.name or "").lower() == name.lower():
                return app
        time.sleep(0.5)
    raise SystemExit(f"no AT-SPI application named {name!r}")


def walk(node, depth: int = 0, limit: int = 60):
    """Every node under ``node`` (depth-first, reading order)."""
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.childCount
    except Exception:  # a node that went away while walking
        return
    for index in range(min(count, 5000)):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def showing(node) -> bool:
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def describe(node) -> str:
    try:
        parent = node.parent
        return f"{node.getRoleName()} under {parent.getRoleName()} {parent.name!r}"
    except Exception:
        return "?"


def press(app, name: str) -> bool:
    for node in walk(app):
        if node.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX) \
                and node.name == name:
            action = node.queryAction()
            for index in range(action.nActions):
                if action.getName(index) in ("Press", "press", "click", "Toggle", "toggle", "SetFocus"):
                    action.doAction(index)
                    time.sleep(1.5)
                    return True
            action.doAction(0)
            time.sleep(1.5)
            return True
    return False


def focused(app):
    for node in walk(app):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def inside(node, ancestor) -> bool:
    depth = 0
    while node is not None and depth < 80:
        if node == ancestor:
            return True
        node = node.parent
        depth += 1
    return False


def main() -> None:
    request = json.loads(sys.argv[1])
    app = find_app(request["app"])
    report = {"screens": {}}
    for screen, button in request["screens"].items():
        if not press(app, button):
            report["screens"][screen] = {"error": f"no button {button!r}"}
            continue
        nodes = list(walk(app))
        # hidden nodes count too: Qt's "showing" state is not reliable across stacked pages, and a
        # screen reader's object navigation reaches them
        unnamed = [describe(n) for n in nodes if n.getRole() in INTERACTIVE and not (n.name or "").strip()]
        links = [n.name for n in nodes if (n.description or "") in request["link_descriptions"]]
        tables = [n for n in nodes if n.getRole() == pyatspi.ROLE_TABLE] if screen in request["tables_on"] else []
        left = []
        for table in tables:
            try:
                table.queryComponent().grabFocus()
            except Exception:
                continue
            time.sleep(0.5)
            before = focused(app)
            subprocess.run(["xdotool", "key", "Tab"], check=False, timeout=10)
            time.sleep(0.8)
            after = focused(app)
            left.append({"table": table.name, "focused_before": inside(before, table) if before else None,
                         "left": after is not None and not inside(after, table),
                         "now": describe(after) if after is not None else None})
        report["screens"][screen] = {"nodes": len(nodes), "unnamed": unnamed, "links": links, "tables": left}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
