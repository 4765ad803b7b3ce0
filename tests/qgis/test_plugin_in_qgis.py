"""The plugin in the real QGIS desktop application."""

from __future__ import annotations

from pathlib import Path

from qgis_runner import run_in_qgis

SCRIPTS = Path(__file__).resolve().parent.parent / "in_qgis"


def test_load_unload_twenty_times_leaves_nothing_behind(tmp_path):
    report = run_in_qgis(SCRIPTS / "load_unload.py", tmp_path, locale="zh_CN")
    assert report["errors"] == []
    assert report["loaded_at_start"] is True
    assert report["imported_at_start"] == []
    loaded, baseline = report["loaded"], report["baseline"]
    # What the plugin adds while loaded ...
    assert "minesupervision" in loaded["providers"]
    assert "mMineSupervisionToolBar" in loaded["toolbars"]
    assert "矿产监管(&M)" in loaded["menus"] or "矿产监管" in "".join(loaded["menus"])
    assert loaded["translated_menu"] != "&Mine supervision"
    assert loaded["read_project_receivers"] > baseline["read_project_receivers"]
    # ... is all gone after unload, every time.
    assert "minesupervision" not in baseline["providers"]
    assert "mMineSupervisionToolBar" not in baseline["toolbars"]
    assert baseline["translated_menu"] == "&Mine supervision"
    assert report["unloaded_states_differ"] == []
    assert report["loaded_states_differ"] == []
