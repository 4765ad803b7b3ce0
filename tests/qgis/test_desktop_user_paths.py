"""Every user path in the real QGIS desktop application, with the plugin installed from its zip.

QGIS runs on Xvfb (``qgis --code``) with the virtualenv's site-packages on its
PYTHONPATH, as ``make run`` gives them. One desktop run walks the paths in
sequence (tests/in_qgis/user_paths.py): new database, the two menu imports
through Processing's dialog on the demo county, open database, drawing a patrol
patch with clicks on the canvas, a workflow step through the reason dialog,
the before/after imagery. Each test below asserts one path's outcome. A second
run starts QGIS with the PyPI shapely wheel (its own GEOS) first on the path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis_runner import ROOT, run_in_qgis, venv_site_packages

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "user_paths.py"
PYPI_SHAPELY = ROOT / ".venv" / "pypi-shapely"
SUCCESS, WARNING = 3, 1  # Qgis.Success, Qgis.Warning
ANALYSIS_ACTIONS = ("mMineSupervision_import_coordinates", "mMineSupervision_import_patches",
                    "mMineSupervision_draw_patch", "mMineSupervision_prejudge_all")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from demo.county import generate

    folder = tmp_path_factory.mktemp("demo")
    generate(folder, seed=2026)
    return folder


@pytest.fixture(scope="module")
def desktop(demo, tmp_path_factory) -> dict:
    """One QGIS desktop run walking every path; its report."""
    tmp = tmp_path_factory.mktemp("desktop")
    work = tmp / "work"
    work.mkdir()
    report = run_in_qgis(SCRIPT, tmp, env={"MS_DEMO": str(demo), "MS_WORK": str(work)}, timeout=420)
    report["_work"] = work
    print(f"desktop run (cases 1-5): {report['_seconds']} s")
    return report


def case(report: dict, name: str) -> dict:
    """The facts of one path; fails with the path's own error when it raised."""
    assert report["errors"] == [], report["errors"]
    facts = report["cases"].get(name)
    assert facts is not None, f"case {name} did not run: {sorted(report['cases'])}"
    assert "error" not in facts, facts["error"]
    assert facts["python_errors"] == [], facts["python_errors"]
    return facts


def texts(facts: dict, level: int | None = None) -> list[str]:
    return [m["text"] for m in facts["messages"] if level is None or m["level"] == level]


def test_startup_loads_the_installed_zip_with_analysis_enabled_and_no_geos_warning(desktop):
    facts = case(desktop, "startup")
    assert facts["active"] is True
    # the copy QGIS loaded is the one unpacked from the zip into the profile
    assert Path(facts["module_file"]).parent == Path(facts["installed"])
    assert Path(facts["installed"]).parts[-3:] == ("python", "plugins", "mine_supervision_plugin")
    assert facts["shapely"].startswith(venv_site_packages())
    assert all(facts["actions"][name]["enabled"] for name in ANALYSIS_ACTIONS), facts["actions"]
    assert facts["docks"] == ["MineSupervisionImageryDock", "MineSupervisionPatchesDock", "MineSupervisionRightsDock",
                              "MineSupervisionSurveyDock", "MineSupervisionZonesDock"]
    shown = " ".join(m["text"] for m in facts["bar"]) + facts["log"]
    assert "GEOS" not in shown and "install_debian.sh" not in shown


def test_new_supervision_database_from_the_menu(desktop):
    facts = case(desktop, "new_database")
    database = desktop["_work"] / "county.gpkg"
    seen = facts["seen"]
    assert seen["title"] == "New supervision database"
    assert seen["crs_default"] == "EPSG:4526"
    assert seen["file_dialog"]["class"] == "QFileDialog" and seen["file_dialog"]["filters"] == ["GeoPackage (*.gpkg)"]
    assert seen["file_widget"] == str(database)
    assert facts["exists"] is True
    assert {"mining_rights", "mining_right_parcels", "mining_right_corners", "patches", "patch_events"} <= set(
        facts["gpkg_tables"])
    assert facts["srs"] == [[4526]]
    assert {"mining_rights", "patches", "patch_events"} <= set(facts["project_tables"])
    assert facts["project_database"] == facts["store"] == str(database)
    assert facts["project_crs"] == "EPSG:4526"
    assert facts["last_folder"] == str(desktop["_work"])
    assert f"Opened {database}." in texts(facts, SUCCESS)


