"""Read enforcement patch batches (卫片执法图斑) from shapefile, GeoPackage or GeoJSON.

Reading goes through the system GDAL (``osgeo.ogr``), the one QGIS itself
uses, rather than geopandas' pyogrio which ships a GDAL of its own: encodings,
CRS definitions and drivers then behave exactly as in the QGIS window.
Geometries cross over to shapely as WKB.

What the reader guarantees: every feature of the file is a row of the result,
in file order, with its 1-based ``source_row``; whatever had to be repaired,
left empty or could not be read is named (row and patch number) in the
warnings. Refusals (unknown CRS, no patch-number field, a datum that cannot be
converted without local parameters) raise :class:`PatchFormatError` naming
the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from osgeo import gdal, ogr, osr

from .. import settings
from ..domain.dates import to_date
from ..domain.polygon_repair import repair_geometry  # noqa: F401 - re-exported: the import's repair
from ..i18n import tr
from ..tracebacks import release_ogr_on_error

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()

#: The columns the reader produces, besides ``source_row`` and ``geometry``.
TARGETS: tuple[str, ...] = (
    "patch_no",
    "county_code",
    "date_before",
    "date_after",
    "area_m2",
    "remarks",
    "year",
    "batch",
)

#: Usual field names of enforcement batches, tried in this order (case-insensitive).
DEFAULT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "patch_no": ("patch_no", "TBBH", "JCBH", "BH", "图斑编号", "监测编号", "编号"),
    "county_code": ("county_code", "XZQDM", "XZQHDM", "行政区代码", "行政区划代码"),
    "date_before": ("date_before", "QSX", "QSXSJ", "前时相"),
    "date_after": ("date_after", "HSX", "HSXSJ", "后时相"),
    "area_m2": ("area_m2", "JCMJ", "TBMJ", "监测面积", "图斑面积"),
    # Every present remarks field is kept (joined), not only the first found.
    "remarks": ("remarks", "TBLX", "BZ", "图斑类型", "备注"),
    "year": ("year", "ND", "年度"),
    "batch": ("batch", "PC", "批次"),
}
REQUIRED_TARGETS: tuple[str, ...] = ("patch_no",)

#: Square metres per unit of a declared area.
AREA_UNITS: dict[str, float] = {"m2": 1.0, "mu": 2000.0 / 3.0, "ha": 10_000.0, "km2": 1_000_000.0}

SETTINGS_KEY = settings.PATCH_FIELD_MAPPING.key

# Declared and computed areas further apart than this are reported per patch.
AREA_MISMATCH_RATIO = 0.05
# A unit is recognised automatically when the median declared/computed ratio is this close.
AREA_UNIT_MATCH = 0.2


class PatchFormatError(Exception):
    """A patch file that cannot be read, worded for the user (names the file)."""


@dataclass
class FieldMapping:
    """Which field of the file feeds which patch field; saved by the GUI in QgsSettings.

    ``fields`` overrides the defaults per target: a field name, a list of names
    (tried in order; for ``remarks`` all present ones are joined) or an empty
    string / ``None`` to leave that target unmapped. ``area_unit`` is the unit
    of the declared area: ``m2``, ``mu`` (亩), ``ha``, ``km2``, or ``auto`` to
    recognise it by comparing declared with computed areas.
    """

    fields: dict[str, str | list[str] | None] = field(default_factory=dict)
    area_unit: str = "auto"

    def __post_init__(self) -> None:
        unknown = set(self.fields) - set(TARGETS)
        if unknown:
            raise ValueError(
                tr("Unknown patch fields in the field mapping: {names}.").format(names=", ".join(sorted(unknown)))
            )
        if self.area_unit not in (*AREA_UNITS, "auto"):
            raise ValueError(tr("Unknown area unit {unit}.").format(unit=self.area_unit))

    def candidates(self, target: str) -> tuple[str, ...]:
        """Field names tried for ``target``, overrides first."""
        if target in self.fields:
            value = self.fields[target]
            if not value:
                return ()
            return (value,) if isinstance(value, str) else tuple(value)
        return DEFAULT_CANDIDATES[target]

    def resolve(self, names: list[str]) -> dict[str, list[str]]:
        """The file's field names used for each target (case-insensitive match)."""
        by_lower = {name.lower(): name for name in names}
        resolved: dict[str, list[str]] = {}
        for target in TARGETS:
            found = [by_lower[c.lower()] for c in self.candidates(target) if c.lower() in by_lower]
            found = list(dict.fromkeys(found))
            if found:
                resolved[target] = found if target == "remarks" else found[:1]
        return resolved

    def to_dict(self) -> dict:
        return {"version": 1, "fields": dict(self.fields), "area_unit": self.area_unit}

    @classmethod
    def from_dict(cls, data: dict | None) -> FieldMapping:
        data = data or {}
        fields = {k: v for k, v in dict(data.get("fields") or {}).items() if k in TARGETS}
        return cls(fields=fields, area_unit=data.get("area_unit") or "auto")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> FieldMapping:
        return cls.from_dict(json.loads(text) if text else None)


