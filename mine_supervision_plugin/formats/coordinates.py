"""Reading licence corner-coordinate files (pure Python, no QGIS).

Three formats are read (see :func:`detect_format`):

``land_exchange``
    The land coordinate exchange txt (土地/建设用地报盘坐标交换格式):
    ``[属性描述]`` key=value lines, then ``[地块坐标]`` with, per parcel, a header
    ``界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@`` and
    ``点号,圈号,X,Y`` lines. 地块面积 is in 公顷 (hectares) by the format's
    specification; when the declared values clearly fit m², 亩 or km² instead
    (all parcels within 1 % while hectares are off by more than 5 %) that unit
    is used and a warning says so. A ``面积单位`` attribute, when present, wins.
    界址点数 may count the closing corner or not: both are accepted.
``registration``
    The mining-right registration txt (采矿权登记): key=value attributes, then
    ``矿区范围拐点坐标与标高的总行数=N`` and ``XYnnn=`` lines. A corner line is
    ``XYnnn=点号,X,Y``; each parcel ends with a closing line
    ``XYnnn=标识,标高上限,标高下限,,flag`` (any line whose first value is not a
    corner number, or with four values or more). **总行数 counts every XYnnn
    line: corner lines plus closing lines.** Flag -1 marks an excluded parcel
    (扣除, cut out of the licence); 1, 0 or empty a normal parcel; any other
    value is reported as a warning and the parcel kept as normal. 矿区面积 is
    in km² unless a unit follows the number (平方米, 公顷, 亩, 平方公里).
``table``
    CSV or XLSX corner tables, columns found by Chinese or English headers
    (see ``_TABLE_COLUMNS``); several licences per file.

Declared areas (地块面积, 矿区面积) may carry their unit (``1.8000公顷``,
``18000平方米``, ``27亩``, ``0.018 km²``); it is converted to m² and checked
like any declared area. An unusable declared area (infinite, NaN, zero,
negative, larger than China, no number, unknown unit) is a warning naming
file, line and parcel, and is left empty (NULL in the store): the area only
checks the boundary, which is still imported.

Text files may be UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with or
without BOM; a UTF-8 BOM in front of GBK text is read as GBK with a warning.
CRLF or LF; spaces around values, full-width digits and punctuation
(，．－＝：) are tolerated; a decimal comma (``3853900,67``) is an error
naming the line.

A CRS given by the caller (or stated as ``EPSG:nnnn`` in the file) must fit
the coordinates: a geographic CRS for metre coordinates, or a projected one
that puts the corners outside China or its area of use, refuses the file;
so do corners written as longitude/latitude.

:func:`drop_duplicate_licences` finds a licence given twice in one import.

Coordinates keep the files' convention (X northing, Y easting with its zone
prefix, if any). Swapped columns are recognised from magnitude and swapped
back with a warning. The CRS is detected from the header and the eastings
(see :func:`resolve_crs`); Xi'an 1980 and Beijing 1954 data are imported in
their own EPSG code with a warning that they must be transformed to CGCS2000.

The ring closing corner, when repeated, is dropped from ``Parcel.corners``:
corners are the distinct numbered boundary points an inspector speaks of.

Every problem carries file, line, parcel and corner; a file with an error
raises :class:`CoordinateFileError` listing all problems found.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry import LineString, Polygon
from shapely.validation import explain_validity

from ..domain.crs import (
    CGCS2000,
    DATUM_NAMES,
    ZONES,
    crs_info,
    easting_zone,
    epsg_for,
    prefix_width,
    zone_of_meridian,
)
from ..domain.licence import Corner, Licence, Parcel
from ..domain.vocab import to_code
from ..i18n import tr
from .geometry import (
    MU_PER_M2,
    area_summary,
    ellipsoidal_area_m2,
    licence_multipolygon,
    parcel_polygon,
    planar_area_m2,
    ring_coordinates,
    same_point,
)

__all__ = [
    "MU_PER_M2",
    "BatchReadResult",
    "CoordinateFileError",
    "CoordinateReadResult",
    "Problem",
    "area_summary",
    "crs_info",
    "detect_format",
    "drop_duplicate_licences",
    "epsg_for",
    "read_coordinate_file",
    "read_coordinate_files",
    "resolve_crs",
]

LAND_EXCHANGE = "land_exchange"
REGISTRATION = "registration"
TABLE = "table"
SUFFIXES = (".txt", ".csv", ".xlsx")

# --- problems -----------------------------------------------------------------


@dataclass
class Problem:
    """One finding about a coordinate file, located as precisely as known."""

    file: str
    line: int | None
    message: str
    parcel: str | None = None
    corner: int | None = None
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        parts = [self.file if self.line is None else f"{self.file}:{self.line}"]
        if self.parcel is not None:
            parts.append(f"地块 {self.parcel}")
        if self.corner is not None:
            parts.append(f"拐点 {self.corner}")
        message = self.message
        if self.severity == "warning":
            message = tr("warning: {message}").format(message=message)
        return ": ".join(parts + [message])


class CoordinateFileError(Exception):
    """A file was refused; ``problems`` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class CoordinateReadResult:
    """The licences of one accepted file."""

    licences: list[Licence]
    crs_epsg: int
    warnings: list[Problem]
    path: str
    format: str = ""


@dataclass
class BatchReadResult:
    """Accepted files' results and refused files' problems (keyed by path)."""

    results: list[CoordinateReadResult] = field(default_factory=list)
    failures: dict[str, list[Problem]] = field(default_factory=dict)


