"""Write licences back to the coordinate files counties exchange.

Three formats, the same ones the readers in :mod:`.coordinates` accept:

* the land coordinate exchange txt (``[属性描述]`` / ``[地块坐标]``);
* the mining-right registration txt (key=value attributes, ``XYnnn=`` lines);
* a CSV corner table (one row per corner, several licences of one CRS per file).

Writers need nothing but a :class:`~..domain.licence.Licence` with its
``crs_epsg``: they are used by the export algorithm and by the demo-county
generator alike, neither of which should need a database.

Coordinates are written as given (``x`` northing, ``y`` easting, zone prefix
kept) with at least two decimals and as many more as the value needs, so an
import → export → import round trip gives the very same numbers.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable

from osgeo import osr

from ..domain import vocab
from ..domain.crs import zone_of_meridian
from ..domain.licence import Corner, Licence, Parcel
from ..domain.licence_geometry import same_point
from ..domain.units import format_coordinate
from ..i18n import tr

osr.UseExceptions()

# Header of the parcel line of the land exchange format, for reference:
# 界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@
LAND_HEADER_KEYS = (
    "格式版本号", "数据产生单位", "数据产生日期", "坐标系", "几度分带", "投影类型", "计量单位", "带号", "精度", "转换参数",
    "中央经线", "中央子午线", "面积单位",
)

REGISTRATION_KEYS = ("采矿权人", "矿山名称", "许可证号", "开采矿种", "开采方式", "生产规模", "矿区面积", "有效期限", "坐标系统")
REGISTRATION_COUNT_KEY = "矿区范围拐点坐标与标高的总行数"
# The flag closing a parcel: -1 marks a parcel cut out of the licence (扣除).
FLAG_INCLUDED = 1
FLAG_EXCLUDED = -1

# Column names the table reader recognises (formats.coordinates._TABLE_COLUMNS).
CSV_COLUMNS = (
    "license_no",
    "parcel_no",
    "ring",
    "corner_no",
    "x",
    "y",
    "depth_top_m",
    "depth_bottom_m",
    "excluded",
    "mine_name",
    "holder",
    "mineral",
    "mining_method",
    "production_scale",
    "licensed_area_km2",
    "valid_from",
    "valid_to",
    "crs",
    "zone",
)

# Keys of the source file that describe its layout, not the licence; never
# copied into another format's attribute block.
_LAYOUT_KEYS = frozenset(LAND_HEADER_KEYS) | frozenset(REGISTRATION_KEYS) | {REGISTRATION_COUNT_KEY, "矿区范围拐点坐标总数应小于1000个"}

_ASCII_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_DATUM_NAMES = {
    # datum of osr → (land exchange 坐标系, registration 坐标系统)
    "China_2000": ("2000国家大地坐标系", "CGCS2000"),
    "Xian_1980": ("80西安坐标系", "西安80"),
    "Beijing_1954": ("54北京坐标系", "北京54"),
}


class CoordinateWriteError(ValueError):
    """A licence that cannot be written in the asked format, worded for the user."""


def _format_number(value: float | None) -> str:
    """An elevation: integer when whole (420), else as precise as needed (300.50); empty when unknown."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return format_coordinate(value)


class GaussKrugerZone:
    """What the file headers say about a Gauss–Krüger CRS: datum, zone width, zone, prefix."""

    def __init__(self, crs_epsg: int) -> None:
        srs = osr.SpatialReference()
        try:
            srs.ImportFromEPSG(int(crs_epsg))
        except (RuntimeError, TypeError, ValueError) as error:
            raise CoordinateWriteError(tr("EPSG:{epsg} is not a known coordinate reference system.").format(epsg=crs_epsg)) from error
        if not srs.IsProjected() or srs.GetAttrValue("PROJECTION") != "Transverse_Mercator":
            raise CoordinateWriteError(
                tr("EPSG:{epsg} is not a Gauss–Krüger projection; coordinate files need one.").format(epsg=crs_epsg)
            )
        self.epsg = int(crs_epsg)
        self.datum = srs.GetAttrValue("DATUM") or ""
        central_meridian = srs.GetProjParm("central_meridian")
        false_easting = srs.GetProjParm("false_easting")
        self.width = 3 if "3-degree" in (srs.GetName() or "") else 6
        self.zone = zone_of_meridian(central_meridian, self.width)
        # The zone number sits in front of the 500 km false easting when prefixed.
        self.prefixed = false_easting > 1_000_000

    @property
    def land_name(self) -> str:
        return _DATUM_NAMES.get(self.datum, (self.datum, self.datum))[0]

    @property
    def registration_name(self) -> str:
        return _DATUM_NAMES.get(self.datum, (self.datum, self.datum))[1]


