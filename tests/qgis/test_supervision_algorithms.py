"""inspectioncompliance and samplemines through the real Processing registry (issue 11 items 4-5)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from osgeo import ogr

from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field
from mine_supervision_plugin.store.spot_checks import recorded_draws

CONTRACT_COMPLIANCE = {"license_no", "required_periods", "satisfied_periods", "missing_periods"}


def write_csv(path, header, rows):
    path.write_text("\n".join([",".join(header)] + [",".join(map(str, r)) for r in rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def rights_csv(tmp_path):
    return write_csv(tmp_path / "rights.csv", ["license_no", "mine_name", "status", "credit_status"], [
        ("C001", "甲矿", "在产", "正常"),
        ("C002", "乙矿", "suspended", "异常名录"),
        ("C003", "丙矿", "producing", "normal"),
        ("C004", "丁矿", "停业", "normal"),
    ] + [(f"C1{i:02d}", f"矿{i}", "在产" if i % 3 else "关闭", "正常") for i in range(20)])


@pytest.fixture
def inspections_csv(tmp_path):
    return write_csv(tmp_path / "inspections.csv", ["license_no", "inspected_on", "kind"], [
        ("C001", "2026-01-05", "日常巡查"),  # line 2
        ("C001", "2026/2/9", "日常巡查"),
        ("C002", "2026-05-20", "日常巡查"),
        ("X999", "2026-01-05", "日常巡查"),  # line 5: unknown licence
        ("C003", "2026-02-30", "日常巡查"),  # line 6: no such day
        ("C003", "2026-03-01", "日常巡查"),
    ])


class Log:
    """A Processing feedback that keeps what the algorithm says."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushWarning(self, text):  # noqa: N802
                self.lines.append(text)

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

            def reportError(self, text, fatalError=False):  # noqa: N802, N803
                self.lines.append(text)

        return Feedback()


def run(registry, name, parameters):
    from qgis.core import QgsProcessingContext

    feedback = Log()
    context = QgsProcessingContext()
    algorithm = registry.createAlgorithmById(f"minesupervision:{name}")
    result, ok = algorithm.run(parameters, context, feedback)
    return result, ok, "\n".join(feedback.lines), context


def table(path):
    source = ogr.Open(str(path))
    return {f.GetField("license_no"): f.items() for f in source.GetLayer(0)}


def test_compliance_from_csv_files(registry, rights_csv, inspections_csv, tmp_path):
    out = tmp_path / "compliance.gpkg"
    result, ok, log, _ = run(registry, "inspectioncompliance", {
        "RIGHTS": str(rights_csv), "INSPECTIONS": str(inspections_csv), "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-06-30", "OUTPUT": str(out)})
    assert ok, log
    rows = table(out)
    assert CONTRACT_COMPLIANCE | {"status", "missing_count", "last_inspected_on", "mine_name"} <= set(rows["C001"])
    assert rows["C001"]["required_periods"] == 6 and rows["C001"]["satisfied_periods"] == 2
    assert rows["C001"]["missing_periods"] == "2026-03, 2026-04, 2026-05, 2026-06"
    assert rows["C002"]["missing_periods"] == "2026-Q1" and rows["C002"]["status"] == "suspended"
    assert rows["C003"]["satisfied_periods"] == 1  # the 30 February does not count
    assert rows["C004"]["required_periods"] == 0 and "unknown status" in rows["C004"]["note"]
    assert result["MINES"] == 24 and result["UNKNOWN_LICENCE_INSPECTIONS"] == 1
    assert result["BAD_DATE_INSPECTIONS"] == 1 and result["UNKNOWN_STATUS_MINES"] == 1
    assert "X999 (1)" in log and "line 6 (2026-02-30)" in log and "C004 (停业)" in log


def test_compliance_from_the_database_inspections_layer(registry, tmp_path, store_location):
    """The store names its date inspection_date; the algorithm takes it as the inspection date (either store)."""
    store = open_database(create_database(store_location, 4526))
    with store.transaction() as source:
        for table_name, rows in (
            ("mining_rights", [{"license_no": "C1", "status": "producing"}, {"license_no": "C2", "status": "closed"}]),
            ("inspections", [{"license_no": "C1", "inspection_date": dt.date(2026, 4, 2), "kind": "patrol"},
                             {"license_no": "C2", "inspection_date": dt.date(2026, 6, 30), "kind": "patrol"},
                             {"license_no": "C2", "license_nos": "C2,C1", "inspection_date": dt.date(2026, 5, 9),
                              "kind": "patrol"}]),
        ):
            layer = source.GetLayerByName(table_name)
            for row in rows:
                feature = ogr.Feature(layer.GetLayerDefn())
                for name, value in row.items():
                    set_field(feature, name, value)
                layer.CreateFeature(feature)
    out = tmp_path / "out.gpkg"
    if store.is_postgres:  # the layers a user picks: the project's postgres layers of the shared database
        from qgis.core import QgsProject

        from mine_supervision_plugin.connections import open_store
        from mine_supervision_plugin.store.project import find_layer, load_into_project

        load_into_project(open_store(store.location))
        rights, inspections = find_layer("mining_rights"), find_layer("inspections")
        assert rights.providerType() == "postgres"
    else:
        rights, inspections = store.layer_uri("mining_rights"), store.layer_uri("inspections")
    result, ok, log, _ = run(registry, "inspectioncompliance", {
        "RIGHTS": rights, "INSPECTIONS": inspections,
        "PERIOD_START": "2026-04-01", "PERIOD_END": "2026年6月30日", "OUTPUT": str(out)})
    if store.is_postgres:
        QgsProject.instance().clear()
    assert ok, log
    rows = table(out)
    assert rows["C1"]["missing_periods"] == "2026-06"  # May from the patrol of both mines
    assert rows["C2"]["missing_periods"] == "" and rows["C2"]["compliant"] == 1
    assert rows["C1"]["last_inspected_on"] == "2026/05/09"