def load_saved_mapping() -> FieldMapping:
    """The field mapping saved in QgsSettings, or the default one."""
    text = settings.PATCH_FIELD_MAPPING.value()
    try:
        return FieldMapping.from_json(text)
    except (ValueError, TypeError):
        # A damaged setting must not block imports: fall back to the defaults.
        return FieldMapping()


def save_mapping(mapping: FieldMapping) -> None:
    """Keep ``mapping`` in QgsSettings for the next import."""
    settings.PATCH_FIELD_MAPPING.set_value(mapping.to_json())


# --- dates -------------------------------------------------------------------

def parse_date(value) -> dt.date | None:
    """A date from the forms found in patch batches; None when empty or unreadable.

    Accepts date and datetime objects, ``YYYYMMDD`` (text or number),
    ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY.MM.DD`` (with an optional time) and
    ``YYYY年MM月DD日`` (see :func:`..domain.dates.to_date`).
    """
    return to_date(value)


# --- encodings ---------------------------------------------------------------

# dBASE language driver ids that name a Chinese code page for sure. 0x57
# ("ANSI") and 0 say nothing: on Chinese Windows "ANSI" *is* GBK.
_LDID_ENCODINGS = {0x4D: "CP936", 0x7A: "CP936", 0x4F: "CP950", 0x78: "CP950"}


def _normalise_encoding(name: str) -> str | None:
    """A GDAL/iconv encoding name for a .cpg value; None when it says nothing usable."""
    text = name.strip().upper()
    text = re.sub(r"^(ANSI|OEM)\s*", "", text)
    aliases = {
        "UTF-8": "UTF-8",
        "UTF8": "UTF-8",
        "65001": "UTF-8",
        "GBK": "CP936",
        "CP936": "CP936",
        "936": "CP936",
        "GB2312": "CP936",
        "EUC-CN": "CP936",
        "GB18030": "GB18030",
        "54936": "GB18030",
        "BIG5": "CP950",
        "CP950": "CP950",
        "950": "CP950",
    }
    if text in aliases:
        return aliases[text]
    if text.isdigit():
        text = "CP" + text
    try:
        codecs.lookup(text)
    except LookupError:
        return None
    return text


def _display(encoding: str) -> str:
    return {"CP936": "GBK (CP936)", "CP950": "Big5 (CP950)"}.get(encoding, encoding)


def _python_codec(encoding: str) -> str:
    return {"CP936": "gbk"}.get(encoding, encoding.lower())


