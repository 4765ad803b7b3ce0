"""Patrol compliance of every mine for a period, on arrays (a province at once).

The rule is :mod:`..domain.compliance` (months for producing mines, quarters
for the others, the months/quarters overlapping the period); this module
answers it for 10,000 mines and 500,000 inspections at once with numpy and
pandas: the inspections are matched to the mines by licence number
(``pandas.Index.get_indexer``), their dates numbered by month
(``datetime64[M]``) and then by calendar unit with the domain's formula
``(year * 12 + month - 1) // months_per_unit``, and a mines x units table of
booleans says which required month or quarter has an inspection.

Bad input is named, counted and never silently dropped: inspections of
licence numbers not among the mines, without a licence number, or with a
date that cannot be read; mines of unknown status (no period is required of
them; their row says so); licence numbers given twice among the mines.
No I/O: the faces read the layers and write the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..domain import compliance as rule
from ..domain.dates import to_date
from ..i18n import tr

#: the output columns, in order (license_no, required_periods, satisfied_periods, missing_periods: the contract)
COLUMNS = (
    "license_no",
    "status",
    "frequency",
    "required_periods",
    "satisfied_periods",
    "missing_count",
    "missing_periods",
    "inspections_in_period",
    "last_inspected_on",
    "compliant",
    "note",
)
#: the monthly full-coverage table: month, mines, mines inspected that month (inside the period), those not
COVERAGE_COLUMNS = ("period", "mines", "mines_inspected", "mines_not_inspected", "full_coverage", "not_inspected")
#: how many names a warning lists before "and N more"
LISTED = 20
_EPOCH_MONTH = 1970 * 12
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@dataclass
class ComplianceResult:
    """One row per mine (the mines' order, duplicates once) and what was wrong with the input."""

    table: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    #: unknown licence number -> number of inspections naming it
    unknown_licences: dict[str, int] = field(default_factory=dict)
    #: labels of the inspections whose date cannot be read (or is empty)
    bad_dates: list[str] = field(default_factory=list)
    #: labels of the inspections without a licence number
    no_licence: list[str] = field(default_factory=list)
    #: ``license_no (value)`` of the mines of unknown status
    unknown_statuses: list[str] = field(default_factory=list)
    #: inspections matched to a mine with a readable date (any date)
    inspections_used: int = 0
    #: one row per calendar month overlapping the period: the full-coverage check of all mines
    #: (seed 000 §二(三) "每月至少对辖区内矿业权进行全覆盖检查1次"), see :data:`COVERAGE_COLUMNS`
    coverage: pd.DataFrame | None = None

    @property
    def months_without_full_coverage(self) -> list[str]:
        if self.coverage is None or not len(self.coverage):
            return []
        return list(self.coverage.loc[~self.coverage["full_coverage"], "period"])

    @property
    def non_compliant(self) -> int:
        return int((self.table["missing_count"] > 0).sum()) if len(self.table) else 0


def compliance(
    license_nos: Sequence,
    statuses: Sequence,
    inspection_license_nos: Sequence,
    inspected_on: Sequence,
    start: dt.date,
    end: dt.date,
    *,
    mine_labels: Sequence[str] | None = None,
    inspection_labels: Sequence[str] | None = None,
    date_field: str = "inspected_on",
    extra: dict[str, Sequence] | None = None,
) -> ComplianceResult:
    """Required, satisfied and missing periods of every mine for [start, end].

    ``license_nos`` and ``statuses`` (codes or labels) describe the mines;
    ``inspection_license_nos`` (one licence number, or several separated by
    commas for an inspection of several mines) and ``inspected_on`` (dates, or
    text as :func:`..domain.dates.to_date` reads it) the inspections. ``*_labels``
    name rows in the messages (default ``row N``, from 1); ``extra`` columns
    of the mines (e.g. mine_name) are carried to the answer after license_no.
    Raises :class:`..domain.compliance.PeriodError` for a period that is not one.
    """
    rule.check_period(start, end)
    warnings: list[str] = []
    mines = _text_column(license_nos)
    n_rows = len(mines)
    mine_labels = mine_labels if mine_labels is not None else [tr("row {n}").format(n=i + 1) for i in range(n_rows)]

    blank = mines.isna().to_numpy()
    if blank.any():
        rows = [mine_labels[i] for i in np.flatnonzero(blank)]
        warnings.append(tr("{count} mining right(s) have no licence number and are left out: {rows}").format(
            count=len(rows), rows=_listed(rows)))
    keep = ~blank & ~mines.duplicated(keep="first").to_numpy()
    status_values = pd.Series(list(statuses), dtype=object)
    duplicated = mines[~blank & ~keep]
    if len(duplicated):
        numbers = sorted(set(duplicated))
        warnings.append(tr(
            "{count} licence number(s) appear more than once among the mining rights; each mine is checked once, "
            "with the status of its first row: {numbers}").format(count=len(numbers), numbers=_listed(numbers)))
    order = np.flatnonzero(keep)
    numbers = mines.iloc[order].to_numpy(dtype=object)
    raw_status = status_values.iloc[order].to_numpy(dtype=object)
    n = len(numbers)

    codes = _status_codes(raw_status)
    kinds = np.array([rule.FREQUENCY_BY_STATUS.get(c) if c else None for c in codes], dtype=object)
    unknown = np.flatnonzero(kinds == None)  # noqa: E711 - element-wise
    unknown_statuses = [f"{numbers[i]} ({_shown(raw_status[i])})" for i in unknown]
    if unknown_statuses:
        warnings.append(tr(
            "{count} mine(s) have a status that is neither a code (producing, suspended, construction, closed) nor a "
            "label (在产, 停产, 基建, 关闭): no patrol frequency, no period checked: {mines}"
        ).format(count=len(unknown_statuses), mines=_listed(unknown_statuses)))

    # --- the inspections: which mine, which day ---------------------------------------------------------
    insp = _text_column(inspection_license_nos)
    n_insp = len(insp)
    labels = inspection_labels
    label_of = (lambda i: labels[i]) if labels is not None else (lambda i: tr("row {n}").format(n=i + 1))
    # an inspection of several mines names them all, comma-separated (the store's inspections.license_nos)
    rows = np.arange(n_insp)
    several = insp.str.contains(r"[,，;；、]", na=False).to_numpy()
    if several.any():
        parts = insp[several].str.split(r"\s*[,，;；、]\s*", regex=True)
        parts = parts.map(lambda items: [i for i in items if i] or [None])
        rows = np.concatenate([rows[~several], np.repeat(rows[several], parts.map(len).to_numpy())])
        insp = pd.Series(list(insp[~several]) + [i for items in parts for i in items], dtype=object)
    mine_index = pd.Index(numbers).get_indexer(insp.fillna(""))
    no_number = insp.isna().to_numpy()
    no_licence = [label_of(rows[i]) for i in np.flatnonzero(no_number)]
    if no_licence:
        warnings.append(tr("{count} inspection(s) have no licence number and are not counted: {rows}").format(
            count=len(no_licence), rows=_listed(no_licence)))
    strangers = (mine_index < 0) & ~no_number
    unknown_licences = insp[strangers].value_counts().to_dict() if strangers.any() else {}
    if unknown_licences:
        named = [f"{k} ({v})" for k, v in sorted(unknown_licences.items())]
        warnings.append(tr(
            "{count} inspection(s) name {numbers} licence number(s) that are not among the mining rights; they are "
            "not counted (inspections per number in brackets): {named}").format(
            count=int(strangers.sum()), numbers=len(unknown_licences), named=_listed(named)))

    days, unreadable = parse_days(inspected_on)
    bad_dates = [f"{label_of(i)} ({_shown(value)})" for i, value in unreadable]
    if bad_dates:
        warnings.append(tr("{count} inspection(s) have no readable date in {field} and are not counted: {rows}").format(
            count=len(bad_dates), field=date_field, rows=_listed(bad_dates)))
    if len(days) != n_insp:
        raise ValueError("inspection licence numbers and dates differ in length")
    days = days[rows]

    usable = (mine_index >= 0) & ~np.isnat(days)
    mine_of = mine_index[usable]
    day_of = days[usable]
    start64, end64 = np.datetime64(start, "D"), np.datetime64(end, "D")
    inside = (day_of >= start64) & (day_of <= end64)

    # last inspection on or before the end of the period
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    up_to_end = day_of <= end64
    np.maximum.at(last, mine_of[up_to_end], day_of[up_to_end].astype(np.int64))
    count_inside = np.bincount(mine_of[inside], minlength=n)

    required = np.zeros(n, dtype=np.int64)
    satisfied = np.zeros(n, dtype=np.int64)
    missing_text = np.full(n, "", dtype=object)
    month_of = day_of[inside].astype("datetime64[M]").astype(np.int64) + _EPOCH_MONTH
    mine_inside = mine_of[inside]
    for kind, per_unit in rule.MONTHS_PER_UNIT.items():
        members = np.flatnonzero(kinds == kind)
        if not len(members):
            continue
        units = rule.required_ordinals(start, end, kind)
        first, width = units.start, len(units)
        done = np.zeros((n, width), dtype=bool)
        of_kind = kinds[mine_inside] == kind
        done[mine_inside[of_kind], month_of[of_kind] // per_unit - first] = True
        unit_labels = [rule.unit_label(o, kind) for o in units]
        required[members] = width
        satisfied[members] = done[members].sum(axis=1)
        texts: dict[bytes, str] = {}
        for i in members:
            row = done[i]
            key = row.tobytes()
            if key not in texts:
                texts[key] = rule.format_missing(unit_labels[j] for j in np.flatnonzero(~row))
            missing_text[i] = texts[key]

    coverage = _monthly_coverage(numbers, mine_inside, month_of, start, end)
    known = kinds != None  # noqa: E711 - element-wise
    missing = required - satisfied
    last_days = np.where(last == np.iinfo(np.int64).min, np.datetime64("NaT"), last.astype("datetime64[D]"))
    table = pd.DataFrame({"license_no": numbers})
    for name, values in (extra or {}).items():
        table[name] = pd.Series(list(values), dtype=object).iloc[order].to_numpy(dtype=object)
    table["status"] = codes
    table["frequency"] = kinds
    table["required_periods"] = required
    table["satisfied_periods"] = satisfied
    table["missing_count"] = missing
    table["missing_periods"] = missing_text
    table["inspections_in_period"] = count_inside
    table["last_inspected_on"] = [None if np.isnat(d) else d.item() for d in last_days]
    table["compliant"] = np.where(known, missing == 0, None)
    note = np.full(n, "", dtype=object)
    note[unknown] = tr("unknown status: no patrol frequency")
    table["note"] = note
    return ComplianceResult(
        table=table,
        warnings=warnings,
        unknown_licences={str(k): int(v) for k, v in unknown_licences.items()},
        bad_dates=bad_dates,
        no_licence=no_licence,
        unknown_statuses=unknown_statuses,
        inspections_used=int(usable.sum()),
        coverage=coverage,
    )


def _monthly_coverage(numbers: np.ndarray, mine_inside: np.ndarray, month_of: np.ndarray, start: dt.date,
                      end: dt.date) -> pd.DataFrame:
    """Per month overlapping [start, end]: was every mine (whatever its status) inspected in it?

    ``mine_inside`` / ``month_of``: the mine index and month ordinal of each inspection inside the period.
    """
    months = rule.required_ordinals(start, end, rule.MONTH)
    n, width = len(numbers), len(months)
    done = np.zeros((n, width), dtype=bool)
    done[mine_inside, month_of - months.start] = True
    inspected = done.sum(axis=0)
    rows = []
    for j, ordinal in enumerate(months):
        absent = numbers[~done[:, j]]
        rows.append((rule.unit_label(ordinal, rule.MONTH), n, int(inspected[j]), n - int(inspected[j]),
                     bool(n) and int(inspected[j]) == n, _listed([str(a) for a in absent], 10)))
    return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))


