"""inspectioncompliance and samplemines as scripts run them: `qgis_process.bin`, the plugin installed from the zip
(issue 11 items 4-5). Bad input is answered in words in the log, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcessError
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.spot_checks import recorded_draws

ROOT = Path(__file__).resolve().parent.parent.parent
CONTRACT_COMPLIANCE = {"license_no", "required_periods", "satisfied_periods", "missing_periods"}


def write_csv(path: Path, header, rows) -> Path:
    path.write_text("\n".join([",".join(header)] + [",".join(map(str, r)) for r in rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    rights = write_csv(folder / "rights.csv", ["license_no", "mine_name", "status", "credit_status"], [
        ("C001", "甲矿", "在产", "正常"),
        ("C002", "乙矿", "停产", "严重违法失信名单"),
        ("C003", "丙矿", "construction", "normal"),
        ("C004", "丁矿", "在建", "normal"),
    ] + [(f"C1{i:02d}", f"矿{i}", "producing" if i % 4 else "closed", "正常") for i in range(36)])
    inspections = write_csv(folder / "inspections.csv", ["license_no", "inspected_on"], [
        ("C001", "2026-07-03"), ("C001", "2026-08-31"), ("C001", "2026-10-01"),
        ("C002", "2026年9月1日"), ("C003", "2026-12-31"),
        ("C777", "2026-07-10"), ("C777", "2026-07-11"),  # lines 7-8: unknown licence
        ("C001", "31/07/2026"),  # line 9: not a date counties write
    ])
    # a one-column CSV is not a table GDAL opens: a flag list carries its reason too
    flagged = write_csv(folder / "flagged.csv", ["license_no", "reason"], [("C003", "卫片执法")])
    return {"rights": rights, "inspections": inspections, "flagged": flagged}


def rows(path: Path) -> dict[str, dict]:
    source = ogr.Open(str(path))
    return {f.GetField("license_no"): f.items() for f in source.GetLayer(0)}


def log_text(answer: dict) -> str:
    return str(answer.get("log", answer))


def test_both_algorithms_are_listed_with_their_contract_names(qgis):
    algorithms = qgis.algorithms()
    for name in ("minesupervision:inspectioncompliance", "minesupervision:samplemines"):
        assert name in algorithms and "unavailable" not in algorithms[name]


def test_compliance_of_the_second_half_year(qgis, inputs, tmp_path):
    out = tmp_path / "compliance.gpkg"
    answer = qgis.run("inspectioncompliance", {"RIGHTS": inputs["rights"], "INSPECTIONS": inputs["inspections"],
                                               "PERIOD_START": "2026-07-01", "PERIOD_END": "2026-12-31",
                                               "OUTPUT": out})
    written = rows(out)
    assert CONTRACT_COMPLIANCE <= set(written["C001"])
    assert written["C001"]["missing_periods"] == "2026-09, 2026-11, 2026-12"
    assert written["C001"]["required_periods"] == 6 and written["C001"]["satisfied_periods"] == 3
    assert written["C002"]["missing_periods"] == "2026-Q4" and written["C003"]["missing_periods"] == "2026-Q3"
    results = answer["results"]
    assert results["MINES"] == 40 and results["UNKNOWN_LICENCE_INSPECTIONS"] == 2
    assert results["BAD_DATE_INSPECTIONS"] == 1 and results["UNKNOWN_STATUS_MINES"] == 1
    log = log_text(answer)
    assert "C777 (2)" in log and "line 9 (31/07/2026)" in log and "C004 (在建)" in log
    assert "Traceback" not in log


def test_a_period_ending_before_it_starts_is_refused_in_words(qgis, inputs, tmp_path):
    out = tmp_path / "x.gpkg"
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("inspectioncompliance", {"RIGHTS": inputs["rights"], "INSPECTIONS": inputs["inspections"],
                                          "PERIOD_START": "2026-12-31", "PERIOD_END": "2026-07-01", "OUTPUT": out})
    message = str(refused.value)
    assert "before it starts" in message and "Traceback" not in message
    assert not out.exists()


def test_the_same_seed_draws_the_same_list_and_the_database_records_it(qgis, inputs, tmp_path):
    database = tmp_path / "county.gpkg"
    create_database(database, 4526)
    common = {"RIGHTS": inputs["rights"], "FLAGGED": inputs["flagged"], "RATIO": 0.2, "SEED": 20260701,
              "DATABASE": database}
    first = qgis.run("samplemines", {**common, "OUTPUT": tmp_path / "a.gpkg"})
    qgis.run("samplemines", {**common, "OUTPUT": tmp_path / "b.gpkg"})
    drawn = {n: r["stratum"] for n, r in rows(tmp_path / "a.gpkg").items()}
    assert drawn == {n: r["stratum"] for n, r in rows(tmp_path / "b.gpkg").items()}
    assert drawn["C002"] == "serious_dishonesty" and drawn["C003"] == "flagged"
    assert first["results"]["DRAWN"] == len(drawn) >= 8 and first["results"]["POPULATION"] == 40
    records = recorded_draws(open_database(database))
    assert [r["seed"] for r in records] == ["20260701", "20260701"]
    assert [n for n, _ in records[0]["drawn"]] == [n for n, _ in records[1]["drawn"]]
    assert set(n for n, _ in records[0]["drawn"]) == set(drawn)


def test_a_missing_field_is_named_not_a_traceback(qgis, inputs, tmp_path):
    bad = write_csv(tmp_path / "no_status.csv", ["license_no", "name"], [("C001", "甲矿")])
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("samplemines", {"RIGHTS": bad, "SEED": 1, "OUTPUT": tmp_path / "x.gpkg"})
    message = str(refused.value)
    assert "status" in message and "license_no, name" in message and "Traceback" not in message