def _dbf_text_samples(dbf: Path, limit: int = 8_000_000) -> tuple[int, list[bytes]]:
    """The LDID byte and the non-ASCII field names and text values of a .dbf."""
    with open(dbf, "rb") as stream:
        header = stream.read(32)
        if len(header) < 32:
            return 0, []
        n_records = int.from_bytes(header[4:8], "little")
        header_length = int.from_bytes(header[8:10], "little")
        record_length = int.from_bytes(header[10:12], "little")
        ldid = header[29]
        descriptors = stream.read(max(header_length - 32, 0))
        samples: list[bytes] = []
        text_fields: list[tuple[int, int]] = []
        offset = 1  # the deletion flag
        for start in range(0, len(descriptors) - 31, 32):
            descriptor = descriptors[start : start + 32]
            if descriptor[0] == 0x0D:
                break
            name = descriptor[:11].split(b"\0", 1)[0]
            if any(b > 127 for b in name):
                samples.append(name)
            length = descriptor[16]
            if chr(descriptor[11]) == "C":
                text_fields.append((offset, length))
            offset += length
        stream.seek(header_length)
        budget = limit
        for _ in range(n_records):
            record = stream.read(record_length)
            if len(record) < record_length or budget <= 0:
                break
            budget -= record_length
            for begin, length in text_fields:
                value = record[begin : begin + length].rstrip(b" \0")
                if any(b > 127 for b in value):
                    samples.append(value)
    return ldid, samples


def _decodes(samples: list[bytes], codec: str) -> bool:
    try:
        for sample in samples:
            sample.decode(codec, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _sniff(samples: list[bytes]) -> str | None:
    # UTF-8 first: GBK text is practically never valid UTF-8, the reverse often is.
    for encoding in ("UTF-8", "CP936", "GB18030"):
        if _decodes(samples, _python_codec(encoding)):
            return encoding
    return None


def detect_shapefile_encoding(path: str | Path) -> tuple[str, str]:
    """The encoding of a shapefile's .dbf and how it was found (a message for the user).

    Order: the .cpg file (checked against the data), a Chinese language-driver
    byte in the .dbf, then a strict UTF-8 decode of its text, then GBK, then GB18030.
    """
    path = Path(path)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        raise PatchFormatError(tr("{file} has no .dbf attribute file.").format(file=path.name))
    ldid, samples = _dbf_text_samples(dbf)
    cpg = next((p for p in (path.with_suffix(".cpg"), path.with_suffix(".CPG")) if p.exists()), None)
    if cpg is not None:
        declared_text = cpg.read_text("ascii", errors="replace").strip()
        declared = _normalise_encoding(declared_text)
        if declared is not None:
            if _decodes(samples, _python_codec(declared)):
                return declared, tr("encoding {encoding} from {cpg}").format(encoding=_display(declared), cpg=cpg.name)
            sniffed = _sniff(samples)
            if sniffed is not None:
                # Some tools write a .cpg that does not match what they wrote; the bytes decide.
                return sniffed, tr(
                    "{cpg} says {declared} but the text is not valid {declared}; read as {encoding}"
                ).format(cpg=cpg.name, declared=declared_text, encoding=_display(sniffed))
    if not samples:
        return "UTF-8", tr("no non-ASCII text; read as UTF-8")
    if ldid in _LDID_ENCODINGS and _decodes(samples, _python_codec(_LDID_ENCODINGS[ldid])):
        return _LDID_ENCODINGS[ldid], tr("encoding {encoding} from the .dbf language driver").format(
            encoding=_display(_LDID_ENCODINGS[ldid])
        )
    sniffed = _sniff(samples)
    if sniffed is not None:
        return sniffed, tr("no .cpg file; the text reads as {encoding}").format(encoding=_display(sniffed))
    return "GB18030", tr("no .cpg file and the text is neither UTF-8 nor GBK; read as GB18030, check the Chinese text")


# --- reading -----------------------------------------------------------------


@dataclass
class PatchBatch:
    """A read patch batch: one row per feature, plus what the reader had to say."""

    frame: object  # geopandas.GeoDataFrame in the target CRS
    warnings: list[str]
    path: str
    layer_name: str
    encoding: str
    encoding_note: str
    source_crs: str
    target_epsg: int
    mapping_used: dict[str, list[str]]
    area_unit: str | None

    @property
    def patch_numbers(self) -> list[str]:
        return [p for p in self.frame["patch_no"] if p]


def _open(path: Path, encoding: str | None) -> gdal.Dataset:
    options = [f"ENCODING={encoding}"] if encoding else []
    try:
        return gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, open_options=options)
    except RuntimeError as error:
        raise PatchFormatError(tr("{file} cannot be read: {reason}").format(file=path.name, reason=error)) from error


