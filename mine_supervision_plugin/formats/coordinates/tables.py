"""CSV or XLSX corner tables, columns found by Chinese or English headers; several licences per file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from ...domain.licence import Corner, Licence, Parcel
from ...domain.licence_checks import ParsedFile, ProblemLog
from ...i18n import tr
from .fields import _FULLWIDTH, _cell_text, _decimal_comma_error, _int, _label_number, _licence_attributes, _num
from .text import _read_text

_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "license_no": (
        "许可证号",
        "采矿许可证号",
        "采矿许可证编号",
        "证号",
        "license_no",
        "licence_no",
        "license",
        "licence",
    ),
    "parcel_no": ("地块", "地块编号", "地块号", "parcel_no", "parcel"),
    "corner_no": ("点号", "拐点号", "拐点编号", "界址点号", "拐点", "corner_no", "corner", "point_no", "point"),
    "ring": ("圈号", "地块圈号", "ring"),
    "x": ("x", "x坐标", "北坐标", "纵坐标", "northing", "x(北)"),
    "y": ("y", "y坐标", "东坐标", "横坐标", "easting", "y(东)"),
    "depth_top_m": ("标高上限", "开采标高上限", "上限标高", "开采上限", "depth_top_m"),
    "depth_bottom_m": ("标高下限", "开采标高下限", "下限标高", "开采下限", "depth_bottom_m"),
    "excluded": ("扣除", "是否扣除", "excluded"),
    "mine_name": ("矿山名称", "mine_name"),
    "holder": ("采矿权人", "holder"),
    "mineral": ("开采矿种", "矿种", "mineral"),
    "mining_method": ("开采方式", "mining_method"),
    "production_scale": ("生产规模", "production_scale"),
    "licensed_area_km2": ("矿区面积", "licensed_area_km2", "area_km2"),
    "validity": ("有效期限", "有效期", "validity"),
    "valid_from": ("有效期起", "有效期自", "valid_from"),
    "valid_to": ("有效期止", "有效期至", "valid_to"),
    "crs": ("坐标系", "坐标系统", "crs"),
    "zone": ("带号", "zone"),
}


_HEADER_LOOKUP = {name: column for column, names in _TABLE_COLUMNS.items() for name in names}


def _header_key(text) -> str:
    t = str(text or "").translate(_FULLWIDTH).strip().lower()
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"[（(](米|m|度)[)）]$", "", t)  # 'X(m)', 'X坐标（米）'
    return t.replace("（", "(").replace("）", ")")


def _map_columns(header: list) -> dict[str, int]:
    mapped: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = _HEADER_LOOKUP.get(_header_key(cell))
        if column and column not in mapped:
            mapped[column] = index
    return mapped


def _table_rows(path: Path, log: ProblemLog, text: str | None = None) -> list[tuple[int, list]]:
    """(row number, cells) of the file: 1-based like a spreadsheet or a text editor."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:
            log.error(tr("reading .xlsx needs the Python package openpyxl"))
            log.refuse()
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors alike mean 'not a workbook'
            log.error(tr("cannot open the workbook: {error}").format(error=str(exc)))
            log.refuse()
        try:
            for sheet in workbook.worksheets:
                rows = [(n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), 1)]
                if any("x" in _map_columns(r) and "y" in _map_columns(r) for _, r in rows[:10]):
                    return rows
            return []
        finally:
            workbook.close()
    if text is None:
        text = _read_text(path, log)
    lines = text.splitlines()
    sample = "\n".join(lines[:10])
    delimiter = max((",", "\t", ";"), key=sample.count)
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]


_TRUE = {"1", "-1", "是", "扣除", "true", "yes", "y", "t"}