class _Log:
    """Collects the problems of one file."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Problem] = []

    def error(self, message: str, line: int | None = None, parcel: str | None = None, corner: int | None = None):
        self.items.append(Problem(self.file, line, message, parcel, corner, "error"))

    def warn(self, message: str, line: int | None = None, parcel: str | None = None, corner: int | None = None):
        self.items.append(Problem(self.file, line, message, parcel, corner, "warning"))

    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line is None, p.line or 0))

    def refuse(self):
        raise CoordinateFileError(self.sorted())


# --- CRS tables -----------------------------------------------------------------

def _datum_of(text: str | None) -> str | None:
    """'cgcs2000' / 'xian80' / 'beijing54', '' when not stated, None when unknown."""
    if text is None:
        return ""
    t = re.sub(r"\s+", "", str(text)).lower()
    if not t:
        return ""
    if "西安" in t or "xian" in t or "xi'an" in t:
        return "xian80"
    if "北京" in t or "beijing" in t:
        return "beijing54"
    if "2000" in t or "cgcs" in t or "国家2000" in t:
        return CGCS2000
    if re.search(r"(19)?80", t):
        return "xian80"
    if re.search(r"(19)?54", t):
        return "beijing54"
    return None


def resolve_crs(
    *,
    datum_text: str | None,
    width_text: str | None,
    zone_text: str | None,
    meridian_text: str | None,
    prefix_zone: int | None,
    crs_epsg: int | None,
    zone: int | None,
    log: _Log,
    line: int | None = None,
) -> int | None:
    """EPSG code for a file, or ``None`` after logging why it cannot be told.

    ``prefix_zone`` is the zone number carried by the eastings (None when they
    have no prefix). A caller's ``crs_epsg`` wins over the header (a mismatch
    is a warning) but must agree with the eastings' prefix (else an error: the
    parcels would land hundreds of km away).
    """
    stated = re.search(r"epsg\s*[:：]?\s*(\d{4,5})", str(datum_text or ""), re.IGNORECASE)
    if stated:
        stated_epsg = int(stated.group(1))
        if crs_epsg is None:
            crs_epsg = stated_epsg  # the file names its CRS: checked like a CRS the user chose
        elif stated_epsg != crs_epsg:
            log.warn(
                tr("the file states EPSG:{stated} but EPSG:{epsg} was given; the given CRS is used").format(
                    stated=stated_epsg, epsg=crs_epsg
                ),
                line,
            )
        datum_text = None
    datum = _datum_of(datum_text)
    width = _leading_int(width_text)
    header_zone = _leading_int(zone_text)
    meridian = _num(meridian_text) if meridian_text else None
    if header_zone is not None and header_zone > 60 and meridian is None:
        meridian, header_zone = float(header_zone), None  # a central meridian written as 带号

    if crs_epsg is not None:
        info = crs_info(crs_epsg)
        if info is None:
            return _other_crs(int(crs_epsg), prefix_zone, log, line)
        c_datum, c_width, c_prefixed, c_zone = info
        if datum is None:
            log.warn(
                tr("the file states coordinate system '{name}'; EPSG:{epsg} was given and is used").format(
                    name=datum_text, epsg=crs_epsg
                ),
                line,
            )
        elif datum and datum != c_datum:
            log.warn(
                tr(
                    "the file states {file_datum} but EPSG:{epsg} ({crs_datum}) was given; the given CRS is used"
                ).format(file_datum=DATUM_NAMES[datum], epsg=crs_epsg, crs_datum=DATUM_NAMES[c_datum]),
                line,
            )
        if prefix_zone is not None and (not c_prefixed or c_zone != prefix_zone):
            log.error(
                tr("the eastings carry zone {zone} but EPSG:{epsg} is not that zone with a zone prefix").format(
                    zone=prefix_zone, epsg=crs_epsg
                ),
                line,
            )
        elif prefix_zone is None and c_prefixed:
            log.error(
                tr("EPSG:{epsg} expects eastings with a zone prefix but the file's eastings have none").format(
                    epsg=crs_epsg
                ),
                line,
            )
        elif header_zone is not None and header_zone != c_zone:
            log.warn(
                tr("the file states zone {zone} but EPSG:{epsg} is zone {crs_zone}; the given CRS is used").format(
                    zone=header_zone, epsg=crs_epsg, crs_zone=c_zone
                ),
                line,
            )
        if c_datum != CGCS2000:
            log.warn(
                tr("coordinates are in {datum} (EPSG:{epsg}): they must be transformed to CGCS2000").format(
                    datum=DATUM_NAMES[c_datum], epsg=crs_epsg
                ),
                line,
            )
        return int(crs_epsg)

    if datum is None:
        log.error(
            tr("unsupported coordinate system '{name}': give the CRS explicitly").format(name=datum_text),
            line,
        )
        return None
    if datum == "":
        datum = CGCS2000
        log.warn(tr("the file does not state its coordinate system; CGCS2000 is assumed"), line)

    if prefix_zone is not None:
        found = prefix_width(prefix_zone)
        if found is None:
            log.error(tr("zone prefix {zone} is not a Chinese Gauss–Krüger zone").format(zone=prefix_zone), line)
            return None
        if width is not None and width != found:
            log.warn(
                tr("the file states {width}-degree zones but prefix {zone} is a {found}-degree zone").format(
                    width=width, zone=prefix_zone, found=found
                ),
                line,
            )
        for stated in (header_zone, zone):
            if stated is not None and stated != prefix_zone:
                log.warn(
                    tr(
                        "zone {stated} was stated but the eastings carry zone {zone}; the eastings' zone is used"
                    ).format(stated=stated, zone=prefix_zone),
                    line,
                )
                break
        width, the_zone, prefixed = found, prefix_zone, True
    else:
        prefixed = False
        the_zone = zone if zone is not None else header_zone
        if the_zone is None and meridian is not None:
            if width == 6:
                the_zone = zone_of_meridian(meridian, 6)
            else:  # 3-degree by default; for the same meridian both give the same projection
                the_zone, width = zone_of_meridian(meridian, 3), 3
        if the_zone is None:
            log.error(
                tr("the eastings have no zone prefix and the file states no zone (带号): give the zone or the CRS"),
                line,
            )
            return None
        if width is None:
            width = prefix_width(the_zone) or 3
        if the_zone not in ZONES.get(width, ()):
            log.error(
                tr("zone {zone} is not a {width}-degree Gauss–Krüger zone of China").format(zone=the_zone, width=width),
                line,
            )
            return None
    epsg = epsg_for(datum, width, the_zone, prefixed)
    if epsg is None:
        log.error(tr("no EPSG code for {width}-degree zone {zone}").format(width=width, zone=the_zone), line)
        return None
    if datum != CGCS2000:
        log.warn(
            tr("coordinates are in {datum} (EPSG:{epsg}): they must be transformed to CGCS2000").format(
                datum=DATUM_NAMES[datum], epsg=epsg
            ),
            line,
        )
    return epsg


def _other_crs(epsg: int, prefix_zone: int | None, log: _Log, line: int | None) -> int | None:
    """A given CRS outside the Chinese Gauss–Krüger table: it must be a projected CRS in metres.

    The corners are Gauss–Krüger metres (checked before); read as degrees they
    would land nowhere (a 2.8e14 m² "parcel"). Where the corners fall inside
    the CRS is checked later (:func:`_check_crs_fits`).
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_epsg(epsg)
    except CRSError:
        log.error(tr("EPSG:{epsg} is not a known coordinate reference system").format(epsg=epsg), line)
        return None
    hint = ""
    if prefix_zone is not None:
        suggested = epsg_for(CGCS2000, 3 if prefix_zone in ZONES[3] else 6, prefix_zone, True)
        if suggested:
            hint = tr(" (the eastings carry zone {zone}: in CGCS2000 that is EPSG:{suggested})").format(
                zone=prefix_zone, suggested=suggested
            )
    if not crs.is_projected:
        log.error(
            tr(
                "EPSG:{epsg} ({name}) is a geographic CRS in degrees, but the file's coordinates are Gauss–Krüger "
                "metres: they cannot belong to it. Leave the CRS empty to detect it from the file, or choose the "
                "projected Gauss–Krüger CRS{hint}"
            ).format(epsg=epsg, name=crs.name, hint=hint),
            line,
        )
        return None
    unit = crs.axis_info[0].unit_name if crs.axis_info else "metre"
    if unit not in ("metre", "meter"):
        log.error(
            tr("EPSG:{epsg} ({name}) measures in {unit}, but the file's coordinates are metres").format(
                epsg=epsg, name=crs.name, unit=unit
            ),
            line,
        )
        return None
    return epsg


