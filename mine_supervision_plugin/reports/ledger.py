"""The problem ledger (问题台账) as counties report it upward: one row per problem, Chinese headers.

:func:`ledger_table` is the one layout: the XLSX export (:func:`write_ledger_xlsx`,
``minesupervision:exportledger``) and the PDF table documents print its
``(headers, rows)``. A row joins the item with its mine (name, holder), its
patch's seed-003 finding (移送司法机关) and what the ledger's rules say on the
report's day: struck off or not, days overdue (:mod:`..domain.ledger`).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..domain.ledger import overdue_days, penalty_applies, state_of
from ..domain.vocab import chinese_label
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore, reading
from ..store.ogr_util import as_dict, open_read

#: column key → Chinese header, in the order of the report
COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("mine_name", "矿山名称"),
    ("holder", "采矿权人"),
    ("license_no", "许可证号"),
    ("patch_no", "图斑编号"),
    ("source", "问题来源"),
    ("problem", "问题描述"),
    ("found_at", "发现时间"),
    ("deadline", "整改期限"),
    ("notice_no", "整改通知书文号"),
    ("rectified_on", "整改完成时间"),
    ("penalty", "是否需行政处罚"),
    ("decision_no", "处罚决定书文号"),
    ("penalized_on", "处罚到位时间"),
    ("transfer", "是否移送司法机关"),
    ("state", "整改状态"),
    ("closed_at", "销号时间"),
    ("overdue_days", "逾期天数"),
    ("note", "备注"),
)
HEADERS = tuple(header for _, header in COLUMNS)
KEYS = tuple(key for key, _ in COLUMNS)


def _day(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else (value or "")


def ledger_records(store: SupervisionStore, *, as_of: dt.date | None = None, open_only: bool = False,
                   license_nos: Iterable[str] | None = None) -> list[dict]:
    """The ledger's rows as dicts keyed by :data:`KEYS` (values as printed, ``overdue_days`` an int)."""
    as_of = as_of or dt.date.today()
    wanted = set(license_nos) if license_nos is not None else None
    with reading(store.location):
        source = open_read(store)
        items = sorted((as_dict(f) for f in source.GetLayerByName("ledger_items")), key=lambda r: r["fid"])
        rights = {f.GetField("license_no"): (f.GetField("mine_name"), f.GetField("holder"))
                  for f in source.GetLayerByName("mining_rights")}
        patches = {}
        layer = source.GetLayerByName("patches")
        if layer.GetLayerDefn().GetFieldIndex("transfer_required") >= 0:  # a boolean: filtered here (PostgreSQL)
            patches = {f.GetField("patch_no"): f.GetField("transfer_basis") for f in layer if f.GetField("transfer_required")}
        source = None
    records = []
    for item in items:
        if wanted is not None and item.get("license_no") not in wanted:
            continue
        state = item.get("state") or state_of(item)
        if open_only and state == "closed":
            continue
        name, holder = rights.get(item.get("license_no"), (None, None))
        overdue = overdue_days({**item, "state": state}, as_of)
        source_kind = item.get("source_kind") or ("patch" if item.get("patch_no") else None)
        transfer = item.get("patch_no") in patches
        records.append({
            "seq": len(records) + 1,
            "mine_name": name or "",
            "holder": holder or "",
            "license_no": item.get("license_no") or "",
            "patch_no": item.get("patch_no") or "",
            "source": chinese_label("ledger_source", source_kind) if source_kind else "",
            "problem": item.get("problem") or "",
            "found_at": _day(item.get("found_at")),
            "deadline": _day(item.get("deadline")),
            "notice_no": item.get("notice_no") or "",
            "rectified_on": _day(item.get("rectified_on")) or ("是" if item.get("rectification_done") else ""),
            "penalty": "是" if penalty_applies(item) else "否",
            "decision_no": item.get("decision_no") or "",
            "penalized_on": _day(item.get("penalized_on")) or ("是" if item.get("penalty_done") else ""),
            "transfer": "是" if transfer else "否",
            "state": chinese_label("ledger_state", state),
            "closed_at": _day(item.get("closed_at")) if state == "closed" else "",
            "overdue_days": overdue,
            "note": "；".join(x for x in (item.get("note") or "", patches.get(item.get("patch_no")) or "") if x),
            "_overdue": overdue > 0,
            "_closed": state == "closed",
        })
    return records


def ledger_table(store: SupervisionStore, *, as_of: dt.date | None = None, open_only: bool = False,
                 license_nos: Iterable[str] | None = None) -> tuple[tuple[str, ...], list[list]]:
    """``(headers, rows)`` of the problem ledger on ``as_of`` (default today): Chinese headers, one row per problem.

    ``open_only`` leaves out the items struck off; ``license_nos`` keeps the items of those mines.
    Overdue days are 0 for an item not overdue.
    """
    records = ledger_records(store, as_of=as_of, open_only=open_only, license_nos=license_nos)
    return HEADERS, ledger_rows(records)


def ledger_rows(records: list[dict]) -> list[list]:
    """The rows of :data:`HEADERS` for records of :func:`ledger_records` (the XLSX and PDF print the same)."""
    return [[record[key] for key in KEYS] for record in records]


def ledger_summary(records: list[dict]) -> dict[str, int]:
    """Counts for the log and the statistics: items, struck off, open, overdue."""
    closed = sum(1 for r in records if r["_closed"])
    return {"items": len(records), "closed": closed, "open": len(records) - closed,
            "overdue": sum(1 for r in records if r["_overdue"])}


def write_ledger_xlsx(path: str | os.PathLike, records: list[dict], *, title: str, as_of: dt.date) -> Path:
    """Write the ledger rows to an XLSX workbook: a title, the report date, headers, one row per problem.

    Overdue rows are shaded red, struck-off rows grey. Written to a temporary
    file and moved into place: a failure leaves no half-written workbook.
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter
    except ImportError as error:
        raise StoreError(tr("Writing XLSX needs the Python package openpyxl (Debian/Ubuntu: apt install "
                            "python3-openpyxl; elsewhere: python -m pip install openpyxl).")) from error
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    if not target.parent.is_dir():
        raise StoreError(tr("The folder {folder} does not exist.").format(folder=target.parent))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "问题台账"
    width = len(COLUMNS)
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    sheet.cell(row=2, column=1, value=f"统计截止日期：{as_of.isoformat()}")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=3, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    overdue_fill, closed_fill = PatternFill("solid", fgColor="F8CBAD"), PatternFill("solid", fgColor="EDEDED")
    for offset, record in enumerate(records):
        row = 4 + offset
        for column, key in enumerate(KEYS, start=1):
            cell = sheet.cell(row=row, column=column, value=record[key])
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=key in ("problem", "note"))
            if record["_overdue"]:
                cell.fill = overdue_fill
            elif record["_closed"]:
                cell.fill = closed_fill
    widths = {"seq": 6, "problem": 40, "note": 40, "mine_name": 20, "holder": 22, "license_no": 26, "notice_no": 24,
              "decision_no": 22, "source": 10, "penalty": 8, "transfer": 8, "state": 8, "overdue_days": 8}
    for column, key in enumerate(KEYS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(key, 13)
    sheet.freeze_panes = "B4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(width)}{3 + len(records)}"
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=".writing-", dir=target.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise StoreError(tr("{path} could not be written: {reason}").format(path=target, reason=error)) from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target
