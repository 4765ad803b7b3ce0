"""The patch workflow rules (pure Python, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from mine_supervision_plugin.domain.workflow import (
    STATES,
    TRANSITIONS,
    TransitionError,
    allowed_targets,
    check_correction,
    check_transition,
    check_updates,
    rectification_may_be_required,
    rectification_required,
    require_transition,
)

TODAY = dt.date(2026, 6, 30)

CHECKED = {
    "field_check_date": dt.date(2026, 5, 10),
    "inspectors": "张三、李四",
    "finding": "现场有新开挖痕迹，未见采矿许可证",
    "date_after": dt.date(2026, 3, 1),
}


def patch(state: str | None, **fields) -> dict:
    return {"patch_no": "T-1", "state": state, **CHECKED, **fields}


def check(p: dict, to_state: str, **kwargs) -> list[str]:
    return check_transition(p, to_state, today=TODAY, **kwargs)


# --- the graph --------------------------------------------------------------


def test_every_state_has_its_moves_and_closed_is_final():
    assert set(TRANSITIONS) == set(STATES)
    assert TRANSITIONS["closed"] == ()
    for targets in TRANSITIONS.values():
        assert set(targets) <= set(STATES)
    assert allowed_targets("determined") == ("case_filed", "rectifying", "closed")


FULLY_FILLED = {
    "determination": "illegal",
    "violation_type": "unlicensed",
    "case_no": "〔2026〕执12号",
}


OUTSIDE_THE_GRAPH = [(a, b) for a in STATES for b in STATES if b not in TRANSITIONS[a]]


def test_the_graph_has_exactly_eight_moves():
    assert len(STATES) ** 2 - len(OUTSIDE_THE_GRAPH) == 8


@pytest.mark.parametrize(("from_state", "to_state"), OUTSIDE_THE_GRAPH)
def test_moves_outside_the_graph_are_refused_whatever_the_fields(from_state, to_state):
    reasons = check(patch(from_state, **FULLY_FILLED), to_state, rectification_completed=True)
    assert reasons, f"{from_state} → {to_state} must be refused"
    assert all(isinstance(r, str) and r for r in reasons)


def test_skipping_verification_is_refused_even_with_the_form_filled():
    reasons = check(patch("issued", determination="legal"), "determined")
    assert len(reasons) == 1 and "field-verified" in reasons[0]


def test_going_back_is_not_a_move_but_a_correction():
    assert check(patch("determined", determination="legal"), "verified")
    assert "correct" in check(patch("closed", determination="legal"), "issued")[0]


def test_same_state_and_unknown_state_are_refused():
    assert "already" in check(patch("verified"), "verified")[0]
    assert "Unknown workflow state" in check(patch("verified"), "approved")[0]
    assert "unknown workflow state" in check(patch("bogus"), "verified")[0]


def test_a_patch_without_state_counts_as_issued():
    assert check(patch(None), "verified") == []
    assert check({"patch_no": "T", **CHECKED}, "verified") == []


def test_chinese_state_labels_are_accepted():
    assert check(patch("issued"), "已核查") == []


# --- issued → verified: the field check --------------------------------------


def test_verification_needs_date_inspectors_and_finding():
    assert check(patch("issued"), "verified") == []
    bare = {"patch_no": "T-2", "state": "issued"}
    reasons = check(bare, "verified")
    assert len(reasons) == 3
    assert any("date is missing" in r for r in reasons)
    assert any("inspectors" in r for r in reasons)
    assert any("finding is missing" in r for r in reasons)
    assert check(patch("issued", finding="  "), "verified") == ["No field check is recorded: the finding is missing."]


def test_field_check_date_must_be_a_real_past_date_after_the_imagery():
    assert "in the future" in check(patch("issued", field_check_date=dt.date(2026, 7, 1)), "verified")[0]
    assert (
        "before the after-imagery date 2026-03-01"
        in check(patch("issued", field_check_date=dt.date(2026, 2, 28)), "verified")[0]
    )
    assert "not a date" in check(patch("issued", field_check_date="上周"), "verified")[0]
    # ISO text is accepted; a patrol patch has no imagery date to compare with.
    assert check(patch("issued", field_check_date="2026-05-10", date_after=None), "verified") == []
    assert check(patch("issued", field_check_date=TODAY), "verified") == []


# --- verified → determined ------------------------------------------------------


def test_determination_needs_a_field_check_and_a_determination():
    assert "No determination" in check(patch("verified"), "determined")[0]
    reasons = check({"patch_no": "T", "state": "verified", "determination": "legal"}, "determined")
    assert any("field-check date is missing" in r for r in reasons)
    assert check(patch("verified", determination="legal"), "determined") == []
    assert check(patch("verified", determination="other"), "determined") == []
    assert check(patch("verified", determination="illegal", violation_type="out_of_bounds"), "determined") == []


def test_an_illegal_determination_needs_a_known_violation_type():
    assert check(patch("verified", determination="illegal"), "determined") == [
        "A patch determined illegal needs a violation type."
    ]
    assert (
        "Unknown violation type"
        in check(patch("verified", determination="illegal", violation_type="偷挖"), "determined")[0]
    )
    # Chinese labels count as their codes.
    assert check(patch("verified", determination="违法", violation_type="越界开采"), "determined") == []


def test_a_legal_determination_cannot_carry_a_violation_type_and_unknown_ones_are_named():
    assert (
        "cannot carry a violation type"
        in check(patch("verified", determination="legal", violation_type="unlicensed"), "determined")[0]
    )
    assert "Unknown determination" in check(patch("verified", determination="maybe"), "determined")[0]


# --- determined → case filed / rectifying / closed --------------------------------


def test_a_case_is_filed_only_for_an_illegal_determination_with_a_case_number():
    illegal = patch("determined", determination="illegal", violation_type="unlicensed")
    assert check({**illegal, "case_no": "〔2026〕执12号"}, "case_filed") == []
    assert check(illegal, "case_filed") == ["The case number is missing."]
    reasons = check(patch("determined", determination="other", case_no="X1"), "case_filed")
    assert len(reasons) == 1 and "only for a patch determined illegal" in reasons[0]


def test_legal_or_other_is_closed_directly_after_determination():
    assert check(patch("determined", determination="legal"), "closed") == []
    assert check(patch("determined", determination="合法"), "closed") == []
    assert check(patch("determined", determination="other"), "closed") == []


def test_an_illegal_patch_is_not_closed_before_case_and_rectification():
    illegal = patch("determined", determination="illegal", violation_type="unlicensed")
    reasons = check(illegal, "closed", rectification_completed=True)
    assert len(reasons) == 1 and "case is filed" in reasons[0]


def test_rectification_without_a_case_only_for_other():
    assert check(patch("determined", determination="other"), "rectifying") == []
    illegal = patch("determined", determination="illegal", violation_type="unlicensed")
    assert "filed as a case" in check(illegal, "rectifying")[0]
    assert "needs no rectification" in check(patch("determined", determination="legal"), "rectifying")[0]


# --- case filed / rectifying → closed ----------------------------------------------


CASE = {"determination": "illegal", "violation_type": "unlicensed", "case_no": "〔2026〕执12号"}


def test_case_goes_to_rectification():
    assert check(patch("case_filed", **CASE), "rectifying") == []


@pytest.mark.parametrize("from_state", ["case_filed", "rectifying"])
def test_closing_a_case_needs_completed_rectification(from_state):
    reasons = check(patch(from_state, **CASE), "closed")
    assert len(reasons) == 1 and "not recorded as completed" in reasons[0]
    assert check(patch(from_state, **CASE), "closed", rectification_completed=True) == []


def test_require_transition_raises_with_the_reasons():
    with pytest.raises(TransitionError) as caught:
        require_transition(patch("rectifying", **CASE), "closed", today=TODAY)
    assert caught.value.reasons == check(patch("rectifying", **CASE), "closed")
    require_transition(patch("rectifying", **CASE), "closed", rectification_completed=True, today=TODAY)


def test_today_defaults_to_the_real_date():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert (
        "in the future" in check_transition(patch("issued", field_check_date=tomorrow, date_after=None), "verified")[0]
    )


# --- updates written with a move -----------------------------------------------------


def test_updates_may_only_touch_form_fields():
    reasons = check_updates(patch("issued"), {"state": "closed", "geometry": None, "finding": "x"})
    assert reasons == ["These fields cannot be set by a workflow step: geometry, state."]


def test_a_made_determination_is_changed_only_by_a_correction():
    determined = patch("determined", determination="illegal", violation_type="unlicensed")
    assert check_updates(determined, {"determination": "legal"})
    assert check_updates(determined, {"violation_type": None})
    assert check_updates(patch("closed", determination="legal"), {"violation_type": "other"})
    # Restating the same value (label or code) is no change.
    assert check_updates(determined, {"determination": "违法", "violation_type": "unlicensed", "case_no": "1"}) == []
    assert check_updates(patch("verified", determination="illegal"), {"determination": "legal"}) == []


# --- corrections ----------------------------------------------------------------------


def event(fid: int, from_state: str | None, to_state: str) -> dict:
    return {"fid": fid, "patch_no": "T-1", "from_state": from_state, "to_state": to_state}


def test_a_correction_undoes_the_latest_move():
    closed = patch("closed", determination="legal")
    assert check_correction(closed, event(7, "determined", "closed"), 7, "determined", today=TODAY) == []


def test_only_the_latest_event_is_corrected():
    reasons = check_correction(
        patch("closed", determination="legal"), event(5, "verified", "determined"), 7, "verified"
    )
    assert len(reasons) == 1 and "latest event" in reasons[0]


def test_the_issue_record_is_not_corrected():
    assert "issue record" in check_correction(patch("issued"), event(1, None, "issued"), 1, "verified")[0]


def test_a_correction_to_another_target_follows_the_rules_from_the_earlier_state():
    # Closed by mistake instead of sent to rectification: allowed for an "other" determination...
    other = patch("closed", determination="other")
    assert check_correction(other, event(9, "determined", "closed"), 9, "rectifying", today=TODAY) == []
    # ...refused for a legal one, with the rule's own reason.
    legal = patch("closed", determination="legal")
    reasons = check_correction(legal, event(9, "determined", "closed"), 9, "rectifying", today=TODAY)
    assert "needs no rectification" in reasons[0]


def test_a_correction_must_change_something_and_name_a_state():
    assert "nothing to correct" in check_correction(patch("closed"), event(9, "determined", "closed"), 9, "closed")[0]
    assert "Unknown workflow state" in check_correction(patch("closed"), event(9, "determined", "closed"), 9, "gone")[0]


def test_closing_a_case_needs_rectification_is_one_rule_the_dialogs_ask():
    assert rectification_required("case_filed", "closed") and rectification_required("rectifying", "已销号")
    assert not rectification_required("determined", "closed")
    assert not rectification_required("case_filed", "rectifying")
    assert rectification_may_be_required("closed") and not rectification_may_be_required("verified")
    for state in STATES:
        patch = {"state": state, "determination": "other"}
        refused = check_transition(patch, "closed", rectification_completed=False, today=TODAY)
        allowed = check_transition(patch, "closed", rectification_completed=True, today=TODAY)
        assert (len(refused) > len(allowed)) == rectification_required(state, "closed")
