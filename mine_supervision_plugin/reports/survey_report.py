"""The special survey report (专项勘测报告) as a PDF: the comparison of a survey round, laid out as the notice is.

Sections: a cover; 一 the survey's purpose and figures; 二 a summary table per
mine (surveyed area, out-of-bounds area, growth since the previous round,
depth findings, works approaching the boundary); 三 each out-of-bounds piece
with its corner coordinates (CGCS2000, X northing / Y easting, 2 decimals) and
area; 四 the round-to-round comparison; 五 a chart of the out-of-bounds area by
mine (reportlab graphics); 六 conclusions and recommendations, worded in the
editable template ``resources/templates/survey_report.json``; then the overlay
map of each mine (rendered by QGIS, :mod:`.map_figure`, given here as images).

The input is :func:`..analysis.survey.compare_survey`'s answer (this round
against the licences, and the previous round against them when there is one);
this module holds no QGIS: the faces render the maps of :func:`figure_case`.
Same type area, fonts, page numbers and markup rules as the notice
(:mod:`.notice`): every font embedded, data printed verbatim and wrapped.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import string
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.notices import Finding, HolderCase, Licence, to_mu
from ..i18n import tr
from .fonts import DocumentFonts, RegisteredFont
from .notice import (
    AREA_H,
    AREA_W,
    BODY_PT,
    BOTTOM,
    LEADING,
    LEFT,
    MM,
    PAGE_H,
    PAGE_W,
    TOP,
    Markup,
    _cjk_line_rules,
    _styles,
    chinese_date,
)
from .template import TemplateError

FIGURE_MM = (150.0, 86.0)  # two maps with their captions on a page
CELL_PT = 9.0  # 小五: the tables' many columns in the notice's type area
SPAN_CORNERS = 30  # a piece of more corners is not one spanned block (it could not split across pages)
CHART_MINES = 30  # the chart shows the mines with the largest out-of-bounds areas, at most this many
#: Codes of :mod:`.map_figure`'s finding layer (their palette colours) and the legend's words for the survey map.
MAP_LABELS = {"within_licence": "实测开采范围", "expired_licence": "较上轮新增范围", "out_of_bounds": "越界部分（编号）"}
_NUMERALS = "一二三四五六七八九十"


@dataclass
class MineResult:
    """One mine's line of the report (areas in m²; None where not measured)."""

    key: str
    license_no: str
    holder: str
    mine_name: str
    matched: bool
    surveyed_m2: float
    outside_m2: float
    pieces: int
    max_distance_m: float | None
    growth_m2: float | None
    growth_outside_m2: float | None
    toward: bool
    approaching: bool
    boundary_distance_m: float | None
    above_top_m: float | None
    below_bottom_m: float | None
    extent: object = None
    licence: object = None
    growth: list = field(default_factory=list)
    previous_surveyed_m2: float | None = None
    previous_outside_m2: float | None = None
    checks: MineChecks | None = None

    @property
    def name(self) -> str:
        """The mine as the report names it: its name and licence number, else whichever it has."""
        if self.mine_name and self.license_no:
            return f"{self.mine_name}（{self.license_no}）"
        return self.mine_name or self.license_no or self.key

    @property
    def cell_name(self) -> str:
        """The name in a table cell: the licence number on a line of its own (it must not break)."""
        if self.mine_name and self.license_no:
            return f"{self.mine_name}\n（{self.license_no}）"
        return self.name

    @property
    def depth_text(self) -> str:
        parts = []
        if self.above_top_m:
            parts.append(f"超出开采标高上限{self.above_top_m:.1f}米")
        if self.below_bottom_m:
            parts.append(f"低于开采标高下限{self.below_bottom_m:.1f}米")
        return "；".join(parts) or "—"

    @property
    def approach_text(self) -> str:
        if self.approaching and self.boundary_distance_m is not None:
            return f"距边界{self.boundary_distance_m:.1f}米"
        if self.toward:
            return "向边界扩展"
        return "—"


@dataclass
class OutsidePiece:
    """An out-of-bounds piece: its mine, number, area, distance beyond, nearest corners and its own corners."""

    key: str
    piece_no: int
    area_m2: float
    max_distance_m: float | None
    near_corners: str
    corners: list[tuple[str, float, float]]  # (point number, X northing, Y easting)
    geometry: object = None


