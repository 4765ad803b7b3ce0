"""Rectification notices (整改通知书): which findings call for one, whose they are, and the document number.

Pure rules, no I/O. A notice goes to the holder of a licence for each finding
pre-judged out of bounds (疑似越界开采), on an expired licence (疑似证照过期开采),
or unlicensed yet touching a holder's licence area (疑似无证开采, the patch
names a licence): one notice per holder gathers all of that holder's findings.
An unlicensed patch that touches no licence has no holder: it is a case for
enforcement, not a notice.

Document numbers: ``<prefix>〔<year>〕<sequence>号`` (e.g. ``上党自然资整〔2026〕12号``);
a draft, printed without a database to allocate numbers, leaves the sequence
blank for the pen and says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .licence import split_list
from .vocab import to_code

#: One 亩 in square metres.
MU_M2 = 2000.0 / 3.0
#: Pre-judgments that call for a notice, in the order the facts list them.
NOTICE_PREJUDGMENTS = ("out_of_bounds", "expired_licence", "unlicensed")
DRAFT_MARK = "（草稿）"
_NUMBER = re.compile(r"^(?P<prefix>.*)〔(?P<year>\d{4})〕(?P<sequence>\d+)号$")


def to_mu(area_m2: float) -> float:
    """Square metres as 亩 (1 亩 = 2000/3 m²)."""
    return float(area_m2) / MU_M2


def format_number(prefix: str, year: int, sequence: int | None) -> str:
    """``上党自然资整〔2026〕12号``; with no sequence the draft form ``上党自然资整〔2026〕　号（草稿）``."""
    if sequence is None:
        return f"{prefix}〔{int(year)}〕\u3000号{DRAFT_MARK}"
    return f"{prefix}〔{int(year)}〕{int(sequence)}号"


def parse_number(text: str | None) -> tuple[str, int, int] | None:
    """``(prefix, year, sequence)`` of a document number written by :func:`format_number`; None otherwise."""
    match = _NUMBER.match((text or "").strip())
    if not match:
        return None
    return match["prefix"], int(match["year"]), int(match["sequence"])


def is_draft(number: str) -> bool:
    return number.endswith(DRAFT_MARK)


@dataclass(frozen=True)
class Licence:
    """What a notice says of a licence: number, holder, mine, validity; ``geometry`` for the map (opaque here)."""

    license_no: str
    holder: str
    mine_name: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    geometry: object = None


@dataclass(frozen=True)
class Finding:
    """One pre-judged patch (or survey finding): areas in m², the licences it names, where and when found."""

    patch_no: str
    prejudgment: str
    license_nos: tuple[str, ...] = ()
    inside_m2: float = 0.0
    outside_m2: float = 0.0
    expired_m2: float = 0.0
    area_m2: float | None = None
    found_on: dt.date | None = None
    place: str = ""
    geometry: object = None

    @property
    def total_m2(self) -> float:
        if self.area_m2 is not None:
            return float(self.area_m2)
        return float(self.inside_m2 or 0.0) + float(self.outside_m2 or 0.0)


@dataclass
class HolderCase:
    """The findings of one holder, for one notice, and the holder's licences they name."""

    holder: str
    licences: list[Licence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def license_nos(self) -> list[str]:
        return [licence.license_no for licence in self.licences]

    @property
    def patch_nos(self) -> list[str]:
        return [finding.patch_no for finding in self.findings]


@dataclass
class Skipped:
    """A patch that gets no notice, and why (a code: ``not_a_violation``, ``no_holder``, ``unknown_licence``)."""

    patch_no: str
    why: str
    detail: str = ""


def prejudgment_code(value) -> str | None:
    """The pre-judgment code of a value written as code or Chinese label."""
    if value is None or str(value).strip() == "":
        return None
    return to_code("prejudgment", str(value).strip()) or str(value).strip()


def licence_numbers(value) -> tuple[str, ...]:
    """The licence numbers a patch names (comma-separated as the pre-judgment writes them)."""
    if value is None:
        return ()
    return tuple(split_list(str(value)))


def group_by_holder(
    findings: Iterable[Finding], licences: Mapping[str, Licence]
) -> tuple[list[HolderCase], list[Skipped]]:
    """One case per holder of the findings that call for a notice, sorted by holder; the rest with why.

    A finding naming licences of two holders goes to both (each is served what
    concerns it). Findings are listed by pre-judgment (out of bounds, expired,
    unlicensed), then patch number.
    """
    cases: dict[str, HolderCase] = {}
    skipped: list[Skipped] = []
    for finding in findings:
        code = prejudgment_code(finding.prejudgment)
        if code not in NOTICE_PREJUDGMENTS:
            skipped.append(Skipped(finding.patch_no, "not_a_violation", code or ""))
            continue
        if not finding.license_nos:
            skipped.append(Skipped(finding.patch_no, "no_holder", code))
            continue
        unknown = [n for n in finding.license_nos if n not in licences or not licences[n].holder.strip()]
        known = [licences[n] for n in finding.license_nos if n not in unknown]
        if unknown:
            skipped.append(Skipped(finding.patch_no, "unknown_licence", ",".join(unknown)))
        for licence in known:
            case = cases.setdefault(licence.holder.strip(), HolderCase(licence.holder.strip()))
            if licence.license_no not in case.license_nos:
                case.licences.append(licence)
            if finding.patch_no not in case.patch_nos:
                case.findings.append(finding)
    order = {code: i for i, code in enumerate(NOTICE_PREJUDGMENTS)}
    for case in cases.values():
        case.licences.sort(key=lambda licence: licence.license_no)
        case.findings.sort(key=lambda f: (order[prejudgment_code(f.prejudgment)], f.patch_no))
    return [cases[holder] for holder in sorted(cases)], skipped


def deadline_from(issued: dt.date, days: int) -> dt.date:
    """The deadline ``days`` calendar days after the issue date."""
    return issued + dt.timedelta(days=int(days))
