"""Map reading (issue 10, item 4): status and validity told apart, labels readable at 1:50,000 and 1:10,000.

The styles are written by tools/build_styles.py; the first tests read the .qml files
(scale ranges, priorities, symbols); the last renders the demo county in the real
QGIS desktop (tests/in_qgis/first_hour_map.py) and asserts which labels are drawn.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis_runner import ROOT, run_in_qgis

STYLES = ROOT / "resources" / "styles"
SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "first_hour_map.py"
DEMO_DATABASE = ROOT / "out" / "demo" / "supervision.gpkg"


def style(name: str) -> ET.Element:
    return ET.parse(STYLES / f"{name}.qml").getroot()


def label_settings(name: str) -> dict:
    settings = style(name).find("labeling/settings")
    rendering = settings.find("rendering")
    placement = settings.find("placement")
    return {
        "scale_visibility": rendering.get("scaleVisibility"),
        # QGIS writes the most zoomed-out scale denominator as scaleMax.
        "visible_to": float(rendering.get("scaleMax")),
        "visible_from": float(rendering.get("scaleMin")),
        "priority": int(placement.get("priority")),
        "display_all": rendering.get("displayAll"),
        "obstacle": rendering.get("obstacle"),
        "placement": int(placement.get("placement")),
    }


def test_labels_carry_scale_ranges_and_priorities():
    mines, zones = label_settings("mining_rights"), label_settings("monitoring_zones")
    patches, surveys, corners = (
        label_settings("patches"),
        label_settings("survey_extents"),
        label_settings("mining_right_corners"),
    )
    for settings in (mines, zones, patches, surveys, corners):
        assert settings["scale_visibility"] == "1" and settings["visible_from"] == 0
        assert settings["display_all"] == "0" and settings["obstacle"] == "1"
    # A county at 1:50,000: mine and zone names; patch numbers, survey rounds and corners only closer.
    assert mines["visible_to"] >= 50_000 and zones["visible_to"] >= 50_000
    assert 10_000 <= patches["visible_to"] < 50_000
    assert 10_000 <= surveys["visible_to"] < 50_000
    assert corners["visible_to"] < 10_000
    # Where they compete, the mine's name wins over patch numbers, which win over survey rounds and corners.
    assert mines["priority"] > patches["priority"] > surveys["priority"] > corners["priority"]
    # Zone and survey names run along their outlines, off the mine names at the centres.
    assert zones["placement"] == surveys["placement"] == 7  # QgsPalLayerSettings.PerimeterCurved


def test_the_latest_patches_win_their_place():
    properties = style("patches").find("labeling/settings/dd_properties")
    text = ET.tostring(properties, encoding="unicode")
    assert "Priority" in text and "year(now())" in text
    assert "maximum(" not in text and "aggregate(" not in text  # aggregates in a render thread crash QGIS 3.22


def test_status_and_validity_have_distinct_symbols():
    rules = {rule.get("label"): rule for rule in style("mining_rights").iter("rule")}
    assert set(rules) >= {"在产", "停产", "基建", "关闭", "有效期已过", "90天内到期"}
    symbols = {s.get("name"): s for s in style("mining_rights").find("renderer-v2/symbols")}

    def layers(label):
        return [layer.get("class") for layer in symbols[rules[label].get("symbol")].iter("layer")]

    # Expired: hatched with a dashed outline, drawn over the status colour (no rule excludes another).
    assert "LinePatternFill" in layers("有效期已过")
    assert "dash" in ET.tostring(symbols[rules["有效期已过"].get("symbol")], encoding="unicode")
    assert "LinePatternFill" not in layers("在产")
    assert not any(rule.get("filter") == "ELSE" for rule in rules.values())
    outline = {}
    for label in ("在产", "有效期已过"):
        text = ET.tostring(symbols[rules[label].get("symbol")], encoding="unicode")
        outline[label] = text
    assert "198,40,40" in outline["在产"] and "198,40,40" not in outline["有效期已过"]


def test_photo_symbols_turn_to_their_direction():
    text = ET.tostring(style("inspection_photos"), encoding="unicode")
    assert 'name="angle"' in text and "azimuth_deg" in text
    assert "&quot;azimuth_deg&quot; IS NOT NULL" in text  # no arrow where the direction is unknown


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    """The demo county's database (make demo); generated here when it is missing."""
    if DEMO_DATABASE.exists():
        return DEMO_DATABASE
    out = tmp_path_factory.mktemp("demo")
    env = dict(os.environ, MS_PLUGIN_DIR=os.environ.get("MS_PLUGIN_DIR", str(ROOT / "build")))
    subprocess.run([sys.executable, "-m", "demo.run", "--out", str(out)], cwd=ROOT, env=env, check=True)
    return out / "supervision.gpkg"


@pytest.fixture(scope="module")
def rendered(demo_database, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("map")
    work = tmp / "work"
    work.mkdir()
    database = work / "supervision.gpkg"
    shutil.copy(demo_database, database)
    report = run_in_qgis(SCRIPT, tmp, env={"MS_DATABASE": str(database), "MS_WORK": str(work)}, timeout=300)
    assert report["errors"] == [], report["errors"]
    assert report["plugin_loaded"]
    if os.environ.get("MS_KEEP_RENDERS"):
        for scale in report["scales"].values():
            shutil.copy(scale["png"], Path(os.environ["MS_KEEP_RENDERS"]))
    return report


def drawn(report: dict, scale: int, table: str) -> list[str]:
    return [label["text"] for label in report["scales"][str(scale)]["labels"] if label["table"] == table]


def test_at_county_scale_mine_names_are_drawn_and_patch_numbers_are_not(rendered):
    county = rendered["scales"]["50000"]
    assert abs(county["scale"] - 50_000) < 500
    assert len(drawn(rendered, 50_000, "mining_rights")) >= 3
    assert drawn(rendered, 50_000, "patches") == []
    assert drawn(rendered, 50_000, "survey_extents") == []
    assert drawn(rendered, 50_000, "mining_right_corners") == []
    assert county["overlaps"] == []


def test_at_mine_scale_patch_numbers_are_drawn_without_overlapping(rendered):
    mine = rendered["scales"]["10000"]
    assert abs(mine["scale"] - 10_000) < 100
    assert drawn(rendered, 10_000, "mining_rights")
    patches = drawn(rendered, 10_000, "patches")
    assert len(patches) >= 2, mine["labels"]
    assert drawn(rendered, 10_000, "mining_right_corners") == []
    assert mine["overlaps"] == []
    assert Path(mine["png"]).stat().st_size > 10_000
