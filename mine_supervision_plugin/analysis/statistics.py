"""Statistics the seeds ask for: the year's patrol summary and the "two rates" (两率), as tables.

**Patrol summary** (seed 002 §二(二)1③ "年度巡查工作总结"): per mine, for a year: the
patrols required by its status (months or quarters, :mod:`..domain.compliance`)
and those satisfied, the inspections done, the boundary corners checked, the
patrols short of corners, the ledger problems found in the year and those struck
off; then a total row.

**Two rates** (seed 001 §四(六), reported in January for the year before and in
July for the first half): the seed names them after 国土资发〔2007〕284号, whose
definitions are used here:

* 无证勘查开采案件增减率 (change rate of unlicensed exploration/mining cases) =
  (cases this period − cases of the same period last year) ÷ cases of the same
  period last year × 100 % (no rate when last year had none);
* 矿业权人违法违规案件发生率 (incidence rate of holders' violation cases) =
  violation cases of licence holders this period ÷ mining rights in force in
  the period × 100 %.

A case is a filed case (立案): a patch with a case number (dated by its move to
``case_filed``, else its field check), or a penalty decision whose case number
no patch carries (dated by the decision). It is unlicensed when its violation
type is unlicensed mining or it names no licence; otherwise it is a holder's
case. The database holds mining rights only: exploration is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..domain.dates import to_date
from ..domain.vocab import chinese_label
from ..store.database import SupervisionStore, reading
from ..store.inspections import patrol_mines
from ..store.ogr_util import as_dict, open_read
from .compliance import compliance
from .duties import MIN_CORNERS

SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("license_no", "许可证号"),
    ("mine_name", "矿山名称"),
    ("status", "生产状态"),
    ("required_periods", "应巡查次数"),
    ("satisfied_periods", "按期巡查次数"),
    ("patrols_done", "实际巡查次数"),
    ("corners_checked", "核查拐点数"),
    ("short_corner_patrols", "拐点不足3处的巡查"),
    ("problems_found", "发现问题数"),
    ("problems_closed", "已销号问题数"),
)
RATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("period", "统计期"),
    ("period_start", "起始日期"),
    ("period_end", "截止日期"),
    ("unlicensed_cases", "本期无证勘查开采案件数"),
    ("unlicensed_cases_last_year", "上年同期无证勘查开采案件数"),
    ("unlicensed_change_rate_pct", "无证勘查开采案件增减率(%)"),
    ("holder_cases", "本期矿业权人违法违规案件数"),
    ("rights_in_force", "矿业权总数"),
    ("holder_incidence_rate_pct", "矿业权人违法违规案件发生率(%)"),
)
TOTAL = "合计"


def _read(store: SupervisionStore, *names: str) -> dict[str, list[dict]]:
    with reading(store.location):
        source = open_read(store)
        out = {}
        for name in names:
            layer = source.GetLayerByName(name)
            out[name] = [as_dict(f) for f in layer] if layer is not None else []
        source = None
    return out


def patrol_summary(store: SupervisionStore, year: int) -> tuple[tuple[str, ...], list[list]]:
    """``(headers, rows)``: the year's patrol summary per mine (Chinese headers) and a total row last."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    data = _read(store, "mining_rights", "inspections", "corner_checks", "ledger_items")
    rights = [r for r in data["mining_rights"] if r.get("license_no")]
    patrols = data["inspections"]
    numbers = [p.get("license_nos") or p.get("license_no") for p in patrols]
    result = compliance([r["license_no"] for r in rights], [r.get("status") for r in rights], numbers,
                        [p.get("inspection_date") for p in patrols], start, end,
                        extra={"mine_name": [r.get("mine_name") for r in rights]})
    in_year = {p["fid"]: p for p in patrols if (d := to_date(p.get("inspection_date"))) and start <= d <= end}
    first_mine = {fid: (patrol_mines(p) or [None])[0] for fid, p in in_year.items()}
    corners: dict[str, int] = defaultdict(int)
    per_patrol: dict[tuple[int, str], int] = defaultdict(int)
    for check in data["corner_checks"]:
        fid = check.get("inspection_id")
        if fid in in_year:
            mine = check.get("license_no") or first_mine[fid]
            corners[mine] += 1
            per_patrol[(fid, mine)] += 1
    short: dict[str, int] = defaultdict(int)
    for fid, patrol in in_year.items():
        if patrol.get("kind") == "patrol":
            for mine in patrol_mines(patrol):
                if per_patrol.get((fid, mine), 0) < MIN_CORNERS:
                    short[mine] += 1
    found: dict[str, int] = defaultdict(int)
    closed: dict[str, int] = defaultdict(int)
    for item in data["ledger_items"]:
        day = to_date(item.get("found_at"))
        if day and start <= day <= end:
            found[item.get("license_no")] += 1
            closing = to_date(item.get("closed_at"))
            if item.get("state") == "closed" and (closing is None or closing <= end):
                closed[item.get("license_no")] += 1
    rows = []
    for r in result.table.itertuples(index=False):
        number = r.license_no
        rows.append([number, r.mine_name or "", chinese_label("right_status", r.status) if r.status else "",
                     int(r.required_periods), int(r.satisfied_periods), int(r.inspections_in_period),
                     corners.get(number, 0), short.get(number, 0), found.get(number, 0), closed.get(number, 0)])
    total = [TOTAL, f"{len(rows)}座矿山", ""] + [sum(row[i] for row in rows) for i in range(3, len(SUMMARY_COLUMNS))]
    # problems of no mine (unlicensed mining) count in the total
    total[8] += found.get(None, 0)
    total[9] += closed.get(None, 0)
    return tuple(h for _, h in SUMMARY_COLUMNS), rows + [total]


