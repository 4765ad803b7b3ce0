"""The corner-check map tool (and the zones dock) in the real QGIS desktop, with the plugin installed from its zip.

QGIS runs on Xvfb at 1366 x 768 in Chinese (tests/in_qgis/field_checks.py): the
menu action, the mine chooser, clicks near corners, the check dialog filled by
pasting a receiver's text, by picking on the map and by typing, an implausible
point refused; the rows read back from the database. Every test runs on both stores: a GeoPackage and a
PostGIS database (issue 14), the desktop run once per store.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from qgis_runner import run_in_qgis

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "field_checks.py"
ZONE = 38_000_000.0
NORTH, EAST = 3_851_234.56, ZONE + 512_345.67
LICENCE = "C4100002011031120000001"
YEAR = dt.date.today().year
SHOTS = Path(__file__).resolve().parent.parent.parent / "build" / "screenshots"


@pytest.fixture(scope="module", params=["gpkg", "postgis"])
def desktop(request, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp(f"field_checks_{request.param}")
    work = tmp / "work"
    work.mkdir()
    shots = SHOTS / request.param
    shots.mkdir(parents=True, exist_ok=True)
    env = {"MS_WORK": str(work), "MS_SHOTS": str(shots), "MS_CASES": "corner_checks,record_patrol,zones"}
    if request.param == "postgis":
        env["MS_DATABASE"] = request.getfixturevalue("pg_server").create_database("field_checks_desktop")
    report = run_in_qgis(SCRIPT, tmp, locale="zh_CN", screen="1366x768", timeout=300, env=env)
    report["_work"] = work
    report["_kind"] = request.param
    print(f"desktop run: {report['_seconds']} s")
    return report


def case(report: dict, name: str) -> dict:
    assert report["errors"] == [], report["errors"]
    facts = report["cases"].get(name)
    assert facts is not None, f"case {name} did not run: {sorted(report['cases'])}"
    assert "error" not in facts, facts["error"]
    assert facts["python_errors"] == [], facts["python_errors"]
    return facts


def test_the_action_asks_for_the_mine_and_shows_its_numbered_corners(desktop):
    facts = case(desktop, "corner_checks")
    postgis = desktop["_kind"] == "postgis"
    assert facts["store_is_postgres"] is postgis
    assert facts["layer_providers"] == (["postgres"] if postgis else ["ogr"])
    assert facts["chooser"].get("errors") is None, facts["chooser"]
    assert len(facts["chooser"]["choices"]) == 3 and LICENCE in facts["chooser"]["choices"][0]
    assert facts["map_tool"] == "CornerCheckTool" and facts["action_checked"] is True
    assert facts["tool_mine"] == LICENCE
    assert facts["corner_labels"] == [1, 2, 3, 4]
    assert facts["extent_holds_licence"]


def test_pasted_receiver_text_a_new_patrol_and_the_photo(desktop):
    facts = case(desktop, "corner_checks")
    first = facts["first"]
    assert first.get("errors") is None, first
    assert len(first["patrols"]) == 1  # "New patrol…" only: no patrol of the mine yet
    assert (float(first["north"]), float(first["east"])) == pytest.approx((NORTH + 0.3, EAST + 400.4))
    assert "0.50" in first["verdict"]
    assert "1" in first["flag"] and "3" in first["flag"]  # one check: short of three
    check = facts["checks"][0]
    assert (check["corner_no"], check["deviation_m"], check["passed"], check["stake_state"], check["note"]) == (
        2, 0.5, 1, "intact", "界桩清晰")
    patrol = facts["inspections"][0]
    assert (patrol["license_no"], patrol["kind"], patrol["inspectors"], patrol["matched_by"]) == (
        LICENCE, "patrol", "张伟、李强", "manual")
    assert check["inspection_id"] == patrol["fid"]
    assert facts["attachments"] == [f"county_attachments/corner_checks/{check['fid']}/J2.jpg"]


def test_an_implausible_point_cannot_be_saved_and_a_picked_point_is_judged(desktop):
    facts = case(desktop, "corner_checks")
    second = facts["second"]
    assert second.get("errors") is None, second
    assert second["far_ok_enabled"] is False and second["far_accept_visible"] is True
    assert "10,000.00" in second["far_verdict"]
    assert second["picking"] is True
    picked = (float(second["picked_north"]), float(second["picked_east"]))
    tolerance = facts["mupp"] * 1.5
    assert picked[0] == pytest.approx(NORTH - 400 + 2.0, abs=tolerance)
    assert picked[1] == pytest.approx(EAST + 400 + 1.5, abs=tolerance)
    assert second["accept_visible_after_pick"] is False
    assert "⚠" in second["patrols"][0]  # the patrol of corner 2 has one check: flagged
    check = facts["checks"][1]
    assert check["corner_no"] == 3 and check["stake_state"] == "damaged" and check["passed"] == 0
    assert check["inspection_id"] == facts["checks"][0]["inspection_id"]
    assert check["deviation_m"] == pytest.approx(2.5, abs=tolerance * 1.5)


def test_a_point_typed_without_zone_prefix_completes_the_patrol(desktop):
    facts = case(desktop, "corner_checks")
    third = facts["third"]
    assert third.get("errors") is None, third
    check = facts["checks"][2]
    assert check["corner_no"] == 4 and check["measured_y"] == pytest.approx(EAST) and check["deviation_m"] == 0.2
    assert check["passed"] == 1
    assert "⚠" not in third["flag"]
    assert len(facts["inspections"]) == 1 and facts["layer_features"] == 3
    warnings = [m["text"] for m in facts["messages"] if m["level"] == 1]
    assert len([w for w in warnings if "3" in w]) == 2  # the first two checks left the patrol short
    assert [c[0] for c in facts["drawn_checks"]] == [2, 3, 4]
    assert [c[1] for c in facts["drawn_checks"]] == ["0.50米", facts["drawn_checks"][1][1], "0.20米"]  # zh_CN


def test_a_click_away_from_corners_opens_nothing_and_unchecking_leaves_the_tool(desktop):
    facts = case(desktop, "corner_checks")
    assert facts["far_click_dialogs"] == 0 and facts["far_click_messages"]
    assert facts["after_uncheck_tool"] != "CornerCheckTool" and facts["item_cleared"]
    assert Path(facts["canvas_shot"]).exists()


# --- the zones dock -----------------------------------------------------------------------------------


def test_zones_dock_is_in_the_menu_and_imports_a_layer_with_its_fields_found(desktop):
    facts = case(desktop, "zones")
    assert facts["toggle_in_menu"] and facts["visible"]
    assert "没有适用的重点监测矿区" in facts["summary_empty"]  # the desktop runs in zh_CN
    imported = facts["import"]
    assert imported.get("errors") is None, imported
    assert imported["layers"] == ["省厅下发重点矿区"]  # the database's own layers are not offered
    assert "ZQMC" in imported["mapping"]["name"] and "JB" in imported["mapping"]["level"]
    assert "ND" in imported["mapping"]["year"]
    assert facts["zones_rows"] == [
        {"name": "青山重点矿区", "level": "province", "year": YEAR},
        {"name": "远山监测区", "level": "county", "year": YEAR},
        {"name": "旧名单矿区", "level": "city", "year": YEAR - 1},
    ]
    assert any("3" in m["text"] for m in facts["messages"] if m["level"] == 3)


def test_zones_of_the_year_their_mines_field_check_list_and_overdue_mines(desktop):
    facts = case(desktop, "zones")
    # name, level, list year, mines, field-check list, overdue
    assert sorted(facts["table"]) == [["远山监测区", "县", str(YEAR), "1", "1", "1"],
                                      ["青山重点矿区", "省", str(YEAR), "2", "1", "2"]]
    assert facts["county_only"] == ["远山监测区"]
    assert facts["last_year"] == ["旧名单矿区"]
    producing, suspended = facts["mines"]
    assert producing[:4] == [LICENCE, "青山石灰岩矿", "在产", "✓"]
    assert suspended[2:4] == ["停产", ""]
    # both were patrolled this month only (corner checks, Record patrol…): one month, one quarter done
    assert producing[4].startswith("1/") and producing[6]
    assert suspended[4] == "1/4" and suspended[6]
    assert f"{YEAR}-Q{(dt.date.today().month - 1) // 3 + 1}" not in suspended[5] and suspended[5].count("Q") == 3
    assert facts["mine_backgrounds"] == ["#ffe0b2", "#ffe0b2"]
    # the producing mine's corner-check patrol had 3 checks, its patrol of today's zones case none: one short
    assert producing[7] == "⚠ 1" and suspended[7] == ""  # the suspended mine's patrol was a field check
    assert facts["extent_holds_zone"] and facts["extent_width"] < 5000


def test_the_rights_dock_shows_overdue_patrols(desktop):
    facts = case(desktop, "zones")
    assert facts["rights_header"] == "巡查"
    text, colour, tip = facts["rights_patrols"][LICENCE]
    assert text.startswith("逾期") and colour == "#ffe0b2" and tip.startswith(f"未巡查：{YEAR}-01")  # zh_CN
    assert all(v[1] == "#ffe0b2" for v in facts["rights_patrols"].values())


def test_the_rights_dock_counts_only_the_zones_of_the_list_in_force(desktop):
    facts = case(desktop, "zones")
    # last year's zone also overlaps the licence, but this year's list replaced it
    assert facts["rights_zones"][LICENCE] == ["青山重点矿区 (省)"]



# --- Record patrol… -------------------------------------------------------------------------------------


def test_record_patrol_from_the_menu(desktop):
    facts = case(desktop, "record_patrol")
    seen = facts["seen"]
    assert seen.get("errors") is None, seen
    assert seen["ticked"] == ["C4100002011031120000002"]  # the licence selected on the map
    assert seen["mines"] == 3 and len(seen["kinds"]) == 4
    assert "请至少选择一个巡查涉及的矿山" in seen["refusal"] and seen["still_open"]
    assert facts["new_rows"] == 1
    row = facts["row"]
    assert (row["kind"], row["inspectors"], row["license_nos"], row["matched_by"]) == (
        "field_check", "王芳", "C4100002011031120000001,C4100002011031120000002", "manual")
    assert row["checklist"] == '{"signboard": "ok", "piles": "problem"}'
    assert (row["finding"], row["result"], row["source_file"]) == ("尾矿堆放在矿区外", "责令整改", "XJ-9.gpx")
    assert facts["has_route"]
    assert [p["photo_path"].rsplit("/", 1)[-1] for p in facts["photos"]] == ["p1.jpg", "p2.jpg"]
    assert any("已记录" in m["text"] for m in facts["messages"] if m["level"] == 3)  # zh_CN


def test_draw_starts_qgis_digitizing_on_the_zones_layer(desktop):
    facts = case(desktop, "zones")
    draw = facts["draw"]
    assert draw["editable"] and draw["active"] and draw["add_feature_checked"], draw
    assert "AddFeature" in draw["tool"] or "Digitize" in draw["tool"], draw
