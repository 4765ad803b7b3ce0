"""Issuing rectification notices: one PDF per holder, its number allocated and recorded with it, or a draft.

:func:`issue_notice` is the one core call the faces make per holder (the
Processing algorithm for many, the GUI for one). With a store, the number is
allocated, the PDF written and renamed into place, and the notice recorded and
linked to its patches in one transaction (:func:`..store.notices.issuing`):
when anything fails, no file is left and no number is used. Without a store
the notice is a draft: its number leaves the sequence blank and says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.notices import HolderCase, format_number
from ..store.database import SupervisionStore
from ..store.notices import issuing
from .fonts import DocumentFonts
from .notice import FIGURE_MM, build_document, write_notice_pdf

#: ``figure(case)`` → the map as image bytes and its printed size in mm, or None for no figure.
FigureMaker = Callable[[HolderCase], "tuple[bytes, tuple[float, float]] | None"]
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass
class IssuedNotice:
    holder: str
    number: str
    path: Path
    draft: bool
    patch_nos: list[str]
    warnings: list[str] = field(default_factory=list)


def file_name(number: str, holder: str, draft: bool) -> str:
    """A file name every system accepts: ``<number>_<holder>.pdf`` (``草稿_<holder>.pdf`` for a draft)."""
    head = "草稿" if draft else number
    name = _UNSAFE.sub("_", f"{head}_{holder}").strip(" .")
    return name[:120] + ".pdf"


def issue_notice(
    case: HolderCase,
    template: dict,
    fonts: DocumentFonts,
    folder: str | Path,
    *,
    store: SupervisionStore | None = None,
    issued_at: dt.date | None = None,
    figure: FigureMaker | None = None,
) -> IssuedNotice:
    """Write the notice to ``case.holder`` in ``folder``; with ``store``, number it and record it (all or nothing)."""
    issued_at = issued_at or dt.date.today()
    folder = Path(folder)
    image = figure(case) if figure else None
    picture, size = image if image else (None, FIGURE_MM)
    prefix = template["number_prefix"]
    if store is None:
        number = format_number(prefix, issued_at.year, None)
        document = build_document(case, template, number, issued_at)
        path = folder / file_name(number, case.holder, True)
        warnings = write_notice_pdf(document, fonts, path, picture, size)
        return IssuedNotice(case.holder, number, path, True, case.patch_nos, warnings)

    path = None
    try:
        with issuing(store, prefix, issued_at.year) as allocation:
            document = build_document(case, template, allocation.number, issued_at)
            path = folder / file_name(allocation.number, case.holder, False)
            warnings = write_notice_pdf(document, fonts, path, picture, size)
            allocation.record(
                holder=case.holder, license_nos=case.license_nos, patch_nos=case.patch_nos,
                facts=document.facts_text, legal_basis=template["legal_basis"], requirement=document.requirement,
                deadline=document.deadline, issued_at=issued_at, pdf_path=str(path),
            )
    except BaseException:
        if path is not None:  # written, then the record or the commit failed: the number is not used, nor the file
            path.unlink(missing_ok=True)
        raise
    return IssuedNotice(case.holder, allocation.number, path, False, case.patch_nos, warnings)


def issue_notices(
    cases: list[HolderCase],
    template: dict,
    fonts: DocumentFonts,
    folder: str | Path,
    *,
    store: SupervisionStore | None = None,
    issued_at: dt.date | None = None,
    start_figure: Callable | None = None,
    progress: Callable[[int, IssuedNotice], bool] | None = None,
) -> list[IssuedNotice]:
    """:func:`issue_notice` for each case, in order; maps are drawn while the PDFs are written.

    ``start_figure(case)`` starts a figure and returns an object whose ``result()`` gives it (see
    :func:`.map_figure.start_figure`); it is called on the calling thread (QGIS's objects stay there), the
    next map rendering on QGIS's threads while this one is finished. The PDFs are written and recorded
    one after the other on one worker thread (reportlab and the store's transaction hold no Qt object), so
    numbers follow the order of ``cases``. ``progress(i, notice)`` is called on the calling thread after
    each notice; returning False stops: the notices done stay whole, nothing half-written remains, no
    number is used for nothing. The first error stops the batch and is raised.
    """
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    done: list[IssuedNotice] = []
    queued: deque = deque()
    stopped = False

    def collect(wait: bool) -> None:
        nonlocal stopped
        while queued and (wait or len(queued) > 1 or queued[0][1].done()):
            index, future = queued.popleft()
            notice = future.result()
            done.append(notice)
            if progress is not None and progress(index, notice) is False:
                stopped = True

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="notices") as writer:
        pending = start_figure(cases[0]) if start_figure and cases else None
        try:
            for index, case in enumerate(cases):
                following = start_figure(cases[index + 1]) if start_figure and index + 1 < len(cases) else None
                figure = pending.result() if pending is not None else None
                pending = following
                queued.append((index, writer.submit(
                    issue_notice, case, template, fonts, folder, store=store, issued_at=issued_at,
                    figure=(lambda _case, f=figure: f) if figure else None)))
                collect(wait=False)
                if stopped:
                    break
            collect(wait=True)
        except BaseException:
            for _index, future in queued:
                future.cancel()
            raise
        finally:
            if pending is not None:
                pending.result()  # let QGIS's threads finish before the layers go
    return done


@dataclass
class BatchCases:
    """The notices a batch will issue (one case per holder), and the patches it leaves out, with why."""

    cases: list[HolderCase]
    skipped: list = field(default_factory=list)  # domain.notices.Skipped
    already: dict[str, str] = field(default_factory=dict)  # patch -> the notice it already has
    missing: list[str] = field(default_factory=list)  # selected patches not in the database


def store_cases(store: SupervisionStore, patch_nos: list[str] | None = None) -> BatchCases:
    """The holders' cases of ``patch_nos`` (a selection), or of every determined violation when None.

    A patch whose notice is already issued is left out (void that notice first to issue a new one); so is
    one whose pre-judgment calls for no notice, or that names no holder.
    """
    from ..domain.dates import to_date
    from ..domain.notices import Finding, Licence, group_by_holder, licence_numbers
    from ..store.notices import notice_candidates, notice_deadlines

    patches, rights = notice_candidates(store, patch_nos)
    live = {number for number, (_deadline, state) in notice_deadlines(store).items() if state != "voided"}
    licences = {number: Licence(number, str(r.get("holder") or "").strip(), r.get("mine_name") or "",
                                to_date(r.get("valid_from")), to_date(r.get("valid_to")), r.get("geometry"))
                for number, r in rights.items()}
    batch = BatchCases([])
    if patch_nos is not None:
        found = {p["patch_no"] for p in patches}
        batch.missing = [n for n in patch_nos if n not in found]
    findings = []
    for p in patches:
        if p.get("notice_no") and p["notice_no"] in live:
            batch.already[p["patch_no"]] = p["notice_no"]
            continue
        findings.append(Finding(
            str(p["patch_no"]), p.get("prejudgment"), licence_numbers(p.get("license_no")),
            float(p.get("inside_area_m2") or 0), float(p.get("outside_area_m2") or 0),
            float(p.get("expired_area_m2") or 0), p.get("area_m2"),
            to_date(p.get("field_check_date")) or to_date(p.get("date_after")), str(p.get("zone_name") or ""),
            p.get("geometry")))
    batch.cases, batch.skipped = group_by_holder(findings, licences)
    return batch
