"""One indicator out of the app: its data as CSV, its plot as PNG or SVG (no dialogs; the save flow asks).

Moved here from the indicators screen: the export layer draws with the views (a fresh,
non-interactive ``IndicatorPlot``), the screens never import the export layer; they ask
for an export through ``context.exports`` (``export.screen_exports``).
"""

from __future__ import annotations

from pathlib import Path

from zusammenleben.content.model import Indicator, IndicatorKind
from zusammenleben.core.theme import TypeScale
from zusammenleben.export.plot_export import CsvHeaders, save_png, save_svg, write_csv

SVG_SIZE = (1280, 720)  # the screen offers PNG sizes and always passes one
LAYOUT_WIDTH = 1280  # exports are laid out like a 1280-pixel slide and magnified beyond that


def export_csv(context, indicator: Indicator, path: Path | str) -> Path:
    """The indicator's data as CSV in the current language, in the order the plot and its table show it."""
    from zusammenleben.ui.plots.table import ordered_points, source_title

    language = context.language
    ui = language.ui
    key = ui("Year") if indicator.kind is IndicatorKind.SERIES else ui("Label")
    headers = CsvHeaders(key=key, value=ui("Value"), unit=ui("Unit"), qualifier=ui("Qualifier"), note=ui("Note"),
                         source=ui("Source"), source_id=ui("Source id"))
    return write_csv(path, indicator, language.code, headers, translate=language.content,
                     source_title=lambda source_id: source_title(context.pack, source_id, language),
                     points=ordered_points(indicator))


def export_image(context, indicator: Indicator, path: Path | str, size: tuple[int, int], kind: str) -> Path:
    """Render a fresh, non-interactive copy of the plot (no cursor, no hover label) to PNG or SVG."""
    from zusammenleben.ui.plots.widget import IndicatorPlot

    plot = IndicatorPlot(context, indicator, interactive=False, pen_scale=max(1.0, size[0] / LAYOUT_WIDTH))
    background = context.state.theme.background
    margin = TypeScale(context.state.font_scale).px(24)
    plot.layout().setContentsMargins(margin, margin, margin, margin)
    try:
        width, height = size
        if kind == "svg":
            return save_svg(plot, path, width, height, title=context.language.content(indicator.title),
                            description=plot.summary(), background=background)
        return save_png(plot, path, width, height, background=background, scale=width / LAYOUT_WIDTH)
    finally:
        plot.hide()
        plot.deleteLater()


def export_indicator(context, indicator: Indicator, path: Path | str, kind: str,
                     size: tuple[int, int] | None = None) -> Path:
    """``kind`` is ``png``, ``svg`` or ``csv``; images default to the SVG size."""
    if kind == "csv":
        return export_csv(context, indicator, path)
    return export_image(context, indicator, path, size or SVG_SIZE, kind)