def test_import_licence_coordinates_from_the_menu(desktop):
    facts = case(desktop, "import_licences")
    seen = facts["seen"]
    assert seen["algorithm"] == "minesupervision:importcoordinates"
    assert seen["database"] == str(desktop["_work"] / "county.gpkg")  # the dialog opened on the open database
    assert seen["results"]["LICENCES"] == 66 and seen["results"]["CREATED"] == 66
    assert seen["results"]["FILES_REFUSED"] == 0
    assert facts["rights_rows"] == facts["distinct_licences"] == 66
    assert facts["corner_rows"] > 66 * 3
    assert facts["project_tables"]["mining_rights"]["features"] == 66  # the layer was reloaded


def test_import_patch_batch_from_the_menu(desktop):
    facts = case(desktop, "import_patches")
    seen = facts["seen"]
    assert seen["algorithm"] == "minesupervision:importpatches"
    assert seen["database"] == str(desktop["_work"] / "county.gpkg")
    assert seen["results"]["IMPORTED"] == 34
    assert facts["patch_rows"] == 34
    assert facts["sources"] == [["satellite", "issued", 34]]
    assert facts["issued_events"] == 34
    assert facts["project_tables"]["patches"]["features"] == 34


def test_open_supervision_database_from_the_menu(desktop):
    facts = case(desktop, "open_database")
    database = str(desktop["_work"] / "county.gpkg")
    # the new empty project closed the database
    assert facts["store_after_new_project"] is False and facts["tables_after_new_project"] == []
    assert facts["seen"]["file_dialog"]["title"] == "Open supervision database"
    assert facts["seen"]["file_dialog"]["selected"] == [database]
    assert facts["project_database"] == facts["store"] == database
    assert facts["project_tables"]["mining_rights"]["features"] == 66
    assert facts["project_tables"]["patches"]["features"] == 34
    assert facts["patches_dock_rows"] == 34
    assert facts["rights_dock_rows"] == 66
    assert f"Opened {database}." in texts(facts, SUCCESS)


def test_draw_patrol_patch_with_clicks_on_the_canvas(desktop):
    facts = case(desktop, "draw_patch")
    assert facts["map_tool"] == "DrawPatchTool" and facts["action_checked"] is True
    assert facts["vertices_before_finish"] == 4
    assert facts["seen"]["title"] == "New patrol patch"
    assert facts["patch_no"] == "XC-2026-0001"  # numbered in the year of its after-imagery date
    # stored: a patrol patch, issued, pre-judged within the licence it was drawn in, with the dialog's dates
    [(source, state, prejudgment, licence, area, before, after, remarks)] = facts["stored"]
    assert (source, state, prejudgment, licence) == ("patrol", "issued", "within_licence", facts["licence"])
    assert area == pytest.approx(facts["square_area"], rel=0.03)  # clicks land on whole pixels
    assert (before, after, remarks) == ("2025-10-15", "2026-10-20", "巡查发现新开挖")
    assert facts["events"] == [[None, "issued"]]
    # the pre-judgment at once: the result window and the message bar
    shown = facts["result_dialog"]
    assert shown["title"] == f"Pre-judgment of patch {facts['patch_no']}"
    assert shown["prejudgment"] == "证内"
    assert facts["licence"] in shown["rows"]["licences"]
    assert shown["rows"]["dates"] == "2025-10-15 → 2026-10-20"
    assert any(text.startswith(f"Patch {facts['patch_no']}: 证内") for text in texts(facts, SUCCESS))
    assert facts["patches_layer_features"] == 35
    assert facts["map_tool_after"] != "DrawPatchTool"