def _pick_layer(dataset: gdal.Dataset, path: Path, layer_name: str | None) -> ogr.Layer:
    if layer_name:
        layer = dataset.GetLayerByName(layer_name)
        if layer is None:
            raise PatchFormatError(tr("{file} has no layer {layer}.").format(file=path.name, layer=layer_name))
        return layer
    layers = [dataset.GetLayerByIndex(i) for i in range(dataset.GetLayerCount())]
    if not layers:
        raise PatchFormatError(tr("{file} holds no layer.").format(file=path.name))
    polygonal = [
        layer
        for layer in layers
        if ogr.GT_Flatten(layer.GetGeomType())
        in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface)
    ]
    if len(polygonal) == 1:
        return polygonal[0]
    if len(layers) == 1:
        return layers[0]
    names = ", ".join(layer.GetName() for layer in (polygonal or layers))
    raise PatchFormatError(
        tr("{file} holds several layers ({names}); choose the one with the patches.").format(
            file=path.name, names=names
        )
    )


_NOT_POLYGONS = {
    ogr.wkbPoint: "point",
    ogr.wkbMultiPoint: "point",
    ogr.wkbLineString: "line",
    ogr.wkbMultiLineString: "line",
    ogr.wkbCircularString: "line",
    ogr.wkbCompoundCurve: "line",
    ogr.wkbMultiCurve: "line",
}


def _refuse_unusable_layer(layer: ogr.Layer, path: Path) -> None:
    """Refuse a layer without features, or one of points or lines: patches are polygons."""
    if layer.GetFeatureCount() == 0:
        raise PatchFormatError(
            tr("{file} has no features (layer {layer} is empty): there are no patches to import.").format(
                file=path.name, layer=layer.GetName()
            )
        )
    kind = _NOT_POLYGONS.get(ogr.GT_Flatten(layer.GetGeomType()))
    if kind is not None:
        raise PatchFormatError(_not_polygons_message(path, layer.GetName(), kind))


def _not_polygons_message(path: Path, layer_name: str, kind: str) -> str:
    kinds = {"point": tr("points"), "line": tr("lines")}
    return tr(
        "{file} (layer {layer}) holds {kind}, not polygons: patches are polygons. "
        "Choose the file or layer with the patch outlines."
    ).format(file=path.name, layer=layer_name, kind=kinds.get(kind, kind))


def _datum(srs: osr.SpatialReference) -> str:
    return (srs.GetAttrValue("DATUM") or "").lower().replace(" ", "_")


