"""The header's "Unterricht / Klas" menu and the notes button: every classroom function, with its key.

The menu is a button with a drop-down (the window has no menu bar), reachable by Tab
and opened with Space or Enter, so a teacher without a mouse gets there too. Each entry
shows its key, so the menu also teaches the keys. The notes button is shown in presenter
layout only, where the screen buttons are hidden and there is room for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton, QWidget

from zusammenleben.core.state import LEVELS
from zusammenleben.i18n.formatting import format_percent
from zusammenleben.modes.classroom.keys import shortcut_text
from zusammenleben.modes.classroom.scale import PRESETS, percent
from zusammenleben.ui import retranslate


class ClassroomMenu(QToolButton):
    """The menu button; ``actions`` by name, ``scale_actions`` by preset."""

    def __init__(self, context, handlers: dict[str, Callable[[], None]], set_scale: Callable[[float], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setObjectName("classroomMenu")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setStyleSheet("QToolButton#classroomMenu::menu-indicator { image: none; width: 0; }")
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("classroomMenuPopup")
        self.setMenu(self.menu_)
        self.actions_: dict[str, QAction] = {}

        def add(name: str, checkable: bool = False) -> QAction:
            action = QAction(self.menu_)
            action.setObjectName(f"classroom-{name}")
            action.setCheckable(checkable)
            action.triggered.connect(lambda _checked=False, n=name: handlers[n]())
            self.actions_[name] = action
            return action

        self.menu_.addAction(add("presenter", checkable=True))
        self.menu_.addAction(add("notes", checkable=True))
        self.menu_.addAction(add("black"))
        self.menu_.addAction(add("fullscreen", checkable=True))
        self.menu_.addSeparator()
        self.size_menu = QMenu(self.menu_)  # built here: a wrapper of addMenu("")'s menu can go stale
        self.menu_.addMenu(self.size_menu)
        self.size_menu.setObjectName("classroomTextSize")
        self.scale_group = QActionGroup(self)
        self.scale_group.setExclusive(True)
        self.scale_actions: dict[float, QAction] = {}
        for preset in PRESETS:
            action = QAction(self.size_menu)
            action.setCheckable(True)
            action.setObjectName(f"classroom-scale-{percent(preset)}")
            action.triggered.connect(lambda _checked=False, p=preset: set_scale(p))
            self.scale_group.addAction(action)
            self.size_menu.addAction(action)
            self.scale_actions[preset] = action
        self.size_menu.addSeparator()
        for name in ("larger", "smaller", "reset"):
            self.size_menu.addAction(add(name))
        self.menu_.addAction(add("contrast", checkable=True))
        # the reading level: here too, because the presenter header has no room for the switch at 200 %
        self.level_menu = QMenu(self.menu_)
        self.level_menu.setObjectName("classroomReadingLevel")
        self.menu_.addMenu(self.level_menu)
        self.level_group = QActionGroup(self)
        self.level_group.setExclusive(True)
        self.level_actions: dict[str, QAction] = {}
        for level in LEVELS:
            action = QAction(self.level_menu)
            action.setCheckable(True)
            action.setObjectName(f"classroom-level-{level}")
            action.triggered.connect(lambda _checked=False, chosen=level: context.state.set_level(chosen))
            self.level_group.addAction(action)
            self.level_menu.addAction(action)
            self.level_actions[level] = action
        context.state.levelChanged.connect(self._on_level)
        self.menu_.addSeparator()
        self.menu_.addAction(add("handout"))
        context.state.fontScaleChanged.connect(lambda _scale: self.mark_scale())
        retranslate.bind(self, self.language)

    def mark_scale(self) -> None:
        scale = self.context.state.font_scale
        for preset, action in self.scale_actions.items():
            action.setChecked(abs(preset - scale) < 1e-6)

    def _on_level(self, _level: str) -> None:
        self.mark_level()

    def mark_level(self) -> None:
        for level, action in self.level_actions.items():
            action.setChecked(level == self.context.state.level)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.setText(ui("Classroom") + " ▾")  # the arrow says "menu"; Qt's own indicator is a few pixels
        self.setAccessibleName(ui("Classroom"))
        self.setAccessibleDescription(ui("Presenter layout, teacher notes, black screen, text size, contrast "
                                         "and handouts"))
        labels = {
            "presenter": ui("Presenter layout"),
            "notes": ui("Teacher notes"),
            "black": ui("Black screen"),
            "fullscreen": ui("Full screen"),
            "larger": ui("Larger text"),
            "smaller": ui("Smaller text"),
            "reset": ui("Normal text size"),
            "contrast": ui("High contrast"),
            "handout": ui("Handout (PDF)…"),
        }
        for name, label in labels.items():
            key = shortcut_text(name) if name != "contrast" else ""
            self.actions_[name].setText(f"{label}\t{key}" if key else label)
        self.size_menu.setTitle(ui("Text size"))
        self.level_menu.setTitle(ui("Reading level"))
        self.level_actions["standard"].setText(ui("Standard"))
        self.level_actions["easy"].setText(ui("Easy"))
        self.mark_level()
        code = self.language.code
        for preset, action in self.scale_actions.items():
            action.setText(format_percent(percent(preset), code, decimals=0))
        self.mark_scale()


class NotesButton(QPushButton):
    """A checkable "Notizen (N)" button for the presenter header."""

    def __init__(self, context, toggle: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = context.language
        self.setObjectName("teacherNotesButton")
        self.setCheckable(True)
        self.clicked.connect(lambda _checked=False: toggle())
        retranslate.bind(self, self.language)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.setText(ui("Notes (N)"))
        self.setAccessibleName(ui("Teacher notes"))
        self.setAccessibleDescription(ui("Show or hide the teacher notes and discussion questions (key N)"))