@dataclass
class MineChecks:
    """A mine's patrols of the period (required / satisfied months or quarters) and its corner checks."""

    frequency: str | None = None  # "month" / "quarter" (domain.compliance), None: unknown status
    required: int | None = None
    satisfied: int | None = None
    missing: str = ""
    patrols: int | None = None
    last_patrol: dt.date | None = None
    corners_checked: int = 0
    corners_failed: int = 0
    max_deviation_m: float | None = None

    @property
    def patrol_text(self) -> str:
        if self.required is None:
            return "—"
        unit = {"month": "月", "quarter": "季度"}.get(self.frequency or "", "期")
        text = f"应巡查{self.required}个{unit}，已巡查{self.satisfied}个"
        return text + (f"；缺{self.missing}" if self.missing else "")

    @property
    def corner_text(self) -> str:
        if not self.corners_checked:
            return "—"
        text = f"核查{self.corners_checked}个，不合格{self.corners_failed}个"
        if self.max_deviation_m is not None:
            text += f"，最大偏差{self.max_deviation_m:.2f}米"
        return text


def corner_summary(license_nos: Sequence, passed: Sequence, deviations: Sequence | None = None) -> dict:
    """Corner checks by licence: how many, how many failed, the largest deviation (rows of the corner_checks table)."""
    found: dict[str, MineChecks] = {}
    deviations = deviations if deviations is not None else [None] * len(license_nos)
    for number, ok, deviation in zip(license_nos, passed, deviations):
        key = str(number or "").strip()
        if not key:
            continue
        checks = found.setdefault(key, MineChecks())
        checks.corners_checked += 1
        if ok in (False, 0, "0", "false", "False", "否", "不合格"):
            checks.corners_failed += 1
        try:
            value = float(deviation)
        except (TypeError, ValueError):
            continue
        if value == value:  # not NaN
            checks.max_deviation_m = max(checks.max_deviation_m or 0.0, value)
    return found


def add_checks(report: SurveyReport, period: tuple[dt.date, dt.date], patrols: Mapping[str, dict] | None = None,
               corners: Mapping[str, MineChecks] | None = None) -> None:
    """Set each mine's patrols of ``period`` (rows of :func:`..analysis.compliance.compliance` by licence) and its
    corner checks (:func:`corner_summary`) on the report, for its section on patrols and corner checks."""
    report.checks_period = period
    for mine in report.mines:
        checks = (corners or {}).get(mine.license_no) or MineChecks()
        row = (patrols or {}).get(mine.license_no)
        if row is not None:
            checks.frequency = row.get("frequency")
            checks.required = None if row.get("required_periods") is None else int(row["required_periods"])
            checks.satisfied = None if row.get("satisfied_periods") is None else int(row["satisfied_periods"])
            checks.missing = str(row.get("missing_periods") or "")
            checks.patrols = None if row.get("inspections_in_period") is None else int(row["inspections_in_period"])
            checks.last_patrol = row.get("last_inspected_on")
        mine.checks = checks
    report.patrols_given = patrols is not None
    report.corners_given = corners is not None


@dataclass
class ZoneResult:
    """A monitoring zone (重点监测矿区): the mines whose extents lie in it, their surveyed and out-of-bounds areas."""

    name: str
    geometry: object
    mine_keys: list[str] = field(default_factory=list)
    surveyed_m2: float = 0.0
    outside_m2: float = 0.0

    @property
    def key(self) -> str:
        """The key of its map among the figures (a mine's key is its licence number)."""
        return f"zone:{self.name}"


@dataclass
class SurveyReport:
    """Every text and figure of one report, in Chinese, as printed (not yet escaped)."""

    authority: str
    title: str
    subtitle: str
    surveyor: str
    purpose: str
    round_label: str
    previous_label: str | None
    crs_name: str
    issued_at: dt.date
    mines: list[MineResult]
    pieces: list[OutsidePiece]
    conclusions: list[str]
    recommendations: list[str]
    figure_caption: str
    seal_text: str
    unmatched: int = 0
    zones: list[ZoneResult] = field(default_factory=list)
    checks_period: tuple | None = None
    patrols_given: bool = False
    corners_given: bool = False

    def caption(self, mine: MineResult) -> str:
        return self.figure_caption.replace("{mine}", mine.name)


def _num(value) -> float | None:
    return None if value is None else float(value)


def piece_corners(geometry) -> list[tuple[str, float, float]]:
    """The corners of a piece clockwise from its north-westernmost one: (number, X northing, Y easting).

    Numbered J1, J2… as a boundary survey numbers them; the corners of a hole follow, marked 内.
    """
    import shapely
    from shapely.geometry.polygon import orient

    corners = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if shapely.is_empty(polygon):
            continue
        polygon = orient(polygon, sign=-1.0)  # exterior clockwise, as Chinese boundary tables run
        rings = [polygon.exterior, *polygon.interiors]
        for r, ring in enumerate(rings):
            points = list(ring.coords)[:-1]
            start = max(range(len(points)), key=lambda i: (points[i][1] - points[i][0], -i)) if points else 0
            points = points[start:] + points[:start]
            mark = "内" if r else ""
            corners += [(f"{mark}J{len(corners) + k}", y, x) for k, (x, y) in enumerate(points, start=1)]
    return corners