def _transformation(
    srs: osr.SpatialReference | None, target_epsg: int, path: Path, extent: tuple[float, float, float, float] | None
) -> tuple[osr.CoordinateTransformation | None, str, list[str]]:
    """The transformation to the target CRS (None when already there), the source CRS name, warnings."""
    if srs is None or srs.IsLocal() or not (srs.IsGeographic() or srs.IsProjected()):
        raise PatchFormatError(
            tr(
                "The coordinate reference system of {file} is unknown (no .prj file or CRS definition). "
                "The patches cannot be placed: add the CRS to the file (e.g. with QGIS 'Assign projection') and import again."
            ).format(file=path.name)
        )
    source = srs.Clone()
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(target_epsg)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    name = source.GetName() or "?"
    with_code = source.Clone()
    try:
        with_code.AutoIdentifyEPSG()
    except RuntimeError:
        pass
    code = with_code.GetAuthorityCode(None)
    label = f"{name} (EPSG:{code})" if code else name
    if extent is not None and source.IsGeographic():
        min_x, max_x, min_y, max_y = extent
        if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
            raise PatchFormatError(
                tr(
                    "{file} declares the geographic CRS {crs}, but its coordinates are not longitudes and latitudes "
                    "(x {min_x:.0f}…{max_x:.0f}, y {min_y:.0f}…{max_y:.0f}). Its CRS declaration is wrong: "
                    "assign the right projected CRS and import again."
                ).format(file=path.name, crs=label, min_x=min_x, max_x=max_x, min_y=min_y, max_y=max_y)
            )
    if extent is not None and source.IsProjected():
        min_x, max_x, min_y, max_y = extent
        if max(abs(min_x), abs(max_x)) <= 180 and max(abs(min_y), abs(max_y)) <= 90:
            # Degrees read as metres: every patch would be a few square metres near the false origin.
            raise PatchFormatError(
                tr(
                    "{file} declares the projected CRS {crs} (metres), but its coordinates are longitudes and "
                    "latitudes in degrees (x {min_x:.4f}…{max_x:.4f}, y {min_y:.4f}…{max_y:.4f}). Its CRS "
                    "declaration is wrong: assign the geographic CRS (CGCS2000: EPSG:4490) and import again."
                ).format(file=path.name, crs=label, min_x=min_x, max_x=max_x, min_y=min_y, max_y=max_y)
            )
    source_datum, target_datum = _datum(source), _datum(target)
    old_datums = ("xian", "beijing")
    if source_datum != target_datum and any(d in source_datum or d in target_datum for d in old_datums):
        # PROJ has no general Xi'an 1980 / Beijing 1954 ↔ CGCS2000 transformation: it would
        # shift nothing and silently take one datum for the other, tens of metres off.
        raise PatchFormatError(
            tr(
                "{file} is in {crs} (datum {datum}). Converting it to EPSG:{target} needs the local "
                "transformation parameters, which this plugin does not guess. Convert the file to CGCS2000 "
                "with the parameters from your surveying authority first."
            ).format(file=path.name, crs=label, datum=source.GetAttrValue("DATUM"), target=target_epsg)
        )
    warnings = []
    if extent is not None:
        warnings += _area_of_use_warnings(source, target, target_epsg, extent, path)
    if source.IsSame(target):
        return None, label, warnings
    return osr.CoordinateTransformation(source, target), label, warnings


def _area_of_use_warnings(source, target, target_epsg, extent, path) -> list[str]:
    """Warn when the data lie away from where the target CRS is meant to be used (wrong CRS or zone)."""
    area = target.GetAreaOfUse()
    if area is None:
        return []
    geographic = osr.SpatialReference()
    geographic.ImportFromEPSG(4490)
    geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    min_x, max_x, min_y, max_y = extent
    try:
        lon, lat, _ = osr.CoordinateTransformation(source, geographic).TransformPoint(
            (min_x + max_x) / 2, (min_y + max_y) / 2
        )
    except RuntimeError:
        lon = lat = float("inf")
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise PatchFormatError(
            tr(
                "The coordinates of {file} (x {x:.0f}, y {y:.0f}) cannot be placed on the Earth in its CRS {crs}: "
                "its CRS declaration is wrong. Assign the right CRS and import again."
            ).format(file=path.name, x=(min_x + max_x) / 2, y=(min_y + max_y) / 2, crs=source.GetName() or "?")
        )
    margin = 1.0  # degrees: a neighbouring zone's edge is still usable, a wrong CRS is far off
    inside = (
        math.isfinite(lon)
        and area.west_lon_degree - margin <= lon <= area.east_lon_degree + margin
        and area.south_lat_degree - margin <= lat <= area.north_lat_degree + margin
    )
    if inside:
        return []
    return [
        tr(
            "The patches of {file} lie around longitude {lon:.3f}, latitude {lat:.3f}, outside the area where "
            "EPSG:{epsg} is used ({west:.1f}–{east:.1f}°E): check the CRS of the file and of the database."
        ).format(
            file=path.name, lon=lon, lat=lat, epsg=target_epsg, west=area.west_lon_degree, east=area.east_lon_degree
        )
    ]


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def _field_value(feature: ogr.Feature, index: int, kind: int):
    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind in (ogr.OFTDate, ogr.OFTDateTime):
        year, month, day = feature.GetFieldAsDateTime(index)[:3]
        return dt.date(year, month, day) if year else None
    return feature.GetField(index)


def _where(row: int, patch_no: str | None) -> str:
    if patch_no:
        return tr("row {row} (patch {patch_no})").format(row=row, patch_no=patch_no)
    return tr("row {row} (no patch number)").format(row=row)