def _zone_of(licence: Licence) -> GaussKrugerZone:
    if licence.crs_epsg is None:
        raise CoordinateWriteError(
            tr("Licence {license_no} has no coordinate reference system; it cannot be written.").format(
                license_no=licence.license_no
            )
        )
    return GaussKrugerZone(licence.crs_epsg)


def _check_parcels(licence: Licence) -> None:
    if not licence.parcels:
        raise CoordinateWriteError(tr("Licence {license_no} has no parcels to write.").format(license_no=licence.license_no))
    for parcel in licence.parcels:
        for ring_no, corners in parcel.rings().items():
            if len(_open_ring(corners)) < 3:
                raise CoordinateWriteError(
                    tr("Licence {license_no}, parcel {parcel_no}, ring {ring}: fewer than 3 corners.").format(
                        license_no=licence.license_no, parcel_no=parcel.parcel_no, ring=ring_no
                    )
                )


def _open_ring(corners: list[Corner]) -> list[Corner]:
    """The ring without a repeated closing corner (formats that close rings add it back)."""
    if len(corners) > 1 and same_point(corners[0], corners[-1]):
        return corners[:-1]
    return corners


def _ring_area(corners: list[Corner]) -> float:
    """Planar area (m²) of a ring by the shoelace formula, around the first corner (prefixed eastings are large)."""
    ring = _open_ring(corners)
    if len(ring) < 3:
        return 0.0
    north0, east0 = ring[0].x, ring[0].y
    total = 0.0
    for a, b in zip(ring, ring[1:] + ring[:1]):
        total += (a.y - east0) * (b.x - north0) - (b.y - east0) * (a.x - north0)
    return abs(total) / 2.0


def parcel_area_m2(parcel: Parcel) -> float:
    """Planar area of a parcel: its outer ring less its holes."""
    area = 0.0
    for ring_no, corners in parcel.rings().items():
        area += _ring_area(corners) * (1 if ring_no == 1 else -1)
    return area


def _write_text(path: str | os.PathLike, lines: list[str], encoding: str) -> None:
    # CRLF: these files travel to Windows tools that expect it.
    text = "\r\n".join(lines) + "\r\n"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise CoordinateWriteError(
            tr("A value cannot be written in the {encoding} encoding: {text}").format(
                encoding=encoding, text=error.object[error.start : error.end]
            )
        ) from error
    with open(path, "wb") as stream:
        stream.write(data)


def _clean(value: object) -> str:
    """A key=value value on one line."""
    text = "" if value is None else str(value)
    return text.replace("\r", " ").replace("\n", " ").strip()


def _clean_field(value: object) -> str:
    """A field of a comma-separated line: commas (also full-width ones, which readers normalise) become 、."""
    return _clean(value).replace(",", "、").replace("，", "、")


def _land_parcels(licence: Licence) -> list[tuple[Parcel, list[list[Corner]]]]:
    """Each included parcel with its rings; excluded parcels become holes of the parcel that covers them.

    The exchange format knows holes (圈号 2, 3, …) but has no flag for a
    parcel cut out of the licence; written as a hole it keeps its corners,
    their numbers and the licensed extent.
    """
    from shapely.geometry import Polygon

    from ..domain.licence_geometry import parcel_polygon

    included = [p for p in licence.parcels if not p.excluded]
    written: list[tuple[Parcel, list[list[Corner]]]] = [
        (p, [_open_ring(c) for _, c in sorted(p.rings().items())]) for p in included
    ]
    for parcel in licence.parcels:
        if not parcel.excluded:
            continue
        rings = parcel.rings()
        cut = Polygon([(c.y, c.x) for c in _open_ring(rings.get(1, []))]) if len(rings.get(1, [])) >= 3 else None
        host = None
        if cut is not None and len(rings) == 1:
            host = next(
                (index for index, p in enumerate(included) if parcel_polygon(p).buffer(0.01).covers(cut)), None
            )
        if host is None:
            raise CoordinateWriteError(
                tr(
                    "Licence {license_no}: excluded parcel {parcel_no} does not lie inside one licensed parcel, "
                    "which the land coordinate exchange format cannot express; use the registration format."
                ).format(license_no=licence.license_no, parcel_no=parcel.parcel_no)
            )
        written[host][1].append(_open_ring(rings[1]))
    return written


