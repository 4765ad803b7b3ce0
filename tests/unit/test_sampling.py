"""The spot-check draw (issue 11 item 5): reproducible, stratified by status, forced inclusions first."""

from __future__ import annotations

import hashlib
import math
import random

import pytest

from mine_supervision_plugin.domain.sampling import Mine, SamplingError, audit_record, draw_key, draw_sample


def county(n=100, seed=1):
    rng = random.Random(seed)
    statuses = ["producing"] * 6 + ["suspended"] * 2 + ["construction", "closed"]
    return [Mine(f"C{i:05d}", rng.choice(statuses), "normal") for i in range(n)]


def test_the_same_seed_gives_the_same_list_whatever_the_input_order():
    mines = county()
    first = draw_sample(mines, 0.2, "2026-H1")
    shuffled = list(mines)
    random.Random(3).shuffle(shuffled)
    assert draw_sample(shuffled, 0.2, "2026-H1").picks == first.picks
    assert draw_sample(mines, 0.2, "2026-H2").license_nos != first.license_nos


def test_an_auditor_can_redo_the_draw_by_hand():
    mines = county()
    draw = draw_sample(mines, 0.2, 42)
    producing = sorted((hashlib.sha256(f"42|{m.license_no}".encode()).hexdigest(), m.license_no)
                       for m in mines if m.status == "producing")
    quota = math.ceil(0.2 * len(producing))
    assert [p.license_no for p in draw.picks if p.stratum == "random_producing"] == [n for _, n in producing[:quota]]
    assert draw_key(42, "C00001") == hashlib.sha256(b"42|C00001").hexdigest()


def test_stratification_counts_each_status_gets_its_share():
    mines = county(200)
    draw = draw_sample(mines, 0.2, 9)
    for status, size in draw.strata.items():
        drawn = [p for p in draw.picks if p.status == status]
        assert len(drawn) == math.ceil(0.2 * size)
        assert {p.stratum for p in drawn} == {f"random_{status}"}
    assert len(draw.picks) >= 0.2 * len(mines)
    assert sum(draw.strata.values()) == draw.population == 200


def test_forced_inclusions_codes_or_labels_and_flags():
    mines = county(50)
    mines[3] = Mine(mines[3].license_no, "producing", "严重违法失信名单")
    mines[4] = Mine(mines[4].license_no, "停产", "abnormal_list")
    mines[5] = Mine(mines[5].license_no, "在产", "异常名录", flagged=True)
    mines[6] = Mine(mines[6].license_no, "closed", "正常", flagged=True)
    draw = draw_sample(mines, 0.1, 5)
    why = {p.license_no: p.stratum for p in draw.picks}
    assert why[mines[3].license_no] == "serious_dishonesty"
    assert why[mines[4].license_no] == "abnormal_list"
    assert why[mines[5].license_no] == "abnormal_list"  # the list comes before the flag
    assert why[mines[6].license_no] == "flagged"
    assert [p.stratum for p in draw.picks[:4]] == ["serious_dishonesty", "abnormal_list", "abnormal_list", "flagged"]


def test_forced_mines_count_towards_their_stratum_and_all_are_taken_beyond_it():
    mines = [Mine(f"P{i}", "producing", "异常名录" if i < 4 else "normal") for i in range(10)]
    draw = draw_sample(mines, 0.2, 1)  # quota 2, 4 forced: all 4 taken, no random pick
    assert sorted(draw.license_nos) == ["P0", "P1", "P2", "P3"]
    mines = [Mine(f"P{i}", "producing", "异常名录" if i < 1 else "normal") for i in range(10)]
    draw = draw_sample(mines, 0.2, 1)  # quota 2, 1 forced: one random pick
    assert draw.counts() == {"abnormal_list": 1, "random_producing": 1}


def test_unknown_values_and_duplicates_are_named_and_the_mines_still_drawn_from():
    mines = [Mine("A", "停业"), Mine("B", None), Mine("C", "producing", "黑名单"), Mine("C", "closed"), Mine("", "在产")]
    draw = draw_sample(mines, 1.0, 0)
    assert draw.population == 3
    assert sorted(draw.license_nos) == ["A", "B", "C"]
    assert {p.stratum for p in draw.picks if p.license_no in "AB"} == {"random_unknown"}
    text = "\n".join(draw.warnings)
    assert "A (停业)" in text and "B (empty)" in text and "C (黑名单)" in text and "more than once" in text


def test_a_ratio_outside_0_1_is_refused():
    for ratio in (0, -0.1, 1.5):
        with pytest.raises(SamplingError, match="ratio"):
            draw_sample(county(5), ratio, 1)


def test_the_audit_record_holds_what_redoing_the_draw_needs():
    mines = county(30)
    draw = draw_sample(mines, 0.2, "s1")
    record = audit_record(draw, [m.license_no for m in mines], "2026-07-01T10:00:00", "张三")
    assert record["seed"] == "s1" and record["ratio"] == 0.2 and record["user"] == "张三"
    assert record["drawn"] == [[p.license_no, p.stratum] for p in draw.picks]
    assert record["population"] == 30 and len(record["population_sha256"]) == 64
    assert "sha256" in record["method"]
