"""The patch workflow: issued → verified → determined → case filed → rectifying → closed.

Pure Python: the rules only, on a patch given as a plain dict of its fields
(the ``patches`` table). The store (``store/patches.py``) applies them inside a
transaction and writes one ``patch_events`` row per move; nothing here touches
a database.

The rules, and why:

* ``issued → verified`` needs a field check (实地核查): its date, the
  inspectors and the finding. Seed 003 requires every suspect patch to be
  checked on the ground, and the full-process record (执法全过程记录) needs
  who checked and when. A check dated in the future, or before the
  after-imagery date that revealed the change, cannot have verified it.
* ``verified → determined`` needs the field check and a determination
  (合法 / 违法 / 其他); an illegal one needs a violation type, a legal one
  must not carry one.
* ``determined → case_filed`` only for an illegal determination, with the
  case number (立案).
* ``determined → closed`` (销号) directly when the determination is legal or
  other: no case, nothing to rectify.
* ``determined → rectifying`` only for an "other" determination (a problem
  that is not illegal mining but needs putting right, e.g. a holder's duty).
  An illegal determination goes through a case first: seed 003 forbids
  handling a case-worthy violation without filing it (不得作非立案处理).
* ``case_filed → rectifying``; ``case_filed → closed`` and
  ``rectifying → closed`` only once rectification (and penalty) is completed:
  seed 000 closes a problem only after both.
* ``closed`` is final. Going back is never an edit: a wrong move is corrected
  by a new event that names the corrected one (``corrects_event``), and only
  the latest event of a patch can be corrected, so history stays a chain.

A patch without a state (written by older tools) counts as ``issued``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n import tr
from .dates import to_date
from .vocab import VOCABULARIES, to_code

STATES: tuple[str, ...] = ("issued", "verified", "determined", "case_filed", "rectifying", "closed")

#: The moves the workflow allows, before the per-move conditions are checked.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "issued": ("verified",),
    "verified": ("determined",),
    "determined": ("case_filed", "rectifying", "closed"),
    "case_filed": ("rectifying", "closed"),
    "rectifying": ("closed",),
    "closed": (),
}

#: Fields of the verification form and the case that a transition may set.
FORM_FIELDS: tuple[str, ...] = (
    "field_check_date",
    "inspectors",
    "finding",
    "determination",
    "violation_type",
    "evidence",
    "case_no",
    "notice_no",
)

#: Fields fixed once a patch is determined: changing them needs a correction.
DETERMINATION_FIELDS: tuple[str, ...] = ("determination", "violation_type")

#: States in which the determination fields are fixed (see DETERMINATION_FIELDS).
DETERMINED_OR_LATER: tuple[str, ...] = ("determined", "case_filed", "rectifying", "closed")

#: States from which closing needs rectification and penalty completed (seed 000): a patch with a case.
CLOSING_NEEDS_RECTIFICATION: tuple[str, ...] = ("case_filed", "rectifying")


class TransitionError(Exception):
    """A refused workflow move; ``reasons`` are the messages for the user."""

    def __init__(self, reasons: list[str] | str):
        self.reasons = [reasons] if isinstance(reasons, str) else list(reasons)
        super().__init__(" ".join(self.reasons))


def state_name(code: str | None) -> str:
    """A translatable display name of a workflow state code."""
    names = {
        "issued": tr("issued"),
        "verified": tr("field-verified"),
        "determined": tr("determined"),
        "case_filed": tr("case filed"),
        "rectifying": tr("rectifying"),
        "closed": tr("closed"),
    }
    if code is None:
        return tr("(none)")
    return names.get(code, code)


def current_state(patch: Mapping) -> str:
    """The patch's state; a patch stored without one counts as issued."""
    return patch.get("state") or "issued"


def allowed_targets(state: str) -> tuple[str, ...]:
    """States reachable from ``state`` in one move (conditions not checked)."""
    return TRANSITIONS.get(state, ())


def rectification_required(from_state: str | None, to_state: str | None) -> bool:
    """True when the move ``from_state → to_state`` needs rectification and penalty recorded as completed.

    The one place of the rule "closing a case needs completed rectification":
    :func:`check_transition` applies it, and the dialogs ask it whether to
    ask (and require) the user to confirm rectification.
    """
    target = to_code("patch_state", to_state) if isinstance(to_state, str) else None
    return target == "closed" and (from_state or "issued") in CLOSING_NEEDS_RECTIFICATION


