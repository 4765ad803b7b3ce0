"""Problems found by patrols, boundary-corner checks and special surveys become ledger items (issue 11 item 6).

:func:`sync_ledger` reads the supervision database and adds, once per source
(:func:`..store.ledger.add_items` skips a source already in the ledger):

* a **patrol** whose finding records a problem (:func:`..domain.ledger.finding_is_problem`):
  one item per mine it covers; a penalty applies when the finding is illegal mining;
* a **corner check** whose stake is damaged or missing, or judged not passed:
  the holder must restore it (no penalty);
* a **special survey** round's findings (:mod:`.survey_findings`): works outside
  the licence, or above its licensed top / below its licensed bottom:
  out-of-bounds mining (越界 / 超层越界), a penalty applies.

The item's deadline: found on + ``deadline_days`` (:data:`..domain.ledger.DEFAULT_DEADLINE_DAYS`).
Patches and notices enter the ledger through their workflow (:mod:`..store.patches`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..domain.dates import to_date
from ..domain.ledger import DEFAULT_DEADLINE_DAYS, default_deadline, finding_is_problem, finding_needs_penalty
from ..domain.survey_findings import ledger_source_key
from ..domain.vocab import chinese_label
from ..store.database import SupervisionStore, reading
from ..store.inspections import patrol_mines
from ..store.ledger import add_items
from ..store.ogr_util import as_dict, open_read
from .survey_findings import compare_stored_round, findings_from


@dataclass
class LedgerSync:
    """What :func:`sync_ledger` found and added."""

    candidates: dict[str, int] = field(default_factory=dict)  # source kind → problems found
    added: list[int] = field(default_factory=list)


def _rows(source, name: str) -> list[dict]:
    return [as_dict(feature) for feature in source.GetLayerByName(name)]


def patrol_problems(patrols: list[dict], deadline_days: int) -> list[dict]:
    items = []
    for patrol in patrols:
        finding = patrol.get("finding")
        if not finding_is_problem(finding):
            continue
        day = to_date(patrol.get("inspection_date"))
        for number in patrol_mines(patrol) or [None]:
            items.append({
                "license_no": number, "problem": f"{chinese_label('inspection_kind', patrol.get('kind'))}"
                f"{patrol.get('inspection_no') or ''}：{finding}",
                "found_at": day, "deadline": default_deadline(day, deadline_days), "source_kind": "patrol",
                "source_key": f"inspection:{patrol['fid']}:{number or ''}", "inspection_id": patrol["fid"],
                "penalty_required": finding_needs_penalty(finding),
            })
    return items


def corner_problems(checks: list[dict], deadline_days: int) -> list[dict]:
    items = []
    for check in checks:
        state = check.get("stake_state")
        failed = check.get("passed") is not None and not check.get("passed")
        if state not in ("damaged", "missing") and not failed:
            continue
        day = to_date(check.get("checked_at"))
        what = [f"界桩{chinese_label('stake_state', state)}"] if state in ("damaged", "missing") else []
        if failed and check.get("deviation_m") is not None:
            what.append(f"实测偏差{check['deviation_m']:.2f} m")
        items.append({
            "license_no": check.get("license_no"),
            "problem": f"拐点核查：{check.get('parcel_no') or ''}地块拐点{check.get('corner_no')}{'，'.join(what)}，责令恢复",
            "found_at": day, "deadline": default_deadline(day, deadline_days), "source_kind": "corner_check",
            "source_key": f"corner_check:{check['fid']}", "inspection_id": check.get("inspection_id"),
            "penalty_required": False,
        })
    return items


def survey_problems(store: SupervisionStore, extents: list[dict], deadline_days: int) -> list[dict]:
    """One item per finding of each survey round of ``extents`` (the rows of ``survey_extents``): the findings,
    words and keys of the survey comparison (:func:`.survey_findings.findings_from`), as *To the ledger* and
    ``surveyfindings`` write them; found on the round's last survey day of the mine (else of the round)."""
    dates: dict[tuple, list[dt.date]] = defaultdict(list)
    for extent in extents:
        day = to_date(extent.get("surveyed_at"))
        if day and extent.get("survey_round"):
            dates[(extent["survey_round"], extent.get("license_no"))].append(day)
            dates[(extent["survey_round"], None)].append(day)
    items = []
    for round_id in sorted({e["survey_round"] for e in extents if e.get("survey_round")}):
        findings, _unmatched = findings_from(compare_stored_round(store, round_id), round_id)
        for finding in findings:
            day = max(dates.get((round_id, finding.license_no)) or dates.get((round_id, None)) or [None])
            items.append({"license_no": finding.license_no, "found_at": day,
                          "deadline": default_deadline(day, deadline_days), "source_kind": "survey",
                          "survey_round": round_id, "penalty_required": True, "problem": finding.problem,
                          "source_key": ledger_source_key(round_id, finding.license_no, finding.kind)})
    return items


def sync_ledger(store: SupervisionStore, *, deadline_days: int = DEFAULT_DEADLINE_DAYS,
                since: dt.date | None = None) -> LedgerSync:
    """Add the problems of patrols, corner checks and surveys (found on or after ``since``) to the ledger."""
    with reading(store.location):
        source = open_read(store)
        patrols = _rows(source, "inspections")
        checks = _rows(source, "corner_checks")
        extents = _rows(source, "survey_extents")
        source = None
    found = {
        "patrol": patrol_problems(patrols, deadline_days),
        "corner_check": corner_problems(checks, deadline_days),
        "survey": survey_problems(store, extents, deadline_days),
    }
    if since is not None:
        found = {k: [i for i in v if i["found_at"] is None or i["found_at"] >= since] for k, v in found.items()}
    result = LedgerSync(candidates={k: len(v) for k, v in found.items()})
    result.added = add_items(store, [item for items in found.values() for item in items], action="sync_ledger")
    return result
