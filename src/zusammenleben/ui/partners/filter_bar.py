"""Search field, aspect chips and choosers for country, project type and year, plus the row count.

Chips and choosers are touch-sized (the app style sheet gives them ≥ 48 px). The year chooser
offers "the time bar's year", which follows the shared year cursor, or a fixed year.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.content.model import Partnership
from zusammenleben.ui import retranslate
from zusammenleben.ui.context import UiContext
from zusammenleben.ui.partners.filtering import ASPECTS, PartnershipFilter, years_of
from zusammenleben.ui.partners.text import country_name

ALL = ""
CURSOR_YEAR = "cursor"


class FilterBar(QWidget):
    changed = Signal(object)  # PartnershipFilter

    def __init__(self, context: UiContext, partnerships: tuple[Partnership, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.partnerships = partnerships
        self._countries = sorted({partner.country for p in partnerships for partner in p.partners})
        self._types = list(dict.fromkeys(p.project_type for p in partnerships))
        self._years = years_of(partnerships)
        self._updating = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("partnerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._emit)
        top.addWidget(self.search, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("partnershipCount")
        self.count_label.setProperty("role", "heading")
        # the count label is laid out by the screen, under the table (always visible, never squeezed)
        layout.addLayout(top)

        chips = QHBoxLayout()
        chips.setSpacing(6)
        self.aspect_chips: dict[str, QPushButton] = {}
        for aspect in ASPECTS:
            chip = QPushButton(self)
            chip.setCheckable(True)
            chip.setObjectName(f"aspectChip-{aspect}")
            chip.toggled.connect(self._emit)
            chips.addWidget(chip)
            self.aspect_chips[aspect] = chip
        chips.addStretch(1)
        layout.addLayout(chips)

        choosers = QHBoxLayout()
        choosers.setSpacing(6)
        self.country_box = QComboBox(self)
        self.type_box = QComboBox(self)
        self.year_box = QComboBox(self)
        for box in (self.country_box, self.type_box, self.year_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            box.currentIndexChanged.connect(self._emit)
            choosers.addWidget(box, 1)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset)
        choosers.addWidget(self.reset_button)
        layout.addLayout(choosers)

        for widget in (self.search, *self.aspect_chips.values(), self.country_box, self.type_box, self.year_box,
                       self.reset_button):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        context.state.yearChanged.connect(self._year_moved)
        retranslate.bind(self, self.language)

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ui, code = self.language.ui, self.language.code
        self.search.setPlaceholderText(ui("Search town, partner or project"))
        self.search.setAccessibleName(ui("Search partnerships"))
        self.search.setAccessibleDescription(ui("Finds towns, partners and projects; accents and case do not matter"))
        aspects = self.context.pack.survey.aspects if self.context.pack.survey else ()
        explained = dict(aspects)
        for aspect, chip in self.aspect_chips.items():
            if aspect == "unknown":
                chip.setText(ui("Aspect not stated"))
                chip.setToolTip(ui("The survey assigns no aspect to these rows"))
            else:
                chip.setText(ui("Aspect %(letter)s") % {"letter": aspect})
                chip.setToolTip(self.language.content(explained.get(aspect, "")))
            chip.setAccessibleName(chip.text())
            chip.setAccessibleDescription(ui("Show only partnerships with this survey aspect"))
        self._updating = True
        try:
            self._fill(self.country_box, ui("All countries"),
                       sorted(((country_name(c, code), c) for c in self._countries), key=lambda item: item[0]))
            self._fill(self.type_box, ui("All project types"),
                       [(self.language.content(t), t) for t in self._types])
            years = [(ui("Year on the time bar (%(year)s)") % {"year": self.context.state.year}, CURSOR_YEAR)]
            self._fill(self.year_box, ui("All years"), years + [(str(year), str(year)) for year in self._years])
        finally:
            self._updating = False
        self.country_box.setAccessibleName(ui("Partner country"))
        self.country_box.setAccessibleDescription(ui("Show only partnerships with a partner in this country"))
        self.type_box.setAccessibleName(ui("Project type"))
        self.type_box.setAccessibleDescription(ui("Show only partnerships of this kind"))
        self.year_box.setAccessibleName(ui("Year"))
        self.year_box.setAccessibleDescription(ui("Show only projects running in this year"))
        self.reset_button.setText(ui("Show all"))
        self.reset_button.setAccessibleName(ui("Show all"))
        self.reset_button.setAccessibleDescription(ui("Clear the search and every filter"))
        self.count_label.setAccessibleName(ui("Number of partnerships shown"))

    @staticmethod
    def _fill(box: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.clear()
        box.addItem(all_text, ALL)
        for text, data in items:
            box.addItem(text, data)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(0, index))

    # -- state --------------------------------------------------------------------------------------
    def criteria(self) -> PartnershipFilter:
        year_data = self.year_box.currentData()
        if year_data == CURSOR_YEAR:
            year = self.context.state.year
        elif year_data:
            year = int(year_data)
        else:
            year = None
        country = self.country_box.currentData()
        project_type = self.type_box.currentData()
        return PartnershipFilter(
            text=self.search.text(),
            countries=frozenset({country}) if country else frozenset(),
            project_types=frozenset({project_type}) if project_type else frozenset(),
            aspects=frozenset(a for a, chip in self.aspect_chips.items() if chip.isChecked()),
            year=year,
        )

    def set_count(self, shown: int, total: int) -> None:
        text = self.language.uin("%(shown)d of %(total)d partnership", "%(shown)d of %(total)d partnerships", total)
        self.count_label.setText(text % {"shown": shown, "total": total})

    def select_year(self, data: str) -> None:
        """Choose a year entry by its data: ``""`` (all), ``"cursor"`` or ``"2016"``."""
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(data)))

    def select_country(self, code: str) -> None:
        self.country_box.setCurrentIndex(max(0, self.country_box.findData(code)))

    def select_type(self, project_type: str) -> None:
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(project_type)))

    def reset(self) -> None:
        self._updating = True
        try:
            self.search.clear()
            for chip in self.aspect_chips.values():
                chip.setChecked(False)
            for box in (self.country_box, self.type_box, self.year_box):
                box.setCurrentIndex(0)
        finally:
            self._updating = False
        self._emit()

    def _year_moved(self, year: int) -> None:
        index = self.year_box.findData(CURSOR_YEAR)
        if index >= 0:
            self.year_box.setItemText(index, self.language.ui("Year on the time bar (%(year)s)") % {"year": year})
        if self.year_box.currentData() == CURSOR_YEAR:
            self._emit()

    def _emit(self, *_args) -> None:
        if not self._updating:
            self.changed.emit(self.criteria())