def write_land_exchange_txt(licence: Licence, path: str | os.PathLike, *, encoding: str = "gbk") -> None:
    """Write ``licence`` as a land coordinate exchange txt (every ring closed by its first corner).

    Points are named ``J<corner number>``; 地块面积 is in hectares (公顷), as
    the format specifies. The licence number, mine and holder go into
    ``[属性描述]`` so that the file says which licence it is. Excluded parcels
    are written as holes of the parcel that contains them. Depth ranges have
    no place in this format and are not written.
    """
    zone = _zone_of(licence)
    _check_parcels(licence)
    parcels = _land_parcels(licence)
    lines = [
        "[属性描述]",
        "格式版本号=1.0",
        "数据产生单位=",
        "数据产生日期=",
        f"坐标系={zone.land_name}",
        f"几度分带={zone.width}",
        "投影类型=高斯克吕格",
        "计量单位=米",
        f"带号={zone.zone}",
        "精度=0.01",
        "转换参数=,,,,,,",
        f"许可证号={_clean(licence.license_no)}",
        f"矿山名称={_clean(licence.mine_name)}",
        f"采矿权人={_clean(licence.holder)}",
        "[地块坐标]",
    ]
    for parcel, rings in parcels:
        body: list[str] = []
        area = 0.0
        for ring_no, ring in enumerate(rings, 1):
            area += _ring_area(ring) * (1 if ring_no == 1 else -1)
            for corner in ring + ring[:1]:
                body.append(f"J{corner.number},{ring_no},{format_coordinate(corner.x)},{format_coordinate(corner.y)}")
        name = _clean_field(parcel.name or licence.mine_name)
        lines.append(f"{len(body)},{area / 10_000.0:.4f},{_clean_field(parcel.parcel_no)},{name},面,,采矿用地,,@")
        lines.extend(body)
    _write_text(path, lines, encoding)


def _registration_attributes(licence: Licence, zone: GaussKrugerZone) -> list[tuple[str, str]]:
    validity = ""
    if licence.valid_from or licence.valid_to:
        validity = "{start}至{end}".format(
            start=licence.valid_from.isoformat() if licence.valid_from else "",
            end=licence.valid_to.isoformat() if licence.valid_to else "",
        )
    method = vocab.label("mining_method", licence.mining_method) if licence.mining_method else ""
    area = licence.licensed_area_km2
    pairs = [
        ("采矿权人", licence.holder),
        ("矿山名称", licence.mine_name),
        ("许可证号", licence.license_no),
        ("开采矿种", licence.mineral),
        ("开采方式", method),
        ("生产规模", licence.production_scale),
        ("矿区面积", f"{area:.4f}" if area is not None else ""),
        ("有效期限", validity),
        ("坐标系统", zone.registration_name),
    ]
    if not zone.prefixed:
        # Without the prefix the eastings do not say their zone; the header does.
        pairs += [("几度分带", str(zone.width)), ("带号", str(zone.zone))]
    # Other attributes of the source (生产状态, 信用状态, …) travel along verbatim;
    # not the layout keys of other formats, nor a table's English column names.
    for key, value in licence.attributes.items():
        if key in _LAYOUT_KEYS or _ASCII_NAME.fullmatch(key) or key.startswith("["):
            continue
        pairs.append((key, value))
    return [(key, _clean(value)) for key, value in pairs]