def _computed_area(geometry, target: osr.SpatialReference) -> float | None:
    if geometry is None:
        return None
    if target.IsProjected():
        return float(geometry.area)
    from pyproj import Geod

    # Geographic target: ellipsoidal area on GRS80, the CGCS2000 ellipsoid to 0.1 mm.
    area, _ = Geod(ellps="GRS80").geometry_area_perimeter(geometry)
    return abs(float(area))


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _choose_area_unit(pairs: list[tuple[float, float]]) -> str | None:
    """The unit whose conversion brings declared areas closest to computed ones, if any is close."""
    best, best_error = None, AREA_UNIT_MATCH
    for unit, factor in AREA_UNITS.items():
        ratios = [declared * factor / computed for declared, computed in pairs if computed > 0]
        if not ratios:
            return None
        error = abs(statistics.median(ratios) - 1.0)
        if error < best_error:
            best, best_error = unit, error
    return best


def _shapefile_part(path: Path, suffix: str) -> Path | None:
    return next((p for p in (path.with_suffix(suffix), path.with_suffix(suffix.upper())) if p.exists()), None)


def check_shapefile_parts(path: str | Path) -> None:
    """Refuse a shapefile whose .shp, .shx or .dbf is shorter than its header says (a cut copy or download).

    GDAL reads such files up to the cut and then fails with a bare error
    (``fread(...) failed on DBF file``, or no message at all).
    """
    path = Path(path)
    damaged = tr(
        "{file} is damaged: it is cut short ({size} bytes of the {expected} its header announces), "
        "probably an interrupted copy or download. Ask for the file again."
    )
    for suffix in (".shp", ".shx"):
        part = _shapefile_part(path, suffix)
        if part is None:
            continue
        with open(part, "rb") as stream:
            header = stream.read(100)
        size = part.stat().st_size
        if len(header) < 100:
            raise PatchFormatError(damaged.format(file=part.name, size=size, expected=100))
        expected = int.from_bytes(header[24:28], "big") * 2  # 16-bit words
        if size < expected:
            raise PatchFormatError(damaged.format(file=part.name, size=size, expected=expected))
    part = _shapefile_part(path, ".dbf")
    if part is not None:
        with open(part, "rb") as stream:
            header = stream.read(32)
        size = part.stat().st_size
        if len(header) < 32:
            raise PatchFormatError(damaged.format(file=part.name, size=size, expected=32))
        records = int.from_bytes(header[4:8], "little")
        expected = int.from_bytes(header[8:10], "little") + records * int.from_bytes(header[10:12], "little")
        if size < expected:
            raise PatchFormatError(damaged.format(file=part.name, size=size, expected=expected))


@release_ogr_on_error
def read_patch_batch(
    path: str | Path,
    *,
    target_epsg: int,
    mapping: FieldMapping | None = None,
    layer_name: str | None = None,
) -> PatchBatch:
    """Read a patch batch into a GeoDataFrame in ``target_epsg``, one row per feature.

    Columns: ``source_row`` (1-based feature order), the mapped targets
    (``patch_no``, ``county_code``, ``date_before``, ``date_after``,
    ``area_m2`` (declared, converted to m²; computed when not declared),
    ``remarks``, ``year``, ``batch``), ``declared_area`` (as written),
    ``computed_area_m2`` and ``geometry`` (MultiPolygon or None).

    A file GDAL cannot read to its end (damaged, cut short) is refused with
    :class:`PatchFormatError` naming it, never with GDAL's bare error.
    """
    path = Path(path)
    if not path.exists():
        raise PatchFormatError(tr("{file} does not exist.").format(file=path))
    if path.suffix.lower() == ".shp":
        check_shapefile_parts(path)
    try:
        return _read_patch_batch(path, target_epsg=target_epsg, mapping=mapping, layer_name=layer_name)
    except RuntimeError as error:
        reason = str(error).strip() or tr("GDAL gave no reason")
        raise PatchFormatError(
            tr("{file} cannot be read to its end: the file is damaged or incomplete ({reason}). Ask for it again.").format(
                file=path.name, reason=reason
            )
        ) from error.with_traceback(None)


