"""The settings dialog's core: the bureau's words written into the user's notice template file, checked first,
the rest of the file kept; the notice then carries them (its number, basis, deadline)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from mine_supervision_plugin.domain.notices import Finding, Licence, group_by_holder
from mine_supervision_plugin.reports.fonts import choose_fonts
from mine_supervision_plugin.reports.issue import issue_notice
from mine_supervision_plugin.reports.template import TemplateError, check_settings, load_template, save_settings
from mine_supervision_plugin.store.database import create_database, open_database

VALUES = {"authority": "某县自然资源和规划局", "number_prefix": "某自然资规〔改〕", "legal_basis": "《矿产资源法》第四十条",
          "requirement": "立即停止越界开采", "deadline_days": 15,
          "contact": {"person": "李四", "phone": "010-1234", "address": "某县 <二楼> & 三楼"}}


def test_bad_values_are_named_and_nothing_is_written(tmp_path):
    path = tmp_path / "notice.json"
    problems = check_settings({**VALUES, "authority": " ", "deadline_days": "x"})
    assert len(problems) == 3 and any("〔〕" in p for p in problems) and any("3650" in p for p in problems)
    with pytest.raises(TemplateError, match="authority"):
        save_settings(path, {**VALUES, "authority": ""})
    assert not path.exists()


def test_the_settings_are_written_over_the_users_file_and_the_notice_carries_them(tmp_path):
    path = tmp_path / "profile" / "notice.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"seal_text": "（某县公章）", "authority": "旧名"}, ensure_ascii=False), encoding="utf-8")
    template = save_settings(path, {**VALUES, "number_prefix": "某自然资规"})
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["seal_text"] == "（某县公章）" and stored["authority"] == "某县自然资源和规划局"
    assert stored["deadline_days"] == 15 and stored["contact"]["address"] == "某县 <二楼> & 三楼"
    assert template["number_prefix"] == "某自然资规" and template["title"] == "责令限期整改通知书"  # shipped keys
    assert list(tmp_path.rglob("*.part")) == []

    store = create_database(tmp_path / "county.gpkg", crs_epsg=4526) and open_database(tmp_path / "county.gpkg")
    cases, _ = group_by_holder([Finding("WP-1", "out_of_bounds", ("C1",), 100, 50)], {"C1": Licence("C1", "甲公司")})
    notice = issue_notice(cases[0], load_template(path), choose_fonts(), tmp_path, store=store,
                          issued_at=dt.date(2026, 3, 2))
    assert notice.number == "某自然资规〔2026〕1号"
    flat = subprocess.run(["pdftotext", str(notice.path), "-"], check=True, capture_output=True,
                          text=True).stdout.replace("\n", "")
    for expected in ("某县自然资源和规划局", "某自然资规〔2026〕1号", "《矿产资源法》第四十条", "2026年3月17日前整改完毕",
                     "联系人：李四", "地址：某县", "<二楼>", "（某县公章）"):
        assert expected in flat, expected