def rectification_may_be_required(to_state: str | None) -> bool:
    """True when moving some patch to ``to_state`` may need rectification completed (a batch of mixed states)."""
    return any(rectification_required(state, to_state) for state in STATES)


def as_date(value) -> dt.date | None:
    """A date from a date, a datetime, a QDate or date text; None if it is none of these."""
    return to_date(value)


def determination_locked(patch: Mapping | None) -> bool:
    """True when the patch is determined or further: its determination is changed only by a correction."""
    return patch is not None and current_state(patch) in DETERMINED_OR_LATER


def _form_comparable(value):
    if isinstance(value, str):
        value = value.strip() or None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value


def form_value_changed(stored, entered) -> bool:
    """True when a form value differs from the stored one (blank text is None; a date-time counts by its date)."""
    return _form_comparable(stored) != _form_comparable(entered)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _field_check_reasons(patch: Mapping, today: dt.date) -> list[str]:
    reasons = []
    raw = patch.get("field_check_date")
    if _blank(raw):
        reasons.append(tr("No field check is recorded: the field-check date is missing."))
    else:
        checked = as_date(raw)
        if checked is None:
            reasons.append(tr("The field-check date {value} is not a date.").format(value=raw))
        else:
            if checked > today:
                reasons.append(tr("The field-check date {date} is in the future.").format(date=checked.isoformat()))
            imagery = as_date(patch.get("date_after"))
            if imagery is not None and checked < imagery:
                reasons.append(
                    tr("The field-check date {date} is before the after-imagery date {imagery}.").format(
                        date=checked.isoformat(), imagery=imagery.isoformat()
                    )
                )
    if _blank(patch.get("inspectors")):
        reasons.append(tr("The inspectors who made the field check are not recorded."))
    if _blank(patch.get("finding")):
        reasons.append(tr("No field check is recorded: the finding is missing."))
    return reasons


def _determination_reasons(patch: Mapping) -> list[str]:
    reasons = []
    raw = patch.get("determination")
    if _blank(raw):
        return [tr("No determination (legal / illegal / other) is recorded.")]
    determination = to_code("determination", raw)
    if determination is None:
        return [tr("Unknown determination {value}.").format(value=raw)]
    violation_raw = patch.get("violation_type")
    violation = None if _blank(violation_raw) else to_code("violation_type", violation_raw)
    if not _blank(violation_raw) and violation is None:
        reasons.append(tr("Unknown violation type {value}.").format(value=violation_raw))
    if determination == "illegal" and _blank(violation_raw):
        reasons.append(tr("A patch determined illegal needs a violation type."))
    if determination == "legal" and not _blank(violation_raw):
        reasons.append(
            tr("A patch determined legal cannot carry a violation type ({value}).").format(value=violation_raw)
        )
    return reasons


def determination_of(patch: Mapping) -> str | None:
    """The determination code of a patch (a Chinese label is accepted), or None."""
    raw = patch.get("determination")
    return None if _blank(raw) else to_code("determination", raw)