def _read_patch_batch(
    path: Path,
    *,
    target_epsg: int,
    mapping: FieldMapping | None,
    layer_name: str | None,
) -> PatchBatch:
    import geopandas as gpd

    mapping = mapping or FieldMapping()
    encoding, encoding_note = "UTF-8", tr("UTF-8")
    if path.suffix.lower() == ".shp":
        encoding, encoding_note = detect_shapefile_encoding(path)
        dataset = _open(path, encoding)
    else:
        dataset = _open(path, None)
    layer = _pick_layer(dataset, path, layer_name)
    _refuse_unusable_layer(layer, path)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    kinds = {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType() for i in range(len(names))}
    used = mapping.resolve(names)
    for target in REQUIRED_TARGETS:
        if target not in used:
            raise PatchFormatError(
                tr(
                    "{file} has no patch-number field (looked for {candidates}); its fields are: {fields}. "
                    "Choose the patch-number field in the field mapping."
                ).format(
                    file=path.name, candidates=", ".join(mapping.candidates(target)), fields=", ".join(names) or "-"
                )
            )
    extent = None
    if layer.GetFeatureCount() > 0:
        try:
            extent = layer.GetExtent()
        except RuntimeError:
            extent = None
    transform, source_crs, warnings = _transformation(layer.GetSpatialRef(), target_epsg, path, extent)
    target_srs = osr.SpatialReference()
    target_srs.ImportFromEPSG(target_epsg)

    rows: dict[str, list] = {name: [] for name in ("source_row", *TARGETS, "declared_area", "computed_area_m2")}
    geometries: list = []
    not_polygons: dict[str, int] = {}  # kind -> rows whose geometry is a point or line
    layer.ResetReading()
    for row, feature in enumerate(layer, start=1):
        values = {}
        for target, sources in used.items():
            raw = [_field_value(feature, names.index(s), kinds[s]) for s in sources]
            values[target] = raw
        patch_no = _text(values.get("patch_no", [None])[0])
        where = _where(row, patch_no)
        if patch_no is None:
            warnings.append(tr("{where}: the patch number is missing.").format(where=where))
        geometry = None
        reference = feature.GetGeometryRef()
        if reference is None or reference.IsEmpty():
            warnings.append(tr("{where}: the geometry is empty; the patch is kept without one.").format(where=where))
        else:
            try:
                reference = reference.Clone()
                if reference.HasCurveGeometry():
                    reference = reference.GetLinearGeometry()
                if transform is not None:
                    reference.Transform(transform)
                geometry = shapely.from_wkb(bytes(reference.ExportToIsoWkb()))
                kind = _NOT_POLYGONS.get(ogr.GT_Flatten(reference.GetGeometryType()))
                if kind is not None:
                    not_polygons[kind] = not_polygons.get(kind, 0) + 1
            except (RuntimeError, shapely.errors.GEOSException) as error:
                warnings.append(
                    tr("{where}: the geometry cannot be read or reprojected ({reason}); kept without geometry.").format(
                        where=where, reason=error
                    )
                )
            else:
                geometry, notes = repair_geometry(geometry, where)
                warnings += notes
        dates = {}
        for target in ("date_before", "date_after"):
            raw = values.get(target, [None])[0]
            dates[target] = parse_date(raw)
            if raw not in (None, "") and dates[target] is None:
                warnings.append(
                    tr("{where}: {field} value {value} is not a date; left empty.").format(
                        where=where, field=used[target][0], value=raw
                    )
                )
        remarks = [
            f"{source}: {_text(value)}" if len(used.get("remarks", [])) > 1 else _text(value)
            for source, value in zip(used.get("remarks", []), values.get("remarks", []))
            if _text(value)
        ]
        year_raw = values.get("year", [None])[0]
        year = _number(year_raw)
        if year_raw not in (None, "") and (year is None or not year.is_integer()):
            warnings.append(tr("{where}: year {value} is not a year; left empty.").format(where=where, value=year_raw))
            year = None
        declared_raw = values.get("area_m2", [None])[0]
        declared = _number(declared_raw)
        if declared_raw not in (None, "") and declared is None:
            warnings.append(
                tr("{where}: area {value} is not a number; the computed area is used.").format(
                    where=where, value=declared_raw
                )
            )
        rows["source_row"].append(row)
        rows["patch_no"].append(patch_no)
        rows["county_code"].append(_text(values.get("county_code", [None])[0]))
        rows["date_before"].append(dates["date_before"])
        rows["date_after"].append(dates["date_after"])
        rows["remarks"].append("; ".join(remarks) or None)
        rows["year"].append(int(year) if year is not None else None)
        rows["batch"].append(_text(values.get("batch", [None])[0]))
        rows["declared_area"].append(declared)
        rows["computed_area_m2"].append(_computed_area(geometry, target_srs))
        rows["area_m2"].append(None)
        geometries.append(geometry)
    chosen_layer = layer.GetName()
    # The layer belongs to the dataset: drop it first, never use it after the dataset is gone.
    layer = None
    dataset = None
    if not_polygons and all(geometry is None for geometry in geometries):
        # a layer of mixed type (GeoJSON) holding no polygon at all: points or lines, not patches
        raise PatchFormatError(_not_polygons_message(path, chosen_layer, max(not_polygons, key=not_polygons.get)))

    area_unit = _resolve_areas(rows, mapping, used, path, warnings)
    counts: dict[str, list[int]] = {}
    for row, patch_no in zip(rows["source_row"], rows["patch_no"]):
        if patch_no:
            counts.setdefault(patch_no, []).append(row)
    for patch_no, where_rows in counts.items():
        if len(where_rows) > 1:
            warnings.append(
                tr("Patch number {patch_no} occurs {count} times (rows {rows}).").format(
                    patch_no=patch_no, count=len(where_rows), rows=", ".join(map(str, where_rows))
                )
            )
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs=f"EPSG:{target_epsg}")
    return PatchBatch(
        frame=frame,
        warnings=warnings,
        path=str(path),
        layer_name=chosen_layer,
        encoding=encoding,
        encoding_note=encoding_note,
        source_crs=source_crs,
        target_epsg=target_epsg,
        mapping_used=used,
        area_unit=area_unit,
    )


