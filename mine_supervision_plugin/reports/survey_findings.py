"""Survey findings to the ledger and to rectification-notice drafts, in one call (:func:`send_findings`).

The ledger items are written by :func:`..store.survey_ledger.record_findings`
(once per finding: a second call adds nothing). The drafts are notices in the
layout of :mod:`.notice`, one per holder, gathering that holder's findings of
the round: they say which round found what (area and greatest distance beyond
the boundary, nearest corners; elevations beyond the licensed depth), and
leave the document number blank for the pen (``（草稿）``), as a notice printed
without allocating a number does; issuing the numbered notice stays the
bureau's decision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.notices import Finding, HolderCase, Licence, format_number
from ..domain.survey_findings import KIND_WORDS, OUT_OF_BOUNDS, SurveyFinding, round_text
from ..store.database import SupervisionStore, reading
from ..store.ogr_util import open_read, quote, to_shapely
from ..store.survey_ledger import LedgerRecord, record_findings
from .issue import IssuedNotice, file_name
from .notice import FIGURE_MM, build_document, ordinal, write_notice_pdf


@dataclass
class SurveyCase:
    """The findings of one holder (of one or more rounds), for one draft notice."""

    holder: str
    licences: list[Licence] = field(default_factory=list)
    findings: list[SurveyFinding] = field(default_factory=list)

    def holder_case(self) -> HolderCase:
        """The case as the notice's map figure draws it: licences, and the out-of-bounds pieces as findings."""
        drawn = [Finding(f"越界{k}", "out_of_bounds", (f.license_no,), outside_m2=f.outside_m2, geometry=f.geometry)
                 for k, f in enumerate((f for f in self.findings if f.kind == OUT_OF_BOUNDS), start=1)]
        return HolderCase(self.holder, list(self.licences), drawn)


@dataclass
class SentFindings:
    """What :func:`send_findings` did."""

    ledger: LedgerRecord
    notices: list[IssuedNotice] = field(default_factory=list)
    #: licence numbers of findings without a known holder (no draft for them)
    no_holder: list[str] = field(default_factory=list)


def survey_cases(findings: Sequence[SurveyFinding], licences: Mapping[str, Licence]) -> tuple[list[SurveyCase], list[str]]:
    """One case per holder (sorted), and the licence numbers whose holder is unknown."""
    cases: dict[str, SurveyCase] = {}
    unknown: list[str] = []
    for finding in findings:
        licence = licences.get(finding.license_no)
        if licence is None or not licence.holder.strip():
            if finding.license_no not in unknown:
                unknown.append(finding.license_no)
            continue
        case = cases.setdefault(licence.holder.strip(), SurveyCase(licence.holder.strip()))
        if licence.license_no not in [lic.license_no for lic in case.licences]:
            case.licences.append(licence)
        case.findings.append(finding)
    for case in cases.values():
        case.licences.sort(key=lambda lic: lic.license_no)
    return [cases[h] for h in sorted(cases)], unknown


def survey_document(case: SurveyCase, template: dict, issued_at: dt.date):
    """The draft notice's texts: the template's words, the holder's survey findings as its facts."""
    number = format_number(template["number_prefix"], issued_at.year, None)
    document = build_document(HolderCase(case.holder, case.licences, []), template, number, issued_at)
    mines = "、".join(dict.fromkeys(lic.mine_name for lic in case.licences if lic.mine_name))
    numbers = "、".join(lic.license_no for lic in case.licences)
    owner = f"你单位{mines}（采矿许可证号：{numbers}）" if mines else f"你单位（采矿许可证号：{numbers}）"
    rounds = "、".join(dict.fromkeys(round_text(f.round_id) for f in case.findings))
    kinds = "、".join(dict.fromkeys(KIND_WORDS[f.kind] for f in case.findings))
    intro = f"我局通过{rounds}发现，{owner}存在以下涉嫌{kinds}的问题（共{len(case.findings)}项，位置见附图）："
    facts = [f"{ordinal(i)}{round_text(f.round_id)}实测，采矿许可证（证号：{f.license_no}）："
             f"{f.facts()}，涉嫌{KIND_WORDS[f.kind]}。" for i, f in enumerate(case.findings, start=1)]
    return dataclasses.replace(document, intro=intro, facts=facts, patch_nos=[],
                               figure_caption="专项勘测越界范围与采矿许可范围位置示意图")


def licences_of(store: SupervisionStore, license_nos: Sequence[str]) -> dict[str, Licence]:
    """Holder, mine, validity and boundary of these licences, from the database."""
    out: dict[str, Licence] = {}
    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName("mining_rights")
            for number in sorted(set(license_nos)):
                layer.SetAttributeFilter(f"license_no = {quote(number)}")
                for feature in layer:
                    out[number] = Licence(number, feature.GetField("holder") or "", feature.GetField("mine_name") or "",
                                          None, None, to_shapely(feature.GetGeometryRef()))
        finally:
            layer = source = None
    return out


def send_findings(
    store: SupervisionStore,
    findings: Sequence[SurveyFinding],
    *,
    found_at: dt.date | None = None,
    folder: str | Path | None = None,
    template: dict | None = None,
    fonts=None,
    issued_at: dt.date | None = None,
    figure: Callable[[HolderCase], tuple[bytes, tuple[float, float]] | None] | None = None,
) -> SentFindings:
    """Each finding to the ledger (once), and with ``folder`` (and ``template``, ``fonts``) a draft notice per holder.

    ``figure(holder_case)`` gives the map (image bytes, size in mm) or None: QGIS draws it (the faces pass
    :func:`.map_figure.render_figure`); without it the drafts have no map.
    """
    ledger = record_findings(store, findings, found_at=found_at)
    sent = SentFindings(ledger)
    if folder is None or not findings:
        return sent
    issued_at = issued_at or dt.date.today()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cases, sent.no_holder = survey_cases(findings, licences_of(store, [f.license_no for f in findings]))
    for case in cases:
        document = survey_document(case, template, issued_at)
        image = figure(case.holder_case()) if figure else None
        picture, size = image if image else (None, FIGURE_MM)
        rounds = "、".join(dict.fromkeys(f.round_id for f in case.findings))
        path = folder / file_name(document.number, f"{case.holder}_{rounds}专项勘测", True)
        warnings = write_notice_pdf(document, fonts, path, picture, size)
        sent.notices.append(IssuedNotice(case.holder, document.number, path, True, [], warnings))
    return sent