def check_transition(
    patch: Mapping,
    to_state: str,
    *,
    rectification_completed: bool = False,
    today: dt.date | None = None,
) -> list[str]:
    """Reasons why ``patch`` may not move to ``to_state``; empty when the move is allowed.

    ``patch`` holds the fields after the move's own updates (the form the user
    filled in). ``rectification_completed`` states that rectification and
    penalty are done, which closing a case requires. ``today`` is for tests.
    """
    today = today or dt.date.today()
    target = to_code("patch_state", to_state) if isinstance(to_state, str) else None
    if target is None:
        return [
            tr("Unknown workflow state {state}; the states are: {states}.").format(
                state=to_state, states=", ".join(STATES)
            )
        ]
    state = current_state(patch)
    if state not in TRANSITIONS:
        return [tr("The patch has an unknown workflow state {state}.").format(state=state)]
    if target == state:
        return [tr("The patch is already {state}.").format(state=state_name(state))]
    if target not in TRANSITIONS[state]:
        if state == "closed":
            return [tr("A closed patch cannot move on; correct the closing event to reopen it.")]
        allowed = ", ".join(state_name(s) for s in TRANSITIONS[state])
        return [
            tr("A patch cannot move from {from_state} to {to_state}; the next step allowed is: {allowed}.").format(
                from_state=state_name(state), to_state=state_name(target), allowed=allowed
            )
        ]

    reasons: list[str] = []
    determination = determination_of(patch)
    if target == "verified":
        reasons += _field_check_reasons(patch, today)
    elif target == "determined":
        reasons += _field_check_reasons(patch, today)
        reasons += _determination_reasons(patch)
    elif target == "case_filed":
        reasons += _determination_reasons(patch)
        if determination is not None and determination != "illegal":
            reasons.append(
                tr("A case can be filed only for a patch determined illegal (this one is {value}).").format(
                    value=VOCABULARIES["determination"].get(determination, determination)
                )
            )
        if _blank(patch.get("case_no")):
            reasons.append(tr("The case number is missing."))
    elif target == "rectifying":
        if state == "determined":
            if determination == "illegal":
                reasons.append(
                    tr(
                        "A patch determined illegal must be filed as a case before rectification "
                        "(no handling without a case)."
                    )
                )
            elif determination == "legal":
                reasons.append(tr("A patch determined legal needs no rectification; close it instead."))
            else:
                reasons += _determination_reasons(patch)
    elif target == "closed":
        if state == "determined":
            if determination == "illegal":
                reasons.append(
                    tr("A patch determined illegal can be closed only after its case is filed and rectified.")
                )
            else:
                reasons += _determination_reasons(patch)
        elif rectification_required(state, target) and not rectification_completed:
            reasons.append(
                tr("Rectification and penalty are not recorded as completed; a patch is closed only after both.")
            )
    return reasons


def require_transition(patch: Mapping, to_state: str, **kwargs) -> None:
    """Raise :class:`TransitionError` unless ``patch`` may move to ``to_state``."""
    reasons = check_transition(patch, to_state, **kwargs)
    if reasons:
        raise TransitionError(reasons)


def check_updates(patch: Mapping, updates: Mapping) -> list[str]:
    """Reasons why a move may not also write ``updates`` to ``patch``.

    Unknown fields are refused; a determination, once made, is changed only by
    correcting the determining event, so the history shows who changed it.
    """
    reasons = []
    unknown = sorted(set(updates) - set(FORM_FIELDS))
    if unknown:
        reasons.append(tr("These fields cannot be set by a workflow step: {fields}.").format(fields=", ".join(unknown)))
    if determination_locked(patch):
        for name in DETERMINATION_FIELDS:
            if name not in updates:
                continue
            old, new = patch.get(name), updates[name]
            if _blank(old) and _blank(new):
                continue
            if _blank(old) or _blank(new) or to_code(name, old) != to_code(name, new):
                reasons.append(
                    tr("The {field} of a determined patch is changed only by correcting the determination.").format(
                        field=name
                    )
                )
    return reasons


def check_correction(
    patch: Mapping,
    event: Mapping,
    latest_event_fid: int | None,
    to_state: str,
    *,
    rectification_completed: bool = False,
    today: dt.date | None = None,
) -> list[str]:
    """Reasons why ``event`` of ``patch`` may not be corrected to lead to ``to_state`` instead.

    A correction replaces the corrected move: going back to the event's
    ``from_state`` undoes it; any other target must be a move allowed from
    that ``from_state`` (checked on the patch's current fields).
    """
    target = to_code("patch_state", to_state) if isinstance(to_state, str) else None
    if target is None:
        return [
            tr("Unknown workflow state {state}; the states are: {states}.").format(
                state=to_state, states=", ".join(STATES)
            )
        ]
    fid = event.get("fid")
    if latest_event_fid is not None and fid != latest_event_fid:
        return [
            tr(
                "Only the latest event of a patch can be corrected: event {fid} is followed by event {latest}; "
                "correct that one first."
            ).format(fid=fid, latest=latest_event_fid)
        ]
    from_state = event.get("from_state")
    if from_state is None:
        return [tr("The issue record of a patch cannot be corrected.")]
    if target == current_state(patch):
        return [tr("The patch is already {state}; there is nothing to correct.").format(state=state_name(target))]
    if target == from_state:
        return []
    return check_transition(
        {**patch, "state": from_state}, target, rectification_completed=rectification_completed, today=today
    )
