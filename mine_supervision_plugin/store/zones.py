"""Key monitoring zones (重点监测矿区) in the supervision database: import and reading.

:func:`import_zones` writes the zones of any polygon layer in one
transaction: each feature's name, level (部/省/市/县, 部级…, or the codes),
list year and note come from the fields the user mapped (see
:data:`CANDIDATES` for the usual names), the level and year from defaults
when the layer has none. Bad input is refused as a whole, every problem
named with its feature and field, and nothing is written. Geometries are
repaired by :mod:`..domain.polygon_repair` (said in the warnings).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from osgeo import ogr

from ..domain.polygon_repair import Outcome, repair_polygon
from ..domain.vocab import to_code
from ..domain.zones import as_list_year
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user
from .ogr_util import as_dict, open_read, set_field, to_ogr_geometry, to_shapely

ZONES = "monitoring_zones"
#: the zone fields a layer's fields are mapped to, in the mapping table's order
TARGETS = ("name", "level", "year", "note")
#: the usual field names of each target, tried in order (case-insensitive) when the user chose none
CANDIDATES: dict[str, tuple[str, ...]] = {
    "name": ("name", "矿区名称", "监测区名称", "名称", "ZQMC", "JCQMC", "MC"),
    "level": ("level", "级别", "监测级别", "JB", "JCJB"),
    "year": ("year", "年度", "年份", "ND", "NF"),
    "note": ("note", "备注", "BZ", "remarks"),
}
_LEVEL_WORDS = {"部级": "ministry", "国家级": "ministry", "省级": "province", "市级": "city", "县级": "county",
                "区县": "county", "区县级": "county", "区级": "county", "区": "county"}


class ZoneImportError(StoreError):
    """Zones that cannot be imported, every problem named; nothing was written."""


@dataclass(frozen=True)
class ZoneInput:
    """One zone to import: ``where`` names it in messages (layer and feature); geometry in the database CRS."""

    where: str
    geometry: object  # shapely
    name: object = None
    level: object = None
    year: object = None
    note: object = None


@dataclass
class ZoneImport:
    fids: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def resolve_fields(names: Iterable[str], chosen: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """The layer field feeding each target: the user's choice (None or "": none), else the first usual name found."""
    chosen = chosen or {}
    by_lower = {name.lower(): name for name in names}
    resolved: dict[str, str | None] = {}
    for target in TARGETS:
        if target in chosen:
            resolved[target] = chosen[target] or None
            continue
        resolved[target] = next((by_lower[c.lower()] for c in CANDIDATES[target] if c.lower() in by_lower), None)
    return resolved


def zone_level(value) -> str | None:
    """The level code of a code, label (部, 省…) or word (部级, 省级, 区县…); None when it is none of them."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return to_code("zone_level", text) or _LEVEL_WORDS.get(text) or to_code("zone_level", text.rstrip("级"))


def import_zones(
    store: SupervisionStore,
    zones: Iterable[ZoneInput],
    *,
    default_level: str | None = None,
    default_year: int | None = None,
    source: str = "",
) -> ZoneImport:
    """Write ``zones`` in one transaction; :class:`ZoneImportError` naming every bad feature, nothing written."""
    default_code = zone_level(default_level) if default_level else None
    if default_level and default_code is None:
        raise ZoneImportError(tr("{level} is not a zone level (部, 省, 市, 县).").format(level=default_level))
    problems: list[str] = []
    report = ZoneImport()
    rows = []
    for zone in zones:
        name = str(zone.name).strip() if zone.name is not None else ""
        if not name:
            problems.append(tr("{where}: no zone name (field name).").format(where=zone.where))
        level = zone_level(zone.level) if zone.level not in (None, "") else default_code
        if level is None:
            problems.append(
                tr("{where}: level “{value}” is not one of 部, 省, 市, 县.").format(where=zone.where, value=zone.level)
                if zone.level not in (None, "") else
                tr("{where}: no level; map the level field or choose a default level.").format(where=zone.where))
        year = as_list_year(zone.year) if zone.year not in (None, "") else default_year
        if zone.year not in (None, "") and year is None:
            problems.append(tr("{where}: year “{value}” is not a year.").format(where=zone.where, value=zone.year))
        elif year is not None and not 1949 <= int(year) <= 2100:
            problems.append(tr("{where}: year {value} is out of range.").format(where=zone.where, value=year))
        repair = repair_polygon(zone.geometry)
        if repair.geometry is None:
            problems.append(tr("{where}: no polygon with an area; a zone needs one.").format(where=zone.where))
        elif repair.outcome == Outcome.REPAIRED:
            report.warnings.append(tr("{where}: invalid polygon ({reason}) repaired.").format(
                where=zone.where, reason=repair.reason))
        rows.append((name, level, year, str(zone.note).strip() if zone.note not in (None, "") else None,
                     repair.geometry))
    if problems:
        raise ZoneImportError("\n".join([tr("No zone was imported:")] + problems[:20] + (
            [tr("… and {count} more.").format(count=len(problems) - 20)] if len(problems) > 20 else [])))
    if not rows:
        raise ZoneImportError(tr("The layer has no features; no zone was imported."))
    with store.transaction() as source_ds:
        layer = source_ds.GetLayerByName(ZONES)
        for name, level, year, note, geometry in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in (("name", name), ("level", level), ("year", year), ("note", note)):
                set_field(feature, key, value)
            feature.SetGeometry(to_ogr_geometry(geometry))
            layer.CreateFeature(feature)
            report.fids.append(feature.GetFID())
        store.log(source_ds, "import_zones", ZONES, source, {"zones": report.fids, "user": current_user()})
    return report


def read_zones(store: SupervisionStore) -> list[dict]:
    """Every zone: fid, name, level, year, note and ``geometry`` (shapely, database CRS)."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName(ZONES)
        zones = []
        for feature in layer:
            record = as_dict(feature)
            record["geometry"] = to_shapely(feature.GetGeometryRef())
            zones.append(record)
    finally:
        layer = source = None
    return zones
