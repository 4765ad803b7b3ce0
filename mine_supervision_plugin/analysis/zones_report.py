"""What the zones dock shows: each key monitoring zone in force, its mines, field-check list and patrol compliance.

:func:`zones_report` reads the store once: the zones (those in force in the
year, :mod:`..domain.zones`), the licences (number, name, status, boundary)
and the inspections (their mines and dates); a licence belongs to a zone
when its boundary overlaps it (touching along an edge does not count, as in
the rights dock). The year's field-check list of a zone is its producing
mines (seed 002 §二(二)). Compliance for the period comes from
:func:`.compliance.compliance` for every mine at once, so the zones dock and
the rights dock (:func:`overdue_mines`) say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import shapely

from ..domain import corner_checks as rule_corner
from ..domain.compliance import status_code
from ..domain.zones import zones_in_force_mask
from ..store.database import SupervisionStore
from ..store.fast_io import read_layer
from ..store.ogr_util import as_dict, open_read, to_shapely
from ..store.zones import read_zones
from . import compliance as compliance_module

PRODUCING = "producing"
RIGHT_FIELDS = ("license_no", "mine_name", "status")


@dataclass
class MineRow:
    license_no: str
    mine_name: str
    status: str | None
    required: int = 0
    satisfied: int = 0
    missing: int = 0
    missing_periods: str = ""
    inspections: int = 0
    last_inspected_on: dt.date | None = None
    #: routine patrols in the period with fewer than 3 corner checks of this mine
    short_patrols: int = 0

    @property
    def overdue(self) -> bool:
        return self.missing > 0

    @property
    def on_field_check_list(self) -> bool:
        return self.status == PRODUCING


@dataclass
class ZoneRow:
    fid: int
    name: str
    level: str | None
    year: int | None
    note: str | None
    mines: list[str] = field(default_factory=list)
    bounds: tuple[float, float, float, float] | None = None

    def field_check_list(self, mines: dict[str, MineRow]) -> list[str]:
        """The zone's producing mines: all go on the year's field-check list."""
        return [n for n in self.mines if mines[n].on_field_check_list]

    def overdue(self, mines: dict[str, MineRow]) -> list[str]:
        return [n for n in self.mines if mines[n].overdue]


@dataclass
class ZonesReport:
    year: int
    start: dt.date
    end: dt.date
    zones: list[ZoneRow]
    mines: dict[str, MineRow]
    warnings: list[str] = field(default_factory=list)


def _read(store: SupervisionStore, table: str, geometry: bool) -> list[dict]:
    source = open_read(store)
    try:
        layer = source.GetLayerByName(table)
        if not geometry:
            layer.SetIgnoredFields(["OGR_GEOMETRY"])
        rows = []
        for feature in layer:
            record = as_dict(feature)
            if geometry:
                record["geometry"] = to_shapely(feature.GetGeometryRef())
            rows.append(record)
    finally:
        layer = source = None
    return rows


def _read_columns(store: SupervisionStore, table: str, fields: tuple[str, ...], geometry: bool) -> dict[str, list]:
    """Columns of ``table`` (``fid``, ``fields``, ``geometry`` when asked) read in bulk (OGR's Arrow stream) when
    it can be: a province's 500,000 inspections in about a second, against a minute feature by feature."""
    data = None if store.is_postgres else read_layer(store.location, table, fields=fields)
    if data is None:
        rows = _read(store, table, geometry)
        columns = {name: [r.get(name) for r in rows] for name in ("fid", *fields)}
        if geometry:
            columns["geometry"] = [r.get("geometry") for r in rows]
        return columns
    columns = {"fid": data.fids.tolist(), **{name: data.attributes[name] for name in fields}}
    if geometry:
        columns["geometry"] = list(data.geometries)
    return columns


def _compliance(store: SupervisionStore, rights: dict[str, list], start: dt.date, end: dt.date, *,
                corners: bool = True):
    inspections = _read_columns(store, "inspections", ("license_no", "license_nos", "inspection_date", "kind"), False)
    # an inspection's mines: its license_nos list, else its license_no (as store.inspections.patrol_mines)
    numbers = [listed or single or None for listed, single in zip(inspections["license_nos"], inspections["license_no"])]
    result = compliance_module.compliance(
        rights["license_no"], rights["status"], numbers, inspections["inspection_date"], start, end,
        inspection_labels=[f"inspections #{fid}" for fid in inspections["fid"]], date_field="inspection_date",
    )
    return result, _short_patrols(store, inspections, numbers, start, end) if corners else {}


def _short_patrols(store: SupervisionStore, inspections: dict[str, list], numbers: list, start: dt.date,
                   end: dt.date) -> dict[str, int]:
    """Licence number → its routine patrols (日常巡查) in [start, end] with fewer than 3 corner checks of it.

    Seed 002 §二(二)1②: every patrol checks at least three boundary corners of the mine.
    """
    import pandas as pd

    patrols = pd.DataFrame({"fid": inspections["fid"], "mine": numbers, "day": inspections["inspection_date"],
                            "kind": inspections["kind"]})
    patrols = patrols[(patrols["kind"] == "patrol") & patrols["mine"].notna() & patrols["day"].notna()]
    if patrols.empty:
        return {}
    days = pd.to_datetime(patrols["day"], errors="coerce")
    patrols = patrols[(days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))]
    patrols = patrols.assign(mine=patrols["mine"].str.split(r"\s*[,，;；、]\s*", regex=True)).explode("mine")
    checks = _read_columns(store, "corner_checks", ("inspection_id", "license_no"), False)
    counts = pd.DataFrame({"fid": checks["inspection_id"], "mine": checks["license_no"]}).dropna()
    counts = counts.groupby(["fid", "mine"]).size().rename("checks").reset_index()
    merged = patrols.merge(counts, on=["fid", "mine"], how="left").fillna({"checks": 0})
    short = merged[merged["checks"] < rule_corner.MIN_CORNERS_PER_PATROL].groupby("mine").size()
    return {str(k): int(v) for k, v in short.items()}