def parse_days(values: Sequence) -> tuple[np.ndarray, list[tuple[int, object]]]:
    """Dates as ``datetime64[D]`` (NaT where none) and the (position, value) of those that cannot be read.

    Empty values (None, blank, NULL) count as unreadable too: an inspection
    needs a date. Dates and ISO text are converted at once; other text
    (``2026/3/1``, ``2026年3月1日``...) one by one with
    :func:`..domain.dates.to_date`.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":  # read in bulk: already dates
        days = values.astype("datetime64[D]")
        return days, [(int(i), None) for i in np.flatnonzero(np.isnat(days))]
    array = np.fromiter(values, dtype=object, count=len(values))
    days = None
    kinds = set(map(type, array))
    if kinds <= {dt.date, dt.datetime, type(None)}:
        present = array != None  # noqa: E711 - element-wise
        ordinals = np.fromiter((d.toordinal() for d in array[present]), dtype=np.int64, count=int(present.sum()))
        days = np.full(len(array), np.datetime64("NaT"), dtype="datetime64[D]")
        days[present] = (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]")
    elif kinds <= {str, type(None)}:
        try:
            days = array.astype("datetime64[D]")  # ISO text at once; numpy also reads "2026-01" or "2026":
            days[pd.Series(array).str.len().to_numpy() < 8] = np.datetime64("NaT")  # those go to to_date
        except (ValueError, TypeError, OverflowError):
            days = None
    if days is None:
        is_text = np.fromiter((isinstance(v, str) for v in array), dtype=bool, count=len(array))
        days = np.full(len(array), np.datetime64("NaT"), dtype="datetime64[D]")
        if is_text.any():
            parsed = pd.to_datetime(pd.Series(array[is_text]), errors="coerce", format="%Y-%m-%d")
            days[is_text] = parsed.to_numpy().astype("datetime64[D]")
    for i in np.flatnonzero(np.isnat(days)):  # the rest, one by one, as every importer reads dates
        day = to_date(array[i])
        if day is not None:
            days[i] = np.datetime64(day, "D")
    unreadable = [(int(i), array[i]) for i in np.flatnonzero(np.isnat(days))]
    return days, unreadable


def _text_column(values: Sequence) -> pd.Series:
    """Licence numbers as stripped text; None for empty ones."""
    series = pd.Series(list(values), dtype=object)
    present = series.notna()
    text = series[present].astype(str).str.strip()
    out = pd.Series(None, index=series.index, dtype=object)
    out[present] = text
    out[out.isin(("", "NULL"))] = None
    return out


def _status_codes(values: np.ndarray) -> np.ndarray:
    """Status codes of codes or labels; None where neither (each distinct value looked up once)."""
    cache: dict = {}
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        key = value if isinstance(value, (str, int, float, type(None))) else str(value)
        if key not in cache:
            cache[key] = rule.status_code(value) if value == value else None
        out[i] = cache[key]
    return out


def _shown(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip()):
        return tr("empty")
    return str(value)


def _listed(items: Sequence[str], limit: int = LISTED) -> str:
    shown = ", ".join(str(i) for i in items[:limit])
    if len(items) > limit:
        shown += tr(" and {count} more").format(count=len(items) - limit)
    return shown
