"""Document numbers of rectification notices: allocated by the store, sequential, never reused, none for a failed PDF."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import shapely
from osgeo import ogr

from mine_supervision_plugin.domain.notices import format_number, parse_number
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.notices import NoticeError, issuing, notices, void_notice, void_reasons
from mine_supervision_plugin.store.patches import add_patches

PREFIX = "上党自然资整"


@pytest.fixture
def store(store_location):
    path = create_database(store_location, crs_epsg=4526)
    store = open_database(path)
    square = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)
    add_patches(store, [{"patch_no": "WP-1", "geometry": square, "license_no": "C1", "prejudgment": "out_of_bounds"},
                        {"patch_no": "WP-2", "geometry": square, "license_no": "C1"}], source="satellite")
    return store


def issue(store, year=2026, patch_nos=("WP-1",), fail: Exception | None = None) -> str:
    with issuing(store, PREFIX, year) as allocation:
        if fail:
            raise fail
        allocation.record(holder="甲公司", license_nos=["C1"], patch_nos=list(patch_nos), facts="越界", legal_basis="法",
                          requirement="停止", deadline=dt.date(2026, 6, 1), issued_at=dt.date(2026, 5, 2),
                          pdf_path="/x.pdf")
    return allocation.number


def rows(store, table, **where):
    source = ogr.Open(store.location)
    found = [f.items() for f in source.GetLayerByName(table)]
    return [r for r in found if all(r.get(k) == v for k, v in where.items())]


def test_number_format_round_trips():
    assert format_number(PREFIX, 2026, 12) == "上党自然资整〔2026〕12号"
    assert parse_number("上党自然资整〔2026〕12号") == (PREFIX, 2026, 12)
    assert parse_number(format_number(PREFIX, 2026, None)) is None


def test_numbers_are_sequential_per_prefix_and_year_and_link_the_patches(store):
    assert [issue(store) for _ in range(3)] == [f"{PREFIX}〔2026〕{n}号" for n in (1, 2, 3)]
    assert issue(store, year=2027) == f"{PREFIX}〔2027〕1号"
    assert rows(store, "patches", patch_no="WP-1")[0]["notice_no"] == f"{PREFIX}〔2027〕1号"
    ledger = rows(store, "ledger_items", patch_no="WP-1")
    assert len(ledger) == 1 and ledger[0]["notice_no"] == f"{PREFIX}〔2027〕1号"
    row = rows(store, "notices", notice_no=f"{PREFIX}〔2026〕1号")[0]
    assert (row["holder"], row["license_no"], row["state"], row["deadline"]) == ("甲公司", "C1", "issued", "2026/06/01")


def test_a_voided_number_is_never_given_again_and_its_reason_is_kept(store):
    first, second = issue(store), issue(store)
    void_notice(store, second, "地址写错，重新制发")
    assert rows(store, "notices", notice_no=second)[0]["state"] == "voided"
    assert void_reasons(store) == {second: "地址写错，重新制发"}
    assert rows(store, "patches", patch_no="WP-1")[0]["notice_no"] is None  # freed for the new notice
    assert issue(store) == f"{PREFIX}〔2026〕3号"
    with pytest.raises(NoticeError):
        void_notice(store, first, "  ")
    # even a row deleted by hand does not bring its number back: the counter in ms_meta remembers
    source = ogr.Open(store.location, update=1)
    source.ExecuteSQL(f"DELETE FROM notices WHERE notice_no = '{PREFIX}〔2026〕3号'")
    source = None
    assert issue(store) == f"{PREFIX}〔2026〕4号"
    log = [json.loads(r["detail"]) for r in rows(store, "audit_log", action="void_notice")]
    assert log[0]["reason"] == "地址写错，重新制发" and log[0]["patches_freed"] == ["WP-1"]


def test_a_failed_document_allocates_no_number(store):
    issue(store)
    with pytest.raises(OSError):
        issue(store, fail=OSError("folder not writable"))
    with pytest.raises(NoticeError):  # leaving without recording is a failure too
        with issuing(store, PREFIX, 2026):
            pass
    assert issue(store) == f"{PREFIX}〔2026〕2号"
    assert [r["notice_no"] for r in notices(store)] == [f"{PREFIX}〔2026〕1号", f"{PREFIX}〔2026〕2号"]


def test_a_number_typed_by_hand_in_the_same_form_is_not_given_again(store):
    assert issue(store) == f"{PREFIX}〔2026〕1号"
    source = ogr.Open(store.location, update=1)
    for number in (f"{PREFIX}〔2026〕9号", f"{PREFIX}〔2026〕10号", "其他字〔2026〕50号", f"{PREFIX}〔2025〕70号"):
        source.ExecuteSQL(f"INSERT INTO notices (notice_no, state) VALUES ('{number}', 'issued')")
    source = None
    assert issue(store) == f"{PREFIX}〔2026〕11号"


def test_numbers_issued_at_once_by_several_users_of_a_shared_database_are_unique_and_gap_free(pg_database):
    """Four users issuing at the same time (each its own connection): the allocation is held per sequence until
    its transaction ends, so 1..20 come out once each."""
    from concurrent.futures import ThreadPoolExecutor

    store = open_database(create_database(pg_database, crs_epsg=4526))
    square = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)
    add_patches(store, [{"patch_no": "WP-1", "geometry": square, "license_no": "C1"}], source="satellite")

    def user(_):
        return [issue(open_database(pg_database)) for _ in range(5)]

    with ThreadPoolExecutor(4) as pool:
        numbers = [n for batch in pool.map(user, range(4)) for n in batch]
    assert sorted(numbers, key=lambda n: int(n.split("〕")[1][:-1])) == [f"{PREFIX}〔2026〕{i}号" for i in range(1, 21)]
    assert len({r["notice_no"] for r in notices(store)}) == 20