_CHINA = (73.0, 136.0, 3.0, 54.0)  # west, east, south, north (degrees)


def _looks_like_degrees(a: float, b: float) -> bool:
    """(X, Y) or (Y, X) is a latitude and longitude in China."""
    west, east, south, north = _CHINA
    return (south <= a <= north and west <= b <= east) or (south <= b <= north and west <= a <= east)


def _check_crs_fits(parsed: _Parsed, epsg: int, log: _Log, line: int | None) -> None:
    """Corners must lie where a CRS outside our table is used (its area of use, 1° margin)."""
    if crs_info(epsg) is not None:
        return  # the zone table and the eastings' prefix were checked already
    from pyproj import CRS, Transformer

    crs = CRS.from_epsg(epsg)
    area = crs.area_of_use
    corners = [c for lic in parsed.licences for p in lic.parcels for c in p.corners]
    if area is None or not corners:
        return
    to_geographic = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    for corner in corners:
        lon, lat = to_geographic.transform(corner.y, corner.x)
        inside = (
            math.isfinite(lon)
            and math.isfinite(lat)
            and max(area.west - 1, _CHINA[0]) <= lon <= min(area.east + 1, _CHINA[1])
            and max(area.south - 1, _CHINA[2]) <= lat <= min(area.north + 1, _CHINA[3])
        )
        if not inside:
            where = (
                tr("longitude {lon:.3f}°, latitude {lat:.3f}°").format(lon=lon, lat=lat)
                if math.isfinite(lon) and math.isfinite(lat)
                else tr("no place on Earth")
            )
            log.error(
                tr(
                    "X={x:.2f}, Y={y:.2f} read in EPSG:{epsg} ({name}) falls at {where}, outside China or outside "
                    "the area where that CRS is used ({area}): the coordinates do not belong to it. Leave the CRS "
                    "empty to detect it from the file, or choose the right one"
                ).format(
                    x=corner.x, y=corner.y, epsg=epsg, name=crs.name, where=where,
                    area=f"{area.west:.1f}–{area.east:.1f}°E, {area.south:.1f}–{area.north:.1f}°N",
                ),
                corner.line,
            )
            return


# --- text helpers ---------------------------------------------------------------

_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "，": ",",
        "．": ".",
        "－": "-",
        "＋": "+",
        "＝": "=",
        "：": ":",
        "；": ";",
        "＊": "*",
        "＠": "@",
        "Ｘ": "X",
        "Ｙ": "Y",
        "ｘ": "x",
        "ｙ": "y",
        "\u3000": " ",
        "\ufeff": "",
    }
)
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _num(text) -> float | None:
    """A float from a cell or field; None when empty or not a plain number."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    s = str(text).translate(_FULLWIDTH).strip()
    if not _NUMBER.fullmatch(s):
        return None
    return float(s)


def _int(text) -> int | None:
    value = _num(text)
    if value is None or value != int(value):
        return None
    return int(value)


def _leading_int(text) -> int | None:
    """First integer in a header value: '3度' -> 3, '38带' -> 38."""
    m = re.search(r"\d+", str(text or "").translate(_FULLWIDTH))
    return int(m.group()) if m else None


def _label_number(text: str) -> int | None:
    """Corner number of a point label: '12' -> 12, 'J12' -> 12."""
    value = _int(text)
    if value is not None:
        return value
    m = re.search(r"\d+", str(text))
    return int(m.group()) if m else None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 (NUL in every other byte), else None.

    UTF-8 and GBK text never holds a NUL byte; UTF-16 of digits, commas and
    Latin letters has one in every second byte, which tells the byte order.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    pairs = len(data) // 2
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    # a few CJK characters (开 U+5F00, 一 U+4E00) have a NUL byte of their own: compare, do not demand zero
    if nul_odd >= 0.1 * pairs and nul_even * 10 <= nul_odd:
        return "utf-16-le"
    if nul_even >= 0.1 * pairs and nul_odd * 10 <= nul_even:
        return "utf-16-be"
    return None


def _first_bad_line(data: bytes, codec: str) -> tuple[int, bytes] | None:
    """(line number, offending bytes) of the first line that ``codec`` cannot decode."""
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode(codec)
        except UnicodeDecodeError as exc:
            return number, line[exc.start : exc.start + 4]
    return None


def _decode(data: bytes, log: _Log | None = None) -> str:
    """The text of a coordinate file; UnicodeDecodeError after logging why when it cannot be read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16)  # Excel's "Unicode text" saved without its byte-order mark
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        # A UTF-8 byte-order mark in front of GBK text: an editor added the mark without converting.
        # Read as GBK only when no line with Chinese characters is UTF-8, else the file mixes both.
        body = data[3:]
        lines = [line for line in body.split(b"\n") if any(b > 0x7F for b in line)]
        utf8_lines = [n for n, line in enumerate(body.split(b"\n"), 1) if any(b > 0x7F for b in line) and _is_utf8(line)]
        bad = _first_bad_line(body, "utf-8")
        if lines and not utf8_lines:
            try:
                text = body.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is not None:
                if log is not None:
                    log.warn(
                        tr(
                            "the file starts with a UTF-8 byte-order mark (BOM) but its text is GBK: it was read as "
                            "GBK. Check the names, and save the file again as UTF-8 or as GBK without the mark"
                        ),
                        bad[0] if bad else None,
                    )
                return text
        if log is not None:
            log.error(
                tr(
                    "the file starts with a UTF-8 byte-order mark (BOM), but this line is not UTF-8 (bytes {bytes}) "
                    "while other lines are: the file mixes encodings. Open it in a text editor, correct the line "
                    "and save the file as UTF-8"
                ).format(bytes=bad[1].hex(" ") if bad else "?"),
                bad[0] if bad else None,
            )
        raise UnicodeDecodeError("utf-8", data, 0, 1, "UTF-8 BOM on text that is not UTF-8")
    try:
        return data.decode("gb18030")  # a superset of GBK and GB2312
    except UnicodeDecodeError:
        if log is not None:
            bad_utf8, bad_gbk = _first_bad_line(data, "utf-8"), _first_bad_line(data, "gb18030")
            log.error(
                tr(
                    "the file is neither UTF-8 nor GBK/GB18030 text: line {utf8_line} is not UTF-8 (bytes {utf8_bytes}) "
                    "and line {gbk_line} is not GBK (bytes {gbk_bytes}). Is it a coordinate text file? Save it as "
                    "UTF-8 or GBK text"
                ).format(
                    utf8_line=bad_utf8[0] if bad_utf8 else "?",
                    utf8_bytes=bad_utf8[1].hex(" ") if bad_utf8 else "?",
                    gbk_line=bad_gbk[0] if bad_gbk else "?",
                    gbk_bytes=bad_gbk[1].hex(" ") if bad_gbk else "?",
                ),
                bad_gbk[0] if bad_gbk else None,
            )
        raise


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_text(path: Path, log: _Log) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.error(tr("cannot read the file: {error}").format(error=exc.strerror or str(exc)))
        log.refuse()
    try:
        return _decode(data, log).translate(_FULLWIDTH)
    except UnicodeDecodeError:
        if not log.errors():
            log.error(tr("the file is neither UTF-8 nor GBK/GB18030 text"))
        log.refuse()
    raise AssertionError  # unreachable