def _resolve_areas(rows: dict[str, list], mapping: FieldMapping, used, path: Path, warnings: list[str]) -> str | None:
    """Fill ``area_m2``: the declared area in m² (unit per the mapping or recognised), else the computed one."""
    if "area_m2" not in used:
        rows["area_m2"] = list(rows["computed_area_m2"])
        return None
    field_name = used["area_m2"][0]
    unit = mapping.area_unit
    if unit == "auto":
        pairs = [
            (declared, computed)
            for declared, computed in zip(rows["declared_area"], rows["computed_area_m2"])
            if declared and computed
        ]
        unit = _choose_area_unit(pairs) if pairs else None
        if unit is None:
            unit = "m2"
            if pairs:
                warnings.append(
                    tr(
                        "The declared areas ({field}) of {file} match the computed areas in no unit (m², 亩, ha, km²); "
                        "read as m². Set the area unit in the field mapping."
                    ).format(field=field_name, file=path.name)
                )
        elif unit != "m2":
            warnings.append(
                tr("The declared areas ({field}) of {file} are in {unit}; converted to m².").format(
                    field=field_name, file=path.name, unit={"mu": "亩", "ha": "ha", "km2": "km²"}[unit]
                )
            )
    factor = AREA_UNITS[unit]
    for index, (declared, computed) in enumerate(zip(rows["declared_area"], rows["computed_area_m2"])):
        if declared is None:
            rows["area_m2"][index] = computed
            continue
        area = declared * factor
        rows["area_m2"][index] = area
        if computed and abs(area - computed) > max(AREA_MISMATCH_RATIO * computed, 1.0):
            warnings.append(
                tr("{where}: declared area {declared:.2f} m² differs from the computed {computed:.2f} m².").format(
                    where=_where(rows["source_row"][index], rows["patch_no"][index]), declared=area, computed=computed
                )
            )
    return unit
