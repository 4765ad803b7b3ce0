"""A table printed as a document: the problem ledger (问题台账), the year's patrol summary, the "two rates" table.

:func:`write_table_pdf` lays out a :class:`TableDocument` (title, subtitle,
Chinese column headers, rows, notes) as the notice is laid out: the same type
area (156 × 225 mm, turned to 225 × 156 mm on landscape A4 when the columns
need it), the same fonts (every one embedded), page numbers "— 1 —". The header
row repeats on every page; column widths follow the contents (short columns
are never wrapped, long text wraps, anywhere, CJK style); text from data
prints verbatim (<, &, quotes) and a character the font lacks comes from
another font found, or is printed as U+XXXX and named in the warnings.

Plain Python (reportlab): the data functions of the ledger, patrols and zones
give the rows; nothing here knows what they mean.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .fonts import DocumentFonts
from .notice import AREA_H, AREA_W, LEADING, MM, Markup, _cjk_line_rules, chinese_date

CELL_PT = 10.5  # 五号
#: Smaller sizes a crowded table falls back to (小五, 六号) before its dates and codes wrap.
SMALLER_PT = (9.0, 7.5)
TITLE_PT = 22.0  # 二号
SUBTITLE_PT = 16.0  # 三号
PADDING = 3.0
#: A column is wrapped rather than widened beyond this many characters when the page is chosen.
WRAP_AT_CHARS = 12


@dataclass
class Column:
    """A column: its Chinese header, alignment (``l``, ``c``, ``r``) and how a value prints.

    ``format``: a callable giving the text of a value; by default numbers print with two decimals (integers
    as they are) and None as an empty cell. ``width_mm`` fixes the width; otherwise it follows the contents.
    """

    header: str
    align: str = "l"
    format: Callable[[object], str] | None = None
    width_mm: float | None = None

    def text(self, value) -> str:
        if self.format is not None:
            return self.format(value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


@dataclass
class TableDocument:
    """What to print: title, subtitle, columns, rows (one value per column), notes under the table.

    ``landscape``: None chooses by the columns; ``authority`` and ``date`` sign the foot of the table.
    """

    title: str
    columns: list[Column]
    rows: Sequence[Sequence]
    subtitle: str = ""
    notes: list[str] = field(default_factory=list)
    authority: str = ""
    date: dt.date | None = None
    landscape: bool | None = None
    numbered: bool = False  # a first column 序号 numbering the rows


def _widths(columns: Sequence[Column], cells: list[list[str]], font: str,
            size: float = CELL_PT) -> tuple[list[float], list[float]]:
    """Each column's natural width (its longest line unwrapped) and its least width (its longest run of Latin
    letters and digits, which should not break: a date, a number, a code), in points, padding added."""
    import re

    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural, least = [], []
    runs = re.compile(r"[\x21-\x7e\u00b2\u00b3]+")
    for j, column in enumerate(columns):
        if column.width_mm:
            natural.append(column.width_mm * MM)
            least.append(column.width_mm * MM)
            continue
        texts = [column.header] + [row[j] for row in cells]
        longest = max((stringWidth(line, font, size) for text in texts for line in str(text).split("\n")),
                      default=0.0)
        token = max((stringWidth(run, font, size) for text in texts[1:] for run in runs.findall(str(text))),
                    default=0.0)
        # a column is never narrower than two characters, nor than its longest token (up to 24 characters)
        least.append(max(min(token, 24 * size * 0.55), 2 * size) + 2 * PADDING + 1)
        natural.append(max(longest, 2 * size) + 2 * PADDING + 1)
    natural = [max(n, m) for n, m in zip(natural, least)]
    return natural, least


def _share(base: list[float], goal: list[float], room: float) -> list[float]:
    """``base`` plus ``room`` shared in proportion to what each lacks of ``goal``."""
    lack = [max(g - b, 0.0) for b, g in zip(base, goal)]
    total = sum(lack)
    return [b + room * d / total for b, d in zip(base, lack)] if total else list(base)


def _desired(natural: list[float], least: list[float], size: float = CELL_PT) -> list[float]:
    """Each column unwrapped up to :data:`WRAP_AT_CHARS` characters, never under its least width."""
    cap = WRAP_AT_CHARS * size + 2 * PADDING + 1
    return [max(m, min(n, cap)) for n, m in zip(natural, least)]


def _fit(natural: list[float], least: list[float], available: float, size: float = CELL_PT) -> list[float]:
    """Widths summing to ``available``: everything unwrapped when it fits (each column grown in proportion);
    else each column up to :data:`WRAP_AT_CHARS` characters first, the rest shared among the long ones (they
    wrap); dates and codes never narrower than themselves while that is possible."""
    if sum(natural) <= available:
        return [w * available / sum(natural) for w in natural]
    desired = _desired(natural, least, size)
    if sum(desired) <= available:
        return _share(desired, natural, available - sum(desired))
    if sum(least) <= available:
        return _share(least, desired, available - sum(least))
    return [m * available / sum(least) for m in least]


def choose_landscape(document: TableDocument, natural: list[float], least: list[float]) -> bool:
    """Landscape when the columns, long ones wrapped at :data:`WRAP_AT_CHARS` characters, are wider than portrait."""
    if document.landscape is not None:
        return document.landscape
    return sum(_desired(natural, least)) > AREA_W


def write_table_pdf(document: TableDocument, fonts: DocumentFonts, path: str | Path) -> list[str]:
    """Write ``document`` to ``path`` atomically (a temporary file renamed into place); return the warnings.

    On any error nothing is left at ``path`` (nor beside it).
    """
    from reportlab import rl_config
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

    _cjk_line_rules()
    rl_config.useA85 = 0
    path = Path(path)
    markup = Markup(fonts)
    columns = list(document.columns)
    cells = [[column.text(value) for column, value in zip(columns, row)] for row in document.rows]
    if document.numbered:
        columns.insert(0, Column("序号", "c"))
        cells = [[str(i), *row] for i, row in enumerate(cells, start=1)]
    natural, least = _widths(columns, cells, fonts.body.name)
    landscape = choose_landscape(document, natural, least)
    page_w, page_h = (297 * MM, 210 * MM) if landscape else (210 * MM, 297 * MM)
    area_w, area_h = (AREA_H, AREA_W) if landscape else (AREA_W, AREA_H)
    # portrait: the notice's margins (top 37 mm, inner 28 mm); landscape: the type area centred on the page
    left, bottom = ((page_w - area_w) / 2, (page_h - area_h) / 2) if landscape else (28 * MM, page_h - 37 * MM - area_h)
    size = CELL_PT
    for smaller in SMALLER_PT:  # a crowded table: a smaller type rather than dates and codes broken
        if sum(_desired(natural, least, size)) <= area_w:
            break
        size = smaller
        natural, least = _widths(columns, cells, fonts.body.name, size)
    widths = _fit(natural, least, area_w, size)

    base = ParagraphStyle("cell", fontName=fonts.body.name, fontSize=size, leading=size * 1.4,
                          wordWrap="CJK", alignment=TA_LEFT)
    aligned = {"l": base, "c": ParagraphStyle("c", parent=base, alignment=TA_CENTER),
               "r": ParagraphStyle("r", parent=base, alignment=TA_RIGHT)}
    head = ParagraphStyle("head", parent=base, fontName=fonts.title.name, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=base, fontName=fonts.title.name, fontSize=TITLE_PT, leading=TITLE_PT * 1.5,
                           alignment=TA_CENTER)
    subtitle = ParagraphStyle("subtitle", parent=base, fontSize=SUBTITLE_PT, leading=SUBTITLE_PT * 1.6,
                              alignment=TA_CENTER)
    note = ParagraphStyle("note", parent=base, fontSize=CELL_PT, leading=CELL_PT * 1.6)
    sign = ParagraphStyle("sign", parent=base, fontSize=SUBTITLE_PT, leading=SUBTITLE_PT * 1.6, alignment=TA_RIGHT)

    data = [[Paragraph(markup(c.header, fonts.title), head) for c in columns]]
    data += [[Paragraph(markup(text), aligned.get(c.align, base)) for c, text in zip(columns, row)] for row in cells]
    class PagedTable(Table):
        """Splits between rows; inside a row only on a fresh page, for a row taller than the page (splitting it on
        a page already begun would print the header twice on that page)."""

        def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's API
            self.splitInRow = 1 if availHeight >= area_h - 1 else 0
            return super().split(availWidth, availHeight)

    table = PagedTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.body.name, size),  # else the table names Helvetica, unembedded
        ("GRID", (0, 0), (-1, -1), 0.6, "#000000"),
        ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    story = [Paragraph(markup(document.title, fonts.title), title)]
    if document.subtitle:
        story.append(Paragraph(markup(document.subtitle), subtitle))
    story += [Spacer(1, LEADING * 0.4), table]
    if not document.rows:
        story.append(Paragraph(markup("（无记录）"), aligned["c"]))
    for text in document.notes:
        story.append(Paragraph(markup(text), note))
    if document.authority or document.date:
        story.append(Spacer(1, LEADING * 0.5))
        if document.authority:
            story.append(Paragraph(markup(f"制表单位：{document.authority}"), sign))
        if document.date:
            story.append(Paragraph(markup(chinese_date(document.date)), sign))

    def on_page(canvas, doc):
        canvas.saveState()
        size = 14
        canvas.setFont(fonts.body.name, size)
        y = bottom - 7 * MM - size * 0.8
        text = f"— {doc.page} —"
        if landscape:
            canvas.drawCentredString(page_w / 2, y, text)
        elif doc.page % 2:
            canvas.drawRightString(left + area_w - size, y, text)
        else:
            canvas.drawString(left + size, y, text)
        canvas.restoreState()

    handle, temporary = tempfile.mkstemp(prefix=".table-", suffix=".pdf.part", dir=path.parent)
    os.close(handle)
    try:
        doc = BaseDocTemplate(
            temporary, pagesize=(page_w, page_h), title=document.title, subject=document.subtitle,
            author=document.authority, creator="Mine supervision plugin",
            leftMargin=left, rightMargin=page_w - left - area_w, topMargin=page_h - bottom - area_h,
            bottomMargin=bottom,
            initialFontName=fonts.body.name, initialFontSize=CELL_PT, initialLeading=CELL_PT * 1.4,
        )
        frame = Frame(left, bottom, area_w, area_h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("table", [frame], onPage=on_page)])
        doc.build(story)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return markup.warnings(document.title)
