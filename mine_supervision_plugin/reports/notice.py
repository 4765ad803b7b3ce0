"""The rectification notice (整改通知书) as a PDF in the layout of GB/T 9704-2012, with its service receipt.

A4; type area 156 × 225 mm (top margin 37 mm, inner 28 mm); authority in red
heavy type over a red rule, document number, title in a heavy type, body in a
仿宋-like type at 三号 (16 pt, narrowed to 15.8 pt so that 28 characters fill a
line of 156 mm) on 22 lines a page; page numbers "— 1 —" 7 mm under the type
area, right on odd pages, left on even ones. The facts, a map figure (an image
at 300 dpi or more, rendered by QGIS: :mod:`.map_figure`), legal basis,
requirement and deadline, contact, authority and date under a seal
placeholder; then, on a page of its own, the service receipt (送达回证).

The document is Chinese by design (it is served on a Chinese holder); the
messages to the user go through ``tr``. Text from data (names, places, patch
numbers) prints verbatim: it is escaped for reportlab's markup, wraps anywhere
(CJK wrapping), and a character the body font lacks is taken from another font
found; one no font has is printed as U+XXXX and named in the warnings.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from ..domain.notices import HolderCase, deadline_from, is_draft, prejudgment_code, to_mu
from ..i18n import tr
from .fonts import DocumentFonts, RegisteredFont

MM = 72.0 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
AREA_W, AREA_H = 156 * MM, 225 * MM
LEFT, TOP = 28 * MM, 37 * MM
BOTTOM = PAGE_H - TOP - AREA_H
LINES, CHARS = 22, 28
BODY_PT = min(16.0, AREA_W / CHARS)  # 三号, as narrow as 28 characters a line need
LEADING = AREA_H / LINES
RED = "#d40000"
FIGURE_MM = (150.0, 100.0)
#: Chinese punctuation that may not start a line (GB/T 15834 禁则): reportlab's list is Japanese-minded and lacks
#: the full-width comma, colon, semicolon...; such a character hangs in the margin at the end of the line instead.
CANNOT_START = "，、。：；？！）》」』】〕〉％”’"


def _cjk_line_rules() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    if "，" not in textsplit.ALL_CANNOT_START:  # one frag: textsplit.dumbSplit; several: paragraph.cjkFragSplit
        textsplit.ALL_CANNOT_START += CANNOT_START
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


def area_text(m2: float) -> str:
    """``1234.56平方米（1.85亩）``."""
    return f"{m2:.2f}平方米（{to_mu(m2):.2f}亩）"


def chinese_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "　　年　月　日"


_ORDINALS = "一二三四五六七八九十"


def ordinal(n: int) -> str:
    """（一）…（十）, then （十一）…"""
    if n <= 10:
        return f"（{_ORDINALS[n - 1]}）"
    if n < 20:
        return f"（十{_ORDINALS[n - 11]}）"
    return f"（{n}）"


@dataclass
class NoticeDocument:
    """Every text of one notice, in Chinese, as printed (not yet escaped)."""

    number: str
    authority: str
    title: str
    holder: str
    intro: str
    facts: list[str]
    basis: str
    requirement: str
    closing: str
    contact: str
    issued_at: dt.date
    deadline: dt.date
    figure_caption: str
    receipt_title: str
    service_methods: list[str]
    seal_text: str
    license_nos: list[str] = field(default_factory=list)
    patch_nos: list[str] = field(default_factory=list)

    @property
    def facts_text(self) -> str:
        return "\n".join([self.intro, *self.facts])


def finding_text(finding, licences: dict) -> str:
    """One finding in the words of the notice: where, when, which licence, the areas, what lies beyond."""
    code = prejudgment_code(finding.prejudgment)
    numbers = "、".join(n for n in finding.license_nos if n in licences) or "、".join(finding.license_nos)
    where = f"位于{finding.place}，" if finding.place else ""
    when = f"于{chinese_date(finding.found_on)}发现，" if finding.found_on else ""
    head = f"图斑{finding.patch_no}：{where}{when}图斑面积{area_text(finding.total_m2)}"
    if code == "out_of_bounds":
        return (f"{head}，其中位于你单位采矿许可证（证号：{numbers}）批准的矿区范围内{area_text(finding.inside_m2)}，"
                f"超出批准的矿区范围{area_text(finding.outside_m2)}，涉嫌越界开采。")
    if code == "expired_licence":
        ends = [licences[n].valid_to for n in finding.license_nos if n in licences and licences[n].valid_to]
        validity = f"（有效期至{chinese_date(max(ends))}）" if ends else ""
        expired = finding.expired_m2 or finding.inside_m2
        return (f"{head}，位于你单位采矿许可证（证号：{numbers}）{validity}矿区范围内，其中"
                f"{area_text(expired)}的开采发生在采矿许可证有效期以外，涉嫌采矿许可证过期后继续开采。")
    return (f"{head}，与你单位采矿许可证（证号：{numbers}）矿区范围相接，位于批准的矿区范围以外"
            f"{area_text(finding.outside_m2 or finding.total_m2)}，涉嫌无证开采。")


def build_document(case: HolderCase, template: dict, number: str, issued_at: dt.date) -> NoticeDocument:
    """The texts of the notice to ``case.holder``, from the template's words and the holder's findings."""
    licences = {licence.license_no: licence for licence in case.licences}
    mines = "、".join(dict.fromkeys(licence.mine_name for licence in case.licences if licence.mine_name))
    licence_list = "、".join(case.license_nos)
    owner = f"你单位{mines}（采矿许可证号：{licence_list}）" if mines else f"你单位（采矿许可证号：{licence_list}）"
    codes = [prejudgment_code(f.prejudgment) for f in case.findings]
    total_out = sum(float(f.outside_m2 or 0) for f, code in zip(case.findings, codes) if code != "expired_licence")
    total_expired = sum(float(f.expired_m2 or f.inside_m2 or 0) for f, code in zip(case.findings, codes)
                        if code == "expired_licence")
    totals = [f"共{len(case.findings)}处图斑"]
    if total_out > 0:
        totals.append(f"超出批准矿区范围的面积合计{area_text(total_out)}")
    if total_expired > 0:
        totals.append(f"采矿许可证有效期以外开采的面积合计{area_text(total_expired)}")
    intro = (f"我局通过{template.get('found_by') or '执法巡查'}发现，{owner}存在以下涉嫌违法开采的问题"
             f"（{'，'.join(totals)}，位置见附图）：")
    facts = [f"{ordinal(i)}{finding_text(f, licences)}" for i, f in enumerate(case.findings, start=1)]
    deadline = deadline_from(issued_at, template["deadline_days"])
    contact = template.get("contact") or {}
    contact_text = "　".join(
        f"{label}：{contact[key]}" for key, label in (("person", "联系人"), ("phone", "联系电话"), ("address", "地址"))
        if contact.get(key)
    )
    return NoticeDocument(
        number=number,
        authority=template["authority"],
        title=template["title"],
        holder=case.holder,
        intro=intro,
        facts=facts,
        basis=f"上述行为违反了{template['legal_basis']}。",
        requirement=(f"根据{template['legal_basis']}，现责令你单位：{template['requirement']}，"
                     f"并于{chinese_date(deadline)}前整改完毕。"),
        closing=template.get("closing", ""),
        contact=contact_text,
        issued_at=issued_at,
        deadline=deadline,
        figure_caption=template.get("figure_caption") or "位置示意图",
        receipt_title=template.get("receipt_title") or "送达回证",
        service_methods=list(template.get("service_methods") or ["直接送达", "留置送达", "邮寄送达"]),
        seal_text=template.get("seal_text") or "（印章）",
        license_nos=case.license_nos,
        patch_nos=case.patch_nos,
    )


class Markup:
    """Text → reportlab paragraph markup: escaped, characters the font lacks from a fallback or named."""

    def __init__(self, fonts: DocumentFonts):
        self.fonts = fonts
        self.missing: dict[str, str] = {}  # character -> where it was (the first text)

    def __call__(self, text: str, font: RegisteredFont | None = None) -> str:
        font = font or self.fonts.body
        out = []
        for char in str(text):
            if char == "\n":
                out.append("<br/>")
            elif ord(char) in font.chars or char in " \t":
                out.append(escape(char, {'"': "&quot;"}))
            else:
                fallback = next((f for f in self.fonts.fallbacks + [self.fonts.body, self.fonts.title]
                                 if ord(char) in f.chars), None)
                if fallback is not None:
                    out.append(f'<font name="{fallback.name}">{escape(char)}</font>')
                else:
                    self.missing.setdefault(char, str(text)[:40])
                    out.append(f"[U+{ord(char):04X}]")
        return "".join(out)

    def warnings(self, number: str) -> list[str]:
        return [
            tr("{number}: the character {char} (U+{code:04X}) of \"{text}\" is in none of the fonts found; it is "
               "printed as [U+{code:04X}]. Choose a font that has it in the settings.").format(
                number=number, char=char, code=ord(char), text=text)
            for char, text in self.missing.items()
        ]


def _styles(fonts: DocumentFonts):
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = fonts.body.name
    base = ParagraphStyle("body", fontName=body, fontSize=BODY_PT, leading=LEADING, wordWrap="CJK",
                          alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_PT)
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0, alignment=TA_LEFT),
        "authority": ParagraphStyle("authority", parent=base, fontName=fonts.title.name, fontSize=26, leading=2 * LEADING,
                                    alignment=TA_CENTER, firstLineIndent=0, textColor=RED),
        "number": ParagraphStyle("number", parent=base, alignment=TA_CENTER, firstLineIndent=0),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.title.name, fontSize=22, leading=1.5 * LEADING,
                                alignment=TA_CENTER, firstLineIndent=0, spaceBefore=LEADING * 0.5,
                                spaceAfter=LEADING * 0.5),
        "caption": ParagraphStyle("caption", parent=base, fontSize=14, leading=LEADING, alignment=TA_CENTER,
                                  firstLineIndent=0),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT, firstLineIndent=0),
        "cell": ParagraphStyle("cell", parent=base, fontSize=14, leading=20, firstLineIndent=0, alignment=TA_LEFT),
        "cellright": ParagraphStyle("cellright", parent=base, fontSize=14, leading=20, firstLineIndent=0,
                                    alignment=TA_RIGHT, rightIndent=14),
    }


def _flowables(document: NoticeDocument, fonts: DocumentFonts, markup: Markup, figure: str | None,
               figure_mm: tuple[float, float]):
    from reportlab.platypus import (
        CondPageBreak,
        Flowable,
        Image,
        KeepTogether,
        PageBreak,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    styles = _styles(fonts)
    title_font = fonts.title

    class Rule(Flowable):
        def wrap(self, *_):
            return AREA_W, LEADING * 0.6

        def draw(self):
            self.canv.setStrokeColor(RED)
            self.canv.setLineWidth(1.2)
            self.canv.line(0, LEADING * 0.3, AREA_W, LEADING * 0.3)

    class Signature(Flowable):
        """Authority and date, right-aligned four characters in, under a dashed red circle for the seal."""

        def wrap(self, *_):
            return AREA_W, 4 * LEADING

        def draw(self):
            c = self.canv
            right = AREA_W - 4 * BODY_PT
            date_text = chinese_date(document.issued_at)
            c.setFont(fonts.body.name, BODY_PT)
            c.drawRightString(right, 1.2 * LEADING, date_text)
            name_width = c.stringWidth(document.authority, fonts.body.name, BODY_PT)
            date_width = c.stringWidth(date_text, fonts.body.name, BODY_PT)
            centre = right - date_width / 2
            c.drawString(centre - name_width / 2, 2.2 * LEADING, document.authority)
            c.saveState()
            c.setStrokeColor(RED)
            c.setFillColor(RED)
            c.setDash(4, 3)
            c.setLineWidth(1)
            radius = 21 * MM
            c.circle(centre, 1.9 * LEADING, radius, stroke=1, fill=0)
            c.setFont(fonts.body.name, 12)
            c.drawCentredString(centre, 1.9 * LEADING - radius + 8 * MM, document.seal_text)
            c.restoreState()

    story = [
        Paragraph(markup(document.authority, title_font), styles["authority"]),
        Paragraph(markup(document.number), styles["number"]),
        Rule(),
        Paragraph(markup(document.title, title_font), styles["title"]),
        Paragraph(markup(document.holder) + "：", styles["plain"]),
        Paragraph(markup(document.intro), styles["body"]),
        *[Paragraph(markup(text), styles["body"]) for text in document.facts],
    ]
    story += [
        Paragraph(markup(document.basis), styles["body"]),
        Paragraph(markup(document.requirement), styles["body"]),
    ]
    if document.closing:
        story.append(Paragraph(markup(document.closing), styles["body"]))
    if document.contact:
        story.append(Paragraph(markup(document.contact), styles["body"]))
    story += [CondPageBreak(4 * LEADING), Spacer(1, LEADING), Signature()]
    if figure is not None:  # the map is the notice's attachment (附图), after the date as GB/T 9704 places them
        width, height = figure_mm
        image = Image(figure, width=width * MM, height=height * MM)
        story.append(KeepTogether([Paragraph(markup("附图"), styles["plain"]), Spacer(1, LEADING * 0.3), image,
                                   Paragraph(markup(document.figure_caption), styles["caption"])]))

    # --- the service receipt, on a page of its own
    story.append(PageBreak())
    story.append(Paragraph(markup(document.receipt_title, title_font), styles["title"]))
    cell = styles["cell"]
    methods = "　".join("□" + method for method in document.service_methods)
    signed = "<br/><br/>" + "年　　月　　日"
    rows = [
        ("送达文书", markup(f"{document.title}（{document.number}）"), cell),
        ("受送达人", markup(document.holder), cell),
        ("送达地点", "", cell),
        ("送达方式", markup(methods), cell),
        ("送达机关", markup(document.authority), cell),
        ("送达人（签名）", signed, styles["cellright"]),
        ("受送达人（签名或盖章）", signed, styles["cellright"]),
        ("见证人（签名）", signed, styles["cellright"]),
        ("备注", markup("受送达人拒绝签收的，送达人应在备注栏注明情况，并由见证人签名。"), cell),
    ]
    data = [[Paragraph(markup(label), cell), Paragraph(value, style)] for label, value, style in rows]
    table = Table(data, colWidths=[40 * MM, AREA_W - 40 * MM], rowHeights=[None, None, 18 * MM, None, None,
                                                                          24 * MM, 24 * MM, 24 * MM, None])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.body.name, 14),  # else the table names Helvetica, unembedded
        ("GRID", (0, 0), (-1, -1), 0.8, "#000000"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    story.append(table)
    return story


def _decorate(document: NoticeDocument, fonts: DocumentFonts):
    """Page numbers "— n —" (四号, 7 mm under the type area; odd right, even left) and the draft mark."""
    size = 14

    def on_page(canvas, doc):
        canvas.saveState()
        text = f"— {doc.page} —"
        canvas.setFont(fonts.body.name, size)
        y = BOTTOM - 7 * MM - size * 0.8
        if doc.page % 2:
            canvas.drawRightString(LEFT + AREA_W - size, y, text)
        else:
            canvas.drawString(LEFT + size, y, text)
        if is_draft(document.number):
            canvas.setFillColor("#c8c8c8")
            canvas.setFont(fonts.title.name, 72)
            canvas.translate(PAGE_W / 2, PAGE_H / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, "草稿")
        canvas.restoreState()

    return on_page


def write_notice_pdf(document: NoticeDocument, fonts: DocumentFonts, path: str | Path, figure: bytes | None = None,
                     figure_mm: tuple[float, float] = FIGURE_MM) -> list[str]:
    """Write the notice to ``path`` atomically (a temporary file renamed into place); return the warnings.

    ``figure``: the map as JPEG or PNG bytes, printed ``figure_mm`` wide and high. On any error nothing is
    left at ``path`` (nor beside it).
    """
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    _cjk_line_rules()
    rl_config.useA85 = 0  # images as binary streams: ASCII85 in pure Python took longer than the rest of the PDF
    path = Path(path)
    markup = Markup(fonts)
    handle, temporary = tempfile.mkstemp(prefix=".notice-", suffix=".pdf.part", dir=path.parent)
    os.close(handle)
    picture = None
    try:
        if figure is not None:
            # a JPEG file goes into the PDF as it is (DCT); from bytes reportlab would decode and hash every pixel
            picture = temporary[: -len(".pdf.part")] + (".jpg" if figure[:2] == b"\xff\xd8" else ".png")
            Path(picture).write_bytes(figure)
        story = _flowables(document, fonts, markup, picture, figure_mm)
        doc = BaseDocTemplate(
            temporary, pagesize=(PAGE_W, PAGE_H), title=f"{document.title} {document.number}",
            author=document.authority, subject=document.holder, creator="Mine supervision plugin",
            leftMargin=LEFT, rightMargin=PAGE_W - LEFT - AREA_W, topMargin=TOP, bottomMargin=BOTTOM,
            # the canvas's initial font is one of ours: reportlab's default (Helvetica) would be named unembedded
            initialFontName=fonts.body.name, initialFontSize=BODY_PT, initialLeading=LEADING,
        )
        frame = Frame(LEFT, BOTTOM, AREA_W, AREA_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("notice", [frame], onPage=_decorate(document, fonts))])
        doc.build(story)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        if picture is not None:
            Path(picture).unlink(missing_ok=True)
    return markup.warnings(document.number)
