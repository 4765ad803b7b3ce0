"""Batches of notices from the database: every determined violation (or a selection) becomes one notice per
holder; a batch stopped midway leaves whole, numbered PDFs only, and no number it did not use; a voided
notice frees its patch for the next batch; overdue notices are known."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from notice_county import TODAY, holder_name, make_county

from mine_supervision_plugin.reports.fonts import choose_fonts
from mine_supervision_plugin.reports.issue import issue_notices, store_cases
from mine_supervision_plugin.reports.template import load_template
from mine_supervision_plugin.store.notices import is_overdue, notice_deadlines, notices, void_notice


@pytest.fixture(scope="module")
def fonts():
    return choose_fonts()


def test_every_determined_violation_one_case_per_holder(tmp_path):
    store = make_county(tmp_path / "county.gpkg", holders=3)
    batch = store_cases(store)
    assert [c.holder for c in batch.cases] == [holder_name(i) for i in range(3)]
    assert [c.patch_nos for c in batch.cases] == [["WP-000"], ["WP-001"], ["WP-002"]]
    assert batch.already == {"WP-NOTICED": "上党自然资整〔2025〕7号"}  # WP-LEGAL and WP-NEW are not violations
    assert batch.cases[0].findings[0].geometry is not None and batch.cases[0].licences[0].geometry is not None
    selection = store_cases(store, ["WP-001", "WP-NOTICED", "WP-NEW", "NOPE"])
    assert [c.patch_nos for c in selection.cases] == [["WP-NEW"], ["WP-001"]]  # holders 00, 01: selected, not determined
    assert selection.missing == ["NOPE"] and list(selection.already) == ["WP-NOTICED"]


def test_a_stopped_batch_leaves_whole_numbered_pdfs_and_uses_no_number_for_nothing(tmp_path, fonts):
    store = make_county(tmp_path / "county.gpkg", holders=6)
    cases = store_cases(store).cases
    out = tmp_path / "notices"
    out.mkdir()
    done = issue_notices(cases, load_template(), fonts, out, store=store, issued_at=TODAY,
                         progress=lambda index, notice: index < 1)  # "cancel" after the second notice
    assert 2 <= len(done) < len(cases)
    recorded = [r["notice_no"] for r in notices(store) if r["notice_no"] != "上党自然资整〔2025〕7号"]
    assert recorded == [n.number for n in done] == [f"上党自然资整〔2026〕{k}号" for k in range(1, len(done) + 1)]
    assert sorted(p.name for p in out.iterdir()) == sorted(n.path.name for n in done)  # no .part, no image
    for notice in done:
        assert "送达回证" in subprocess.run(["pdftotext", str(notice.path), "-"], check=True, capture_output=True,
                                          text=True).stdout
    # the next batch takes the rest, numbering on
    rest = store_cases(store).cases
    assert len(rest) == len(cases) - len(done)
    more = issue_notices(rest, load_template(), fonts, out, store=store, issued_at=TODAY)
    assert more[0].number == f"上党自然资整〔2026〕{len(done) + 1}号"


def test_a_voided_notice_frees_its_patch_and_overdue_notices_are_known(tmp_path, fonts):
    store = make_county(tmp_path / "county.gpkg", holders=1)
    deadlines = notice_deadlines(store)
    deadline, state = deadlines["上党自然资整〔2025〕7号"]
    assert is_overdue(deadline, state, "determined", today=TODAY)
    assert not is_overdue(deadline, state, "closed", today=TODAY)
    assert not is_overdue(dt.date(2026, 6, 1), "issued", "determined", today=TODAY)
    void_notice(store, "上党自然资整〔2025〕7号", "送达地址有误")
    assert not is_overdue(*notice_deadlines(store)["上党自然资整〔2025〕7号"], "determined", today=TODAY)
    batch = store_cases(store)
    assert batch.already == {} and batch.cases[0].patch_nos == ["WP-000", "WP-NOTICED"]
