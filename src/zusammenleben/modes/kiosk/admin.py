"""The admin panel, behind the gesture and the PIN: what the kiosk knows about itself.

For the technician who comes once a month: which settings file is in use and what was
wrong in it (each problem as file:line: field: message, with the value used instead),
problems of the content pack, how many visits were counted, where the statistics and the
log are; and three actions: export the statistics as CSV (the only file dialog a kiosk
ever shows), back to the exhibition, quit. The panel only shows; the controller acts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.modes.kiosk.overlays import Overlay
from zusammenleben.ui import retranslate


class AdminPanel(Overlay):
    exportRequested = Signal()
    quitRequested = Signal()
    closeRequested = Signal()

    def __init__(self, window: QWidget, context) -> None:
        super().__init__(window, context, veil=QColor(16, 16, 16, 190))
        self.setObjectName("kioskAdmin")
        self.config_source = ""
        self.config_problems: list[str] = []
        self.content_problems: list[str] = []
        self.visits: int | None = None
        self.stats_path = ""
        self.log_path = ""
        t, c = self.scale, self.colours
        self.setStyleSheet(
            f"QFrame#kioskAdminCard {{ background: {c.surface}; border-radius: {t.px(20)}px; }}"
            f" QLabel {{ background: transparent; color: {c.text}; }}"
            f" QLabel#adminTitle {{ font-size: {t.px(32)}px; font-weight: 700; }}"
            f" QLabel[adminRole=\"heading\"] {{ font-size: {t.px(20)}px; font-weight: 700; }}"
            f" QLabel[adminRole=\"key\"] {{ color: {c.muted}; }}"
            f" QLabel#adminProblems {{ font-size: {t.px(17)}px; }}"
            f" QLabel#adminStatus {{ font-size: {t.px(18)}px; font-weight: 600; }}"
            f" QScrollArea {{ background: {c.highlight}; border: none; border-radius: {t.px(8)}px; }}"
            f" QScrollArea > QWidget > QWidget {{ background: {c.highlight}; }}"
            f" QPushButton {{ min-height: {t.px(64)}px; font-size: {t.px(20)}px; padding: 0px {t.px(20)}px; }}"
            f" QPushButton#adminQuit {{ color: #B3261E; border-color: #B3261E; }}"
        )
        self.card = self.make_card("kioskAdminCard")
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(t.px(40), t.px(32), t.px(40), t.px(32))
        layout.setSpacing(t.px(14))
        self.title = QLabel(self.card)
        self.title.setObjectName("adminTitle")
        layout.addWidget(self.title)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(t.px(20))
        self.facts.setVerticalSpacing(t.px(6))
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for row, key in enumerate(("config", "visits", "stats", "log")):
            name, value = QLabel(self.card), QLabel(self.card)
            name.setProperty("adminRole", "key")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            value.setObjectName(f"adminFact-{key}")
            self.facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, 1)
            self.fact_labels[key] = (name, value)
        self.facts.setColumnStretch(1, 1)
        layout.addLayout(self.facts)

        self.problems_heading = QLabel(self.card)
        self.problems_heading.setProperty("adminRole", "heading")
        layout.addWidget(self.problems_heading)
        self.problems_scroll = QScrollArea(self.card)
        self.problems_scroll.setWidgetResizable(True)
        self.problems_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems = QLabel()
        self.problems.setObjectName("adminProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setContentsMargins(t.px(12), t.px(10), t.px(12), t.px(10))
        self.problems_scroll.setWidget(self.problems)
        layout.addWidget(self.problems_scroll, 1)

        self.status = QLabel(self.card)
        self.status.setObjectName("adminStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.setSpacing(t.px(12))
        self.export_button = QPushButton(self.card)
        self.export_button.setObjectName("adminExport")
        self.back_button = QPushButton(self.card)
        self.back_button.setObjectName("adminBack")
        self.quit_button = QPushButton(self.card)
        self.quit_button.setObjectName("adminQuit")
        self.export_button.clicked.connect(self.exportRequested)
        self.back_button.clicked.connect(self.closeRequested)
        self.quit_button.clicked.connect(self.quitRequested)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        retranslate.bind(self, self.language)

    # -- content ------------------------------------------------------------------------------------
    def set_facts(self, *, config_source: str, config_problems: list[str], content_problems: list[str],
                  visits: int | None, stats_path: str, log_path: str, stats_problem: str = "",
                  stats_waiting: int = 0) -> None:
        self.config_source = config_source
        self.stats_problem = stats_problem
        self.stats_waiting = stats_waiting
        self.config_problems = config_problems
        self.content_problems = content_problems
        self.visits = visits
        self.stats_path = stats_path
        self.log_path = log_path
        self.retranslate()

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._place()

    def retranslate(self) -> None:
        ui = self.language.ui
        self.title.setText(ui("Kiosk administration"))
        self.setAccessibleName(ui("Kiosk administration"))
        facts = {
            "config": (ui("Settings file"), self.config_source or ui("none: started with --kiosk, built-in defaults")),
            "visits": (ui("Visits counted"), ui("statistics are off") if self.visits is None else str(self.visits)),
            "stats": (ui("Statistics file"), self.stats_path or ui("none")),
            "log": (ui("Log file"), self.log_path or ui("none")),
        }
        for key, (name, value) in facts.items():
            self.fact_labels[key][0].setText(name)
            self.fact_labels[key][1].setText(value)
        self.problems_heading.setText(ui("Problems found"))
        lines: list[str] = []
        if self.config_problems:
            lines += [ui("In the settings file:"), *(f"• {problem}" for problem in self.config_problems)]
        if getattr(self, "stats_problem", ""):
            lines += [ui("Statistics cannot be written (%(reason)s): %(count)s records wait in memory and are "
                         "written when the disk works again.") % {"reason": self.stats_problem,
                                                                   "count": self.stats_waiting}]
        if self.content_problems:
            if lines:
                lines.append("")
            lines += [ui("In the content pack (the built-in pack is shown):"),
                      *(f"• {problem}" for problem in self.content_problems)]
        self.problems.setText("\n".join(lines) if lines else ui("None: the settings file is in order."))
        self.problems.setAccessibleName(ui("Problems found"))
        self.export_button.setText(ui("Export statistics (CSV)…"))
        self.export_button.setAccessibleName(ui("Export statistics (CSV)"))
        self.export_button.setAccessibleDescription(ui("Save the usage counts as spreadsheet files in a folder"))
        self.export_button.setEnabled(self.visits is not None)
        self.back_button.setText(ui("Back to the exhibition"))
        self.back_button.setAccessibleName(ui("Back to the exhibition"))
        self.quit_button.setText(ui("Quit the app"))
        self.quit_button.setAccessibleName(ui("Quit the app"))
        self.quit_button.setAccessibleDescription(ui("Closes the kiosk; the service does not restart it"))
        self._place()

    # -- layout -------------------------------------------------------------------------------------
    def open(self) -> None:
        self.set_status("")
        super().open()
        self._place()
        self.back_button.setFocus()

    def _place(self) -> None:
        margin = self.scale.px(32)
        width = min(self.scale.px(1100), self.width() - 2 * margin)
        height = min(self.scale.px(760), self.height() - 2 * margin)
        self.card.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, max(1, width),
                              max(1, height))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
