"""Patrol compliance (issue 11 item 4): the rule of domain.compliance and the array answer of analysis.compliance."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mine_supervision_plugin.analysis.compliance import compliance, parse_days
from mine_supervision_plugin.domain import compliance as rule

D = dt.date


# --- the rule ---------------------------------------------------------------------------------------------


def test_months_overlapping_the_edges_of_a_period_are_required():
    assert rule.required_periods("producing", D(2026, 1, 15), D(2026, 3, 10)) == ["2026-01", "2026-02", "2026-03"]
    assert rule.required_periods("producing", D(2026, 3, 31), D(2026, 4, 1)) == ["2026-03", "2026-04"]
    assert rule.required_periods("producing", D(2026, 5, 7), D(2026, 5, 7)) == ["2026-05"]


def test_quarters_overlapping_the_edges_and_across_years():
    assert rule.required_periods("suspended", D(2025, 12, 31), D(2026, 4, 1)) == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert rule.required_periods("closed", D(2026, 1, 1), D(2026, 12, 31)) == [
        "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


def test_status_as_label_code_or_unknown():
    assert rule.frequency("在产") == rule.frequency("producing") == "month"
    assert {rule.frequency(s) for s in ("停产", "基建", "关闭", "suspended", "construction", "closed")} == {"quarter"}
    assert rule.frequency(" 在产 ") == "month"
    assert rule.frequency("停业") is None and rule.frequency("") is None and rule.frequency(None) is None
    assert rule.required_periods("停业", D(2026, 1, 1), D(2026, 3, 31)) == []


def test_leap_years_in_the_month_and_quarter_bounds():
    assert rule.unit_bounds(rule.unit_ordinal(D(2024, 2, 10), "month"), "month") == (D(2024, 2, 1), D(2024, 2, 29))
    assert rule.unit_bounds(rule.unit_ordinal(D(2026, 2, 10), "month"), "month") == (D(2026, 2, 1), D(2026, 2, 28))
    assert rule.unit_bounds(rule.unit_ordinal(D(2024, 2, 10), "quarter"), "quarter") == (D(2024, 1, 1), D(2024, 3, 31))
    # an inspection on 29 February satisfies February (and Q1) of a leap year
    mine = rule.mine_compliance("producing", D(2024, 2, 1), D(2024, 3, 31), [D(2024, 2, 29)])
    assert mine.satisfied == ("2024-02",) and mine.missing == ("2024-03",)
    quarter = rule.mine_compliance("基建", D(2024, 2, 29), D(2024, 2, 29), [D(2024, 2, 29)])
    assert quarter.required == quarter.satisfied == ("2024-Q1",)


def test_an_inspection_counts_only_inside_both_the_period_and_its_month():
    # 5 January is in January but before the period: January stays missing although it is required
    mine = rule.mine_compliance("producing", D(2026, 1, 15), D(2026, 3, 10), [D(2026, 1, 5), D(2026, 2, 3),
                                                                              D(2026, 3, 11), D(2025, 12, 1)])
    assert mine.required == ("2026-01", "2026-02", "2026-03")
    assert mine.satisfied == ("2026-02",)
    assert mine.missing_text == "2026-01, 2026-03"
    assert mine.inspections_in_period == 1
    assert mine.last_inspected_on == D(2026, 2, 3)


def test_a_period_ending_before_it_starts_is_refused_in_words():
    with pytest.raises(rule.PeriodError, match="before it starts"):
        rule.required_periods("producing", D(2026, 3, 1), D(2026, 2, 1))
    with pytest.raises(rule.PeriodError):
        compliance(["A"], ["producing"], [], [], D(2026, 3, 1), D(2026, 2, 1))


# --- the arrays ---------------------------------------------------------------------------------------------


def test_the_table_per_mine():
    result = compliance(
        ["A", "B", "C", "D"],
        ["producing", "停产", "在产", "基建"],
        ["A", "A", "A", "B", "C", "A"],
        [D(2026, 1, 3), "2026-01-20", "2026/3/5", "2026年5月1日", D(2025, 12, 30), D(2026, 7, 1)],
        D(2026, 1, 1), D(2026, 6, 30),
    )
    table = result.table.set_index("license_no")
    assert table.loc["A", "status"] == "producing" and table.loc["B", "status"] == "suspended"
    assert table.loc["A", "required_periods"] == 6 and table.loc["B", "required_periods"] == 2
    assert table.loc["A", "satisfied_periods"] == 2
    assert table.loc["A", "missing_periods"] == "2026-02, 2026-04, 2026-05, 2026-06"
    assert table.loc["A", "last_inspected_on"] == D(2026, 3, 5)  # 1 July is after the period
    assert table.loc["B", "missing_periods"] == "2026-Q1" and table.loc["B", "satisfied_periods"] == 1
    assert table.loc["C", "satisfied_periods"] == 0 and table.loc["C", "missing_count"] == 6
    assert table.loc["C", "last_inspected_on"] == D(2025, 12, 30)
    assert table.loc["D", "inspections_in_period"] == 0 and table.loc["D", "last_inspected_on"] is None
    assert list(table["compliant"]) == [False, False, False, False]
    assert result.warnings == []


def test_bad_input_is_named_and_counted_not_dropped_silently():
    result = compliance(
        ["A", "B", "A", None],
        ["producing", "停业", "closed", "producing"],
        ["A", "X9", "X9", "Y1", "", "A", "A"],
        [D(2026, 1, 3), D(2026, 1, 3), D(2026, 2, 3), D(2026, 1, 3), D(2026, 1, 3), "2026-13-01", None],
        D(2026, 1, 1), D(2026, 3, 31),
        inspection_labels=[f"feature {i}" for i in range(10, 17)],
    )
    assert result.unknown_licences == {"X9": 2, "Y1": 1}
    assert result.no_licence == ["feature 14"]
    assert result.bad_dates == ["feature 15 (2026-13-01)", "feature 16 (empty)"]
    assert result.unknown_statuses == ["B (停业)"]
    text = "\n".join(result.warnings)
    assert "X9 (2)" in text and "Y1 (1)" in text and "3 inspection(s)" in text
    assert "feature 15 (2026-13-01)" in text and "B (停业)" in text
    assert "more than once" in text and "no licence number" in text
    table = result.table.set_index("license_no")
    assert list(table.index) == ["A", "B"]  # A once, with its first row's status
    assert table.loc["A", "status"] == "producing" and table.loc["A", "satisfied_periods"] == 1
    assert table.loc["B", "compliant"] is None and table.loc["B", "required_periods"] == 0
    assert "unknown status" in table.loc["B", "note"]
    assert result.inspections_used == 1


def test_parse_days_reads_what_counties_write():
    days, bad = parse_days([D(2026, 1, 2), dt.datetime(2026, 1, 3, 8, 0), "2026-01-04", "2026/1/5", "20260106",
                            "2026年1月7日", "soon", "", None])
    assert [str(d) for d in days[:6]] == [f"2026-01-0{i}" for i in range(2, 8)]
    assert [i for i, _ in bad] == [6, 7, 8]


def test_the_arrays_agree_with_the_rule_mine_by_mine():
    rng = random.Random(7)
    statuses = ["producing", "suspended", "construction", "closed", "在产", "关闭"]
    mines = [f"C{i:04d}" for i in range(60)]
    status = [rng.choice(statuses) for _ in mines]
    inspections = [(rng.choice(mines), D(2025, 11, 1) + dt.timedelta(days=rng.randrange(500))) for _ in range(900)]
    start, end = D(2026, 2, 14), D(2026, 11, 3)
    table = compliance(mines, status, [m for m, _ in inspections], [d for _, d in inspections], start, end).table
    for row, mine, code in zip(table.itertuples(), mines, status):
        expected = rule.mine_compliance(code, start, end, [d for m, d in inspections if m == mine])
        assert row.required_periods == len(expected.required)
        assert row.satisfied_periods == len(expected.satisfied)
        assert row.missing_periods == expected.missing_text
        assert row.last_inspected_on == expected.last_inspected_on
        assert row.inspections_in_period == expected.inspections_in_period


def test_parse_days_does_not_take_a_month_or_a_year_for_a_day():
    days, bad = parse_days(["2026-01", "2026", "2026-02-03"])
    assert [i for i, _ in bad] == [0, 1]
    assert str(days[2]) == "2026-02-03"


def test_parse_days_takes_dates_read_in_bulk_as_they_are():
    import numpy as np

    days, bad = parse_days(np.array(["2026-01-02", "NaT"], dtype="datetime64[D]"))
    assert str(days[0]) == "2026-01-02" and bad == [(1, None)]


def test_an_inspection_of_several_mines_counts_for_each():
    result = compliance(["A", "B", "C"], ["在产", "在产", "在产"], ["A, B", "C，X", ",", "B"],
                        [D(2026, 1, 3), D(2026, 1, 4), "bad", D(2026, 2, 1)], D(2026, 1, 1), D(2026, 2, 28))
    table = result.table.set_index("license_no")
    assert table.loc["A", "missing_periods"] == "2026-02" and table.loc["B", "missing_periods"] == ""
    assert table.loc["C", "satisfied_periods"] == 1
    assert result.unknown_licences == {"X": 1} and result.no_licence == ["row 3"]
    assert result.bad_dates == ["row 3 (bad)"] and result.inspections_used == 4