def _mine_rows(rights: dict[str, list], compliance) -> dict[str, MineRow]:
    result, short = compliance
    names = dict(zip(rights["license_no"], rights["mine_name"]))
    mines: dict[str, MineRow] = {}
    for row in result.table.itertuples(index=False):
        mines[row.license_no] = MineRow(
            license_no=row.license_no, mine_name=names.get(row.license_no) or "", status=row.status,
            required=int(row.required_periods), satisfied=int(row.satisfied_periods), missing=int(row.missing_count),
            missing_periods=row.missing_periods, inspections=int(row.inspections_in_period),
            last_inspected_on=row.last_inspected_on, short_patrols=short.get(row.license_no, 0),
        )
    return mines


def overdue_mines(store: SupervisionStore, start: dt.date, end: dt.date) -> dict[str, MineRow]:
    """Every mine's patrol compliance for [start, end] by licence number (see :class:`MineRow`; the rights dock
    needs no corner counts, so ``short_patrols`` stays 0 here: :func:`zones_report` counts them)."""
    rights = _read_columns(store, "mining_rights", RIGHT_FIELDS, geometry=False)
    return _mine_rows(rights, _compliance(store, rights, start, end, corners=False))


def zones_report(store: SupervisionStore, year: int, start: dt.date, end: dt.date) -> ZonesReport:
    """The zones in force in ``year`` with their mines, and every mine's compliance for [start, end]."""
    zones = read_zones(store)
    in_force = zones_in_force_mask([z.get("year") for z in zones], year)
    zones = [z for z, keep in zip(zones, in_force) if keep]
    rights = _read_columns(store, "mining_rights", RIGHT_FIELDS, geometry=True)
    result = _compliance(store, rights, start, end)
    mines = _mine_rows(rights, result)
    boundaries = [(number, shape) for number, shape in zip(rights["license_no"], rights["geometry"])
                  if number and shape is not None and not shape.is_empty]
    tree = shapely.STRtree([g for _, g in boundaries]) if boundaries else None
    rows = []
    for zone in zones:
        geometry = zone.get("geometry")
        row = ZoneRow(zone["fid"], zone.get("name") or "", zone.get("level"), zone.get("year"), zone.get("note"))
        if geometry is not None and not geometry.is_empty:
            row.bounds = tuple(geometry.bounds)
            if tree is not None:
                shapely.prepare(geometry)
                for index in tree.query(geometry, predicate="intersects"):
                    number, boundary = boundaries[index]
                    if not geometry.touches(boundary) and number in mines and number not in row.mines:
                        row.mines.append(number)
        row.mines.sort(key=lambda n: (mines[n].status != PRODUCING, n))
        rows.append(row)
    rows.sort(key=lambda z: (z.year is None, -(z.year or 0), _LEVEL_ORDER.get(z.level, 9), z.name))
    for mine in mines.values():
        mine.status = status_code(mine.status) or mine.status
    return ZonesReport(year, start, end, rows, mines, list(result[0].warnings))


_LEVEL_ORDER = {"ministry": 0, "province": 1, "city": 2, "county": 3}
