"""Survey findings (out of bounds, out of depth) to the ledger and to notice drafts: a real GeoPackage, two
recorded rounds compared, the ledger items written once, the draft PDF read back with poppler."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
import shapely
from osgeo import ogr, osr
from shapely import box

from mine_supervision_plugin.analysis.survey_findings import (
    SurveyRoundError,
    compare_stored_round,
    findings_from,
)
from mine_supervision_plugin.domain.survey_findings import OUT_OF_BOUNDS, OUT_OF_DEPTH, round_text
from mine_supervision_plugin.reports.fonts import choose_fonts
from mine_supervision_plugin.reports.survey_findings import send_findings
from mine_supervision_plugin.reports.template import load_template
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import to_ogr_geometry
from mine_supervision_plugin.store.survey_ledger import ledger_items_of, record_findings
from mine_supervision_plugin.store.surveys import import_survey

E0, N0 = 38_500_000.0, 4_000_000.0
LIC_A, LIC_B, LIC_C = "C4100002026017120000001", "C4100002026017120000002", "C4100002026017120000003"
HOLDER_A, HOLDER_B = "上党县甲矿业有限公司", "上党县乙石料厂"


def moved(geometry):
    return shapely.transform(geometry, lambda xy: xy + [E0, N0])


def write_round(path, rows):
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    layer = source.CreateLayer("extents", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("license_no", ogr.OFTString))
    for name in ("elevation_top_m", "elevation_bottom_m"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    for geometry, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feature.SetField(key, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(moved(geometry))))
        layer.CreateFeature(feature)
    source = layer = None
    return path


@pytest.fixture
def store(tmp_path):
    store = open_database(create_database(tmp_path / "county.gpkg"))
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        square = shapely.Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])  # corners 1 (0,0), 2 (100,0), 3, 4
        for number, holder, geometry in ((LIC_A, HOLDER_A, square), (LIC_B, HOLDER_B, box(200, 0, 300, 100)),
                                         (LIC_C, HOLDER_A, box(400, 0, 500, 100))):
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in (("license_no", number), ("mine_name", f"{holder[3]}号矿"), ("holder", holder),
                               ("depth_top_m", 500.0), ("depth_bottom_m", 300.0)):
                feature.SetField(key, value)
            feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon([moved(geometry)])))
            layer.CreateFeature(feature)
    folder = tmp_path / "rounds"
    folder.mkdir()
    # A crosses its east side (corners 2-3) by 30 m; B is inside but 18.5 m below its bottom; C inside, fine
    import_survey(store, write_round(folder / "r1.gpkg", [
        (box(50, 20, 90, 60), {"license_no": LIC_A}),
        (box(220, 20, 260, 60), {"license_no": LIC_B, "elevation_top_m": 480.0, "elevation_bottom_m": 310.0}),
        (box(420, 20, 460, 60), {"license_no": LIC_C})]), round_id="2026-1", surveyed_at=dt.date(2026, 5, 20))
    import_survey(store, write_round(folder / "r2.gpkg", [
        (box(50, 20, 130, 60), {"license_no": LIC_A}),
        (box(220, 20, 260, 60), {"license_no": LIC_B, "elevation_top_m": 480.0, "elevation_bottom_m": 281.5}),
        (box(420, 20, 460, 60), {"license_no": LIC_C}),
        (box(700, 700, 720, 720), {})]), round_id="2026-2", surveyed_at=dt.date(2026, 11, 20))
    return store


def test_a_stored_round_gives_one_finding_per_mine_and_kind_in_chinese(store):
    comparison = compare_stored_round(store, "2026-2", "2026-1")
    findings, unmatched = findings_from(comparison, "2026-2")
    assert [(f.license_no, f.kind) for f in findings] == [(LIC_A, OUT_OF_BOUNDS), (LIC_B, OUT_OF_DEPTH)]
    assert len(unmatched) == 1  # the extent far from every licence: no holder, no ledger item
    beyond, deeper = findings
    assert (beyond.outside_m2, beyond.pieces, beyond.max_distance_m, beyond.near_corners) == (1200.0, 1, 30.0, "拐点2-3")
    assert beyond.problem == ("2026年第2轮专项勘测发现越界开采：实测开采范围超出批准的矿区范围1处，面积合计"
                              "1200.00平方米（1.80亩），最远超出矿区范围30.00米（拐点2-3附近）。")
    assert deeper.problem == ("2026年第2轮专项勘测发现越层开采：开采最低标高281.50米，低于批准的开采下限"
                              "（300.00米）18.50米。")
    assert round_text("2026-2") == "2026年第2轮专项勘测" and round_text("春季") == "春季专项勘测"
    with pytest.raises(SurveyRoundError, match="2027-1"):
        compare_stored_round(store, "2027-1")


def test_findings_go_to_the_ledger_once(store):
    findings, _ = findings_from(compare_stored_round(store, "2026-2", "2026-1"), "2026-2")
    first = record_findings(store, findings, found_at=dt.date(2026, 11, 25))
    assert [f.license_no for f, _fid in first.added] == [LIC_A, LIC_B] and first.already == []
    again = record_findings(store, findings + findings[:1])
    assert again.added == [] and len(again.already) == 3
    items = ledger_items_of(store, [LIC_A, LIC_B, LIC_C])
    assert [len(items[n]) for n in (LIC_A, LIC_B, LIC_C)] == [1, 1, 0]
    (item,) = items[LIC_A]
    assert item["problem"].startswith("2026年第2轮专项勘测发现越界开采：") and item["state"] == "open"
    assert item["found_at"] == dt.date(2026, 11, 25) and item["patch_no"] is None and item["notice_no"] is None
    # the same mine found out of bounds in another round is another problem
    earlier = [f.__class__(**{**f.__dict__, "round_id": "2026-1"}) for f in findings[:1]]
    assert len(record_findings(store, earlier).added) == 1
    source = ogr.Open(store.location)
    actions = [f.GetField("action") for f in source.GetLayerByName("audit_log")]
    source = None
    assert actions.count("survey_findings_to_ledger") == 2


def test_one_call_writes_the_ledger_and_a_draft_notice_per_holder(store, tmp_path):
    findings, _ = findings_from(compare_stored_round(store, "2026-2", "2026-1"), "2026-2")
    sent = send_findings(store, findings, found_at=dt.date(2026, 11, 25), folder=tmp_path / "drafts",
                         template=load_template(), fonts=choose_fonts(), issued_at=dt.date(2026, 11, 26))
    assert len(sent.ledger.added) == 2 and sent.no_holder == []
    assert sorted(n.holder for n in sent.notices) == sorted([HOLDER_A, HOLDER_B])
    assert all(n.draft and n.number.endswith("号（草稿）") and n.path.exists() for n in sent.notices)
    notice = next(n for n in sent.notices if n.holder == HOLDER_A)
    text = subprocess.run(["pdftotext", str(notice.path), "-"], check=True, capture_output=True,
                          text=True).stdout.replace("\n", "")
    for expected in ("责令限期整改通知书", "草稿", HOLDER_A, "我局通过2026年第2轮专项勘测发现", LIC_A,
                     "1200.00平方米（1.80亩）", "最远超出矿区范围30.00米（拐点2-3附近）", "涉嫌越界开采", "送达回证"):
        assert expected in text, expected
    assert LIC_B not in text  # the other holder's finding is in the other holder's notice
    again = send_findings(store, findings, folder=tmp_path / "drafts", template=load_template(), fonts=choose_fonts())
    assert again.ledger.added == [] and len(again.notices) == 2
    assert sum(len(v) for v in ledger_items_of(store, [LIC_A, LIC_B]).values()) == 2


def test_the_rounds_due_name_the_key_zone_producing_mines_each_round_lacks(store):
    from mine_supervision_plugin.analysis.survey_findings import rounds_due

    with store.transaction() as source:
        zones = source.GetLayerByName("monitoring_zones")
        for name, year, geometry in (("东区", 2026, box(-50, -50, 350, 150)), ("旧区", 2024, box(380, -50, 600, 150))):
            feature = ogr.Feature(zones.GetLayerDefn())
            for key, value in (("name", name), ("level", "province"), ("year", year)):
                feature.SetField(key, value)
            feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon([moved(geometry)])))
            zones.CreateFeature(feature)
        rights = source.GetLayerByName("mining_rights")
        for feature in rights:
            feature.SetField("status", "suspended" if feature.GetField("license_no") == LIC_B else "producing")
            rights.SetFeature(feature)
    due = rounds_due(store, 2026)
    assert due.mines == [LIC_A]  # B is suspended; C lies in the zone of an older list, not in force in 2026
    assert due.recorded == {"2026-1": True, "2026-2": True} and due.missing == {"2026-1": [], "2026-2": []}
    later = rounds_due(store, 2027)  # the 2026 list still in force; no round recorded yet
    assert later.recorded == {"2027-1": False, "2027-2": False} and later.missing["2027-1"] == [LIC_A]


@pytest.mark.parametrize("first", ["updateledger", "surveyfindings"])
def test_a_finding_is_one_ledger_item_whichever_path_writes_it_first(store, first):
    """updateledger (analysis.ledger_sync) and the survey's findings (dock, surveyfindings) name a finding by one
    source key: whichever runs first, the other adds no second item for the same round, licence and kind."""
    from mine_supervision_plugin.analysis.ledger_sync import sync_ledger

    findings, _ = findings_from(compare_stored_round(store, "2026-2", "2026-1"), "2026-2")
    if first == "updateledger":
        sync_ledger(store)
        record_findings(store, findings)
    else:
        record_findings(store, findings)
        sync_ledger(store)
    items = [item for number, rows in ledger_items_of(store, [LIC_A, LIC_B]).items() for item in rows
             if item.get("survey_round") == "2026-2"]
    keys = sorted(item["source_key"] for item in items)
    assert keys == sorted(set(keys)) and f"survey:2026-2:{LIC_A}:outside" in keys, keys
