"""The ledger, penalty cases and reviews on a real PostgreSQL/PostGIS server: booleans and dates as PostgreSQL keeps
them (a filter "= 1" on a boolean column is refused there)."""

from __future__ import annotations

import datetime as dt

import shapely

from mine_supervision_plugin.analysis.duties import duties
from mine_supervision_plugin.reports.ledger import ledger_table
from mine_supervision_plugin.store import database
from mine_supervision_plugin.store.cases import add_cases, transfers
from mine_supervision_plugin.store.ledger import add_items, record_progress
from mine_supervision_plugin.store.patches import add_patches, take_step
from mine_supervision_plugin.store.reviews import record_review

D = dt.date


def test_cases_transfer_ledger_and_reviews_on_postgis(pg_database):
    database.create_database(pg_database)
    store = database.open_database(pg_database)
    add_patches(store, [{"patch_no": "WP-1", "geometry": shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100),
                         "date_after": D(2026, 3, 1)}], source="satellite")
    add_cases(store, [{"decision_no": f"罚{k}", "party": "甲", "patch_no": "", "violation_type": "unlicensed",
                       "decided_on": day} for k, day in enumerate(("2025-01-01", "2025-06-01"))])
    take_step(store, ["WP-1"], "verified", reason="r", updates={"field_check_date": D(2026, 4, 1), "inspectors": "a",
                                                                 "finding": "无证开采"})
    add_cases(store, [{"decision_no": "罚9", "party": "甲", "patch_no": "WP-1", "violation_type": "unlicensed",
                       "decided_on": "2026-05-01"}])
    take_step(store, ["WP-1"], "determined", reason="r", updates={"determination": "illegal",
                                                                   "violation_type": "unlicensed"})
    assert [p["patch_no"] for p in transfers(store)] == ["WP-1"]
    (fid,) = add_items(store, [{"problem": "界桩缺失", "found_at": D(2026, 5, 1), "deadline": D(2026, 6, 1),
                                "source_kind": "corner_check", "source_key": "corner_check:1"}])
    assert record_progress(store, fid, rectified_on=D(2026, 5, 20))["state"] == "closed"
    headers, rows = ledger_table(store, as_of=D(2026, 11, 22))
    transfer = {r[headers.index("图斑编号")]: r[headers.index("是否移送司法机关")] for r in rows}
    assert transfer == {"WP-1": "是", "": "否"}
    record_review(store, D(2026, 4, 2), quarter="2026-Q1")
    assert duties(store, [], [], D(2026, 1, 1), D(2026, 6, 30)).quarters_without_review == ["2026-Q2"]
