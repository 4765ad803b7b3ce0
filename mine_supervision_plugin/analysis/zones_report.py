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

from ..domain.compliance import status_code
from ..domain.zones import zones_in_force_mask
from ..store.database import SupervisionStore
from ..store.inspections import patrol_mines
from ..store.ogr_util import as_dict, open_read, to_shapely
from ..store.zones import read_zones
from . import compliance as compliance_module

PRODUCING = "producing"


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


def _compliance(store: SupervisionStore, rights: list[dict], start: dt.date, end: dt.date):
    inspections = _read(store, "inspections", geometry=False)
    numbers, dates = [], []
    for row in inspections:
        mines = patrol_mines(row)
        numbers.append(",".join(mines) if mines else None)
        dates.append(row.get("inspection_date"))
    return compliance_module.compliance(
        [r.get("license_no") for r in rights], [r.get("status") for r in rights], numbers, dates, start, end,
        inspection_labels=[f"inspections #{r['fid']}" for r in inspections], date_field="inspection_date",
    )


def _mine_rows(rights: list[dict], result) -> dict[str, MineRow]:
    names = {r.get("license_no"): r.get("mine_name") or "" for r in rights}
    mines: dict[str, MineRow] = {}
    for row in result.table.itertuples(index=False):
        mines[row.license_no] = MineRow(
            license_no=row.license_no, mine_name=names.get(row.license_no, ""), status=row.status,
            required=int(row.required_periods), satisfied=int(row.satisfied_periods), missing=int(row.missing_count),
            missing_periods=row.missing_periods, inspections=int(row.inspections_in_period),
            last_inspected_on=row.last_inspected_on,
        )
    return mines


def overdue_mines(store: SupervisionStore, start: dt.date, end: dt.date) -> dict[str, MineRow]:
    """Every mine's patrol compliance for [start, end] by licence number (see :class:`MineRow`)."""
    rights = _read(store, "mining_rights", geometry=False)
    return _mine_rows(rights, _compliance(store, rights, start, end))


def zones_report(store: SupervisionStore, year: int, start: dt.date, end: dt.date) -> ZonesReport:
    """The zones in force in ``year`` with their mines, and every mine's compliance for [start, end]."""
    zones = read_zones(store)
    in_force = zones_in_force_mask([z.get("year") for z in zones], year)
    zones = [z for z, keep in zip(zones, in_force) if keep]
    rights = _read(store, "mining_rights", geometry=True)
    result = _compliance(store, rights, start, end)
    mines = _mine_rows(rights, result)
    boundaries = [(r["license_no"], r["geometry"]) for r in rights
                  if r.get("license_no") and r.get("geometry") is not None and not r["geometry"].is_empty]
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
    return ZonesReport(year, start, end, rows, mines, list(result.warnings))


_LEVEL_ORDER = {"ministry": 0, "province": 1, "city": 2, "county": 3}