def write_registration_txt(licence: Licence, path: str | os.PathLike, *, encoding: str = "gbk") -> None:
    """Write ``licence`` as a mining-right registration txt.

    Each parcel is its corners (``XYnnn=corner,X,Y``, ring not closed) then
    ``XYnnn=标高,top,bottom,,flag`` with flag -1 for an excluded parcel.
    The format has no holes: a parcel's inner rings are written as excluded
    parcels right after it, which is how registration files cut areas out.
    """
    zone = _zone_of(licence)
    _check_parcels(licence)
    lines = [f"{key}={value}" for key, value in _registration_attributes(licence, zone)]
    blocks: list[tuple[list[Corner], Parcel, bool]] = []
    for parcel in licence.parcels:
        rings = sorted(parcel.rings().items())
        if parcel.excluded and len(rings) > 1:
            raise CoordinateWriteError(
                tr(
                    "Licence {license_no}: excluded parcel {parcel_no} has holes, which the registration format "
                    "cannot express."
                ).format(license_no=licence.license_no, parcel_no=parcel.parcel_no)
            )
        for ring_no, corners in rings:
            excluded = parcel.excluded if ring_no == 1 else True
            blocks.append((_open_ring(corners), parcel, excluded))
    total = sum(len(corners) + 1 for corners, _, _ in blocks)
    lines.append(f"{REGISTRATION_COUNT_KEY}={total}")
    width = max(3, len(str(total)))
    counter = 0
    for corners, parcel, excluded in blocks:
        for corner in corners:
            counter += 1
            lines.append(
                f"XY{counter:0{width}d}={corner.number},{format_coordinate(corner.x)},{format_coordinate(corner.y)}"
            )
        counter += 1
        flag = FLAG_EXCLUDED if excluded else FLAG_INCLUDED
        lines.append(
            f"XY{counter:0{width}d}=标高,{_format_number(parcel.depth_top_m)},{_format_number(parcel.depth_bottom_m)},,{flag}"
        )
    _write_text(path, lines, encoding)


def write_corner_table_csv(licences: Iterable[Licence], path: str | os.PathLike) -> int:
    """Write every corner of ``licences`` as one CSV table (UTF-8 with BOM, for Excel); return the row count.

    Rings are written open (no repeated closing corner). A table has one
    coordinate system, so all licences must share one CRS (the export
    algorithm writes one table per CRS).
    """
    licences = list(licences)
    epsgs = {licence.crs_epsg for licence in licences}
    if len(epsgs) > 1:
        raise CoordinateWriteError(
            tr("A corner table holds one coordinate system; these licences are in {crs}.").format(
                crs=", ".join(f"EPSG:{e}" for e in sorted(e or 0 for e in epsgs))
            )
        )
    zones = {}
    for licence in licences:
        _check_parcels(licence)
        zones[licence.license_no] = _zone_of(licence)
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for licence in licences:
            zone = zones[licence.license_no]
            method = vocab.label("mining_method", licence.mining_method) if licence.mining_method else ""
            area = f"{licence.licensed_area_km2:.4f}" if licence.licensed_area_km2 is not None else ""
            attributes = (
                licence.mine_name,
                licence.holder,
                licence.mineral,
                method,
                licence.production_scale,
                area,
                licence.valid_from.isoformat() if licence.valid_from else "",
                licence.valid_to.isoformat() if licence.valid_to else "",
                zone.registration_name,
                zone.zone,
            )
            for parcel in licence.parcels:
                for ring_no, corners in sorted(parcel.rings().items()):
                    for corner in _open_ring(corners):
                        writer.writerow(
                            (
                                licence.license_no,
                                parcel.parcel_no,
                                ring_no,
                                corner.number,
                                format_coordinate(corner.x),
                                format_coordinate(corner.y),
                                _format_number(parcel.depth_top_m),
                                _format_number(parcel.depth_bottom_m),
                                1 if parcel.excluded else 0,
                                *attributes,
                            )
                        )
                        rows += 1
    return rows


def export_file_name(licence: Licence, suffix: str) -> str:
    """A file name for ``licence`` that every file system accepts."""
    safe = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in licence.license_no).strip(" .")
    return f"{safe or 'licence'}{suffix}"


__all__ = [
    "CSV_COLUMNS",
    "CoordinateWriteError",
    "GaussKrugerZone",
    "export_file_name",
    "format_coordinate",
    "parcel_area_m2",
    "write_corner_table_csv",
    "write_land_exchange_txt",
    "write_registration_txt",
]