def _near_corners_zh(text: str, in_excluded: bool) -> str:
    """The comparison's nearest-corners text (interface language) in the report's Chinese."""
    if not text:
        return "—"
    pair = re.findall(r"\d+-\d+", text)
    corners = pair[-1] if pair else text
    parcel = re.match(r"\D*(\d+)\D+\d+-\d+", text) if not in_excluded else None
    if in_excluded:
        return f"扣除地块拐点{corners}"
    if parcel and len(re.findall(r"\d+", text)) == 3:
        return f"第{parcel.group(1)}块拐点{corners}"
    return f"拐点{corners}"


def _filled(texts: Sequence[str], values: Mapping) -> list[str]:
    """The template's sentences with ``values`` filled in; a placeholder the report does not know is named."""
    out = []
    for text in texts:
        try:
            out.append(string.Formatter().vformat(text, (), values))
        except KeyError as error:
            raise TemplateError(tr("The survey report template names {{{name}}}, which the report does not know. "
                                   "Known: {known}").format(name=error.args[0], known=", ".join(sorted(values)))) \
                from error
        except (ValueError, IndexError) as error:
            raise TemplateError(tr("The survey report template has a sentence it cannot fill: {text} ({reason})")
                                .format(text=text, reason=error)) from error
    return out


def build_report(
    comparison,
    licences: Mapping[str, Licence],
    template: dict,
    *,
    round_label: str = "",
    previous=None,
    previous_label: str | None = None,
    crs_name: str = "CGCS2000",
    issued_at: dt.date | None = None,
) -> SurveyReport:
    """The report of ``comparison`` (:class:`..analysis.survey.SurveyComparison`, this round against the licences).

    ``licences`` by number give holders, mine names and boundaries; ``previous`` is the previous round's
    comparison against the same licences (its surveyed and out-of-bounds areas), when there is one; the
    growth is the one ``comparison`` made with the previous round's extents.
    """
    summary = comparison.summary
    mines = []
    by_key = {}
    for i, number in enumerate(summary.get("license_no", [])):
        key = str(number or f"unmatched-{i + 1}")  # a key only: the report names such a mine in words
        licence = licences.get(str(number)) if number else None
        mine = MineResult(
            key=key, license_no=str(number or ""), holder=licence.holder if licence else "",
            mine_name=licence.mine_name if licence else "", matched=bool(summary["matched"][i]),
            surveyed_m2=float(summary["surveyed_area_m2"][i]), outside_m2=float(summary["outside_area_m2"][i]),
            pieces=int(summary["outside_pieces"][i]), max_distance_m=_num(summary["max_distance_m"][i]),
            growth_m2=_num(summary["growth_area_m2"][i]), growth_outside_m2=_num(summary["growth_outside_area_m2"][i]),
            toward=bool(summary["grew_toward_boundary"][i]), approaching=bool(summary["approaching"][i]),
            boundary_distance_m=_num(summary["boundary_distance_m"][i]), above_top_m=_num(summary["above_top_m"][i]),
            below_bottom_m=_num(summary["below_bottom_m"][i]), extent=summary["geometry"][i],
            licence=licence.geometry if licence else None,
        )
        if not mine.matched and not mine.mine_name:
            mine.mine_name = "未对应采矿权的开采范围"
        mines.append(mine)
        by_key.setdefault(str(number or ""), mine)
    if previous is not None:
        before = previous.summary
        for i, number in enumerate(before.get("license_no", [])):
            mine = by_key.get(str(number or ""))
            if mine is not None and number:
                mine.previous_surveyed_m2 = float(before["surveyed_area_m2"][i])
                mine.previous_outside_m2 = float(before["outside_area_m2"][i])
    growth = comparison.growth or {}
    for number, geometry in zip(growth.get("license_no", []), growth.get("geometry", [])):
        if number and str(number) in by_key:
            by_key[str(number)].growth.append(geometry)
    pieces = []
    outside = comparison.outside or {}
    for k, number in enumerate(outside.get("license_no", [])):
        mine = by_key.get(str(number or ""))
        geometry = outside["geometry"][k]
        pieces.append(OutsidePiece(
            key=mine.key if mine else str(number or ""), piece_no=int(outside["piece_no"][k]),
            area_m2=float(outside["area_m2"][k]), max_distance_m=_num(outside["max_distance_m"][k]),
            near_corners=_near_corners_zh(outside["near_corners"][k] or "", bool(outside["in_excluded"][k])),
            corners=piece_corners(geometry), geometry=geometry))

    outside_mines = [m for m in mines if m.outside_m2 > 0]
    outside_area = sum(m.outside_m2 for m in mines)
    values = {
        "round": round_label or "本轮", "previous": previous_label or "—", "mines": len(mines),
        "outside_mines": len(outside_mines), "outside_pieces": len(pieces), "outside_area": f"{outside_area:.2f}",
        "outside_mu": f"{to_mu(outside_area):.2f}", "no_outside": not outside_mines,
        "deeper_mines": sum(1 for m in mines if m.above_top_m or m.below_bottom_m),
        "approaching_mines": sum(1 for m in mines if m.approaching),
        "growing_mines": sum(1 for m in mines if m.growth_m2), "toward_mines": sum(1 for m in mines if m.toward),
        "unmatched": sum(1 for m in mines if not m.matched),
        "outside_list": "、".join(m.name for m in outside_mines) or "无",
    }
    conditions = {**values, "previous": bool(previous_label)}  # "when": "previous" asks whether there was one

    def fill(entries):
        return _filled_when(entries, conditions, values)

    return SurveyReport(
        authority=template["authority"], title=template["title"],
        subtitle=_filled([template.get("subtitle") or ""], values)[0] if round_label else "",
        surveyor=template.get("surveyor") or "", purpose=template.get("purpose") or "",
        round_label=round_label, previous_label=previous_label, crs_name=crs_name,
        issued_at=issued_at or dt.date.today(), mines=mines, pieces=pieces,
        conclusions=fill(template.get("conclusions")), recommendations=fill(template.get("recommendations")),
        figure_caption=template.get("figure_caption") or "{mine}叠加图", seal_text=template.get("seal_text") or "（印章）",
        unmatched=values["unmatched"],
    )


