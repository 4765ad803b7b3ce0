"""The generic table document (reports/table_document.py) as real PDFs checked with poppler: a ledger-like
table of many columns goes landscape, a narrow one stays portrait; rows with <, &, quotes, rare characters and
very long names print verbatim and wrap; every font is embedded TrueType; page numbers "— n —"; the header row
repeats on every page."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from mine_supervision_plugin.reports.fonts import choose_fonts
from mine_supervision_plugin.reports.table_document import Column, TableDocument, write_table_pdf

LONG = "上党县<堃&㙟>\"矿业\"有限责任公司" + "长名称" * 20


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def page_size(path) -> tuple[float, float]:
    line = next(line for line in poppler("pdfinfo", str(path)).splitlines() if line.startswith("Page size:"))
    width, _x, height = line.split()[2:5]
    return float(width), float(height)


def pages(path) -> int:
    return int(next(line for line in poppler("pdfinfo", str(path)).splitlines() if line.startswith("Pages:")).split()[1])


@pytest.fixture(scope="module")
def fonts():
    return choose_fonts()


def ledger(rows: int) -> TableDocument:
    columns = [Column("问题编号"), Column("图斑编号"), Column("许可证号"), Column("矿山名称"), Column("问题类型"),
               Column("发现日期"), Column("整改通知书文号"), Column("整改期限"), Column("面积（m²）", "r"),
               Column("整改情况"), Column("状态", "c")]
    data = []
    for i in range(rows):
        name = LONG if i == 3 else f"第{i}号石灰岩矿"
        data.append([f"WT-2026-{i:04d}", f"WP2026-{i:03d}", f"C14000020091{i:08d}", name, "疑似越界开采",
                     dt.date(2026, 4, 1 + i % 28), f"上党自然资整〔2026〕{i + 1}号", dt.date(2026, 6, 1 + i % 28),
                     1234.5 + i, "已停止开采，正在恢复治理 <a&b>" if i % 2 else None, "整改中"])
    return TableDocument("问题台账", columns, data, subtitle="（2026年度，截至2026年6月30日）",
                         notes=["注：面积为图斑在批准矿区范围以外的部分；“整改中”指已下达整改通知书、尚未验收的问题。"],
                         authority="上党县自然资源局", date=dt.date(2026, 6, 30), numbered=True)


def test_a_wide_ledger_is_landscape_and_prints_every_row_verbatim(fonts, tmp_path):
    path = tmp_path / "台账.pdf"
    assert write_table_pdf(ledger(60), fonts, path) == []
    width, height = page_size(path)
    assert width > height  # landscape A4
    assert round(width) == 842 and round(height) == 595
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    for expected in ("问题台账", "（2026年度，截至2026年6月30日）", "整改通知书文号", '上党县<堃&㙟>"矿业"有限责任公司',
                     "WT-2026-0059", "上党自然资整〔2026〕", "60号", "1,293.50", "2026-04-01", "<a&b>", "制表单位：上党县自然资源局",
                     "2026年6月30日", "— 1 —", "— 2 —"):
        assert expected in flat, expected
    assert flat.count("长名称") == 20  # the very long name wraps, all of it printed
    n = pages(path)
    assert n >= 2
    # the header row on every page
    for page in range(1, n + 1):
        text = poppler("pdftotext", "-f", str(page), "-l", str(page), str(path), "-").replace("\n", "")
        assert "整改通知书文号" in text and f"— {page} —" in text, page
    lines = poppler("pdffonts", str(path)).splitlines()[2:]
    assert lines and all(" TrueType " in line and line.split()[-5] == "yes" for line in lines), lines
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".png"] == ["台账.pdf"]


def test_a_narrow_table_stays_portrait_and_a_huge_cell_splits_across_pages(fonts, tmp_path):
    document = TableDocument("“两率”统计表", [Column("重点监管区"), Column("巡查率", "r", lambda v: f"{v:.1%}"),
                                             Column("整改率", "r", lambda v: f"{v:.1%}")],
                             [["东和乡 & 西火镇 <一区>", 0.95, 1.0], ["堃㙟区" + "很长的说明" * 400, 0.5, 0.25]],
                             subtitle="2026年上半年")
    path = tmp_path / "两率.pdf"
    write_table_pdf(document, fonts, path)
    width, height = page_size(path)
    assert width < height
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    for expected in ("“两率”统计表", "东和乡 & 西火镇 <一区>", "95.0%", "100.0%", "25.0%", "堃㙟区"):
        assert expected in flat, expected
    assert flat.count("说") == 400 and pages(path) >= 2  # all of it, split across pages


def test_an_empty_table_and_a_missing_character(fonts, tmp_path):
    path = tmp_path / "空.pdf"
    warnings = write_table_pdf(TableDocument("巡查汇总😀", [Column("矿山"), Column("次数", "r")], []), fonts, path)
    assert len(warnings) == 1 and "U+1F600" in warnings[0]
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    assert "巡查汇总[U+1F600]" in flat and "（无记录）" in flat


def test_a_failed_write_leaves_nothing(fonts, tmp_path):
    document = ledger(3)
    document.columns[0].format = lambda value: 1 / 0  # a data function's bug, raised while laying out
    with pytest.raises(ZeroDivisionError):
        write_table_pdf(document, fonts, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
