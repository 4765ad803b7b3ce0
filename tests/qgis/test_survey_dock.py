"""The special-survey dock in the real QGIS desktop, in Chinese, on a 1366 × 768 screen (issue 12, item 4):
rounds, per-mine results, click to zoom, the overlay, the rounds due, findings to the ledger once; on both stores
(the recorded county pushed into a PostGIS database for the second run, issue 14)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis_runner import run_in_qgis

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "survey_dock.py"
TS = Path(__file__).resolve().parent.parent.parent / "i18n" / "mine_supervision_zh_CN.ts"
pytestmark = pytest.mark.timeout(600)


def zh(source: str) -> str:
    """What the desktop shows in Chinese for ``source``: its translation once the catalogue has it (new strings
    wait in i18n/pending until the catalogue is regenerated), else the source."""
    import html
    import re

    for found, translation in re.findall(r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?"
                                         r"<translation(?: type=\"[^\"]*\")?>(.*?)</translation>", TS.read_text(
                                             encoding="utf-8"), re.S):
        if html.unescape(found) == source and translation:
            return html.unescape(translation)
    return source


@pytest.fixture(scope="module")
def surveyed(qgis, county, database, tmp_path_factory) -> Path:
    """The county database with its key monitoring zones and both survey rounds recorded."""
    from mine_supervision_plugin.store.database import open_database
    from mine_supervision_plugin.store.features import copy_features

    copy_features(open_database(database), "monitoring_zones", Path(county["out_dir"]) / "monitoring_zones.gpkg")
    for round_id in ("2026-1", "2026-2"):
        qgis.run("importsurvey", {"INPUT": Path(county["out_dir"]) / "surveys" / f"survey_{round_id}.gpkg",
                                  "ROUND": round_id, "DATABASE": database})
    copy = tmp_path_factory.mktemp("surveyed") / "county.gpkg"
    shutil.copy(database, copy)
    return copy


@pytest.fixture(scope="module", params=["gpkg", "postgis"])
def desktop(request, surveyed, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp(f"survey_dock_{request.param}")
    work = tmp / "work"
    work.mkdir()
    # each run on its own copy: the first run's findings in the ledger would make the second's "already there"
    database = str(shutil.copy(surveyed, tmp / "county.gpkg"))
    if request.param == "postgis":
        from mine_supervision_plugin.store.transfer import push_database

        database = request.getfixturevalue("pg_server").create_database("survey_dock_desktop")
        push_database(str(surveyed), database)
    report = run_in_qgis(SCRIPT, tmp, locale="zh-Hans", screen="1366x768",
                         env={"MS_DATABASE": database, "MS_WORK": str(work)}, timeout=420)
    assert report["errors"] == [], report["errors"]
    postgis = request.param == "postgis"
    assert report["store_is_postgres"] is postgis
    assert report["layer_providers"] == (["postgres"] if postgis else ["ogr"])
    return report


def test_the_dock_compares_a_round_and_lists_the_mines_with_findings_in_chinese(desktop, county):
    assert desktop["plugin_loaded"] and desktop["dock_found"]
    assert desktop["dock_title"] == zh("Special surveys")
    assert desktop["rounds"] == ["2026-2", "2026-1"] and desktop["previous_choice"] == "2026-1"
    assert desktop["compared"] and desktop["rows_all"] == county["counts"]["surveyed_licences"]
    assert 0 < desktop["rows_shown"] < desktop["rows_unfiltered"] == desktop["rows_all"]
    assert desktop["headers"][:3] == [zh("Licence"), zh("Surveyed m²"), zh("Outside m²")]
    assert "2026-2" in desktop["status"] and "2026-1" in desktop["status"]
    assert desktop["first_outside"] > 0


def test_a_click_zooms_to_the_mine_and_the_overlay_reads_at_a_glance(desktop):
    minx, miny, maxx, maxy = desktop["mine_bounds"]
    x0, y0, x1, y1 = desktop["canvas_extent"]
    assert x0 <= minx and y0 <= miny and x1 >= maxx and y1 >= maxy  # the mine in view
    assert (x1 - x0) < 10 * max(maxx - minx, maxy - miny) + 200  # and close: not the whole county
    assert desktop["overlay_group"] == zh("Special survey {round}").format(round="2026-2")
    layers = desktop["overlay_layers"]
    assert set(layers) == {zh(name) for name in ("Licence corners", "Licensed boundary", "Out of bounds",
                                                 "Works approaching the boundary", "Growth since the previous round",
                                                 "Surveyed extent")}
    assert layers[zh("Out of bounds")] > 0 and layers[zh("Licence corners")] > 0
    assert layers[zh("Surveyed extent")] == desktop["rows_all"]
    assert desktop["outside_style"] == {"layers": ["SimpleFill", "LinePatternFill"], "colour": "#d50000"}  # hatched red
    assert desktop["drawn_first"][:3] == [zh("Licence corners"), zh("Licensed boundary"), zh("Out of bounds")]
    assert Path(desktop["screenshot"]).exists() and desktop["window"][0] <= 1366


def test_the_rounds_due_this_year_and_the_findings_go_to_the_ledger_once(desktop):
    assert zh("Due in {year}: {count} producing mines of key monitoring zones, two rounds.").split("{")[0] \
        in desktop["due_text"] and "2026-1" in desktop["due_text"]
    assert desktop["ledger_added"] > 0 and desktop["ledger_after_second"] == desktop["ledger_added"]
    assert desktop["tasks_left"] == 0
