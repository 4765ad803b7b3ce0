"""The rectification notice as a real PDF, checked with poppler (pdftotext, pdffonts, pdfimages, pdftoppm).

The map figure here is a plain JPEG at 300 dpi (QGIS is blocked in tests/unit); the figure QGIS renders
is checked in tests/qgis/test_notices_algorithm.py and tests/qgis/test_qgis_process_notices.py.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
import shapely
from PIL import Image, ImageDraw

from mine_supervision_plugin.domain.notices import Finding, Licence, group_by_holder
from mine_supervision_plugin.reports.fonts import choose_fonts, find_fonts
from mine_supervision_plugin.reports.issue import issue_notice
from mine_supervision_plugin.reports.notice import CHARS
from mine_supervision_plugin.reports.template import load_template
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.notices import notices
from mine_supervision_plugin.store.patches import add_patches

HOLDER = '上党县<堃&㙟>"矿业"有限责任公司' + "长名称" * 10
TODAY = dt.date(2026, 5, 8)


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def fonts():
    return choose_fonts()


@pytest.fixture
def case():
    licences = {"C1400002009": Licence("C1400002009", HOLDER, "堃石灰岩矿", valid_to=dt.date(2025, 3, 1)),
                "C2": Licence("C2", HOLDER, "第二矿"), "C9": Licence("C9", "乙公司")}
    findings = [
        Finding("WP2026-001", "out_of_bounds", ("C1400002009",), 12000.5, 3456.78, found_on=dt.date(2026, 4, 3),
                place="西火镇南沟村"),
        Finding("WP2026-002", "疑似证照过期开采", ("C1400002009",), 5000, 0, expired_m2=5000),
        Finding("XC-7", "unlicensed", ("C2",), 0.2, 900),
        Finding("WP2026-003", "within_licence", ("C9",), 100, 0),
        Finding("WP2026-004", "unlicensed", (), 0, 700),
    ]
    cases, skipped = group_by_holder(findings, licences)
    assert [c.holder for c in cases] == [HOLDER]
    assert {(s.patch_no, s.why) for s in skipped} == {("WP2026-003", "not_a_violation"), ("WP2026-004", "no_holder")}
    return cases[0]


def figure(_case):
    image = Image.new("RGB", (1772, 1182), "white")
    ImageDraw.Draw(image).rectangle((100, 100, 1600, 1000), outline="red", width=8)
    data = io.BytesIO()
    image.save(data, "JPEG", quality=90)
    return data.getvalue(), (150.0, 100.0)


def test_the_notice_prints_its_facts_verbatim_with_embedded_truetype_fonts_and_a_300_dpi_map(case, fonts, tmp_path):
    notice = issue_notice(case, load_template(), fonts, tmp_path, issued_at=TODAY, figure=figure)
    assert notice.draft and notice.warnings == []
    text = poppler("pdftotext", str(notice.path), "-")
    flat = text.replace("\n", "")
    assert '上党县<堃&㙟>"矿业"有限责任公司' in flat  # verbatim, wrapped
    assert HOLDER + "：" in flat
    for expected in ("上党县自然资源局", "责令限期整改通知书", "上党自然资整〔2026〕", "草稿", "WP2026-001", "XC-7",
                     "3456.78平方米（5.19亩）", "12000.50平方米（18.00亩）", "5000.00平方米（7.50亩）",
                     "有效期至2025年3月1日", "涉嫌越界开采", "涉嫌无证开采", "《中华人民共和国矿产资源法》",
                     "2026年6月7日前整改完毕", "联系电话：0355-2020000", "2026年5月8日", "（印章）", "送达回证",
                     "受送达人（签名或盖章）", "— 1 —", "— 2 —"):
        assert expected in flat, expected
    assert "WP2026-003" not in flat and "WP2026-004" not in flat
    # 28 characters a line (Latin letters and digits count half; a punctuation mark may hang in the margin)
    widths = [sum(1 if ord(c) > 0x2E80 else 0.5 for c in line)
              for line in poppler("pdftotext", "-f", "1", "-l", "1", str(notice.path), "-").splitlines()]
    assert max(widths) <= CHARS + 1
    assert sum(w >= CHARS - 1 for w in widths) >= 6

    lines = poppler("pdffonts", str(notice.path)).splitlines()[2:]
    assert lines and all(" TrueType " in line and line.split()[-5] == "yes" for line in lines), lines
    images = poppler("pdfimages", "-list", str(notice.path)).splitlines()[2:]
    assert len(images) == 1
    x_ppi, y_ppi = (int(v) for v in images[0].split()[12:14])
    assert x_ppi >= 300 and y_ppi >= 300

    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(notice.path), str(tmp_path / "page")],
                   check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000


def test_a_character_in_no_font_is_named_not_boxed(case, fonts, tmp_path):
    case.holder = "甲😀公司"
    notice = issue_notice(case, load_template(), fonts, tmp_path, issued_at=TODAY)
    assert len(notice.warnings) == 1 and "😀" in notice.warnings[0] and "U+1F600" in notice.warnings[0]
    assert "甲[U+1F600]公司" in poppler("pdftotext", str(notice.path), "-")


def test_cff_fonts_are_skipped_with_a_message(tmp_path):
    (tmp_path / "NotoSansCJKsc-Regular.otf").write_bytes(b"OTTO" + b"\0" * 60)
    search = find_fonts([tmp_path])
    assert search.fonts == [] and "CFF" in search.skipped[0] and "NotoSansCJKsc-Regular.otf" in search.skipped[0]


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "county.gpkg"
    create_database(path, crs_epsg=4526)
    store = open_database(path)
    square = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)
    add_patches(store, [{"patch_no": p, "geometry": square} for p in ("WP2026-001", "WP2026-002", "XC-7")],
                source="satellite")
    return store


def test_numbered_notices_are_recorded_and_a_failed_pdf_uses_no_number(case, fonts, store, tmp_path):
    template = load_template()
    first = issue_notice(case, template, fonts, tmp_path, store=store, issued_at=TODAY, figure=figure)
    assert first.number == "上党自然资整〔2026〕1号" and first.path.name == "上党自然资整〔2026〕1号_" + \
        HOLDER.replace("<", "_").replace(">", "_").replace('"', "_") + ".pdf"
    assert "上党自然资整〔2026〕1号" in poppler("pdftotext", str(first.path), "-")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(OSError):
        issue_notice(case, template, fonts, blocked, store=store, issued_at=TODAY, figure=figure)
    second = issue_notice(case, template, fonts, tmp_path, store=store, issued_at=TODAY, figure=figure)
    assert second.number == "上党自然资整〔2026〕2号"
    rows = notices(store)
    assert [r["notice_no"] for r in rows] == [first.number, second.number]
    assert rows[1]["patch_no"] == "WP2026-001,WP2026-002,XC-7" and rows[1]["license_no"] == "C1400002009,C2"
    assert rows[1]["pdf_path"] == str(second.path) and Path(rows[1]["pdf_path"]).exists()
    assert sorted(p.name for p in tmp_path.glob("*.part")) == []
