"""Search field, aspect chips and choosers for country, project type and year, plus the row count.

Chips and choosers are touch-sized (the app style sheet gives them ≥ 48 px). The year chooser
offers "the time bar's year", which follows the shared year cursor, or a fixed year.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.content.model import Partnership
from zusammenleben.core.context import UiContext
from zusammenleben.ui import retranslate
from zusammenleben.ui.flow_layout import FlowLayout
from zusammenleben.ui.partners.filtering import ASPECTS, PartnershipFilter, years_of
from zusammenleben.ui.partners.text import country_name

ALL = ""
CURSOR_YEAR = "cursor"


class CountLabel(QLabel):
    """The row count: on one line when there is room, wrapped only when there is not (200 %)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 2
        return QSize(max(hint.width(), one_line), hint.height())


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

        # search and count; below, in a panel that short screens fold away, the aspect chips and "show all",
        # then the choosers (and the screen's export). Those rows flow: at 200 % they wrap, nothing is squeezed.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.search = QLineEdit(self)
        self.search.setObjectName("partnerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._emit)
        top.addWidget(self.search, 1)
        self.count_label = CountLabel(self)
        self.count_label.setObjectName("partnershipCount")
        self.count_label.setProperty("role", "heading")
        self.count_label.setWordWrap(True)  # two lines rather than a window wider than the screen (200 %)
        top.addWidget(self.count_label)
        self.filters_toggle = QPushButton(self)
        self.filters_toggle.setObjectName("filtersToggle")
        self.filters_toggle.setCheckable(True)
        self.filters_toggle.setVisible(False)
        self.filters_toggle.toggled.connect(self._show_filters)
        top.addWidget(self.filters_toggle)
        layout.addLayout(top)

        self.filters = QWidget(self)
        self.filters.setObjectName("filterPanel")
        panel = QVBoxLayout(self.filters)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(8)
        chips = FlowLayout(spacing=6)
        self.aspect_caption = QLabel(self.filters)
        self.aspect_caption.setObjectName("aspectCaption")
        chips.addWidget(self.aspect_caption)
        self.aspect_chips: dict[str, QPushButton] = {}
        for aspect in ASPECTS:
            chip = QPushButton(self.filters)
            chip.setCheckable(True)
            chip.setObjectName(f"aspectChip-{aspect}")
            chip.setMinimumWidth(48)  # a fingertip, also for the one-letter chips
            chip.toggled.connect(self._emit)
            chips.addWidget(chip)
            self.aspect_chips[aspect] = chip
        self.reset_button = QPushButton(self.filters)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset)
        chips.addWidget(self.reset_button)
        panel.addLayout(chips)

        self.choosers = FlowLayout(spacing=6)
        self.country_box = QComboBox(self.filters)
        self.type_box = QComboBox(self.filters)
        self.year_box = QComboBox(self.filters)
        for box in (self.country_box, self.type_box, self.year_box):
            # as wide as "All …" needs (set in retranslate); the choices show in the opened list
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(1)
            box.currentIndexChanged.connect(self._emit)
            self.choosers.addWidget(box)
        panel.addLayout(self.choosers)
        layout.addWidget(self.filters)

        for widget in (self.search, *self.aspect_chips.values(), self.country_box, self.type_box, self.year_box,
                       self.reset_button):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        context.state.yearChanged.connect(self._year_moved)
        retranslate.bind(self, self.language)

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ui, code = self.language.ui, self.language.code
        self.search.setPlaceholderText(ui("Search town, partner or project"))
        self.aspect_caption.setText(ui("Survey aspect:"))
        self.search.setAccessibleName(ui("Search partnerships"))
        self.search.setAccessibleDescription(ui("Finds towns, partners and projects; accents and case do not matter"))
        for button in self.search.findChildren(QToolButton):  # the field's own clear button (Qt adds it)
            button.setAccessibleName(ui("Clear the search"))
            button.setAccessibleDescription(ui("Empties the search field and shows every partnership"))
        aspects = self.context.pack.survey.aspects if self.context.pack.survey else ()
        explained = dict(aspects)
        for aspect, chip in self.aspect_chips.items():
            if aspect == "unknown":
                chip.setText(ui("not stated"))
                chip.setToolTip(ui("The survey assigns no aspect to these rows"))
                chip.setAccessibleName(ui("Aspect not stated"))
            else:
                chip.setText(aspect)
                chip.setToolTip(self.language.content(explained.get(aspect, "")))
                chip.setAccessibleName(ui("Aspect %(letter)s") % {"letter": aspect})
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
        self._size_controls()
        self.filters_toggle.setText(ui("Filters"))
        self.filters_toggle.setAccessibleName(ui("Filters"))
        self.filters_toggle.setAccessibleDescription(ui("Shows or hides the aspect, country, project type and "
                                                        "year filters"))
        self.country_box.setAccessibleName(ui("Partner country"))
        self.country_box.setAccessibleDescription(ui("Show only partnerships with a partner in this country"))
        self.type_box.setAccessibleName(ui("Project type"))
        self.type_box.setAccessibleDescription(ui("Show only partnerships of this kind"))
        self.year_box.setAccessibleName(ui("Year"))
        self.year_box.setAccessibleDescription(ui("Show only projects running in this year"))
        for box in (self.country_box, self.type_box, self.year_box):  # the drop-down list is a node of its own
            box.view().setAccessibleName(box.accessibleName())
            box.view().setAccessibleDescription(box.accessibleDescription())
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

    def _size_controls(self) -> None:
        """Each closed chooser exactly as wide as its "All …" text needs; the search at least 5 letters wide.

        Measured in the font the style sheet gives (hence ``ensurePolished``) and again when the font
        scale restyles the app; a chooser shows its other choices in the opened list.
        """
        for box in (self.country_box, self.type_box, self.year_box):
            box.ensurePolished()
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            text = QSize(box.fontMetrics().horizontalAdvance(box.itemText(0)) + 4, box.fontMetrics().height())
            box.setMinimumWidth(box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text,
                                                             box).width())
        self.search.ensurePolished()
        self.search.setMinimumWidth(5 * self.search.fontMetrics().horizontalAdvance("M"))

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._size_controls()

    def add_action(self, widget: QWidget) -> None:
        """A button of the screen that belongs with the choosers (the CSV export)."""
        widget.setParent(self.filters)
        self.choosers.addWidget(widget)

    def set_foldable(self, foldable: bool) -> None:
        """Short screens fold the filter panel behind a toggle, so the table keeps its rows."""
        self.filters_toggle.setVisible(foldable)
        self._show_filters(self.filters_toggle.isChecked() or not foldable)

    def _show_filters(self, shown: bool) -> None:
        self.filters.setVisible(bool(shown) or not self.filters_toggle.isVisible())

    def _year_moved(self, year: int) -> None:
        index = self.year_box.findData(CURSOR_YEAR)
        if index >= 0:
            self.year_box.setItemText(index, self.language.ui("Year on the time bar (%(year)s)") % {"year": year})
        if self.year_box.currentData() == CURSOR_YEAR:
            self._emit()

    def _emit(self, *_args) -> None:
        if not self._updating:
            self.changed.emit(self.criteria())