@pytest.mark.parametrize("start, end, words", [
    ("2026-06-30", "2026-01-01", "before it starts"),
    ("2026-13-01", "2026-12-31", "PERIOD_START is not a date"),
])
def test_a_bad_period_is_refused_in_words(registry, rights_csv, inspections_csv, tmp_path, start, end, words):
    out = tmp_path / "x.gpkg"
    _, ok, log, _ = run(registry, "inspectioncompliance", {
        "RIGHTS": str(rights_csv), "INSPECTIONS": str(inspections_csv), "PERIOD_START": start, "PERIOD_END": end,
        "OUTPUT": str(out)})
    assert not ok and words in log and "Traceback" not in log
    assert not out.exists()


def test_inspections_without_the_date_field_are_refused_naming_the_fields(registry, rights_csv, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["license_no", "day"], [("C001", "2026-01-01")])
    _, ok, log, _ = run(registry, "inspectioncompliance", {
        "RIGHTS": str(rights_csv), "INSPECTIONS": str(bad), "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-12-31", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert not ok and "inspected_on" in log and "license_no, day" in log


def test_sample_draw_is_reproducible_forced_and_recorded(registry, rights_csv, tmp_path, store_location):
    flagged = write_csv(tmp_path / "flagged.csv", ["license_no", "why"], [("C003", "卫片"), ("Z404", "审计")])
    store = open_database(create_database(store_location, 4526))
    parameters = {"RIGHTS": str(rights_csv), "FLAGGED": str(flagged), "RATIO": 0.2, "SEED": "2026-H1",
                  "DATABASE": store.location}
    first, ok, log, _ = run(registry, "samplemines", {**parameters, "OUTPUT": str(tmp_path / "a.gpkg")})
    assert ok, log
    again, ok, _, _ = run(registry, "samplemines", {**parameters, "OUTPUT": str(tmp_path / "b.gpkg")})
    drawn = {n: r["stratum"] for n, r in table(tmp_path / "a.gpkg").items()}
    assert drawn == {n: r["stratum"] for n, r in table(tmp_path / "b.gpkg").items()}
    assert drawn["C002"] == "abnormal_list" and drawn["C003"] == "flagged"
    assert first["DRAWN"] == len(drawn) >= 0.2 * 24 and first["POPULATION"] == 24 and first["SEED"] == "2026-H1"
    assert "Z404" in log and "C004 (停业)" in log
    records = recorded_draws(store)
    assert len(records) == 2 and records[0]["seed"] == "2026-H1" and records[0]["ratio"] == 0.2
    assert {n for n, _ in records[0]["drawn"]} == set(drawn)
    assert records[0]["drawn"] == records[1]["drawn"] and records[0]["user"]
    json.dumps(records)


def test_sample_without_seed_says_which_seed_it_used(registry, rights_csv, tmp_path):
    result, ok, log, _ = run(registry, "samplemines", {"RIGHTS": str(rights_csv), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert ok and result["SEED"] and f"SEED={result['SEED']}" in log


def test_compliance_from_layers_qgis_reads_feature_by_feature(registry, tmp_path):
    """A memory layer (no file for OGR to read in bulk): the same answer, dates as QDate, names as features."""
    from qgis.core import QgsFeature, QgsVectorLayer
    from qgis.PyQt.QtCore import QDate

    rights = QgsVectorLayer("None?field=license_no:string&field=status:string", "rights", "memory")
    inspections = QgsVectorLayer("None?field=license_no:string&field=inspected_on:date", "insp", "memory")
    for layer, rows in ((rights, [("C1", "在产"), ("C2", "基建")]),
                        (inspections, [("C1", QDate(2026, 1, 31)), ("C2", QDate(2026, 3, 31)), ("C1", None),
                                       ("C9", QDate(2026, 2, 1))])):
        features = []
        for row in rows:
            feature = QgsFeature(layer.fields())
            feature.setAttributes(list(row))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
    out = tmp_path / "out.gpkg"
    result, ok, log, _ = run(registry, "inspectioncompliance", {
        "RIGHTS": rights, "INSPECTIONS": inspections, "PERIOD_START": "2026-01-01", "PERIOD_END": "2026-03-31",
        "OUTPUT": str(out)})
    assert ok, log
    rows = table(out)
    assert rows["C1"]["missing_periods"] == "2026-02, 2026-03" and rows["C2"]["missing_periods"] == ""
    assert result["BAD_DATE_INSPECTIONS"] == 1 and "feature 3 (empty)" in log and "C9 (1)" in log