def _filled_when(entries, conditions: Mapping, values: Mapping) -> list[str]:
    """:func:`_filled` with the conditions judged on ``conditions`` and the texts filled from ``values``."""
    kept = []
    for entry in entries or ():
        when = entry.get("when") if isinstance(entry, dict) else None
        if when and not conditions.get(when):
            continue
        kept.append(entry.get("text", "") if isinstance(entry, dict) else str(entry))
    return _filled(kept, values)


def add_zones(report: SurveyReport, zones: Sequence[tuple[str, object]]) -> list[ZoneResult]:
    """The zones (name, geometry in the report's CRS) with the mines whose extents meet them; set on the report."""
    import shapely

    results = []
    for name, geometry in zones:
        if geometry is None or shapely.is_empty(geometry):
            continue
        zone = ZoneResult(str(name or "").strip() or "—", geometry)
        shapely.prepare(geometry)
        for mine in report.mines:
            if mine.extent is not None and shapely.intersects(geometry, mine.extent):
                zone.mine_keys.append(mine.key)
                zone.surveyed_m2 += mine.surveyed_m2
                zone.outside_m2 += mine.outside_m2
        results.append(zone)
    report.zones = results
    return results


def zone_case(report: SurveyReport, zone: ZoneResult) -> HolderCase:
    """A zone's overlay map as :mod:`.map_figure` draws one: its mines' licences, extents and pieces."""
    keys = set(zone.mine_keys)
    mines = [m for m in report.mines if m.key in keys]
    licences = [Licence(m.license_no or m.key, m.holder, m.mine_name, geometry=m.licence) for m in mines
                if m.licence is not None]
    findings = [Finding("", "within_licence", geometry=m.extent) for m in mines]
    findings += [Finding("", "out_of_bounds", geometry=p.geometry) for p in report.pieces if p.key in keys]
    return HolderCase(zone.name, licences, findings)


def figure_case(mine: MineResult, pieces: Sequence[OutsidePiece]) -> HolderCase:
    """The overlay map of ``mine`` as :mod:`.map_figure` draws one: its licence, extent, growth, pieces."""
    licences = [Licence(mine.license_no or mine.key, mine.holder, mine.mine_name, geometry=mine.licence)] \
        if mine.licence is not None else []
    findings = [Finding("", "within_licence", geometry=mine.extent)]
    findings += [Finding("", "expired_licence", geometry=g) for g in mine.growth]
    findings += [Finding(str(p.piece_no), "out_of_bounds", geometry=p.geometry) for p in pieces if p.key == mine.key]
    return HolderCase(mine.holder or mine.name, licences, findings)


# --------------------------------------------------------------------------------------------- PDF