def test_workflow_step_from_the_patches_dock_through_the_reason_dialog(desktop):
    facts = case(desktop, "workflow_step")
    patch_no = facts["patch_no"]
    assert facts["dock_visible"] is True
    assert facts["listed"] == [patch_no] and facts["current"] == patch_no
    assert facts["step_buttons"] == ["verified"] and facts["form_dirty"] is True
    seen = facts["seen"]
    assert seen["title"] == "Workflow step"
    assert seen["prompt"] == f"Move patch {patch_no} from issued to field-verified."
    assert seen["ok_enabled_empty"] is False and seen["ok_enabled_filled"] is True  # a reason is required
    assert facts["stored"] == [["verified", facts["today"], "张三, 李四", "现场有开采痕迹"]]
    events = facts["events"]
    assert [(e[0], e[1]) for e in events] == [(None, "issued"), ("issued", "verified")]
    assert events[-1][2] == "现场核查完成，确有开采" and events[-1][3]  # reason and user
    assert [row[2:] for row in facts["history_rows"]][-1] == ["issued → field-verified", "现场核查完成，确有开采"]
    assert facts["step_buttons_after"] == ["determined"]
    assert facts["layer_state"] == "verified"
    assert f"Patch {patch_no} moved to field-verified." in texts(facts, SUCCESS)


def test_imagery_dock_shows_the_patch_before_and_after(desktop):
    facts = case(desktop, "imagery")
    assert facts["dock_visible"] is True
    assert facts["current"] == case(desktop, "draw_patch")["patch_no"]
    assert facts["before_layer"] == "imagery_2025-10-15_before"
    assert facts["after_layer"] == "imagery_2026-10-20_after"
    before, after = facts["labels"]
    assert "patch 2025-10-15" in before and "imagery 2025-10-15" in before
    assert "patch 2026-10-20" in after and "imagery 2026-10-20" in after
    assert facts["before_canvas_layers"][-1] == facts["before_layer"]
    assert facts["after_canvas_layers"][-1] == facts["after_layer"]
    assert facts["before_extent_contains_patch"] and facts["after_extent_contains_patch"]
    assert facts["extent_to_patch_ratio"] < 10  # zoomed to the patch, not the county
    assert facts["before_colours"] > 20 and facts["after_colours"] > 20  # the imagery was drawn


# --- the GEOS guard -------------------------------------------------------------------------


def pypi_shapely() -> Path:
    """The PyPI shapely wheel (bundling GEOS 3.13), unpacked by the Makefile's stamp rule."""
    if not (PYPI_SHAPELY / "shapely").is_dir():
        subprocess.run(["make", "-s", ".venv/pypi-shapely/.stamp"], cwd=ROOT, check=True)
    return PYPI_SHAPELY


def test_pypi_shapely_first_on_the_path_is_refused_with_the_reason(tmp_path):
    folder = pypi_shapely()
    report = run_in_qgis(SCRIPT, tmp_path, env={"MS_MODE": "startup"},
                         python_path=os.pathsep.join([str(folder), venv_site_packages()]), timeout=240)
    print(f"desktop run (case 6): {report['_seconds']} s")
    facts = case(report, "startup")
    assert facts["active"] is True
    assert facts["shapely"].startswith(str(folder))  # the wheel was the one QGIS's Python found
    assert facts["qgis_geos"].startswith("3.11")
    warnings = [m["text"] for m in facts["bar"] if m["level"] == WARNING]
    geos = [w for w in warnings if "GEOS" in w]
    assert geos, facts["bar"]
    assert "GEOS 3.13" in geos[0] and f"GEOS {facts['qgis_geos']}" in geos[0]
    assert "install_debian.sh" in geos[0]
    for name in ANALYSIS_ACTIONS:
        assert facts["actions"][name]["enabled"] is False, name
    assert facts["actions"]["mMineSupervision_new_database"]["enabled"] is True
    assert "MineSupervisionPatchesDock" not in facts["docks"]


def test_the_pypi_wheel_is_really_built_for_another_geos():
    """Keeps the guard test honest: the unpacked wheel is the one bringing GEOS 3.13."""
    folder = pypi_shapely()
    probe = subprocess.run([sys.executable, "-c", "import shapely; print(shapely.geos_version)"],
                           env={**os.environ, "PYTHONPATH": str(folder)}, capture_output=True, text=True)
    assert probe.stdout.startswith("(3, 13"), probe.stdout + probe.stderr
