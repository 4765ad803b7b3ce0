"""The mining-right registration txt (采矿权登记): key=value attributes, then ``XYnnn=`` lines."""

from __future__ import annotations

import re

from ...domain.licence import Corner, Licence, Parcel
from ...domain.licence_checks import ParsedFile, ProblemLog
from ...i18n import tr
from .fields import (
    _decimal_comma,
    _decimal_comma_error,
    _first,
    _int,
    _key_value,
    _licence_attributes,
    _num,
    _split_fields,
)

_XY = re.compile(r"^\s*XY\s*(\d+)\s*=\s*(.*)$", re.IGNORECASE)


_FLAG_EXCLUDED = {"-1"}


_FLAG_NORMAL = {"", "0", "1"}


def _parse_registration(lines: list[str], log: ProblemLog) -> ParsedFile:
    attrs: dict[str, str] = {}
    attr_lines: dict[str, int] = {}
    parsed = ParsedFile([])
    parcels: list[Parcel] = []
    current: Parcel | None = None
    declared_rows: int | None = None
    rows_line: int | None = None
    xy_rows = 0
    last_seq: int | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        m = _XY.match(line)
        if not m:
            kv = _key_value(line)
            if kv is None:
                log.warn(tr("line ignored: {text}").format(text=line[:60]), number)
                continue
            key, value = kv
            attrs[key] = value
            attr_lines[key] = number
            if "总行数" in key:
                declared_rows, rows_line = _int(value), number
                if declared_rows is None:
                    log.error(tr("row count (总行数) '{value}' is not an integer").format(value=value), number)
            continue
        xy_rows += 1
        seq = int(m.group(1))
        if last_seq is not None and seq != last_seq + 1:
            log.warn(
                tr("XY line numbers jump from {previous} to {current}").format(previous=last_seq, current=seq), number
            )
        last_seq = seq
        fields = _split_fields(m.group(2))
        first = _int(fields[0]) if fields else None
        comma = _decimal_comma(fields[1:]) if first is not None and len(fields) > 3 else None
        if comma:
            # not a closing line: a corner whose X or Y has a decimal comma
            _decimal_comma_error(log, comma, number, current.parcel_no if current else None, first)
            if current is None:
                current = Parcel(parcel_no=str(len(parcels) + 1), line=number)
                parcels.append(current)
            parsed.raw_counts[id(current)] = parsed.raw_counts.get(id(current), 0) + 1
            parsed.incomplete.add(id(current))
            continue
        if len(fields) == 3 and first is not None:
            if current is None:
                current = Parcel(parcel_no=str(len(parcels) + 1), line=number)
                parcels.append(current)
            x, y = _num(fields[1]), _num(fields[2])
            if x is None or y is None:
                log.error(
                    tr("coordinates are not numbers: {text}").format(text=line[:60]), number, current.parcel_no, first
                )
                parsed.incomplete.add(id(current))
                continue
            current.corners.append(Corner(first, x, y, 1, number))
            parsed.raw_counts[id(current)] = parsed.raw_counts.get(id(current), 0) + 1
            continue
        # a closing line: 标识,标高上限,标高下限,,flag
        if current is None:
            log.error(tr("parcel closing line without corners before it"), number)
            continue
        _close_registration_parcel(current, fields, number, log)
        current = None
    if current is not None:
        log.error(tr("the last parcel has no closing line (标高上限,标高下限,,标识)"), current.line, current.parcel_no)
    if declared_rows is None:
        log.error(tr("the row count line (矿区范围拐点坐标与标高的总行数) is missing"))
    elif declared_rows != xy_rows:
        log.error(
            tr(
                "row count (总行数) is {declared} but the file has {given} XY lines (corner lines plus closing lines)"
            ).format(declared=declared_rows, given=xy_rows),
            rows_line,
        )
    if not parcels:
        log.error(tr("no corner lines (XYnnn=点号,X,Y)"))
    license_no = _first(attrs, "许可证号", "采矿许可证号", "采矿许可证编号", "证号")
    if license_no is None:
        log.error(tr("the licence number (许可证号) is missing"))
    licence = Licence(
        license_no=license_no or "",
        mine_name=_first(attrs, "矿山名称") or "",
        holder=_first(attrs, "采矿权人") or "",
        mineral=_first(attrs, "开采矿种") or "",
        production_scale=_first(attrs, "生产规模") or "",
        parcels=parcels,
        attributes=dict(attrs),
    )
    _licence_attributes(licence, attrs, attr_lines, log, parsed)
    parsed.licences = [licence]
    parsed.datum_text = _first(attrs, "坐标系统", "坐标系")
    parsed.width_text = attrs.get("几度分带")
    parsed.zone_text = attrs.get("带号")
    parsed.meridian_text = _first(attrs, "中央经线", "中央子午线")
    parsed.header_line = attr_lines.get("坐标系统", attr_lines.get("坐标系"))
    return parsed


def _close_registration_parcel(parcel: Parcel, fields: list[str], number: int, log: ProblemLog):
    # 标识,上限,下限,,flag — also tolerate '标识,上限,下限,flag' (the empty field left out)
    flag = fields[4] if len(fields) >= 5 else fields[3] if len(fields) == 4 else ""
    fields = fields + [""] * (3 - len(fields))
    top_text, bottom_text = fields[1], fields[2]
    for text, attr in ((top_text, "depth_top_m"), (bottom_text, "depth_bottom_m")):
        if text == "":
            continue
        value = _num(text)
        if value is None:
            log.error(tr("elevation '{value}' is not a number").format(value=text), number, parcel.parcel_no)
        else:
            setattr(parcel, attr, value)
    if (
        parcel.depth_top_m is not None
        and parcel.depth_bottom_m is not None
        and parcel.depth_top_m < parcel.depth_bottom_m
    ):
        log.warn(
            tr("top elevation {top} m is below bottom elevation {bottom} m").format(
                top=parcel.depth_top_m, bottom=parcel.depth_bottom_m
            ),
            number,
            parcel.parcel_no,
        )
    flag = flag.strip()
    if flag in _FLAG_EXCLUDED:
        parcel.excluded = True
    elif flag not in _FLAG_NORMAL:
        log.warn(
            tr(
                "unknown parcel flag '{flag}' (known: 1, 0 or empty = licensed parcel, -1 = excluded parcel); read as a licensed parcel"
            ).format(flag=flag),
            number,
            parcel.parcel_no,
        )