def _area(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def _whole(value: float | None) -> str:
    """Whole square metres: the round-to-round table has eight columns to fit."""
    return "—" if value is None else f"{value:,.0f}"


def _section(n: int) -> str:
    return f"{_NUMERALS[n - 1]}、" if n <= 10 else f"{n}、"


def chart_font(texts: Sequence[str], fonts: DocumentFonts) -> RegisteredFont:
    """The first of the document's fonts that has every character of ``texts`` (a chart's labels use one font)."""
    chars = {ord(c) for text in texts for c in text if not c.isspace()}
    for font in (fonts.body, fonts.title, *fonts.fallbacks):
        if chars <= font.chars:
            return font
    return fonts.body


def _plain(text: str, font: RegisteredFont, markup: Markup) -> str:
    """``text`` for a drawing string in ``font``: a character it lacks as [U+XXXX], named in the warnings."""
    out = []
    for char in text:
        if ord(char) in font.chars or char.isspace():
            out.append(char)
        else:
            markup.missing.setdefault(char, text[:40])
            out.append(f"[U+{ord(char):04X}]")
    return "".join(out)


def out_of_bounds_chart(report: SurveyReport, fonts: DocumentFonts, markup: Markup, width: float = AREA_W):
    """A horizontal bar chart of the out-of-bounds area by mine (this round; the previous beside it), or None."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    mines = sorted((m for m in report.mines if m.outside_m2 > 0 or (m.previous_outside_m2 or 0) > 0),
                   key=lambda m: -m.outside_m2)[:CHART_MINES]
    if not mines:
        return None
    with_previous = report.previous_label is not None
    names = [m.mine_name or m.license_no or m.key for m in mines]
    names = [n if len(n) <= 12 else n[:11] + "…" for n in names]
    font = chart_font(names + ["越界面积（平方米）", report.round_label, report.previous_label or ""], fonts)
    names = [_plain(n, font, markup) for n in names]
    bar = 7.0 if with_previous else 10.0
    plot_h = len(mines) * (bar * (2 if with_previous else 1) + 6)
    height = plot_h + 60
    drawing = Drawing(width, height)
    # the drawing's initial font is one of ours: reportlab's default (Times-Roman) would be named unembedded
    drawing.initialFontName, drawing.initialFontSize = font.name, 9
    chart = HorizontalBarChart()
    chart.x, chart.y = 120, 30
    chart.width, chart.height = width - chart.x - 20, plot_h
    # the first mine at the top: reportlab draws the first category at the bottom
    series = [[m.outside_m2 for m in reversed(mines)]]
    if with_previous:
        series.insert(0, [m.previous_outside_m2 or 0.0 for m in reversed(mines)])
    chart.data = series
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font.name
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = font.name
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.barWidth = bar
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    colours = [colors.HexColor("#f3b27a"), colors.HexColor("#c62828")] if with_previous else [colors.HexColor("#c62828")]
    for i, colour in enumerate(colours):
        chart.bars[i].fillColor = colour
    chart.barLabelFormat = lambda v: f"{v:,.0f}" if v else ""
    chart.barLabels.fontName = font.name
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    drawing.add(String(chart.x + chart.width / 2, 8, _plain("越界面积（平方米）", font, markup), fontName=font.name,
                       fontSize=9, textAnchor="middle"))
    legend = Legend()
    legend.fontName = font.name
    legend.fontSize = 9
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.boxAnchor = "ne"
    legend.x, legend.y = width - 10, height - 4
    legend.dx = legend.dy = 8
    legend.deltax = 90
    labels = [_plain(f"本轮（{report.round_label or '本轮'}）", font, markup)]
    if with_previous:
        labels.insert(0, _plain(f"上轮（{report.previous_label}）", font, markup))
    legend.colorNamePairs = list(zip(colours, labels))
    drawing.add(legend)
    return drawing


def _flowables(report: SurveyReport, fonts: DocumentFonts, markup: Markup, figures: Mapping[str, str]):
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        CondPageBreak,
        Image,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    styles = _styles(fonts)
    title_font = fonts.title
    heading = ParagraphStyle("heading", parent=styles["plain"], fontName=fonts.title.name, spaceBefore=LEADING * 0.3,
                             spaceAfter=LEADING * 0.2)
    cell = ParagraphStyle("tcell", parent=styles["plain"], fontSize=CELL_PT, leading=CELL_PT * 1.35)
    number = ParagraphStyle("tnum", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("thead", parent=cell, fontName=fonts.title.name, alignment=TA_CENTER)
    centre = ParagraphStyle("tcentre", parent=cell, alignment=TA_CENTER)
    cover_title = ParagraphStyle("cover", parent=styles["title"], fontSize=26, leading=40)
    cover_line = ParagraphStyle("coverline", parent=styles["plain"], alignment=TA_CENTER)
    note = ParagraphStyle("note", parent=cell, alignment=TA_LEFT, textColor="#333333")
    figure_caption = ParagraphStyle("figcaption", parent=styles["caption"], fontSize=12, leading=17)

    def table(header: list[str], rows: list[list], widths_mm: list[float], aligns: list[str], extra=()):
        styles_of = {"l": cell, "r": number, "c": centre}
        data = [[Paragraph(markup(h, title_font), head) for h in header]]
        data += [[Paragraph(markup(str(v)), styles_of[a]) for v, a in zip(row, aligns)] for row in rows]
        scale = AREA_W / (sum(widths_mm) * MM)
        result = Table(data, colWidths=[w * MM * scale for w in widths_mm], repeatRows=1)
        result.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.body.name, CELL_PT),  # else the table names Helvetica, unembedded
            ("GRID", (0, 0), (-1, -1), 0.6, "#000000"),
            ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]))
        return result

    # --- the cover
    story = [
        Spacer(1, 30 * MM),
        Paragraph(markup(report.title, title_font), cover_title),
    ]
    if report.subtitle:
        story.append(Paragraph(markup(report.subtitle), cover_line))
    story += [Spacer(1, 70 * MM)]
    if report.surveyor:
        story.append(Paragraph(markup(f"勘测单位：{report.surveyor}"), cover_line))
    story += [
        Paragraph(markup(f"编制单位：{report.authority}"), cover_line),
        Paragraph(markup(chinese_date(report.issued_at)), cover_line),
        NextPageTemplate("body"),
        PageBreak(),
    ]

    # --- 一 the survey and its figures
    section = 1
    story.append(Paragraph(markup(f"{_section(section)}勘测概况", title_font), heading))
    if report.purpose:
        story.append(Paragraph(markup(report.purpose), styles["body"]))
    surveyed = sum(m.surveyed_m2 for m in report.mines)
    outside = sum(m.outside_m2 for m in report.mines)
    rounds = f"本轮勘测（{report.round_label}）" if report.round_label else "本轮勘测"
    against = f"，并与上一轮（{report.previous_label}）勘测成果对比" if report.previous_label else ""
    story.append(Paragraph(markup(
        f"{rounds}共涉及矿山{len(report.mines)}个，实测开采范围合计{surveyed:,.2f}平方米（{to_mu(surveyed):.2f}亩），"
        f"其中越出批准矿区范围{outside:,.2f}平方米（{to_mu(outside):.2f}亩）{against}。坐标系统为{report.crs_name}，"
        f"面积单位为平方米，坐标单位为米，X为纵坐标（北向），Y为横坐标（东向）。"), styles["body"]))

    # --- 二 summary per mine
    section += 1
    story.append(CondPageBreak(6 * LEADING))
    story.append(Paragraph(markup(f"{_section(section)}各矿山勘测结果汇总", title_font), heading))
    rows = [[i, m.cell_name, _area(m.surveyed_m2), _area(m.outside_m2) if m.outside_m2 else "—",
             _area(m.growth_m2) if report.previous_label else "—", m.depth_text, m.approach_text]
            for i, m in enumerate(report.mines, start=1)]
    highlight = [("BACKGROUND", (3, i), (3, i), "#fbe0d0") for i, m in enumerate(report.mines, start=1)
                 if m.outside_m2 > 0]
    story.append(table(["序号", "矿山（许可证号）", "勘测面积（m²）", "越界面积（m²）", "较上轮增长（m²）", "开采深度",
                        "临近边界"], rows, [8, 48, 21, 19, 19, 23, 18], ["c", "l", "r", "r", "r", "l", "l"],
                       highlight))
    if report.zones:
        names = {m.key: m.mine_name or m.license_no or m.key for m in report.mines}
        story.append(Paragraph(markup(f"按重点监测矿区汇总（{len(report.zones)}个）："), styles["body"]))
        rows = [[z.name, len(z.mine_keys), _area(z.surveyed_m2), _area(z.outside_m2) if z.outside_m2 else "—",
                 "、".join(names[k] for k in z.mine_keys) or "—"] for z in report.zones]
        story.append(table(["重点监测矿区", "矿山数", "勘测面积（m²）", "越界面积（m²）", "矿山"], rows,
                           [34, 12, 22, 22, 66], ["l", "c", "r", "r", "l"]))

    # --- 三 out-of-bounds pieces and their corners
    section += 1
    story.append(CondPageBreak(6 * LEADING))
    story.append(Paragraph(markup(f"{_section(section)}越界开采范围及拐点坐标", title_font), heading))
    if not report.pieces:
        story.append(Paragraph(markup("本轮勘测未发现越出批准矿区范围的开采范围。"), styles["body"]))
    else:
        mines = {m.key: m for m in report.mines}
        story.append(Paragraph(markup(
            f"共{len(report.pieces)}处越界开采范围。各处拐点按顺时针方向自西北角起编号（J1、J2…），坐标系统为"
            f"{report.crs_name}，保留两位小数。"), styles["body"]))
        rows, lines = [], []
        for piece in report.pieces:
            mine = mines.get(piece.key)
            first = len(rows) + 1
            distance = "—" if piece.max_distance_m is None else f"{piece.max_distance_m:.2f}"
            for j, (point, x, y) in enumerate(piece.corners or [("—", None, None)]):
                lead = j == 0
                rows.append([
                    (mine.cell_name if mine else piece.key) if lead else "", piece.piece_no if lead else "",
                    _area(piece.area_m2) if lead else "", distance if lead else "",
                    piece.near_corners if lead else "", point,
                    "—" if x is None else f"{x:.2f}", "—" if y is None else f"{y:.2f}"])
            lines.append(("LINEABOVE", (0, first), (-1, first), 1.2, "#000000"))
            last = len(rows)
            if 1 < last - first + 1 <= SPAN_CORNERS:  # the piece's cells span its corners (a span never splits)
                lines += [("SPAN", (c, first), (c, last)) for c in range(5)]
        story.append(table(["矿山（许可证号）", "编号", "面积（m²）", "越界距离（m）", "邻近拐点", "点号", "X（m）",
                            "Y（m）"], rows, [42, 8, 17, 13, 16, 9, 25, 26],
                           ["l", "c", "r", "r", "l", "c", "r", "r"], lines))

    # --- 四 round to round
    section += 1
    story.append(CondPageBreak(6 * LEADING))
    story.append(Paragraph(markup(f"{_section(section)}与上一轮勘测对比", title_font), heading))
    if report.previous_label is None:
        story.append(Paragraph(markup("未提供上一轮勘测成果，本轮未作轮次对比。"), styles["body"]))
    else:
        rows = []
        for m in report.mines:
            change = "—"
            if m.previous_outside_m2 is not None:
                delta = m.outside_m2 - m.previous_outside_m2
                change = "新增越界" if m.previous_outside_m2 == 0 and m.outside_m2 > 0 else (
                    f"+{delta:,.0f}" if delta > 0 else (f"{delta:,.0f}" if delta < 0 else "持平"))
            rows.append([m.cell_name, _whole(m.previous_surveyed_m2), _whole(m.surveyed_m2), _whole(m.growth_m2),
                         _whole(m.growth_outside_m2), _whole(m.previous_outside_m2), _whole(m.outside_m2), change])
        story.append(Paragraph(markup(
            f"上一轮（{report.previous_label}）与本轮（{report.round_label or '本轮'}）各矿山的勘测面积、新增开采范围及"
            f"越界面积如下表（面积单位：平方米；“—”表示该轮未勘测）。"), styles["body"]))
        story.append(table(["矿山（许可证号）", "上轮勘测", "本轮勘测", "新增范围", "新增中越界", "上轮越界",
                            "本轮越界", "越界变化"], rows, [44, 16, 16, 16, 16, 16, 16, 16],
                           ["l", "r", "r", "r", "r", "r", "r", "c"]))

    # --- 五 chart
    section += 1
    drawing = out_of_bounds_chart(report, fonts, markup)
    block = [Paragraph(markup(f"{_section(section)}越界面积统计图", title_font), heading)]
    if drawing is None:
        block.append(Paragraph(markup("本轮及上一轮勘测均未发现越界开采，不作统计图。"), styles["body"]))
    else:
        block += [drawing, Paragraph(markup("图 越界开采面积（按矿山）"), styles["caption"])]
    story.append(KeepTogether(block))

    # --- patrols and corner checks of the period, when given
    if report.checks_period is not None and (report.patrols_given or report.corners_given):
        section += 1
        start, end = report.checks_period
        story.append(CondPageBreak(6 * LEADING))
        story.append(Paragraph(markup(f"{_section(section)}巡查与拐点核查情况", title_font), heading))
        checks = [(m, m.checks or MineChecks()) for m in report.mines if m.matched]
        lacking = [m.mine_name or m.license_no for m, c in checks if c.required is not None and c.missing]
        failed = [m.mine_name or m.license_no for m, c in checks if c.corners_failed]
        text = f"{chinese_date(start)}至{chinese_date(end)}期间，"
        if report.patrols_given:
            text += (f"巡查频次不足的矿山{len(lacking)}个" + (f"（{'、'.join(lacking)}）" if lacking else "") + "；")
        if report.corners_given:
            text += (f"拐点核查有不合格的矿山{len(failed)}个" + (f"（{'、'.join(failed)}）" if failed else "") + "；")
        story.append(Paragraph(markup(text.rstrip("；") + "。"), styles["body"]))
        rows = [[m.cell_name, c.patrol_text, "—" if c.patrols is None else c.patrols,
                 c.last_patrol.isoformat() if isinstance(c.last_patrol, dt.date) else "—", c.corner_text]
                for m, c in checks]
        marks = [("BACKGROUND", (1, i), (1, i), "#fbe0d0") for i, (_m, c) in enumerate(checks, start=1)
                 if c.required is not None and c.missing]
        marks += [("BACKGROUND", (4, i), (4, i), "#fbe0d0") for i, (_m, c) in enumerate(checks, start=1)
                  if c.corners_failed]
        story.append(table(["矿山（许可证号）", "巡查频次", "巡查次数", "最近巡查", "拐点核查"], rows,
                           [44, 42, 14, 22, 34], ["l", "l", "c", "c", "l"], marks))

    # --- 六 conclusions
    section += 1
    story.append(CondPageBreak(6 * LEADING))
    story.append(Paragraph(markup(f"{_section(section)}结论与建议", title_font), heading))
    for i, text in enumerate(report.conclusions, start=1):
        story.append(Paragraph(markup(f"{i}．{text}"), styles["body"]))
    if report.recommendations:
        story.append(Paragraph(markup("建议：", fonts.title), ParagraphStyle("lead", parent=styles["plain"],
                                                                         keepWithNext=1)))
        for i, text in enumerate(report.recommendations, start=1):
            story.append(Paragraph(markup(f"（{_NUMERALS[i - 1] if i <= 10 else i}）{text}"), styles["body"]))
    # the signature never stands alone on a page: it keeps the last paragraph with it
    last = [story.pop()] if isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether([*last, Spacer(1, LEADING), Paragraph(markup(report.authority), styles["right"]),
                               Paragraph(markup(chinese_date(report.issued_at)), styles["right"])]))

    # --- the maps
    shown = [m for m in report.mines if m.key in figures]
    zones_shown = [z for z in report.zones if z.key in figures]
    if shown or zones_shown:
        story.append(PageBreak())
        what = "各矿山及重点监测矿区" if zones_shown else "各矿山"
        story.append(Paragraph(markup(f"附图　{what}专项勘测叠加图", title_font), heading))
        for i, mine in enumerate(shown, start=1):
            width, height = FIGURE_MM
            story.append(KeepTogether([
                Image(figures[mine.key], width=width * MM, height=height * MM),
                Paragraph(markup(f"附图{i}　{report.caption(mine)}"), figure_caption),
                Spacer(1, LEADING * 0.3),
            ]))
        for j, zone in enumerate(zones_shown, start=len(shown) + 1):
            width, height = FIGURE_MM
            story.append(KeepTogether([
                Image(figures[zone.key], width=width * MM, height=height * MM),
                Paragraph(markup(f"附图{j}　{zone.name}{'' if '监测' in zone.name else '（重点监测矿区）'}专项勘测叠加图"),
                          figure_caption),
                Spacer(1, LEADING * 0.3),
            ]))
        story.append(Paragraph(markup(
            "图例：红框为采矿许可证批准的矿区范围（数字为拐点号），绿色为本轮实测开采范围，紫色为较上轮新增范围，"
            "橙色为越界部分（数字为越界编号）" + ("，蓝色虚线为重点监测矿区。" if zones_shown else "。")), note))
    return story


def _decorate(fonts: DocumentFonts):
    """Page numbers "— n —" as on the notice, counted from the page after the cover."""
    size = 14

    def on_page(canvas, doc):
        canvas.saveState()
        number = doc.page - 1
        text = f"— {number} —"
        canvas.setFont(fonts.body.name, size)
        y = BOTTOM - 7 * MM - size * 0.8
        if number % 2:
            canvas.drawRightString(LEFT + AREA_W - size, y, text)
        else:
            canvas.drawString(LEFT + size, y, text)
        canvas.restoreState()

    return on_page


def write_survey_report(report: SurveyReport, fonts: DocumentFonts, path: str | Path,
                        figures: Mapping[str, bytes] | None = None) -> list[str]:
    """Write the report to ``path`` atomically (a temporary file renamed into place); return the warnings.

    ``figures``: each mine's map (JPEG or PNG bytes, printed :data:`FIGURE_MM`) by :attr:`MineResult.key`.
    On any error nothing is left at ``path`` (nor beside it).
    """
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    _cjk_line_rules()
    rl_config.useA85 = 0
    path = Path(path)
    markup = Markup(fonts)
    handle, temporary = tempfile.mkstemp(prefix=".survey-", suffix=".pdf.part", dir=path.parent)
    os.close(handle)
    pictures: dict[str, str] = {}
    try:
        for n, (key, data) in enumerate((figures or {}).items()):
            # a JPEG file goes into the PDF as it is (DCT)
            picture = f"{temporary[: -len('.pdf.part')]}-{n}" + (".jpg" if data[:2] == b"\xff\xd8" else ".png")
            Path(picture).write_bytes(data)
            pictures[key] = picture
        story = _flowables(report, fonts, markup, pictures)
        doc = BaseDocTemplate(
            temporary, pagesize=(PAGE_W, PAGE_H), title=f"{report.title}{report.subtitle}",
            author=report.authority, subject=report.round_label, creator="Mine supervision plugin",
            leftMargin=LEFT, rightMargin=PAGE_W - LEFT - AREA_W, topMargin=TOP, bottomMargin=BOTTOM,
            initialFontName=fonts.body.name, initialFontSize=BODY_PT, initialLeading=LEADING,
        )
        frame = Frame(LEFT, BOTTOM, AREA_W, AREA_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("cover", [frame]),
                              PageTemplate("body", [frame], onPage=_decorate(fonts))])
        doc.build(story)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        for picture in pictures.values():
            Path(picture).unlink(missing_ok=True)
    return markup.warnings(report.title)
