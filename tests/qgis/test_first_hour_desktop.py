"""A technician's first hour in the real QGIS desktop, on a 1366 × 768 laptop screen, in Chinese (issue 10).

One desktop run (tests/in_qgis/first_hour_desktop.py) with the plugin installed from its zip, QGIS's
locale zh-Hans (Debian's name for its Chinese) and Xvfb's screen 1366 × 768. Each test asserts one path.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis_runner import run_in_qgis

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "first_hour_desktop.py"
DOCKS = ("MineSupervisionRightsDock", "MineSupervisionPatchesDock", "MineSupervisionImageryDock")
RIGHT_DOCK_AREA = 2  # Qt.RightDockWidgetArea
WIDTH, HEIGHT = 1366, 768
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from demo.county import generate

    folder = tmp_path_factory.mktemp("demo")
    generate(folder, seed=2026)
    return folder


@pytest.fixture(scope="module")
def laptop(demo, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("laptop")
    work = tmp / "work"
    work.mkdir()
    report = run_in_qgis(SCRIPT, tmp, locale="zh-Hans", screen=f"{WIDTH}x{HEIGHT}",
                         env={"MS_DEMO": str(demo), "MS_WORK": str(work)}, timeout=420)
    report["_work"] = work
    print(f"laptop desktop run: {report['_seconds']} s")
    return report


def case(report: dict, name: str) -> dict:
    assert report["errors"] == [], report["errors"]
    assert report.get("python_errors", []) == [], report["python_errors"]
    facts = report["cases"].get(name)
    assert facts is not None, f"case {name} did not run: {sorted(report['cases'])}"
    assert "error" not in facts, facts["error"]
    return facts


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def test_qgis_its_qt_buttons_and_the_plugin_are_chinese_with_zh_hans(laptop):
    facts = case(laptop, "chinese")
    assert facts["locale"] == "zh-Hans"
    assert has_chinese(facts["project_menu"]), facts["project_menu"]  # QGIS's own menu (项目)
    assert has_chinese(facts["save_action"]), facts["save_action"]
    assert "矿产监管" in facts["our_menu"]
    assert all(has_chinese(text) for text in facts["our_actions"]), facts["our_actions"]
    assert facts["qt_buttons"] == ["确定", "取消"], facts["qt_buttons"]  # Qt's own (qttranslations5-l10n)


def test_the_window_fits_a_laptop_with_the_docks_tabified_and_scrolling(laptop):
    facts = case(laptop, "layout")
    assert facts["screen"] == [WIDTH, HEIGHT]
    assert facts["window"][0] <= WIDTH and facts["window"][1] <= HEIGHT, facts
    assert facts["window_minimum"][1] <= HEIGHT, facts["window_minimum"]
    assert facts["status_bar_visible"] and facts["status_bar_bottom"] <= HEIGHT
    assert set(facts["areas"].values()) == {RIGHT_DOCK_AREA}
    for name in DOCKS:
        assert facts["tabified"][name] == sorted(set(DOCKS) - {name}), facts["tabified"]
        assert facts["scrolls"][name] is True
    assert facts["front_after_showing"] == ["MineSupervisionImageryDock"]  # the last one shown is in front
    assert len(facts["tab_bars"]) == 1 and len(facts["tab_bars"][0]) == 3
    assert facts["patches_in_front"] is True  # after a click on its tab
    assert facts["patches_height"] >= 400  # tabified: the whole height of the dock area, not a third


def test_the_verification_forms_save_button_is_reachable_on_the_laptop(laptop):
    facts = case(laptop, "layout")
    assert facts["save_scroll_areas"] >= 1
    assert facts["save_visible"] is True
    assert facts["save_visible_height"] == facts["save_height"]  # whole, not clipped by the viewport
    left, top, right, bottom = facts["save_global"]
    assert 0 <= left and right <= WIDTH and 0 <= top and bottom <= HEIGHT


def test_a_dirty_project_is_asked_about_and_cancel_changes_nothing(laptop):
    facts = case(laptop, "prompt")
    assert facts["dirty"] is True
    cancel = facts["cancel"]
    prompt = cancel["seen"]["prompt"]
    assert prompt["name"] == "MineSupervisionSaveProjectPrompt"
    assert len(prompt["buttons"]) == 3, prompt
    assert (prompt["save"], prompt["cancel"]) == ("保存", "取消"), prompt  # Qt's own, in Chinese
    assert prompt["continue"] == prompt["continue_translated"]  # ours, through tr()
    assert cancel["new_dialog_shown"] is False  # Cancel: the New dialog never opened
    assert "我的影像" in cancel["layers"] and cancel["raster_valid"]
    assert cancel["dirty"] is True and cancel["store"] is False


def test_opening_a_database_keeps_the_users_raster_in_its_place(laptop):
    facts = case(laptop, "prompt")
    opened = facts["continue"]
    assert opened["seen"]["prompt"]["name"] == "MineSupervisionSaveProjectPrompt"
    assert opened["store"] == str(laptop["_work"] / "county.gpkg")
    assert opened["raster_kept"] is True and opened["raster_in_root"] is True
    assert "我的影像" in opened["layers"]
    assert {"mining_rights", "patches"} <= set(opened["tables"])
    assert opened["groups"] == ["矿产监管"]


def test_a_refusals_warning_leaves_the_bar_when_an_action_succeeds(laptop):
    facts = case(laptop, "prompt")
    warning = facts["warning_text"]
    assert warning in facts["bar_after_refusal"]
    assert warning not in facts["bar_after_success"], facts["bar_after_success"]
    assert facts["bar_after_success"], "the success message is shown"


def test_selection_colour_is_see_through_while_a_database_is_open_and_restored_after(laptop):
    prompt, other = case(laptop, "prompt"), case(laptop, "other_database")
    assert prompt["selection_colour_open"][3] < 100  # alpha
    assert prompt["selection_colour_before"][3] == 255
    assert other["selection_colour_closed"] == prompt["selection_colour_before"]


@pytest.mark.parametrize("view", ["main", "before", "after", "swipe"])
def test_a_selected_patch_leaves_the_imagery_under_it_visible(laptop, view):
    facts = case(laptop, "selection")
    assert facts["patch_no"] and facts["selected"] == 1
    assert facts["main_selection_colour"][3] < 100 and all(c[3] < 100 for c in facts["views_selection_colour"])
    assert facts["view_layers"][0][-1] == "imagery_2025-10-15_before"
    assert facts["view_layers"][1][-1] == "imagery_2026-10-20_after"
    seen = facts[view]
    assert seen["pixels"] > 50, seen
    assert seen["plain_colours"] > 20, seen  # the imagery was drawn there
    assert seen["yellow_share"] < 0.02, seen  # not filled solid yellow
    assert seen["mean_diff"] < 40, seen  # the pit's own colours, faintly tinted


def test_opening_another_database_resets_the_imagery_dates(laptop):
    selection, facts = case(laptop, "selection"), case(laptop, "other_database")
    assert any("2025" in text or "2024" in text for text in selection["labels_with_patch"]), selection
    assert facts["store"] == str(laptop["_work"] / "other.gpkg")
    assert all(facts["unknown_text"] in text for text in facts["labels"]), facts["labels"]
    assert facts["rasters_after"] == facts["rasters_before"]
    assert facts["supervision_groups"] == ["矿产监管"] and facts["patches_features"] == 0
