"""One patch at a time: a patch drawn on patrol, numbered, pre-judged against the store and stored.

The map tool (``gui/draw_patch_tool.py``) and Processing share this module, so
it knows nothing of ``qgis.gui``: geometries are shapely, in the store's CRS;
the store is read through OGR (only the features near the patch, through the
tables' spatial index) and written through :func:`store.patches.add_patches`
in one transaction (the patch, its ``issued`` event and the audit row).

The pre-judgment is the batch one (:func:`analysis.prejudge.prejudge`) run on
a frame of one patch, against

- the licences of ``mining_rights`` with their validity (on ``date_after``),
- the key monitoring zones of ``monitoring_zones``,
- the patches already stored (earlier years' patches give ``repeat_years``),

so a patch drawn by hand and the same polygon in a satellite batch are judged
alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import shapely
from osgeo import ogr

from ..domain.dates import to_date as parse_date
from ..domain.polygon_repair import repair_geometry
from ..domain.units import MU_PER_M2
from ..domain.vocab import label
from ..domain.zones import list_year_in_force, zone_in_force
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore
from ..store.ogr_util import field_value, open_read, quote, spatial_reference, to_shapely

ogr.UseExceptions()

PATROL_SOURCE = "patrol"
PATROL_PREFIX = "XC"
NUMBER_WIDTH = 4
RESULT_FIELDS = (
    "prejudgment",
    "inside_area_m2",
    "outside_area_m2",
    "license_no",
    "zone_name",
    "zone_level",
    "repeat_years",
    "expired_area_m2",
    "prejudge_note",
)
# Search margin around the patch when reading the store: licences and zones
# that do not reach the patch's bounding box cannot change its answer.
_SEARCH_MARGIN = 1.0


class SinglePatchError(StoreError):
    """A drawn patch that cannot be stored, worded for the user."""


@dataclass
class SinglePatchResult:
    """A pre-judged (and possibly stored) patch, as the user is told about it."""

    patch_no: str
    geometry: object  # shapely MultiPolygon in the store CRS
    area_m2: float | None
    prejudgment: str | None
    inside_area_m2: float | None
    outside_area_m2: float | None
    license_no: str | None
    zone_name: str | None
    zone_level: str | None
    repeat_years: str | None
    expired_area_m2: float | None = None
    prejudge_note: str | None = None
    date_after: dt.date | None = None
    date_before: dt.date | None = None
    year: int | None = None
    repaired: bool = False
    warnings: list[str] = field(default_factory=list)
    stored: bool = False

    @property
    def prejudgment_label(self) -> str:
        """The pre-judgment in Chinese (证内, 疑似越界开采, …)."""
        return label("prejudgment", self.prejudgment)

    @property
    def zone_level_label(self) -> str:
        return label("zone_level", self.zone_level)

    @property
    def licences(self) -> list[str]:
        return [n.strip() for n in (self.license_no or "").split(",") if n.strip()]

    @staticmethod
    def mu(area_m2: float | None) -> float | None:
        """m² to 亩 (1 亩 = 2000/3 m²)."""
        return None if area_m2 is None else area_m2 * MU_PER_M2

    def record(self) -> dict:
        """The row for :func:`store.patches.add_patches`."""
        return {
            "patch_no": self.patch_no,
            "year": self.year,
            "date_before": self.date_before,
            "date_after": self.date_after,
            "area_m2": self.area_m2,
            **{name: getattr(self, name) for name in RESULT_FIELDS},
            "geometry": self.geometry,
        }

    def summary(self) -> str:
        """One line for the message bar."""
        text = tr("Patch {patch_no}: {prejudgment}; inside licences {inside} m², outside {outside} m².").format(
            patch_no=self.patch_no,
            prejudgment=self.prejudgment_label or tr("not pre-judged"),
            inside=_format_area(self.inside_area_m2),
            outside=_format_area(self.outside_area_m2),
        )
        if self.license_no:
            text += " " + tr("Licences: {licences}.").format(licences=self.license_no)
        if self.zone_name:
            text += " " + tr("Monitoring zone: {zone} ({level}).").format(zone=self.zone_name, level=self.zone_level_label)
        if self.repeat_years:
            text += " " + tr("Also changed in: {years}.").format(years=self.repeat_years)
        return text


def _format_area(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


# --- numbers ---------------------------------------------------------------------


def patrol_prefix(year: int) -> str:
    """The number prefix of patrol patches of ``year``: ``XC-2026-``."""
    return f"{PATROL_PREFIX}-{int(year)}-"


def next_patrol_patch_no(store: SupervisionStore, year: int | None = None) -> str:
    """The next free patrol number of the year, ``XC-<year>-<nnnn>``, unique in the store."""
    from ..store.patches import next_patch_no

    return next_patch_no(store, patrol_prefix(year or dt.date.today().year), width=NUMBER_WIDTH)


# --- reading the store --------------------------------------------------------------


def read_table(
    store: SupervisionStore,
    table_name: str,
    fields: tuple[str, ...],
    *,
    bounds: tuple[float, float, float, float] | None = None,
    where: str | None = None,
):
    """Rows of a store table as a GeoDataFrame in the store CRS, only those meeting ``bounds`` when given.

    Dates come back as ``datetime.date``, date-times as ``datetime.datetime``
    (:func:`store.ogr_util.field_value`); rows without geometry are left out
    (they cannot touch a patch).
    """
    import geopandas as gpd

    source = open_read(store)
    if source is None:
        raise SinglePatchError(tr("{path} cannot be opened.").format(path=store.shown))
    rows: dict[str, list] = {name: [] for name in fields}
    geometries = []
    try:
        layer = source.GetLayerByName(table_name)
        if layer is None:
            raise SinglePatchError(tr("The database has no table {table}.").format(table=table_name))
        definition = layer.GetLayerDefn()
        indexes = {}
        for name in fields:
            index = definition.GetFieldIndex(name)
            indexes[name] = (index, definition.GetFieldDefn(index).GetType() if index >= 0 else None)
        if bounds is not None:
            layer.SetSpatialFilterRect(*bounds)
        if where:
            layer.SetAttributeFilter(where)
        for feature in layer:
            reference = feature.GetGeometryRef()
            if reference is None or reference.IsEmpty():
                continue
            geometries.append(to_shapely(reference))
            for name, (index, kind) in indexes.items():
                rows[name].append(field_value(feature, index, kind) if index >= 0 else None)
        layer = None
    finally:
        source = None
    return gpd.GeoDataFrame(rows, geometry=geometries, crs=f"EPSG:{store.crs_epsg}")


def _bounds(geometry) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = geometry.bounds
    return (minx - _SEARCH_MARGIN, miny - _SEARCH_MARGIN, maxx + _SEARCH_MARGIN, maxy + _SEARCH_MARGIN)


# --- geometry ------------------------------------------------------------------------


def prepare_geometry(geometry, patch_no: str = "") -> tuple[object, list[str], bool]:
    """A valid MultiPolygon for a drawn geometry, the notes on its repair, and whether it was repaired.

    A self-intersecting ring (a bow-tie) is repaired with ``make_valid``,
    which keeps every piece of its area. Raises :class:`SinglePatchError`
    when nothing with an area is left.
    """
    if isinstance(geometry, str):
        geometry = shapely.from_wkt(geometry)
    where = tr("Patch {patch_no}").format(patch_no=patch_no) if patch_no else tr("The drawn patch")
    if geometry is None or geometry.is_empty:
        raise SinglePatchError(tr("{where}: the geometry is empty.").format(where=where))
    was_valid = bool(geometry.is_valid)
    repaired, notes = repair_geometry(geometry, where)
    if repaired is None or repaired.is_empty or repaired.area <= 0:
        raise SinglePatchError("\n".join(notes) or tr("{where}: the geometry has no area.").format(where=where))
    return repaired, notes, not was_valid


# --- pre-judgment ------------------------------------------------------------------


def prejudge_geometry(
    store: SupervisionStore,
    geometry,
    *,
    date_after: dt.date | str | None = None,
    date_before: dt.date | str | None = None,
    year: int | None = None,
    patch_no: str = "",
    tolerance_m2: float = 1.0,
) -> SinglePatchResult:
    """Pre-judge one polygon (store CRS) against the store's licences, zones and earlier patches.

    Nothing is written. ``date_after`` (default today) decides which licences
    were valid; ``year`` (default the year of ``date_after``) which stored
    patches are earlier years'. An invalid polygon is repaired first and the
    repair is named in ``warnings``.
    """
    import geopandas as gpd

    from .prejudge import prejudge

    date_after = parse_date(date_after) if date_after is not None else dt.date.today()
    if date_after is None:
        raise SinglePatchError(tr("The after-imagery date cannot be read."))
    date_before = parse_date(date_before) if date_before is not None else None
    year = int(year or date_after.year)
    geometry, warnings, repaired = prepare_geometry(geometry, patch_no)
    bounds = _bounds(geometry)
    rights = read_table(store, "mining_rights", ("license_no", "valid_from", "valid_to"), bounds=bounds)
    zones = zones_of_list_year(
        read_table(store, "monitoring_zones", ("name", "level", "year"), bounds=bounds), _latest_zone_year(store, year)
    )
    previous = read_table(store, "patches", ("patch_no", "year", "date_after"), bounds=bounds)
    if patch_no and len(previous):
        previous = previous[previous["patch_no"] != patch_no]
    patches = gpd.GeoDataFrame(
        {"patch_no": [patch_no or "new"], "year": [year], "date_before": [date_before], "date_after": [date_after]},
        geometry=[geometry],
        crs=f"EPSG:{store.crs_epsg}",
    )
    answer = prejudge(
        patches,
        rights,
        zones=zones if len(zones) else None,
        previous=previous if len(previous) else None,
        date_field="date_after",
        tolerance_m2=tolerance_m2,
    )
    frame = getattr(answer, "frame", answer)
    row = frame.iloc[0]
    warnings += [str(w) for w in getattr(answer, "warnings", []) or []]
    values = {name: plain_value(row.get(name)) for name in RESULT_FIELDS}
    if values["prejudge_note"]:
        values["prejudge_note"] = str(values["prejudge_note"])
        warnings.append(values["prejudge_note"])
    for name in ("inside_area_m2", "outside_area_m2", "expired_area_m2"):
        if values[name] is not None:
            values[name] = float(values[name])
    if values["repeat_years"] is not None and not isinstance(values["repeat_years"], str):
        values["repeat_years"] = _years_text(values["repeat_years"])
    area = float(geometry.area) if _is_projected(store.crs_epsg) else None
    if area is None and values["inside_area_m2"] is not None and values["outside_area_m2"] is not None:
        area = values["inside_area_m2"] + values["outside_area_m2"]
    return SinglePatchResult(
        patch_no=patch_no,
        geometry=geometry,
        area_m2=area,
        date_after=date_after,
        date_before=date_before,
        year=year,
        repaired=repaired,
        warnings=warnings,
        **values,
    )


def _latest_zone_year(store: SupervisionStore, year: int) -> int | None:
    """The year of the key monitoring zone list in force in ``year`` (:func:`..domain.zones.list_year_in_force`).

    The list years are those of every zone of the store, not only of the zones
    near the patch: the list in force does not depend on where the patch is.
    """
    source = open_read(store)
    years = []
    try:
        result = source.ExecuteSQL('SELECT DISTINCT "year" FROM "monitoring_zones"')
        try:
            if result is not None:
                for feature in result:
                    years.append(feature.GetField(0) if feature.IsFieldSetAndNotNull(0) else None)
        finally:
            if result is not None:
                source.ReleaseResultSet(result)
    finally:
        source = None
    return list_year_in_force(years, year)


def zones_of_list_year(zones, list_year: int | None):
    """The zones of the list in force: those without a year, and those of ``list_year``.

    The rule is :func:`..domain.zones.zone_in_force` (seed 002: the list is
    adjusted yearly; see :mod:`..domain.zones`).
    """
    if not len(zones):
        return zones
    return zones[[zone_in_force(value, list_year) for value in zones["year"].tolist()]]


def plain_value(value):
    """A pandas/numpy cell as a plain Python value; blanks as None."""
    if value is None:
        return None
    try:
        import pandas as pd

        if not isinstance(value, (list, tuple, set, str)) and pd.isna(value):
            return None
    except (TypeError, ValueError, ImportError):
        pass
    if hasattr(value, "item") and not isinstance(value, str):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    if isinstance(value, str):
        return value.strip() or None
    return value


def _years_text(value) -> str | None:
    try:
        years = sorted({int(v) for v in value})
    except TypeError:
        return str(value)
    return ",".join(str(y) for y in years) or None


def _is_projected(epsg: int) -> bool:
    return bool(spatial_reference(epsg).IsProjected())


# --- storing ------------------------------------------------------------------------


def store_drawn_patch(
    store: SupervisionStore,
    geometry,
    *,
    date_after: dt.date | str | None = None,
    date_before: dt.date | str | None = None,
    year: int | None = None,
    patch_no: str | None = None,
    remarks: str | None = None,
    county_code: str | None = None,
    source: str = PATROL_SOURCE,
    tolerance_m2: float = 1.0,
    user: str | None = None,
) -> SinglePatchResult:
    """Number, pre-judge and store one patch drawn on patrol; return what the user is told.

    ``geometry`` is a shapely polygon in the store CRS. The patch gets the
    next free number ``XC-<year>-<nnnn>`` unless ``patch_no`` is given, state
    ``issued`` with its event, its planar area and its pre-judgment fields,
    all in one transaction. Raises :class:`SinglePatchError` (or
    :class:`store.patches.PatchStoreError`) when it cannot be stored.
    """
    from ..store.patches import PatchStoreError, add_patches

    after = parse_date(date_after) if date_after is not None else dt.date.today()
    if after is None:
        raise SinglePatchError(tr("The after-imagery date cannot be read."))
    year = int(year or after.year)
    given = (patch_no or "").strip() or None
    attempts = 1 if given else 5
    last_error: Exception | None = None
    for _ in range(attempts):
        number = given or next_patrol_patch_no(store, year)
        result = prejudge_geometry(
            store,
            geometry,
            date_after=after,
            date_before=date_before,
            year=year,
            patch_no=number,
            tolerance_m2=tolerance_m2,
        )
        record = result.record()
        if county_code:
            record["county_code"] = county_code
        if remarks:
            record["remarks"] = remarks
        try:
            report = add_patches(
                store,
                [record],
                source=source,
                year=year,
                reason=tr("Drawn on patrol"),
                user=user,
            )
        except PatchStoreError as error:
            last_error = error
            if given or not error.duplicates:
                raise
            continue  # someone else took the number meanwhile: take the next one
        stored = report.records[0] if report.records else {}
        if stored.get("area_m2") is not None:
            result.area_m2 = float(stored["area_m2"])
        result.stored = True
        return result
    raise SinglePatchError(str(last_error))


def describe_licences(store: SupervisionStore, license_nos: list[str]) -> dict[str, dict]:
    """Name, holder and validity of the given licences, for showing the answer."""
    if not license_nos:
        return {}
    quoted = ", ".join(quote(n) for n in license_nos)
    frame = read_table(
        store,
        "mining_rights",
        ("license_no", "mine_name", "holder", "valid_from", "valid_to", "status"),
        where=f"license_no IN ({quoted})",
    )
    return {row["license_no"]: {k: plain_value(row[k]) for k in frame.columns if k != "geometry"} for _, row in frame.iterrows()}
