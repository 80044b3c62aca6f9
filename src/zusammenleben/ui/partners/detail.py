"""The detail of one partnership: who, with whom, what, when, which aspect, what we corrected, the source.

The period is formatted for the locale; a toggle shows the survey's text as printed beside
it (typos included), because the corrections are part of the lesson. The source opens the
sources screen through ``state.sourceRequested``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.content.model import Pack, Partnership
from zusammenleben.core.context import UiContext
from zusammenleben.ui import retranslate
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.partners.table_model import period_text
from zusammenleben.ui.partners.text import country_name
from zusammenleben.ui.text_button import TextButton


def source_title(pack: Pack, source_id: str, translate) -> str:
    try:
        source = pack.source(source_id)
    except KeyError:
        return source_id
    publication = source.named_publication
    return f"{translate(source.title)} ({publication})" if publication else translate(source.title)




class PartnershipDetail(QScrollArea):
    """Scrollable, word-wrapped: long German project titles never get cut off at 200 %."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.partnership: Partnership | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(8)
        self.empty = wrapped_label(body, "lead", "detailEmpty")
        self.title = wrapped_label(body, "title", "detailTitle")
        self.partners_heading = wrapped_label(body, "heading")
        self.partners = wrapped_label(body, "", "detailPartners")
        self.project_heading = wrapped_label(body, "heading")
        self.project = wrapped_label(body, "", "detailProject")
        self.period_heading = wrapped_label(body, "heading")
        self.period = wrapped_label(body, "", "detailPeriod")
        self.raw_toggle = QPushButton(body)
        self.raw_toggle.setObjectName("rawPeriodToggle")
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.toggled.connect(self._update_period)
        self.aspect_heading = wrapped_label(body, "heading")
        self.aspect = wrapped_label(body, "", "detailAspect")
        self.description_heading = wrapped_label(body, "heading")
        self.description = wrapped_label(body, "", "detailDescription")
        self.note_heading = wrapped_label(body, "heading")
        self.note = wrapped_label(body, "small", "detailNote")
        self.source_heading = wrapped_label(body, "heading")
        self.source_button = TextButton(context, parent=body, style="link")
        self.source_button.setObjectName("detailSource")
        self.source_button.clicked.connect(self._open_source)
        for widget in (self.empty, self.title, self.partners_heading, self.partners, self.project_heading,
                       self.project, self.period_heading, self.period, self.raw_toggle, self.aspect_heading,
                       self.aspect, self.description_heading, self.description, self.note_heading, self.note,
                       self.source_heading, self.source_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.setAlignment(self.raw_toggle, Qt.AlignmentFlag.AlignLeft)
        self.setWidget(body)
        retranslate.bind(self, self.language)

    def show_partnership(self, partnership: Partnership | None) -> None:
        self.partnership = partnership
        self.retranslate()
        self.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        ui, display, code = self.language.ui, self.language.display, self.language.code
        p = self.partnership
        self.empty.setText(ui("Choose a partnership in the table or on the map."))
        self.empty.setVisible(p is None)
        for widget in self._content_widgets():
            widget.setVisible(p is not None)
        self.setAccessibleName(ui("Partnership details"))
        # named even while hidden (no partnership chosen): assistive technology lists hidden nodes too
        self.raw_toggle.setAccessibleName(ui("Survey's text of the period"))
        self.raw_toggle.setAccessibleDescription(ui("Shows the period exactly as the survey printed it"))
        self.source_button.setAccessibleName(ui("Source"))
        self.source_button.setAccessibleDescription(ui("Open this source in the list of sources"))
        if p is None:
            return
        self.title.setText(p.municipality)
        self.partners_heading.setText(ui("Partners"))
        self.partners.setText("\n".join(
            f"• {display(partner.name)} – {country_name(partner.country, code)}" for partner in p.partners))
        self.project_heading.setText(ui("Project: %(type)s") % {"type": display(p.project_type)})
        self.project.setText(display(p.project))
        self.period_heading.setText(ui("Period"))
        self.raw_toggle.setText(ui("Hide the survey's text") if self.raw_toggle.isChecked()
                                else ui("Show the survey's text"))
        self.raw_toggle.setAccessibleName(ui("Survey's text of the period"))
        self.raw_toggle.setAccessibleDescription(ui("Shows the period exactly as the survey printed it"))
        self._update_period()
        self.aspect_heading.setText(ui("Survey aspect"))
        self.aspect.setText(self._aspect_text(p))
        self.description_heading.setText(ui("What happened"))
        self.description.setText(display(p.description))
        self.note_heading.setText(ui("Corrections and notes"))
        self.note.setText(display(p.note))
        self.note_heading.setVisible(bool(p.note))
        self.note.setVisible(bool(p.note))
        self.source_heading.setText(ui("Source"))
        self.source_button.setText(source_title(self.context.pack, p.source, self.language.content))
        self.source_button.setAccessibleName(ui("Source"))
        self.source_button.setAccessibleDescription(ui("Open this source in the list of sources"))
        self.updateGeometry()

    def _content_widgets(self) -> list[QWidget]:
        return [self.title, self.partners_heading, self.partners, self.project_heading, self.project,
                self.period_heading, self.period, self.raw_toggle, self.aspect_heading, self.aspect,
                self.description_heading, self.description, self.note_heading, self.note, self.source_heading,
                self.source_button]

    def _aspect_text(self, p: Partnership) -> str:
        ui = self.language.ui
        aspects = dict(self.context.pack.survey.aspects) if self.context.pack.survey else {}
        if p.aspect in aspects:
            return ui("Aspect %(letter)s: %(text)s") % {"letter": p.aspect,
                                                         "text": self.language.display(aspects[p.aspect])}
        return ui("Not stated: the survey does not assign this row to one of its aspects a, b or c.")

    def _update_period(self, *_args) -> None:
        p = self.partnership
        if p is None:
            return
        ui = self.language.ui
        text = period_text(p, self.language)
        if self.raw_toggle.isChecked():
            raw = p.period_raw.strip() or ui("(empty)")
            text += "\n" + ui("In the survey: “%(raw)s”") % {"raw": raw}
            self.raw_toggle.setText(ui("Hide the survey's text"))
        else:
            self.raw_toggle.setText(ui("Show the survey's text"))
        self.period.setText(text)

    def _open_source(self) -> None:
        if self.partnership is not None:
            self.context.state.sourceRequested.emit(self.partnership.source)