def _parse_table(path: Path, log: ProblemLog, text: str | None = None) -> ParsedFile:
    rows = _table_rows(path, log, text)
    header_at = next((i for i, (_, r) in enumerate(rows[:10]) if {"x", "y"} <= _map_columns(r).keys()), None)
    parsed = ParsedFile([])
    if header_at is None:
        log.error(tr("no header row with X and Y columns (X/北坐标, Y/东坐标) in the first 10 rows"))
        log.refuse()
    header_line, header = rows[header_at]
    columns = _map_columns(header)
    parsed.header_line = header_line
    extra = {i: _cell_text(h) for i, h in enumerate(header) if i not in columns.values() and _cell_text(h)}
    if "license_no" not in columns:
        log.warn(
            tr("no licence number column (许可证号/license_no); the file name '{name}' is used").format(name=path.stem),
            header_line,
        )
    licences: dict[str, Licence] = {}
    parcels: dict[tuple[str, str], Parcel] = {}
    attrs_of: dict[str, dict[str, str]] = {}
    lines_of: dict[str, dict[str, int]] = {}
    crs_texts: dict[str, int] = {}
    zone_texts: dict[str, int] = {}
    ring_sizes: dict[tuple[str, str, int], int] = {}

    def cell(row: list, column: str):
        index = columns.get(column)
        return row[index] if index is not None and index < len(row) else None

    for number, row in rows[header_at + 1 :]:
        if all(_cell_text(v) == "" for v in row):
            continue
        license_no = _cell_text(cell(row, "license_no")) or path.stem
        parcel_no = _cell_text(cell(row, "parcel_no")) or "1"
        licence = licences.get(license_no)
        if licence is None:
            licence = licences[license_no] = Licence(license_no=license_no)
            attrs_of[license_no], lines_of[license_no] = {}, {}
        attrs, attr_lines = attrs_of[license_no], lines_of[license_no]
        for column in (
            "mine_name",
            "holder",
            "mineral",
            "mining_method",
            "production_scale",
            "licensed_area_km2",
            "validity",
            "valid_from",
            "valid_to",
        ):
            value = cell(row, column)
            if _cell_text(value) and column not in attrs:
                attrs[column] = value if isinstance(value, (dt.date, dt.datetime)) else _cell_text(value)
                attr_lines[column] = number
        for index, name in extra.items():
            if index < len(row) and _cell_text(row[index]) and name not in licence.attributes:
                licence.attributes[name] = _cell_text(row[index])
        for column, seen in (("crs", crs_texts), ("zone", zone_texts)):
            text = _cell_text(cell(row, column))
            if text:
                seen.setdefault(text, number)
        parcel = parcels.get((license_no, parcel_no))
        if parcel is None:
            parcel = parcels[(license_no, parcel_no)] = Parcel(parcel_no=parcel_no, line=number)
            licence.parcels.append(parcel)
        for column in ("depth_top_m", "depth_bottom_m"):
            text = _cell_text(cell(row, column))
            if not text:
                continue
            value = _num(text)
            if value is None:
                log.error(tr("elevation '{value}' is not a number").format(value=text), number, parcel_no)
            elif getattr(parcel, column) is None:
                setattr(parcel, column, value)
            elif getattr(parcel, column) != value:
                log.warn(
                    tr("elevation {value} differs from {first} given earlier for this parcel").format(
                        value=value, first=getattr(parcel, column)
                    ),
                    number,
                    parcel_no,
                )
        if _cell_text(cell(row, "excluded")).lower() in _TRUE:
            parcel.excluded = True
        ring_text = _cell_text(cell(row, "ring"))
        ring = _int(ring_text) if ring_text else 1
        label = _cell_text(cell(row, "corner_no"))
        next_no = ring_sizes.get((license_no, parcel_no, ring or 1), 0) + 1
        corner_no = _label_number(label) if label else next_no
        if corner_no is None:
            corner_no = next_no
            log.warn(
                tr("point name '{name}' has no number; numbered {number}").format(name=label, number=corner_no),
                number,
                parcel_no,
            )
        if ring is None or ring < 1:
            log.error(
                tr("ring number (圈号) '{ring}' is not a positive integer").format(ring=ring_text),
                number,
                parcel_no,
                corner_no,
            )
            continue
        x, y = _num(cell(row, "x")), _num(cell(row, "y"))
        commas = [t for t in (_cell_text(cell(row, "x")), _cell_text(cell(row, "y"))) if re.fullmatch(r"[+-]?\d+,\d+", t)]
        if commas:
            _decimal_comma_error(log, commas[0], number, parcel_no, corner_no)
            parsed.incomplete.add(id(parcel))
            continue
        if x is None or y is None:
            log.error(
                tr("coordinates are not numbers: X={x}, Y={y}").format(
                    x=_cell_text(cell(row, "x")), y=_cell_text(cell(row, "y"))
                ),
                number,
                parcel_no,
                corner_no,
            )
            parsed.incomplete.add(id(parcel))
            continue
        parcel.corners.append(Corner(corner_no, x, y, ring, number))
        parsed.raw_counts[id(parcel)] = parsed.raw_counts.get(id(parcel), 0) + 1
        ring_sizes[(license_no, parcel_no, ring)] = next_no

    for license_no, licence in licences.items():
        attrs = attrs_of[license_no]
        licence.mine_name = str(attrs.get("mine_name", ""))
        licence.holder = str(attrs.get("holder", ""))
        licence.mineral = str(attrs.get("mineral", ""))
        licence.production_scale = str(attrs.get("production_scale", ""))
        licence.attributes.update({k: str(v) for k, v in attrs.items()})
        _licence_attributes(licence, attrs, lines_of[license_no], log, parsed)
    if not licences:
        log.error(tr("the table has no corner rows"))
    for seen, what in ((crs_texts, "crs"), (zone_texts, "zone")):
        if len(seen) > 1:
            values = sorted(seen, key=seen.get)
            log.error(
                tr("the table mixes {what} values: {values}").format(what=what, values=", ".join(values)),
                seen[values[1]],
            )
    parsed.licences = list(licences.values())
    parsed.datum_text = next(iter(crs_texts), None)
    parsed.zone_text = next(iter(zone_texts), None)
    return parsed