@dataclass(frozen=True)
class Case:
    key: str
    day: dt.date
    unlicensed: bool


def filed_cases(store: SupervisionStore) -> list[Case]:
    """Every filed case of the database, once, with its date and whether it is an unlicensed one."""
    data = _read(store, "patches", "patch_events", "penalty_cases")
    filed_on: dict[str, dt.date] = {}
    for event in data["patch_events"]:
        if event.get("to_state") == "case_filed" and event.get("patch_no"):
            day = to_date(event.get("event_time"))
            if day and (event["patch_no"] not in filed_on or day < filed_on[event["patch_no"]]):
                filed_on[event["patch_no"]] = day
    cases: dict[str, Case] = {}
    for patch in data["patches"]:
        number = (patch.get("case_no") or "").strip()
        day = filed_on.get(patch.get("patch_no")) or to_date(patch.get("field_check_date"))
        if not number or day is None or number in cases:
            continue
        unlicensed = patch.get("violation_type") == "unlicensed" or not patch.get("license_no")
        cases[number] = Case(number, day, unlicensed)
    for case in data["penalty_cases"]:
        number = (case.get("case_no") or "").strip() or f"decision:{case.get('decision_no')}"
        day = to_date(case.get("decided_on"))
        if number in cases or day is None:
            continue
        unlicensed = case.get("violation_type") == "unlicensed" or not case.get("license_no")
        cases[number] = Case(number, day, unlicensed)
    return sorted(cases.values(), key=lambda c: (c.day, c.key))


def report_period(year: int, half: bool) -> tuple[str, dt.date, dt.date]:
    """The period of a report: the whole ``year`` (January's report) or its first half (July's)."""
    if half:
        return f"{year}年上半年", dt.date(year, 1, 1), dt.date(year, 6, 30)
    return f"{year}年度", dt.date(year, 1, 1), dt.date(year, 12, 31)


def rights_in_force(rights: list[dict], start: dt.date, end: dt.date) -> int:
    """Mining rights valid for some of [start, end] (a right without validity dates counts)."""
    count = 0
    for right in rights:
        begin, until = to_date(right.get("valid_from")), to_date(right.get("valid_to"))
        if (begin is None or begin <= end) and (until is None or until >= start):
            count += 1
    return count


def rate(current: int, before: int) -> float | None:
    """(current − before) ÷ before × 100, one decimal; None when ``before`` is 0."""
    return round((current - before) / before * 100.0, 1) if before else None


def two_rates(store: SupervisionStore, year: int, *, half: bool = False) -> tuple[tuple[str, ...], list[list]]:
    """``(headers, rows)``: the two rates of the period (one row), Chinese headers for the report."""
    label, start, end = report_period(year, half)
    last_start, last_end = start.replace(year=year - 1), end.replace(year=year - 1)
    cases = filed_cases(store)
    unlicensed = sum(1 for c in cases if c.unlicensed and start <= c.day <= end)
    unlicensed_before = sum(1 for c in cases if c.unlicensed and last_start <= c.day <= last_end)
    holders = sum(1 for c in cases if not c.unlicensed and start <= c.day <= end)
    rights = rights_in_force(_read(store, "mining_rights")["mining_rights"], start, end)
    incidence = round(holders / rights * 100.0, 2) if rights else None
    row = [label, start.isoformat(), end.isoformat(), unlicensed, unlicensed_before, rate(unlicensed, unlicensed_before),
           holders, rights, incidence]
    return tuple(h for _, h in RATE_COLUMNS), [row]
