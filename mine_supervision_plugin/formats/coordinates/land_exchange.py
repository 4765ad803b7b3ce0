"""The land coordinate exchange txt (土地/建设用地报盘坐标交换格式): ``[属性描述]`` then ``[地块坐标]``."""

from __future__ import annotations

import re
from pathlib import Path

from ...domain.licence import Corner, Licence, Parcel
from ...domain.licence_checks import ParsedFile, ProblemLog
from ...i18n import tr
from .fields import (
    _area_unit,
    _decimal_comma,
    _decimal_comma_error,
    _first,
    _int,
    _key_value,
    _label_number,
    _num,
    _parse_area,
    _split_fields,
)

_SECTION = re.compile(r"^\s*[\[【]\s*(.+?)\s*[\]】]\s*$")


def _parse_land_exchange(lines: list[str], log: ProblemLog, path: Path) -> ParsedFile:
    attrs: dict[str, str] = {}
    attr_lines: dict[str, int] = {}
    section = ""
    parcels: list[Parcel] = []
    parsed = ParsedFile([])
    current: Parcel | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        m = _SECTION.match(line)
        if m:
            section = m.group(1)
            continue
        if section != "地块坐标":
            kv = _key_value(line)
            if kv:
                attrs[kv[0]] = kv[1]
                attr_lines[kv[0]] = number
            else:
                log.warn(tr("line ignored: {text}").format(text=line[:60]), number)
            continue
        fields = _split_fields(line)
        if line.rstrip(", ").endswith("@"):
            current = _land_parcel_header(fields, number, len(parcels) + 1, log, parsed)
            parcels.append(current)
            continue
        if current is None:
            log.error(tr("corner line before any parcel header line"), number)
            continue
        comma = _decimal_comma(fields[2:]) if len(fields) > 4 else None
        if comma:
            _decimal_comma_error(log, comma, number, current.parcel_no, _label_number(fields[0]))
            parsed.incomplete.add(id(current))
            parsed.raw_counts[id(current)] = parsed.raw_counts.get(id(current), 0) + 1
            continue
        if len(fields) < 4:
            log.error(tr("expected '点号,圈号,X,Y', found: {text}").format(text=line[:60]), number, current.parcel_no)
            continue
        label, ring, x, y = fields[0], _int(fields[1]), _num(fields[2]), _num(fields[3])
        corner_no = _label_number(label)
        if corner_no is None:
            corner_no = len(current.corners) + 1
            log.warn(
                tr("point name '{name}' has no number; numbered {number}").format(name=label, number=corner_no),
                number,
                current.parcel_no,
            )
        if ring is None or ring < 1:
            log.error(
                tr("ring number (圈号) '{ring}' is not a positive integer").format(ring=fields[1]),
                number,
                current.parcel_no,
                corner_no,
            )
            continue
        if x is None or y is None:
            log.error(
                tr("coordinates are not numbers: {text}").format(text=line[:60]), number, current.parcel_no, corner_no
            )
            parsed.incomplete.add(id(current))
            continue
        current.corners.append(Corner(corner_no, x, y, ring, number))
        parsed.raw_counts[id(current)] = parsed.raw_counts.get(id(current), 0) + 1

    if not parcels:
        log.error(tr("no [地块坐标] section with parcels"))
    license_no = _first(attrs, "许可证号", "采矿许可证号", "采矿许可证编号", "证号")
    if license_no is None:
        license_no = path.stem
        log.warn(
            tr("the file states no licence number (许可证号); the file name '{name}' is used").format(name=license_no)
        )
    licence = Licence(
        license_no=license_no,
        mine_name=_first(attrs, "矿山名称", "项目名称") or "",
        holder=_first(attrs, "采矿权人") or "",
        parcels=parcels,
        attributes=dict(attrs),
    )
    parsed.licences = [licence]
    parsed.datum_text = attrs.get("坐标系", attrs.get("坐标系统"))
    parsed.width_text = attrs.get("几度分带")
    parsed.zone_text = attrs.get("带号")
    parsed.meridian_text = _first(attrs, "中央经线", "中央子午线")
    parsed.header_line = attr_lines.get("坐标系", attr_lines.get("坐标系统"))
    parsed.area_unit = _area_unit(attrs.get("面积单位")) if attrs.get("面积单位") else None
    unit = attrs.get("计量单位", "")
    if unit and not re.search(r"米|^m$|meter|metre", unit, re.IGNORECASE):
        log.error(
            tr(
                "coordinate unit (计量单位) '{unit}' is not metres: only projected coordinates in metres are read"
            ).format(unit=unit),
            attr_lines.get("计量单位"),
        )
    return parsed


def _land_parcel_header(fields: list[str], number: int, index: int, log: ProblemLog, parsed: ParsedFile) -> Parcel:
    parcel_no = fields[2] if len(fields) > 2 and fields[2] else str(index)
    parcel = Parcel(parcel_no=parcel_no, line=number)
    parcel.name = fields[3] if len(fields) > 3 else ""
    count = _int(fields[0])
    if count is None:
        log.error(tr("corner count (界址点数) '{value}' is not an integer").format(value=fields[0]), number, parcel_no)
    parcel.declared_corner_count = count
    if len(fields) > 1 and fields[1]:
        area = _parse_area(fields[1], parsed.area_unit or "ha")
        if area.invalid:
            # The boundary is the licence; 地块面积 only checks it. An unusable value is named
            # and left out (never stored or compared as a number); the parcel is still imported.
            log.warn(
                tr("parcel area (地块面积) is invalid: {reason}; it is left empty and not checked").format(
                    reason=area.invalid
                ),
                number,
                parcel_no,
            )
        else:
            parcel.declared_area = area.value
            parcel.declared_area_unit = area.unit or "ha"
            parsed.area_texts[id(parcel)] = fields[1]
            if area.unit:
                parsed.area_units[id(parcel)] = area.unit
    kind = fields[4] if len(fields) > 5 else ""
    if kind and kind not in ("面", "polygon"):
        log.error(tr("geometry type '{kind}' is not a polygon (面)").format(kind=kind), number, parcel_no)
    return parcel