def _decimal_comma(fields: list[str]) -> str | None:
    """'3853900,67' when a coordinate was written with a decimal comma (split into two fields), else None.

    A coordinate has at least 5 integer digits; an elevation, corner or ring
    number never has, so "big integer, then 1–4 digits" is a decimal comma.
    """
    for a, b in zip(fields, fields[1:]):
        if re.fullmatch(r"[+-]?\d{5,}", a) and re.fullmatch(r"\d{1,4}", b):
            return f"{a},{b}"
    return None


def _decimal_comma_error(log: _Log, text: str, line: int, parcel: str | None = None, corner: int | None = None):
    log.error(
        tr("decimal comma in '{text}': coordinates must be written with a decimal point ({fixed})").format(
            text=text, fixed=text.replace(",", ".")
        ),
        line,
        parcel,
        corner,
    )


def _split_fields(line: str) -> list[str]:
    return [f.strip() for f in line.split(",")]


def _key_value(line: str) -> tuple[str, str] | None:
    for sep in ("=", ":"):
        if sep in line:
            key, value = line.split(sep, 1)
            return key.strip(), value.strip()
    return None


def _first(attrs: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        value = attrs.get(key)
        if value not in (None, ""):
            return value
    return None


_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")


def _dates(text) -> list[dt.date]:
    if isinstance(text, dt.datetime):
        return [text.date()]
    if isinstance(text, dt.date):
        return [text]
    found = []
    for y, m, d in _DATE.findall(str(text or "")):
        try:
            found.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            return []
    return found


def _method_code(text: str | None) -> str | None:
    if not text:
        return None
    code = to_code("mining_method", text)
    if code:
        return code
    t = re.sub(r"\s|开采|方式", "", text)
    has_open, has_under = "露天" in t, ("地下" in t or "井工" in t or "坑采" in t)
    if (has_open and has_under) or "联合" in t:
        return "combined"
    if has_open:
        return "open_pit"
    if has_under:
        return "underground"
    return to_code("mining_method", t)


_AREA_UNITS = {  # unit code -> m² per unit, and how files write it
    "m2": (1.0, ("平方米", "m2", "m²", "㎡")),
    "ha": (10_000.0, ("公顷", "ha", "hm2", "hm²")),
    "mu": (2000 / 3, ("亩", "mu")),
    "km2": (1_000_000.0, ("平方公里", "平方千米", "km2", "km²", "k㎡")),
}


UNIT_LABELS = {"m2": "m²", "ha": "ha (公顷)", "mu": "mu (亩)", "km2": "km²"}


def _area_unit(text: str | None) -> str | None:
    """Unit code of a unit as written ('公顷', 'km²', '(亩)', 'hm2'), None when unknown."""
    if not text:
        return None
    t = re.sub(r"[\s()（）\[\]【】]", "", str(text).translate(_FULLWIDTH)).lower()
    if not t:
        return None
    # the longest spelling the text ends with: 'hm²' is hectares, not 'm²'
    matches = [(len(n), code) for code, (_, names) in _AREA_UNITS.items() for n in names if t.endswith(n.lower())]
    return max(matches)[1] if matches else None


# No licence or parcel is larger than China (9.6 million km²): a larger declared area is a typing or
# conversion error, not an area (and would print as a 309-digit number).
_MAX_AREA_M2 = 9.6e12
_NOT_FINITE = re.compile(r"^[+-]?(inf|infinity|nan|∞)$", re.IGNORECASE)


def _area_text(value: float) -> str:
    """An area for a message: 2 decimals, or 4 significant digits when absurdly large."""
    if not math.isfinite(value) or abs(value) >= 1e12:
        return f"{value:.4g}"
    return f"{value:.2f}"


@dataclass
class _Area:
    """A declared area as written: its value, unit code, decimals; ``invalid`` says why it is unusable."""

    text: str
    value: float | None = None
    unit: str | None = None  # None: no unit written (the format's default applies)
    decimals: int = 0
    invalid: str | None = None


def _parse_area(text, default_unit: str | None) -> _Area:
    """Read '1.8000公顷', '18000 平方米', '27亩', '0.4750' (``default_unit``) and name what is wrong.

    Infinite, NaN, zero, negative and larger-than-China values are ``invalid``
    (never a number to store or compare), as are texts that are no number or
    carry an unknown unit.
    """
    value_text = _cell_text(text)
    raw = value_text if len(value_text) <= 30 else value_text[:27] + "…"  # a message never holds 300 digits
    area = _Area(value_text)
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        number, rest = float(text), ""
    else:
        match = _NUMBER.match(value_text)
        word = re.match(r"^[+-]?(inf|infinity|nan|∞)", value_text, re.IGNORECASE)
        if match:
            number, rest = float(match.group()), value_text[match.end():]
        elif word:
            number, rest = float(word.group().replace("∞", "inf")), value_text[word.end():]
        else:
            area.invalid = tr("'{text}' is not a number").format(text=raw)
            return area
    rest = rest.strip()
    if rest:
        if re.match(r"^,\d", rest):
            area.invalid = tr("'{text}' has a decimal comma: write a decimal point ({fixed})").format(
                text=raw, fixed=value_text.replace(",", ".", 1)
            )
            return area
        area.unit = _area_unit(rest)
        if area.unit is None:
            area.invalid = tr("unknown area unit '{unit}' in '{text}' (known: 平方米/m², 公顷/ha, 亩, 平方公里/km²)").format(
                unit=rest, text=raw
            )
            return area
    unit = area.unit or default_unit
    area.decimals = _decimals(value_text if not rest else value_text[: len(value_text) - len(rest)])
    if not math.isfinite(number):
        area.invalid = tr("'{text}' is not a finite number").format(text=raw)
    elif number <= 0:
        area.invalid = tr("'{text}' is not a positive area").format(text=raw)
    elif unit is not None and number * _AREA_UNITS[unit][0] > _MAX_AREA_M2:
        shown = raw if area.unit else f"{raw} {UNIT_LABELS[unit]}"
        area.invalid = tr("'{area}' is larger than all of China (9.6 million km²)").format(area=shown)
    else:
        area.value = number
    return area


def _decimals(text: str | None) -> int:
    m = re.search(r"\.(\d+)", str(text or ""))
    return len(m.group(1)) if m else 0


# --- format detection ---------------------------------------------------------------

_SECTION = re.compile(r"^\s*[\[【]\s*(.+?)\s*[\]】]\s*$")
_XY = re.compile(r"^\s*XY\s*(\d+)\s*=\s*(.*)$", re.IGNORECASE)


def _detect_text(text: str, suffix: str) -> str | None:
    head = text[:20000]
    if re.search(r"[\[【]\s*(地块坐标|属性描述)\s*[\]】]", head):
        return LAND_EXCHANGE
    if re.search(r"(?im)^\s*XY\s*\d+\s*=", head) or "拐点坐标与标高的总行数" in head:
        return REGISTRATION
    if suffix == ".csv":
        return TABLE
    for line in head.splitlines()[:10]:
        columns = _map_columns(re.split(r"[,\t;]", line))
        if "x" in columns and "y" in columns:
            return TABLE
    return None


def detect_format(path: str | Path) -> str:
    """'land_exchange', 'registration' or 'table'; CoordinateFileError if none."""
    path = Path(path)
    log = _Log(str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return TABLE
    if suffix == ".xls":
        log.error(tr("old .xls workbooks are not read: save the table as .xlsx or .csv"))
        log.refuse()
    found = _detect_text(_read_text(path, log), suffix)
    if found is None:
        log.error(tr("not a recognised coordinate file (land exchange txt, registration txt or corner table)"))
        log.refuse()
    return found


# --- reading --------------------------------------------------------------------------


@dataclass
class _Parsed:
    """What a parser hands to the common checks."""

    licences: list[Licence]
    datum_text: str | None = None
    width_text: str | None = None
    zone_text: str | None = None
    meridian_text: str | None = None
    header_line: int | None = None
    area_unit: str | None = None  # declared parcel area unit stated by the file
    raw_counts: dict[int, int] = field(default_factory=dict)  # id(parcel) -> corner lines incl. closing
    area_texts: dict[int, str] = field(default_factory=dict)  # id(parcel) -> declared area as written
    area_units: dict[int, str] = field(default_factory=dict)  # id(parcel) -> unit written after the value
    incomplete: set[int] = field(default_factory=set)  # id(parcel) with a corner line that could not be read
    # id(licence) -> 矿区面积 as written: (value, unit, decimals, line)
    licence_area: dict[int, tuple[float, str, int, int | None]] = field(default_factory=dict)


def read_coordinate_file(
    path: str | Path, *, crs_epsg: int | None = None, zone: int | None = None
) -> CoordinateReadResult:
    """Read and check one coordinate file; CoordinateFileError when refused."""
    path = Path(path)
    log = _Log(str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        fmt, text = TABLE, None
    else:
        text = _read_text(path, log) if suffix != ".xls" else ""
        fmt = _detect_text(text, suffix) if text else None
        if fmt is None:
            detect_format(path)  # raises with the reason
    if fmt == TABLE:
        parsed = _parse_table(path, log, text)
    elif fmt == LAND_EXCHANGE:
        parsed = _parse_land_exchange(text.splitlines(), log, path)
    else:
        parsed = _parse_registration(text.splitlines(), log)
    for licence in parsed.licences:
        licence.source_file = str(path)
    epsg = _check(parsed, log, crs_epsg, zone)
    if log.errors() or epsg is None:
        if not log.errors():  # pragma: no cover - resolve_crs always logs why
            log.error(tr("the coordinate system could not be determined"))
        log.refuse()
    for licence in parsed.licences:
        licence.crs_epsg = epsg
    return CoordinateReadResult(parsed.licences, epsg, log.sorted(), str(path), fmt)


def _expand(inputs) -> list[Path]:
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    files: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            files.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(item)
    return files


def read_coordinate_files(
    inputs: str | Path | list, *, crs_epsg: int | None = None, zone: int | None = None
) -> BatchReadResult:
    """Read a folder (recursively: *.txt, *.csv, *.xlsx) or a list of files.

    Good files land in ``results``; each refused file's problems are in
    ``failures`` under its path. Nothing is raised for a refused file.
    """
    batch = BatchReadResult()
    for path in _expand(inputs):
        try:
            batch.results.append(read_coordinate_file(path, crs_epsg=crs_epsg, zone=zone))
        except CoordinateFileError as exc:
            batch.failures[str(path)] = exc.problems
    return batch


def _boundary_key(licence: Licence) -> tuple:
    return (
        licence.crs_epsg,
        tuple(
            (
                str(p.parcel_no),
                bool(p.excluded),
                p.depth_top_m,
                p.depth_bottom_m,
                tuple((c.ring, c.number, round(c.x, 3), round(c.y, 3)) for c in p.corners),
            )
            for p in licence.parcels
        ),
    )


_COMPARED_ATTRIBUTES = ("mine_name", "holder", "mineral", "mining_method", "production_scale", "licensed_area_km2",
                        "valid_from", "valid_to")


def drop_duplicate_licences(results: list[CoordinateReadResult]) -> tuple[list[Problem], list[Problem]]:
    """Licences given more than once in one import (several files, or one table), removed in place.

    Identical copies (same boundary and attributes): the first is kept and a
    note names the others. Different copies: which one is right cannot be
    told, so none is imported and an error names every file. Returns
    (errors, notes).
    """
    copies: dict[str, list[tuple[CoordinateReadResult, Licence]]] = {}
    for result in results:
        for licence in result.licences:
            copies.setdefault((licence.license_no or "").strip(), []).append((result, licence))
    errors: list[Problem] = []
    notes: list[Problem] = []
    for license_no, found in copies.items():
        if len(found) < 2 or not license_no:
            continue
        first_result, first = found[0]
        files = ", ".join(dict.fromkeys(Path(r.path).name for r, _ in found))
        differences = []
        for _, other in found[1:]:
            if _boundary_key(other) != _boundary_key(first):
                differences.append(tr("boundary") if other.crs_epsg == first.crs_epsg else tr("coordinate system"))
            differences += [name for name in _COMPARED_ATTRIBUTES if getattr(other, name) != getattr(first, name)]
        differences = list(dict.fromkeys(differences))
        if not differences:
            for result, licence in found[1:]:
                result.licences.remove(licence)
                notes.append(
                    Problem(
                        result.path,
                        licence.parcels[0].line if licence.parcels else None,
                        tr("licence {licence} is also in {first}, identical: imported once, from {first}").format(
                            licence=license_no, first=Path(first_result.path).name
                        ),
                        severity="warning",
                    )
                )
            continue
        for result, licence in found:
            result.licences.remove(licence)
            errors.append(
                Problem(
                    result.path,
                    licence.parcels[0].line if licence.parcels else None,
                    tr(
                        "licence {licence} is given {count} times in this import ({files}) and the copies differ "
                        "({differences}): it is not imported. Keep only the right file and import again"
                    ).format(licence=license_no, count=len(found), files=files, differences=", ".join(differences)),
                )
            )
    return errors, notes


# --- land exchange txt -------------------------------------------------------------------


def _parse_land_exchange(lines: list[str], log: _Log, path: Path) -> _Parsed:
    attrs: dict[str, str] = {}
    attr_lines: dict[str, int] = {}
    section = ""
    parcels: list[Parcel] = []
    parsed = _Parsed([])
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


def _land_parcel_header(fields: list[str], number: int, index: int, log: _Log, parsed: _Parsed) -> Parcel:
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


# --- registration txt -------------------------------------------------------------------

_FLAG_EXCLUDED = {"-1"}
_FLAG_NORMAL = {"", "0", "1"}


def _parse_registration(lines: list[str], log: _Log) -> _Parsed:
    attrs: dict[str, str] = {}
    attr_lines: dict[str, int] = {}
    parsed = _Parsed([])
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


def _close_registration_parcel(parcel: Parcel, fields: list[str], number: int, log: _Log):
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


def _licence_attributes(licence: Licence, attrs: dict, lines: dict, log: _Log, parsed: _Parsed):
    """Mining method, validity and licensed area from attribute values."""
    method = _first(attrs, "开采方式", "mining_method")
    if method:
        licence.mining_method = _method_code(str(method))
        if licence.mining_method is None:
            log.warn(tr("unknown mining method '{value}'").format(value=method), lines.get("开采方式"))
    validity = _first(attrs, "有效期限", "有效期", "validity")
    if validity:
        found = _dates(validity)
        if len(found) >= 2:
            licence.valid_from, licence.valid_to = found[0], found[1]
        else:
            log.warn(
                tr("validity '{value}' is not 'start至end'").format(value=validity),
                lines.get("有效期限", lines.get("有效期")),
            )
    for keys, attr in (
        (("有效期起", "有效期自", "valid_from"), "valid_from"),
        (("有效期止", "有效期至", "valid_to"), "valid_to"),
    ):
        value = _first(attrs, *keys)
        if value:
            found = _dates(value)
            if found:
                setattr(licence, attr, found[0])
            else:
                log.warn(tr("date '{value}' is not a date").format(value=value), lines.get(keys[0]))
    if licence.valid_from and licence.valid_to and licence.valid_to < licence.valid_from:
        log.warn(tr("validity ends before it starts"), lines.get("有效期限"))
    area_keys = ("矿区面积", "licensed_area_km2", "area_km2")
    key = next((k for k in area_keys if attrs.get(k) not in (None, "")), None)
    if key is not None:
        line = lines.get(key)
        area = _parse_area(attrs[key], "km2")
        if area.invalid:
            # Stored as NULL, never as Infinity or a negative number: the boundary still imports.
            log.warn(
                tr("licensed area (矿区面积) of licence {licence} is invalid: {reason}; it is left empty").format(
                    licence=licence.license_no or "?", reason=area.invalid
                ),
                line,
            )
        else:
            unit = area.unit or "km2"
            licence.licensed_area_km2 = area.value * _AREA_UNITS[unit][0] / 1_000_000.0
            parsed.licence_area[id(licence)] = (area.value, unit, area.decimals, line)


# --- tables ----------------------------------------------------------------------------------

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


def _table_rows(path: Path, log: _Log, text: str | None = None) -> list[tuple[int, list]]:
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


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).translate(_FULLWIDTH).strip()


_TRUE = {"1", "-1", "是", "扣除", "true", "yes", "y", "t"}


def _parse_table(path: Path, log: _Log, text: str | None = None) -> _Parsed:
    rows = _table_rows(path, log, text)
    header_at = next((i for i, (_, r) in enumerate(rows[:10]) if {"x", "y"} <= _map_columns(r).keys()), None)
    parsed = _Parsed([])
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


# --- checks ------------------------------------------------------------------------------------

_NORTH = (1_000_000.0, 10_000_000.0)  # 7-digit northings: China lies between ~2,000 km and ~6,000 km


def _is_north(v: float) -> bool:
    return _NORTH[0] <= v < _NORTH[1]


def _fix_axes(parsed: _Parsed, log: _Log) -> int | None | bool:
    """Swap X/Y if the whole file has them swapped; return the zone prefix.

    Returns the prefix zone (None when eastings are unprefixed), or False
    after logging errors (mixed or implausible coordinates).
    """
    corners = [(lic, p, c) for lic in parsed.licences for p in lic.parcels for c in p.corners]
    normal, swapped, bad = [], [], []
    for item in corners:
        c = item[2]
        if _is_north(c.x) and easting_zone(c.y) is not None:
            normal.append(item)
        elif _is_north(c.y) and easting_zone(c.x) is not None:
            swapped.append(item)
        else:
            bad.append(item)
    degrees = [item for item in bad if _looks_like_degrees(item[2].x, item[2].y)]
    if degrees and len(degrees) == len(bad) and not normal and not swapped:
        _, p, c = degrees[0]
        lon = c.y if _CHINA[0] <= c.y <= _CHINA[1] else c.x
        zone = min(max(zone_of_meridian(lon, 3), ZONES[3].start), ZONES[3].stop - 1)
        log.error(
            tr(
                "the corners are longitudes and latitudes in degrees (first: X={x}, Y={y}), not Gauss–Krüger "
                "coordinates in metres: licence corners must be given as CGCS2000 Gauss–Krüger X (northing) and "
                "Y (easting) in metres, as on the licence. Convert them first (in QGIS: reproject to EPSG:{epsg}, "
                "CGCS2000 3-degree zone {zone} with zone prefix, where these corners lie); a file in degrees is not read"
            ).format(x=f"{c.x:.6f}", y=f"{c.y:.6f}", epsg=epsg_for(CGCS2000, 3, zone, True), zone=zone),
            c.line,
            p.parcel_no,
            c.number,
        )
        return False
    for _, p, c in bad:
        log.error(
            tr(
                "X={x}, Y={y} is not a Gauss–Krüger coordinate in metres (X northing of 7 digits, Y easting of 6 digits or 8 with the zone)"
            ).format(x=f"{c.x:.2f}", y=f"{c.y:.2f}"),
            c.line,
            p.parcel_no,
            c.number,
        )
    if swapped and normal:
        minority = swapped if len(swapped) <= len(normal) else normal
        for _, p, c in minority:
            log.error(
                tr("X and Y are swapped on this line compared with the rest of the file"), c.line, p.parcel_no, c.number
            )
        return False
    if bad:
        return False
    if swapped:
        for _, _, c in swapped:
            c.x, c.y = c.y, c.x
        first = swapped[0][2]
        log.warn(
            tr("X and Y columns are swapped (X must be the northing, Y the easting); they were swapped back"),
            first.line,
        )
    zones: dict[int, Corner] = {}
    for _, _, c in corners:
        zones.setdefault(easting_zone(c.y), c)
    if len(zones) > 1:
        listed = ", ".join(str(z) if z else tr("no prefix") for z in zones)
        for c in list(zones.values())[1:]:
            log.error(tr("eastings mix zones or prefixes ({zones})").format(zones=listed), c.line, None, c.number)
        return False
    if not zones:
        return None
    zone = next(iter(zones))
    return zone or None


def _check_ring(parcel: Parcel, ring_no: int, corners: list[Corner], log: _Log) -> tuple[list[Corner], bool]:
    """Close, deduplicate and count one ring; return (distinct corners, ok)."""
    ok = True
    pts = list(corners)
    if len(pts) >= 2:
        first, last = pts[0], pts[-1]
        if same_point(first, last):
            pts.pop()
        elif last.number == first.number:
            log.error(
                tr(
                    "ring {ring} does not close: corner {number} repeats the first corner's number but not its coordinates (X={x:.2f}, Y={y:.2f} against X={x0:.2f}, Y={y0:.2f})"
                ).format(ring=ring_no, number=last.number, x=last.x, y=last.y, x0=first.x, y0=first.y),
                last.line,
                parcel.parcel_no,
                last.number,
            )
            ok = False
            pts.pop()
    for a, b in zip(pts, pts[1:]):
        if same_point(a, b):
            log.error(
                tr("corner {number} repeats the coordinates of the corner before it ({previous})").format(
                    number=b.number, previous=a.number
                ),
                b.line,
                parcel.parcel_no,
                b.number,
            )
            ok = False
    distinct = {(round(c.x, 3), round(c.y, 3)) for c in pts}
    if len(distinct) < 3:
        log.error(
            tr("ring {ring} has {count} distinct corners; a ring needs at least 3").format(
                ring=ring_no, count=len(distinct)
            ),
            (pts[0].line if pts else parcel.line),
            parcel.parcel_no,
        )
        ok = False
    return pts, ok


def _crossings(parcel: Parcel, ring_no: int, pts: list[Corner], log: _Log) -> bool:
    """Log every pair of crossing edges of a ring; True when the ring is simple."""
    coords = [(c.y, c.x) for c in pts]
    closed = coords + coords[:1]
    if shapely.is_simple(LineString(closed)):
        return True
    n = len(pts)
    segments = shapely.linestrings([[closed[i], closed[i + 1]] for i in range(n)])
    tree = shapely.STRtree(segments)
    left, right = tree.query(segments, predicate="intersects")
    reported = 0
    for i, j in zip(left.tolist(), right.tolist()):
        if i >= j:
            continue
        adjacent = j == i + 1 or (i == 0 and j == n - 1)
        meeting = segments[i].intersection(segments[j])
        if adjacent and meeting.geom_type == "Point":
            continue  # neighbouring edges share their corner
        point = meeting.representative_point()
        a, b = pts[i], pts[(i + 1) % n]
        c, d = pts[j], pts[(j + 1) % n]
        log.error(
            tr("ring {ring} intersects itself: edge {a}–{b} meets edge {c}–{d} near X={x:.2f}, Y={y:.2f}").format(
                ring=ring_no, a=a.number, b=b.number, c=c.number, d=d.number, x=point.y, y=point.x
            ),
            c.line,
            parcel.parcel_no,
            c.number,
        )
        reported += 1
        if reported >= 20:
            break
    if not reported:
        log.error(tr("ring {ring} intersects itself").format(ring=ring_no), pts[0].line, parcel.parcel_no)
    return False


def _check_parcel(parcel: Parcel, parsed: _Parsed, log: _Log) -> Polygon | None:
    """Ring checks on one parcel; replace its corners by the distinct ones."""
    rings = parcel.rings()
    given = parsed.raw_counts.get(id(parcel), len(parcel.corners))
    closing = 0
    cleaned: list[Corner] = []
    ok = True
    ring_coords: dict[int, list[tuple[float, float]]] = {}
    if 1 not in rings:
        log.error(tr("the parcel has no outer ring (圈号 1)"), parcel.line, parcel.parcel_no)
        ok = False
    for ring_no in sorted(rings):
        pts, ring_ok = _check_ring(parcel, ring_no, rings[ring_no], log)
        closing += len(rings[ring_no]) - len(pts)
        cleaned.extend(pts)
        if ring_ok:
            ring_ok = _crossings(parcel, ring_no, pts, log)
        ok = ok and ring_ok
        ring_coords[ring_no] = [(c.y, c.x) for c in pts]
    parcel.corners = cleaned
    if parcel.declared_corner_count is not None and parcel.declared_corner_count not in (given, given - closing):
        log.error(
            tr("declared corner count (界址点数) is {declared} but the parcel has {given} corner lines").format(
                declared=parcel.declared_corner_count, given=given
            ),
            parcel.line,
            parcel.parcel_no,
        )
    if not ok:
        return None
    shell = Polygon(ring_coords[1])
    holes_ok = True
    for ring_no in sorted(r for r in ring_coords if r != 1):
        hole = Polygon(ring_coords[ring_no])
        first = rings[ring_no][0]
        if not shell.covers(hole):
            log.error(
                tr("ring {ring} (a hole) is not inside the outer ring").format(ring=ring_no),
                first.line,
                parcel.parcel_no,
                first.number,
            )
            holes_ok = False
        for other in sorted(r for r in ring_coords if 1 < r < ring_no):
            overlap = hole.intersection(Polygon(ring_coords[other])).area
            if overlap > 0.01:
                log.error(
                    tr("holes {a} and {b} overlap by {area:.2f} m²").format(a=other, b=ring_no, area=overlap),
                    first.line,
                    parcel.parcel_no,
                    first.number,
                )
                holes_ok = False
    if not holes_ok:
        return None
    polygon = Polygon(ring_coords[1], [ring_coords[r] for r in sorted(ring_coords) if r != 1])
    if not polygon.is_valid:
        log.error(
            tr("invalid polygon: {reason}").format(reason=explain_validity(polygon)), parcel.line, parcel.parcel_no
        )
        return None
    return polygon


def _fits(declared_m2: float, computed: float, decimals: int, unit_m2: float) -> bool:
    tolerance = max(0.5 * 10 ** (-decimals) * unit_m2, 1e-4 * computed)
    return abs(declared_m2 - computed) <= tolerance


def _area_problem(
    log: _Log, declared: float, unit: str, planar: float, ellipsoidal: float | None, line, parcel_no, decimals: int
):
    unit_m2 = _AREA_UNITS[unit][0]
    declared_m2 = declared * unit_m2
    candidates = [planar] + ([ellipsoidal] if ellipsoidal is not None else [])
    if any(_fits(declared_m2, value, decimals, unit_m2) for value in candidates):
        return
    nearest = min(candidates, key=lambda v: abs(v - declared_m2))
    relative = (declared_m2 - nearest) / nearest if nearest else float("inf")
    log.warn(
        tr(
            "declared area {declared} {unit} ({declared_m2} m²) differs from the computed area: planar {planar} m², ellipsoidal {ellipsoidal} m²; difference {difference} m² ({relative})"
        ).format(
            declared=f"{declared:.10g}",
            unit=UNIT_LABELS[unit],
            declared_m2=_area_text(declared_m2),
            planar=_area_text(planar),
            ellipsoidal="-" if ellipsoidal is None else _area_text(ellipsoidal),
            difference=_area_text(declared_m2 - nearest),
            relative=f"{relative:+.4%}" if abs(relative) < 1e6 else f"×{declared_m2 / nearest:.4g}",
        ),
        line,
        parcel_no,
    )


def _parcel_area_unit(parsed: _Parsed, polygons: dict[int, tuple[Parcel, Polygon]], log: _Log) -> str:
    """Unit of 地块面积: stated, else hectares unless another unit clearly fits."""
    if parsed.area_unit:
        return parsed.area_unit
    pairs = [
        (p.declared_area, poly.area)
        for p, poly in polygons.values()
        if p.declared_area and id(p) not in parsed.area_units  # a unit written with the value is that unit
    ]
    if not pairs:
        return "ha"

    def fit(unit: str, tolerance: float) -> bool:
        factor = _AREA_UNITS[unit][0]
        return all(abs(d * factor - a) <= tolerance * a for d, a in pairs)

    if fit("ha", 0.05):
        return "ha"
    for unit in ("m2", "mu", "km2"):
        if fit(unit, 0.01):
            log.warn(
                tr("parcel areas (地块面积) are in {unit}, not in hectares (公顷) as the format specifies").format(
                    unit=UNIT_LABELS[unit]
                ),
                parsed.header_line,
            )
            return unit
    return "ha"


def _check(parsed: _Parsed, log: _Log, crs_epsg: int | None, zone: int | None) -> int | None:
    if not any(p.corners for lic in parsed.licences for p in lic.parcels):
        if not log.errors():
            log.error(tr("the file has no corners"))
        return None
    prefix = _fix_axes(parsed, log)
    epsg = None
    if prefix is not False:
        epsg = resolve_crs(
            datum_text=parsed.datum_text,
            width_text=parsed.width_text,
            zone_text=parsed.zone_text,
            meridian_text=parsed.meridian_text,
            prefix_zone=prefix,
            crs_epsg=crs_epsg,
            zone=zone,
            log=log,
            line=parsed.header_line,
        )
    if prefix is False:
        return epsg  # geometry checks on inconsistent coordinates would only add noise
    if epsg is not None and not log.errors():
        _check_crs_fits(parsed, epsg, log, parsed.header_line)
    area_epsg = None if log.errors() else epsg  # no ellipsoidal area in a CRS that does not fit
    polygons: dict[int, tuple[Parcel, Polygon]] = {}
    for licence in parsed.licences:
        seen: dict[str, Parcel] = {}
        for parcel in licence.parcels:
            if parcel.parcel_no in seen:
                log.error(
                    tr("parcel number {number} is used twice in licence {licence}").format(
                        number=parcel.parcel_no, licence=licence.license_no
                    ),
                    parcel.line,
                    parcel.parcel_no,
                )
            seen[parcel.parcel_no] = parcel
            if id(parcel) in parsed.incomplete:
                continue  # its unreadable corner line is the error; checks on the rest would only add noise
            polygon = _check_parcel(parcel, parsed, log)
            if polygon is not None:
                polygons[id(parcel)] = (parcel, polygon)
    unit = _parcel_area_unit(parsed, polygons, log)
    for parcel, polygon in polygons.values():
        if parcel.declared_area is None:
            continue
        parcel.declared_area_unit = parsed.area_units.get(id(parcel), unit)
        if parcel.declared_area * _AREA_UNITS[parcel.declared_area_unit][0] > _MAX_AREA_M2:
            log.warn(
                tr("parcel area (地块面积) is invalid: {reason}; it is left empty and not checked").format(
                    reason=tr("'{area}' is larger than all of China (9.6 million km²)").format(
                        area=f"{parsed.area_texts.get(id(parcel), '')} {UNIT_LABELS[parcel.declared_area_unit]}"
                    )
                ),
                parcel.line,
                parcel.parcel_no,
            )
            parcel.declared_area = None
            continue
        planar = planar_area_m2(polygon)
        ellipsoidal = ellipsoidal_area_m2(polygon, area_epsg) if area_epsg else None
        _area_problem(
            log,
            parcel.declared_area,
            parcel.declared_area_unit,
            planar,
            ellipsoidal,
            parcel.line,
            parcel.parcel_no,
            _decimals(parsed.area_texts.get(id(parcel))),
        )
    for licence in parsed.licences:
        _check_licence(licence, polygons, parsed, log, area_epsg)
    return epsg


def _check_licence(licence: Licence, polygons: dict, parsed: _Parsed, log: _Log, epsg: int | None):
    """Parcels do not overlap; excluded parcels lie in the licence; licensed area."""
    included = [(p, polygons[id(p)][1]) for p in licence.parcels if not p.excluded and id(p) in polygons]
    for i, (a, pa) in enumerate(included):
        for b, pb in included[i + 1 :]:
            if not pa.intersects(pb):
                continue
            overlap = planar_area_m2(pa.intersection(pb))
            if overlap > 0.01:
                log.error(
                    tr("parcels {a} and {b} of licence {licence} overlap by {area:.2f} m²").format(
                        a=a.parcel_no, b=b.parcel_no, licence=licence.license_no, area=overlap
                    ),
                    b.line,
                    b.parcel_no,
                )
    union = shapely.union_all([poly for _, poly in included]) if included else None
    for parcel in licence.parcels:
        if parcel.excluded and id(parcel) in polygons and union is not None and not parsed.incomplete:
            if not union.buffer(0.01).covers(polygons[id(parcel)][1]):
                log.warn(tr("excluded parcel is not inside the licensed parcels"), parcel.line, parcel.parcel_no)
    if id(licence) not in parsed.licence_area or any(id(p) not in polygons for p in licence.parcels):
        return  # an invalid parcel is already an error: no area to compare
    extent = licence_multipolygon(licence)
    planar = planar_area_m2(extent)
    ellipsoidal = ellipsoidal_area_m2(extent, epsg) if epsg else None
    value, unit, decimals, line = parsed.licence_area[id(licence)]
    _area_problem(log, value, unit, planar, ellipsoidal, line, None, decimals)


# keep the geometry helpers importable from here, as callers expect
__all__ += ["parcel_polygon", "licence_multipolygon", "planar_area_m2", "ellipsoidal_area_m2", "ring_coordinates"]
