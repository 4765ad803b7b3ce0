"""The demo county: a deterministic, realistic county of mines in EPSG:4526.

``generate(out_dir)`` writes, from one numpy seed and a fixed "today":

* ``rights/`` — one corner-coordinate file per licence (half registration txt,
  half land-exchange txt, GBK) plus ``rights/corner_table.csv`` holding two
  licences; ``rights_attributes.csv`` (the licence ledger: names, validity, status, credit status);
  ``rights_truth.gpkg`` (layer ``mining_rights``), the ground truth;
* ``monitoring_zones.gpkg`` — three key monitoring zones (province/city/county);
* ``patches/`` — the satellite batches ``wp2024.shp`` … ``wp2026.shp`` (GBK;
  no ``.cpg`` for 2026), ``patrol_2026.geojson`` (EPSG:4490) and ``truth.csv``
  (the pre-judgment each patch should get);
* ``inspections/`` — a year of patrol routes, photos and boundary-corner checks: ``routes.gpkg``,
  ``photos.csv``, ``corner_checks.csv``, and as the field-check app brings them back ``gpx/`` (one GPX
  1.1 file of tracks per month, a few drone flight logs as CSV) and ``photos/`` (geotagged JPEGs);
* ``surveys/`` — two special-survey rounds of the producing mines in the zones;
* ``enforcement/`` — penalty cases, the patches determined illegal after their field check, the quarterly
  reviews held (``corner_checks.csv`` covers every routine patrol, a few short of 3 corners);
* ``imagery/`` — before/after RGB GeoTIFFs with the pits visible.

Conventions: everything is in EPSG:4526 (CGCS2000 3-degree Gauss–Krüger zone
38, eastings with the zone prefix) unless said otherwise. In the CSV files, as
in the corner-coordinate files, ``x`` is the northing and ``y`` the easting.

Run ``python -m demo.county --out DIR --seed 2026``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import affinity, make_valid
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # pragma: no cover - when run as a script
    sys.path.insert(0, str(ROOT))

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel  # noqa: E402
from mine_supervision_plugin.formats.coordinate_writers import (  # noqa: E402
    write_corner_table_csv,
    write_land_exchange_txt,
    write_registration_txt,
)

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

EPSG = 4526
XZQDM = "140404"
COUNTY = "上党区"
LICENCE_PREFIX = "C1404042010127130"
# County extent (easting with zone prefix, northing).
E0, E1 = 38_440_000.0, 38_480_000.0
N0, N1 = 4_000_000.0, 4_040_000.0
GRID = 9  # licences sit on a jittered 9 × 9 grid, spacing ≈ 4.4 km
N_LICENCES = 66
STATUSES = ("producing", "suspended", "construction", "closed")

TOWNS = ("荫城镇", "八义镇", "西火镇", "韩店镇", "苏店镇", "贾掌镇", "南宋乡", "郝家庄镇", "东和乡", "北呈乡", "振兴镇")
VILLAGES = (
    "桑梓", "东掌", "河下", "李村", "北庄", "南岭", "石窑", "王家峪", "柳沟", "杨家河", "后堡", "西岭",
    "中村", "石圪节", "庄头", "申家山", "韩家沟", "关村", "水泉", "上庄",
)
BRANDS = (
    "鑫源", "宏达", "晋丰", "华泰", "恒通", "金瑞", "宝龙", "润德", "永安", "兴旺", "盛世", "天元", "瑞丰",
    "万通", "丰源", "隆基", "昌盛", "泰和", "嘉禾", "长兴", "聚鑫", "晋源", "潞宝", "太行", "漳泽", "德盛",
    "安泰", "恒源", "富民", "宏远",
)
# mineral → (weight, mine-name suffixes, holder kind, methods with weights, scales)
MINERALS = {
    "煤": (0.36, ("煤矿",), "煤业", {"underground": 1.0}, ("30万吨/年", "60万吨/年", "90万吨/年", "120万吨/年")),
    "铁矿": (0.12, ("铁矿",), "矿业", {"underground": 0.4, "open_pit": 0.2, "combined": 0.4}, ("5万吨/年", "10万吨/年", "20万吨/年")),
    "水泥用灰岩": (0.12, ("水泥用灰岩矿",), "矿业", {"open_pit": 1.0}, ("50万吨/年", "100万吨/年")),
    "建筑石料用灰岩": (0.22, ("建筑石料用灰岩矿", "石料厂"), "矿业", {"open_pit": 1.0}, ("10万吨/年", "20万吨/年", "30万吨/年")),
    "石英岩": (0.08, ("石英岩矿",), "矿业", {"open_pit": 0.8, "combined": 0.2}, ("3万吨/年", "5万吨/年")),
    "耐火粘土": (0.10, ("耐火粘土矿",), "矿业", {"underground": 0.5, "open_pit": 0.5}, ("3万吨/年", "6万吨/年")),
}


@dataclass
class Right:
    """A generated mining right: the licence plus what only the truth files know."""

    licence: Licence
    geometry: MultiPolygon  # easting/northing, excluded parcels as holes
    status: str = "producing"
    credit_status: str = "normal"
    file_format: str = "registration"  # or land_exchange / table
    cell: tuple[int, int] = (0, 0)
    pit_before: Polygon | None = None
    pit_after: Polygon | None = None
    extra: dict = field(default_factory=dict)

    @property
    def license_no(self) -> str:
        return self.licence.license_no


# --- geometry helpers ---------------------------------------------------------------------


def _r2(value: float) -> float:
    return round(float(value), 2)


def _round_polygon(poly: Polygon) -> Polygon:
    """Corners rounded to 0.01 m, without repeated, too close (< 1 m) or collinear corners."""
    poly = Polygon(poly.exterior.coords).simplify(0.05)
    points: list[tuple[float, float]] = []
    for x, y in poly.exterior.coords[:-1]:
        point = (_r2(x), _r2(y))
        if points and math.dist(points[-1], point) < 1.0:
            continue
        points.append(point)
    while len(points) > 3 and math.dist(points[0], points[-1]) < 1.0:
        points.pop()
    return Polygon(points)


def _notched_polygon(rng: np.random.Generator, w: float, h: float, max_corners: int = 24) -> Polygon:
    """A rectangle with rectangular notches cut at corners and edges: 4–24 corners, rectilinear."""
    poly = box(0, 0, w, h)
    corners = 4
    for cx, cy in ((0, 0), (w, 0), (w, h), (0, h)):
        if corners + 2 > max_corners or rng.random() < 0.4:
            continue
        a, b = rng.uniform(0.08, 0.3) * w, rng.uniform(0.08, 0.3) * h
        x0 = cx if cx == 0 else cx - a
        y0 = cy if cy == 0 else cy - b
        poly = poly.difference(box(x0, y0, x0 + a, y0 + b))
        corners += 2
    for edge in range(4):
        if corners + 4 > max_corners or rng.random() < 0.6:
            continue
        depth = rng.uniform(0.06, 0.28)
        start, width = rng.uniform(0.36, 0.5), rng.uniform(0.06, 0.14)
        if edge == 0:
            cut = box(start * w, 0, (start + width) * w, depth * h)
        elif edge == 1:
            cut = box(w - depth * w, start * h, w, (start + width) * h)
        elif edge == 2:
            cut = box(start * w, h - depth * h, (start + width) * w, h)
        else:
            cut = box(0, start * h, depth * w, (start + width) * h)
        poly = poly.difference(cut)
        corners += 4
    return Polygon(poly.exterior.coords)


def _star_polygon(rng: np.random.Generator, radius: float, n: int) -> Polygon:
    """An irregular star-shaped polygon around (0, 0): simple by construction."""
    # keep the angles apart so no corner is degenerate
    angles = np.sort((np.arange(n) + rng.uniform(-0.3, 0.3, n)) * 2 * math.pi / n)
    radii = radius * rng.uniform(0.6, 1.0, n)
    return Polygon([(r * math.cos(a), r * math.sin(a)) for a, r in zip(angles, radii)])


def _blob(rng: np.random.Generator, center: tuple[float, float], radius: float, n: int = 9) -> Polygon:
    return affinity.translate(_star_polygon(rng, radius, n), center[0], center[1])


def _clockwise_from_north_west(poly: Polygon) -> list[tuple[float, float]]:
    """Exterior corners, clockwise (as surveyors number them), starting at the north-westernmost."""
    coords = list(poly.exterior.coords)[:-1]
    if Polygon(coords).exterior.is_ccw:
        coords.reverse()
    start = max(range(len(coords)), key=lambda i: coords[i][1] - coords[i][0])
    return coords[start:] + coords[:start]


def _corners(poly: Polygon, first_number: int = 1) -> list[Corner]:
    return [Corner(first_number + i, x=y, y=x) for i, (x, y) in enumerate(_clockwise_from_north_west(poly))]


def _random_point_in(rng: np.random.Generator, poly, margin: float = 0.0) -> tuple[float, float] | None:
    target = poly.buffer(-margin) if margin else poly
    if target.is_empty:
        return None
    minx, miny, maxx, maxy = target.bounds
    for _ in range(200):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if target.contains(Point(x, y)):
            return x, y
    return None


# --- licences ----------------------------------------------------------------------------


def _pick(rng: np.random.Generator, weights: dict) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _validity(rng: np.random.Generator, kind: str, index: int, today: dt.date) -> tuple[dt.date, dt.date]:
    if kind == "expired":
        # spread over 2023-03 … 2026-10 so every batch year has expired licences
        start, end = dt.date(2023, 3, 1), today - dt.timedelta(days=20)
        span = (end - start).days
        valid_to = start + dt.timedelta(days=int(span * (index + rng.uniform(0.1, 0.9)) / 9))
    elif kind == "expiring":
        valid_to = today + dt.timedelta(days=int(rng.integers(5, 86)))
    else:
        valid_to = today + dt.timedelta(days=int(rng.integers(120, 3300)))
    valid_from = dt.date(int(rng.integers(2010, 2023)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    return valid_from, valid_to


def _depths(rng: np.random.Generator, method: str) -> tuple[float, float]:
    if method == "open_pit":
        top = float(rng.integers(125, 150) * 10)
        return top, top - float(rng.integers(5, 20) * 10)
    top = float(rng.integers(110, 130) * 10)
    return top, top - float(rng.integers(20, 60) * 10)


def make_rights(rng: np.random.Generator, today: dt.date) -> list[Right]:
    """The licences, their boundaries, validity, status and credit status."""
    spacing_e, spacing_n = (E1 - E0) / GRID, (N1 - N0) / GRID
    cells = [(i, j) for j in range(GRID) for i in range(GRID)]
    chosen = sorted(rng.choice(len(cells), N_LICENCES, replace=False).tolist())
    cells = [cells[k] for k in chosen]
    n = len(cells)
    order = rng.permutation(n)
    validity_kind = ["valid"] * n
    for k in order[:9]:
        validity_kind[k] = "expired"
    for k in order[9:15]:
        validity_kind[k] = "expiring"
    expired_index = {k: i for i, k in enumerate(sorted(order[:9].tolist()))}
    two_parcels = set(order[15:21].tolist())
    with_exclusion = int(order[21])
    table_only = {int(order[22]), int(order[23])}
    serial = rng.choice(np.arange(1, 999999), n, replace=False)
    names_used: set[str] = set()
    rights: list[Right] = []
    minerals = list(MINERALS)
    mineral_p = np.array([MINERALS[m][0] for m in minerals])
    for k, (ci, cj) in enumerate(cells):
        mineral = minerals[int(rng.choice(len(minerals), p=mineral_p / mineral_p.sum()))]
        _, suffixes, holder_kind, methods, scales = MINERALS[mineral]
        method = _pick(rng, methods)
        while True:
            town, village = TOWNS[int(rng.integers(len(TOWNS)))], VILLAGES[int(rng.integers(len(VILLAGES)))]
            suffix = suffixes[int(rng.integers(len(suffixes)))]
            name = f"{COUNTY}{town}{village}{suffix}"
            if name not in names_used:
                names_used.add(name)
                break
        brand = BRANDS[int(rng.integers(len(BRANDS)))]
        holder = f"长治市{brand}{holder_kind}有限公司" if rng.random() < 0.6 else f"山西{brand}{village}{holder_kind}有限公司"
        # boundary
        center = (
            E0 + (ci + 0.5) * spacing_e + rng.uniform(-350, 350),
            N0 + (cj + 0.5) * spacing_n + rng.uniform(-350, 350),
        )
        big = mineral in ("煤", "铁矿", "水泥用灰岩")
        max_side = 1500.0 if k in two_parcels else (2100.0 if big else 1100.0)
        min_side = 500.0 if big else 260.0
        polygons: list[Polygon] = []
        for _attempt in range(100):
            if rng.random() < 0.8 or k == with_exclusion:
                w, h = rng.uniform(min_side, max_side), rng.uniform(min_side, max_side)
                base = _notched_polygon(rng, w, h)
                base = affinity.translate(base, -w / 2, -h / 2)
                base = affinity.rotate(base, rng.uniform(-25, 25), origin=(0, 0))
            else:
                base = _star_polygon(rng, rng.uniform(min_side, max_side) / 2, int(rng.integers(5, 11)))
            main = _round_polygon(affinity.translate(base, *center))
            if main.is_valid and 0.05e6 <= main.area <= 3.2e6 and 4 <= len(main.exterior.coords) - 1 <= 24:
                break
        polygons.append(main)
        if k in two_parcels:
            bx = main.bounds[2] + rng.uniform(120, 300)
            w2, h2 = rng.uniform(200, 550), rng.uniform(200, 550)
            y2 = center[1] + rng.uniform(-300, 300)
            polygons.append(_round_polygon(box(bx, y2 - h2 / 2, bx + w2, y2 + h2 / 2)))
        top, bottom = _depths(rng, method)
        parcels = []
        number = 1
        for p_index, poly in enumerate(polygons):
            corners = _corners(poly, number)
            number += len(corners)
            ptop, pbottom = (top, bottom) if p_index == 0 else (top - 20, bottom - 20)
            parcels.append(Parcel(str(p_index + 1), corners, ptop, pbottom))
        geometry_parts = list(polygons)
        if k == with_exclusion:
            c = main.centroid
            (minx, miny, maxx, maxy) = main.bounds
            cut = None
            for scale in (0.12, 0.08, 0.05):
                dx, dy = (maxx - minx) * scale, (maxy - miny) * scale
                candidate = _round_polygon(box(c.x - dx, c.y - dy, c.x + dx, c.y + dy))
                if main.buffer(-10).contains(candidate):
                    cut = candidate
                    break
            if cut is None:
                raise RuntimeError("no room for an excluded parcel")
            parcels.append(Parcel(str(len(parcels) + 1), _corners(cut, number), top, bottom, excluded=True))
            geometry_parts[0] = Polygon(main.exterior.coords, [cut.exterior.coords])
        geometry = MultiPolygon(geometry_parts)
        valid_from, valid_to = _validity(rng, validity_kind[k], expired_index.get(k, 0), today)
        licence = Licence(
            license_no=f"{LICENCE_PREFIX}{int(serial[k]):06d}",
            mine_name=name,
            holder=holder,
            mineral=mineral,
            mining_method=method,
            production_scale=scales[int(rng.integers(len(scales)))],
            licensed_area_km2=round(geometry.area / 1e6, 4),
            valid_from=valid_from,
            valid_to=valid_to,
            crs_epsg=EPSG,
            parcels=parcels,
        )
        if k in table_only:
            file_format = "table"
        elif k == with_exclusion:
            file_format = "registration"
        else:
            file_format = "registration" if k % 2 else "land_exchange"
        rights.append(Right(licence, geometry, file_format=file_format, cell=(ci, cj)))
    # halve the file formats exactly (the excluded-parcel licence is registration)
    files = [r for r in rights if r.file_format != "table"]
    need = len(files) // 2
    regs = [r for r in files if r.file_format == "registration"]
    for r in files:
        if len(regs) <= need:
            break
        if r.file_format == "registration" and not any(p.excluded for p in r.licence.parcels):
            r.file_format = "land_exchange"
            regs.remove(r)
    lands = [r for r in files if r.file_format == "land_exchange"]
    for r in lands[: max(0, need - len(regs))]:
        r.file_format = "registration"
    _assign_status(rng, rights)
    return rights


def _assign_status(rng: np.random.Generator, rights: list[Right]) -> None:
    n = len(rights)
    order = rng.permutation(n)
    statuses = ["producing"] * n
    for k in order[:8]:
        statuses[k] = "suspended"
    for k in order[8:13]:
        statuses[k] = "construction"
    for k in order[13:19]:
        statuses[k] = "closed"
    credit = ["normal"] * n
    for k in order[19:24]:
        credit[k] = "abnormal_list"
    credit[int(order[3])] = "serious_dishonesty"
    for right, status, cred in zip(rights, statuses, credit):
        right.status, right.credit_status = status, cred


# --- writers -----------------------------------------------------------------------------


def _srs(epsg: int = EPSG) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _ogr_geometry(geom) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkb(bytes(geom.wkb))


def write_rights(rights: list[Right], out_dir: Path) -> dict:
    folder = out_dir / "rights"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for right in rights:
        if right.file_format == "registration":
            path = folder / f"{right.license_no}_登记.txt"
            write_registration_txt(right.licence, path)
        elif right.file_format == "land_exchange":
            path = folder / f"{right.license_no}_交换.txt"
            write_land_exchange_txt(right.licence, path)
        else:
            continue
        files.append(path)
    table = folder / "corner_table.csv"
    write_corner_table_csv([r.licence for r in rights if r.file_format == "table"], table)
    files.append(table)
    attributes = out_dir / "rights_attributes.csv"
    with open(attributes, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        # The county's licence ledger (采矿权台账): what the coordinate files may not carry.
        writer.writerow(
            ("license_no", "mine_name", "holder", "mineral", "mining_method", "valid_from", "valid_to", "status",
             "credit_status")
        )
        for right in rights:
            licence = right.licence
            writer.writerow(
                (right.license_no, licence.mine_name, licence.holder, licence.mineral, licence.mining_method,
                 licence.valid_from.isoformat(), licence.valid_to.isoformat(), right.status, right.credit_status)
            )
    truth = out_dir / "rights_truth.gpkg"
    _write_gpkg(
        truth,
        "mining_rights",
        ogr.wkbMultiPolygon,
        [
            ("license_no", ogr.OFTString),
            ("mine_name", ogr.OFTString),
            ("holder", ogr.OFTString),
            ("mineral", ogr.OFTString),
            ("mining_method", ogr.OFTString),
            ("valid_from", ogr.OFTDate),
            ("valid_to", ogr.OFTDate),
            ("status", ogr.OFTString),
            ("credit_status", ogr.OFTString),
        ],
        [
            (
                r.geometry,
                {
                    "license_no": r.license_no,
                    "mine_name": r.licence.mine_name,
                    "holder": r.licence.holder,
                    "mineral": r.licence.mineral,
                    "mining_method": r.licence.mining_method,
                    "valid_from": r.licence.valid_from,
                    "valid_to": r.licence.valid_to,
                    "status": r.status,
                    "credit_status": r.credit_status,
                },
            )
            for r in rights
        ],
    )
    return {"rights_dir": folder, "rights_files": files, "corner_table": table, "rights_attributes": attributes, "rights_truth": truth}


def _set_field(feature: ogr.Feature, name: str, value) -> None:
    if value is None:
        feature.SetFieldNull(name)
    elif isinstance(value, dt.datetime):
        feature.SetField(name, value.year, value.month, value.day, value.hour, value.minute, value.second, 0)
    elif isinstance(value, dt.date):
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    else:
        feature.SetField(name, value)


def _write_layer(layer: ogr.Layer, fields, rows) -> None:
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for geometry, values in rows:
        feature = ogr.Feature(defn)
        for name, value in values.items():
            _set_field(feature, name, value)
        if geometry is not None:
            feature.SetGeometry(geometry if isinstance(geometry, ogr.Geometry) else _ogr_geometry(geometry))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def _write_gpkg(path: Path, layer_name: str, geom_type, fields, rows, srs=None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(layer_name, srs or _srs(), geom_type)
    _write_layer(layer, fields, rows)
    ds = None


# --- monitoring zones and pits -------------------------------------------------------------

ZONES = (
    # name, level, where (fractions of the county extent)
    ("荫城重点监测矿区", "province", (0.22, 0.75)),
    ("八义重点监测矿区", "city", (0.78, 0.72)),
    ("西火重点监测矿区", "county", (0.5, 0.2)),
)


@dataclass
class Zone:
    name: str
    level: str
    year: int
    geometry: Polygon
    members: list[str]


def make_zones(rights: list[Right]) -> list[Zone]:
    """Three zones, each the hull (plus 200 m) of a seed licence and its five nearest neighbours."""
    centroids = np.array([[r.geometry.centroid.x, r.geometry.centroid.y] for r in rights])
    zones = []
    for name, level, (fx, fy) in ZONES:
        target = np.array([E0 + fx * (E1 - E0), N0 + fy * (N1 - N0)])
        seed = int(np.argmin(((centroids - target) ** 2).sum(axis=1)))
        near = np.argsort(((centroids - centroids[seed]) ** 2).sum(axis=1))[:6]
        hull = unary_union([rights[int(k)].geometry for k in near]).convex_hull.buffer(200, quad_segs=2)
        hull = _round_polygon(hull)
        members = [r.license_no for r in rights if hull.contains(r.geometry)]
        zones.append(Zone(name, level, 2026, hull, members))
    return zones


def make_pits(rng: np.random.Generator, rights: list[Right], zones: list[Zone]) -> list[str]:
    """Pits of the producing mines (before, after); three zone mines grow beyond their boundary."""
    in_zone = {no for zone in zones for no in zone.members}
    producing = [r for r in rights if r.status == "producing"]
    candidates = [r for r in producing if r.license_no in in_zone]
    growing = {r.license_no for r in candidates[:: max(1, len(candidates) // 3)][:3]}
    for right in producing:
        inner = right.geometry.geoms[0]
        inner = Polygon(inner.exterior.coords).difference(
            unary_union([Polygon(i.coords) for i in inner.interiors]) if inner.interiors else Polygon()
        )
        size = math.sqrt(inner.area)
        if right.license_no in growing:
            # a pit near the boundary that crosses it in round 2
            point = inner.exterior.interpolate(rng.uniform(0, inner.exterior.length))
            vec = np.array([inner.centroid.x - point.x, inner.centroid.y - point.y])
            vec /= np.linalg.norm(vec)
            radius = max(60.0, 0.12 * size)
            center = (point.x + vec[0] * radius * 1.3, point.y + vec[1] * radius * 1.3)
            before = _blob(rng, center, radius).intersection(inner.buffer(-5))
            after = unary_union([before, _blob(rng, (point.x + vec[0] * radius * 0.4, point.y + vec[1] * radius * 0.4), radius * 1.3)])
        else:
            center = _random_point_in(rng, inner, margin=0.18 * size) or (inner.centroid.x, inner.centroid.y)
            radius = max(40.0, 0.14 * size)
            before = _blob(rng, center, radius).intersection(inner.buffer(-10))
            grown = _blob(rng, (center[0] + rng.uniform(-0.3, 0.3) * radius, center[1] + rng.uniform(-0.3, 0.3) * radius), radius * 1.35)
            after = unary_union([before, grown]).intersection(inner.buffer(-10))
        right.pit_before = _largest(before)
        right.pit_after = _largest(after.buffer(0))
        right.extra["grows_out"] = right.license_no in growing
    return sorted(growing)


def _largest(geom) -> Polygon:
    if isinstance(geom, Polygon):
        return geom
    polygons = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]
    return max(polygons, key=lambda g: g.area)


# --- patches -------------------------------------------------------------------------------

YEARS = (2024, 2025, 2026)
PATCHES_PER_YEAR = 34
QUOTA = {"within_licence": 14, "out_of_bounds": 7, "expired_licence": 5, "unlicensed": 8}
REMARKS = (
    "疑似新增露天采场", "疑似扩大开采范围", "疑似排土场", "疑似堆料场地", "疑似采矿塌陷", "推填土及场地平整",
    "疑似新增工业广场", "疑似矿山道路", "疑似洗选场地", "疑似采石",
)


@dataclass
class Patch:
    tbbh: str
    year: int
    geometry: Polygon
    qsx: dt.date
    hsx: dt.date
    remark: str
    expected: str = ""
    repeat_of: str = ""
    source: str = "satellite"


def classify(geometry, when: dt.date, rights: list[Right], tolerance: float = 1.0) -> str:
    """The pre-judgment the plugin should give (see analysis.prejudge)."""
    geometry = geometry if geometry.is_valid else geometry.buffer(0)
    touched = [r for r in rights if r.geometry.intersects(geometry)]
    inside = geometry.intersection(unary_union([r.geometry for r in touched])).area if touched else 0.0
    if inside < tolerance:
        return "unlicensed"
    if geometry.area - inside >= tolerance:
        return "out_of_bounds"
    valid = [r.geometry for r in touched if r.licence.valid_from <= when <= r.licence.valid_to]
    covered = geometry.intersection(unary_union(valid)).area if valid else 0.0
    if geometry.area - covered >= tolerance:
        return "expired_licence"
    return "within_licence"


def _random_date(rng: np.random.Generator, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))


def _patch_geometry(rng, kind: str, hsx: dt.date, rights: list[Right], all_rights_union) -> Polygon:
    for _ in range(500):
        if kind == "unlicensed":
            x, y = rng.uniform(E0 + 500, E1 - 500), rng.uniform(N0 + 500, N1 - 500)
            if all_rights_union.distance(Point(x, y)) < 800:
                continue
            return _round_polygon(_blob(rng, (x, y), rng.uniform(40, 160)))
        if kind == "within_licence":
            pool = [r for r in rights if r.licence.valid_from <= hsx <= r.licence.valid_to]
        elif kind == "expired_licence":
            pool = [r for r in rights if r.licence.valid_to < hsx]
        else:
            pool = [r for r in rights if r.licence.valid_from <= hsx <= r.licence.valid_to]
        right = pool[int(rng.integers(len(pool)))]
        parcel = right.geometry.geoms[int(rng.integers(len(right.geometry.geoms)))]
        if kind == "out_of_bounds":
            point = parcel.exterior.interpolate(rng.uniform(0, parcel.exterior.length))
            patch = _round_polygon(_blob(rng, (point.x, point.y), rng.uniform(50, 140)))
            share = patch.intersection(right.geometry).area / patch.area
            if 0.25 <= share <= 0.8:
                return patch
            continue
        radius = rng.uniform(30, 110)
        point = _random_point_in(rng, parcel, margin=radius + 15)
        if point is None:
            continue
        patch = _round_polygon(_blob(rng, point, radius))
        if right.geometry.contains(patch):
            return patch
    raise RuntimeError(f"could not place a {kind} patch")


def make_patches(rng: np.random.Generator, rights: list[Right]) -> list[Patch]:
    union = unary_union([r.geometry for r in rights])
    patches: list[Patch] = []
    for year in YEARS:
        batch: list[Patch] = []
        quota = dict(QUOTA)
        if year > YEARS[0]:
            # repeats: the same place changed again (多年连续变化)
            earlier = [p for p in patches if p.expected in ("unlicensed", "out_of_bounds", "expired_licence") and not p.repeat_of]
            picks = rng.choice(len(earlier), 4, replace=False)
            for k in sorted(picks.tolist()):
                source = earlier[k]
                hsx = _random_date(rng, dt.date(year, 9, 1), dt.date(year, 11, 15))
                grown = affinity.scale(source.geometry, 1.3, 1.3)
                grown = affinity.translate(grown, rng.uniform(-15, 15), rng.uniform(-15, 15))
                grown = _round_polygon(unary_union([source.geometry, grown]))
                expected = classify(grown, hsx, rights)
                if quota.get(expected, 0) <= 0:
                    continue
                quota[expected] -= 1
                qsx = _random_date(rng, dt.date(year, 3, 1), dt.date(year, 5, 31))
                batch.append(Patch("", year, grown, qsx, hsx, "与往年图斑位置重叠，持续变化", expected, source.tbbh))
        for kind, count in quota.items():
            for _ in range(count):
                hsx = _random_date(rng, dt.date(year, 9, 1), dt.date(year, 11, 15))
                qsx = _random_date(rng, dt.date(year, 3, 1), dt.date(year, 5, 31))
                geometry = _patch_geometry(rng, kind, hsx, rights, union)
                remark = REMARKS[int(rng.integers(len(REMARKS)))]
                batch.append(Patch("", year, geometry, qsx, hsx, remark, classify(geometry, hsx, rights)))
        if year == 2025:
            # one bow-tie: a self-intersecting patch as digitised carelessly
            bow = next(p for p in batch if p.expected == "unlicensed" and not p.repeat_of)
            c = bow.geometry.centroid
            r = 60.0
            bow.geometry = Polygon([(_r2(c.x - r), _r2(c.y - r)), (_r2(c.x + r), _r2(c.y + r)), (_r2(c.x + r), _r2(c.y - r)), (_r2(c.x - r), _r2(c.y + r))])
            bow.remark = "图斑自相交，需核实边界"
            bow.expected = classify(bow.geometry, bow.hsx, rights)
        order = rng.permutation(len(batch))
        batch = [batch[int(k)] for k in order]
        for number, patch in enumerate(batch, 1):
            patch.tbbh = f"{XZQDM}-{year}-{number:04d}"
        patches.extend(batch)
    return patches


def make_patrol_patches(rng: np.random.Generator, rights: list[Right], union) -> list[Patch]:
    kinds = ("unlicensed", "unlicensed", "out_of_bounds", "out_of_bounds", "expired_licence", "within_licence")
    result = []
    for number, kind in enumerate(kinds, 1):
        hsx = _random_date(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 15))
        geometry = _patch_geometry(rng, kind, hsx, rights, union)
        remark = ("巡查发现疑似盗采", "巡查发现越界迹象", "巡查发现过期仍在开采", "巡查核实证内开采")[("unlicensed", "out_of_bounds", "expired_licence", "within_licence").index(kind)]
        result.append(Patch(f"XC-2026-{number:04d}", 2026, geometry, hsx, hsx, remark, classify(geometry, hsx, rights), source="patrol"))
    return result


def write_patches(patches: list[Patch], patrol: list[Patch], out_dir: Path) -> dict:
    folder = out_dir / "patches"
    folder.mkdir(parents=True, exist_ok=True)
    # QGIS's OGR provider sets SHAPE_ENCODING="" process-wide once it opened a shapefile, which would
    # write the text as UTF-8 bytes: unset it while the GBK batches are written.
    saved_encoding = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        shapefiles = _write_patch_shapefiles(patches, folder)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved_encoding)
    return _write_patrol_patches(patches, patrol, folder, shapefiles)


def _write_patch_shapefiles(patches: list[Patch], folder: Path) -> dict:
    shapefiles = {}
    for year in YEARS:
        path = folder / f"wp{year}.shp"
        driver = ogr.GetDriverByName("ESRI Shapefile")
        if path.exists():
            driver.DeleteDataSource(str(path))
        ds = driver.CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        layer = ds.CreateLayer(f"wp{year}", srs, ogr.wkbPolygon, ["ENCODING=GBK"])
        fields = []
        for name, kind, width in (("TBBH", ogr.OFTString, 20), ("XZQDM", ogr.OFTString, 12), ("QSX", ogr.OFTString, 8), ("HSX", ogr.OFTString, 8), ("JCMJ", ogr.OFTReal, 0), ("BZ", ogr.OFTString, 100)):
            defn = ogr.FieldDefn(name, kind)
            if width:
                defn.SetWidth(width)
            else:
                defn.SetWidth(16)
                defn.SetPrecision(2)
            layer.CreateField(defn)
            fields.append(name)
        for patch in (p for p in patches if p.year == year):
            feature = ogr.Feature(layer.GetLayerDefn())
            area = patch.geometry.area if patch.geometry.is_valid else patch.geometry.buffer(0).area
            values = {"TBBH": patch.tbbh, "XZQDM": XZQDM, "QSX": patch.qsx.strftime("%Y%m%d"), "HSX": patch.hsx.strftime("%Y%m%d"), "JCMJ": round(area, 2), "BZ": patch.remark}
            for name, value in values.items():
                feature.SetField(name, value)
            feature.SetGeometry(_ogr_geometry(patch.geometry))
            layer.CreateFeature(feature)
        ds = None
        cpg = path.with_suffix(".cpg")
        if year == 2026 and cpg.exists():
            cpg.unlink()
        shapefiles[year] = path
    return shapefiles


def _write_patrol_patches(patches: list[Patch], patrol: list[Patch], folder: Path, shapefiles: dict) -> dict:
    # patrol patches in geographic CGCS2000
    geojson = folder / "patrol_2026.geojson"
    if geojson.exists():
        geojson.unlink()
    transform = osr.CoordinateTransformation(_srs(EPSG), _srs(4490))
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(str(geojson))
    layer = ds.CreateLayer("patrol_2026", _srs(4490), ogr.wkbPolygon, ["COORDINATE_PRECISION=8", "RFC7946=NO"])
    rows = []
    for patch in patrol:
        geometry = _ogr_geometry(patch.geometry)
        geometry.Transform(transform)
        rows.append((geometry, {"TBBH": patch.tbbh, "HSX": patch.hsx.isoformat(), "BZ": patch.remark}))
    _write_layer(layer, (("TBBH", ogr.OFTString), ("HSX", ogr.OFTString), ("BZ", ogr.OFTString)), rows)
    ds = None
    truth = folder / "truth.csv"
    with open(truth, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(("TBBH", "year", "expected"))
        for patch in patches + patrol:
            writer.writerow((patch.tbbh, patch.year, patch.expected))
    return {"patches_dir": folder, "patch_shapefiles": shapefiles, "patrol_patches": geojson, "patch_truth": truth}


def write_zones(zones: list[Zone], out_dir: Path) -> Path:
    path = out_dir / "monitoring_zones.gpkg"
    _write_gpkg(
        path,
        "monitoring_zones",
        ogr.wkbPolygon,
        (("name", ogr.OFTString), ("level", ogr.OFTString), ("year", ogr.OFTInteger)),
        [(z.geometry, {"name": z.name, "level": z.level, "year": z.year}) for z in zones],
    )
    return path


# --- inspections ---------------------------------------------------------------------------

YEAR_START, YEAR_END = dt.date(2025, 12, 1), dt.date(2026, 11, 21)
INSPECTORS = ("张伟", "李强", "王磊", "刘洋", "陈静", "赵军", "杨帆", "郭亮", "申晓东", "牛建国")
PHOTO_NOTES = ("采场全景", "界桩近景", "拐点位置", "工作面", "排土场", "矿区道路", "井口及工业广场", "边坡情况")


def _periods() -> tuple[list[tuple[dt.date, dt.date]], list[tuple[dt.date, dt.date]]]:
    months, quarters = [], []
    for k in range(12):
        year, month = 2025 + (11 + k) // 12, (11 + k) % 12 + 1
        start = dt.date(year, month, 1)
        end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        months.append((start, min(end, YEAR_END)))
    for k in range(4):
        quarters.append((months[3 * k][0], months[3 * k + 2][1]))
    return months, quarters


def _finding(rng, right: Right, date: dt.date) -> str:
    if right.status == "closed":
        return "矿山已关闭，未发现开采迹象"
    if right.extra.get("grows_out") and date >= dt.date(2026, 8, 1):
        return "发现采场越出矿区范围，已拍照取证"
    if right.status in ("suspended", "construction") and rng.random() < 0.2:
        return "停产（基建）期间发现少量动土，已责令停止"
    return ("未发现越界开采", "界桩完好，未发现越界", "未发现超层越界开采，生产正常")[int(rng.integers(3))]


def make_inspections(rng: np.random.Generator, rights: list[Right]) -> tuple[list[dict], list[dict], list[dict], dict]:
    months, quarters = _periods()
    routes, photos, checks = [], [], []
    required = missing = 0
    checked = {r.license_no for r in rights[:: max(1, len(rights) // 12)][:12]}
    for right in rights:
        periods = months if right.status == "producing" else quarters
        parcel = right.licence.parcels[0]
        outer = [c for c in parcel.corners if c.ring == 1]
        for start, end in periods:
            required += 1
            if rng.random() < 0.1:
                missing += 1
                continue
            date = _random_date(rng, start, end)
            kind = "field_check" if rng.random() < 0.12 else "patrol"
            visited = sorted(rng.choice(len(outer), 3, replace=False).tolist())
            main = right.geometry.geoms[0]
            centroid = main.centroid
            angle = rng.uniform(0, 2 * math.pi)
            reach = math.sqrt(main.area) / 2 + rng.uniform(300, 600)
            road = (centroid.x + reach * math.cos(angle), centroid.y + reach * math.sin(angle))
            points = [road] + [(outer[k].y + rng.uniform(-3, 3), outer[k].x + rng.uniform(-3, 3)) for k in visited]
            points += [(centroid.x + rng.uniform(-50, 50), centroid.y + rng.uniform(-50, 50)), road]
            line = [(_r2(x), _r2(y)) for x, y in points]
            fid = len(routes) + 1
            inspection_no = f"XJ-{date:%Y%m}-{fid:04d}"
            names = rng.choice(len(INSPECTORS), 2, replace=False)
            routes.append(
                {
                    "geometry": line,
                    "inspection_no": inspection_no,
                    "inspection_date": date,
                    "kind": kind,
                    "inspectors": "、".join(INSPECTORS[int(k)] for k in names),
                    "license_no": right.license_no,
                    "finding": _finding(rng, right, date),
                }
            )
            for k in range(int(rng.integers(2, 5))):
                a, b = line[min(k + 1, len(line) - 1)], line[min(k + 2, len(line) - 1)]
                t = rng.uniform(0.1, 0.9)
                photos.append(
                    {
                        "inspection_no": inspection_no,
                        "route_fid": fid,
                        "license_no": right.license_no,
                        "x": _r2(a[1] + t * (b[1] - a[1])),
                        "y": _r2(a[0] + t * (b[0] - a[0])),
                        "taken_at": dt.datetime(date.year, date.month, date.day, 9 + k, int(rng.integers(60)), int(rng.integers(60))).isoformat(),
                        "azimuth_deg": round(float(rng.uniform(0, 360)), 1),
                        "note": PHOTO_NOTES[int(rng.integers(len(PHOTO_NOTES)))],
                    }
                )
            if right.license_no in checked and kind == "patrol":
                for k in visited:
                    corner = outer[k]
                    state = _pick(rng, {"intact": 0.85, "damaged": 0.1, "missing": 0.05})
                    if rng.random() < 0.06:
                        deviation, direction = rng.uniform(1.1, 3.0), rng.uniform(0, 2 * math.pi)
                    else:
                        deviation, direction = abs(rng.normal(0, 0.1)), rng.uniform(0, 2 * math.pi)
                    checks.append(
                        {
                            "inspection_no": inspection_no,
                            "license_no": right.license_no,
                            "parcel_no": parcel.parcel_no,
                            "corner_no": corner.number,
                            "measured_x": "" if state == "missing" else _r2(corner.x + deviation * math.cos(direction)),
                            "measured_y": "" if state == "missing" else _r2(corner.y + deviation * math.sin(direction)),
                            "stake_state": state,
                            "checked_at": date.isoformat(),
                        }
                    )
    return routes, photos, checks, {"required_visits": required, "missing_visits": missing, "corner_check_licences": len(checked)}


def _write_csv(path: Path, rows: list[dict], encoding: str = "utf-8-sig") -> None:
    with open(path, "w", encoding=encoding, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_inspections(routes, photos, checks, out_dir: Path) -> dict:
    folder = out_dir / "inspections"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "routes.gpkg"
    fields = [("inspection_no", ogr.OFTString), ("inspection_date", ogr.OFTDate), ("kind", ogr.OFTString), ("inspectors", ogr.OFTString), ("license_no", ogr.OFTString), ("finding", ogr.OFTString)]
    rows = []
    for route in routes:
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in route["geometry"]:
            line.AddPoint_2D(x, y)
        rows.append((line, {k: v for k, v in route.items() if k != "geometry"}))
    _write_gpkg(path, "routes", ogr.wkbLineString, fields, rows)
    _write_csv(folder / "photos.csv", photos)
    _write_csv(folder / "corner_checks.csv", checks)
    gpx_counts = write_patrol_gps(routes, folder / "gpx")
    photo_count = write_patrol_photos(photos, folder / "photos")
    return {"routes": path, "photos": folder / "photos.csv", "corner_checks": folder / "corner_checks.csv",
            "patrol_gpx": folder / "gpx", "patrol_photos": folder / "photos", **gpx_counts, "photo_files": photo_count}


# What the field-check app brings back: the routes as GPS tracks, a few drone flights, a phone's photos.
PATROL_START, PATROL_END = dt.time(8, 45), dt.time(13, 15)  # Beijing time; the photos of photos.csv fall inside
DRONE_EVERY = 97  # every 97th patrol is a drone flight (site unreachable): a flight log CSV, no licence number
UNNAMED_EVERY = 10  # every 10th GPX track names no licence: importpatrols matches it by where it went
PHOTO_FILES = 7  # JPEGs written for the first patrols' photos; the last one lost its GPS tags
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _lonlat(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Easting/northing in EPSG:4526 as longitude/latitude (EPSG:4490)."""
    to_gps = osr.CoordinateTransformation(_srs(EPSG), _srs(4490))
    return [(lon, lat) for lon, lat, *_ in to_gps.TransformPoints([(x, y) for x, y in points])]


def _point_times(date: dt.date, count: int) -> list[dt.datetime]:
    start = dt.datetime.combine(date, PATROL_START, BEIJING)
    span = dt.datetime.combine(date, PATROL_END, BEIJING) - start
    return [start + span * (k / max(1, count - 1)) for k in range(count)]


def write_patrol_gps(routes: list[dict], folder: Path) -> dict:
    """The patrols as GPX 1.1 tracks, one file per month, and a few drone flight logs (DJI-style CSV)."""
    from xml.sax.saxutils import escape

    folder.mkdir(parents=True, exist_ok=True)
    months: dict[str, list[str]] = {}
    drone = 0
    for index, route in enumerate(routes, start=1):
        lonlat = _lonlat(route["geometry"])
        times = _point_times(route["inspection_date"], len(lonlat))
        if index % DRONE_EVERY == 0:
            drone += 1
            with open(folder / f"DJI_FLY_{route['inspection_date']:%Y%m%d}_{index:04d}.csv", "w", encoding="utf-8", newline="") as stream:
                stream.write("time(millisecond),datetime(utc),latitude,longitude,altitude_above_seaLevel(meters)\r\n")
                for k, ((lon, lat), when) in enumerate(zip(lonlat, times)):
                    utc = when.astimezone(dt.timezone.utc)
                    stream.write(f"{k * 100},{utc:%Y-%m-%d %H:%M:%S},{lat:.8f},{lon:.8f},{1050 + 5 * k:.1f}\r\n")
            continue
        kind = {"patrol": "日常巡查", "field_check": "实地核查"}[route["kind"]]
        parts = [] if index % UNNAMED_EVERY == 0 else [f"许可证号：{route['license_no']}"]
        parts += [f"巡查人员：{route['inspectors']}", f"类型：{kind}", f"发现：{route['finding']}"]
        points = "".join(
            f'<trkpt lat="{lat:.8f}" lon="{lon:.8f}"><ele>{900 + 7 * k:.1f}</ele>'
            f"<time>{when.astimezone(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
            for k, ((lon, lat), when) in enumerate(zip(lonlat, times))
        )
        months.setdefault(f"{route['inspection_date']:%Y-%m}", []).append(
            f"<trk><name>{escape(route['inspection_no'])}</name><desc>{escape('；'.join(parts))}</desc>"
            f"<trkseg>{points}</trkseg></trk>"
        )
    for month, tracks in months.items():
        (folder / f"巡查轨迹_{month}.gpx").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="实地核查APP" '
            'xmlns="http://www.topografix.com/GPX/1/1">\n' + "\n".join(tracks) + "\n</gpx>\n",
            encoding="utf-8",
        )
    return {"gpx_files": len(months), "gpx_tracks": sum(len(t) for t in months.values()), "drone_logs": drone}


def _rational_dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 4)


def write_patrol_photos(photos: list[dict], folder: Path, count: int = PHOTO_FILES) -> int:
    """A phone's export: JPEGs of the first patrols' photos with EXIF time, GPS position and direction."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    chosen = photos[:count]
    for number, photo in enumerate(chosen, start=1):
        ((lon, lat),) = _lonlat([(photo["y"], photo["x"])])  # x is the northing, y the easting
        taken = dt.datetime.fromisoformat(photo["taken_at"])
        image = Image.new("RGB", (320, 240), (150 - 8 * number, 130, 100 + 6 * number))
        ImageDraw.Draw(image).text((10, 10), f"{photo['inspection_no']} {photo['note']}"[:40].encode("ascii", "replace").decode(), fill=(255, 255, 255))
        exif = Image.Exif()
        stamp = f"{taken:%Y:%m:%d %H:%M:%S}"
        exif[0x0132] = stamp
        exif[0x8769] = {0x9003: stamp}
        if number < len(chosen):  # the last one was taken with location services off
            exif[0x8825] = {0: b"\x02\x03\x00\x00", 1: "N", 2: _rational_dms(lat), 3: "E", 4: _rational_dms(lon),
                            16: "T", 17: float(photo["azimuth_deg"])}
        image.save(folder / f"IMG_{taken:%Y%m%d_%H%M%S}.jpg", exif=exif, quality=80)
    return len(chosen)


# --- special surveys -----------------------------------------------------------------------


def write_surveys(rng: np.random.Generator, rights: list[Right], zones: list[Zone], out_dir: Path) -> tuple[dict, int]:
    folder = out_dir / "surveys"
    in_zone = {no for zone in zones for no in zone.members}
    surveyed = [r for r in rights if r.status == "producing" and r.license_no in in_zone]
    fields = [("survey_round", ogr.OFTString), ("license_no", ogr.OFTString), ("method", ogr.OFTString), ("surveyed_at", ogr.OFTDate), ("elevation_top_m", ogr.OFTReal), ("elevation_bottom_m", ogr.OFTReal)]
    paths = {}
    # by round 2 two underground mines work below their licensed bottom and one above its top (超层越界);
    # chosen by number, not drawn, so that the random draws of everything else stay as they were
    # (among the licences whose coordinate file carries the licensed elevations: the land exchange format has none)
    underground = sorted(r.license_no for r in surveyed if r.licence.mining_method == "underground" and r.file_format == "registration")
    beyond_depth = {no: (0.0, -depth) for no, depth in zip(underground[:2], (18.5, 32.0))}
    if len(underground) > 2:
        beyond_depth[underground[2]] = (12.0, 0.0)
    for round_no, (start, end) in enumerate(((dt.date(2026, 5, 10), dt.date(2026, 6, 20)), (dt.date(2026, 10, 10), dt.date(2026, 11, 15))), 1):
        rows = []
        for right in surveyed:
            top = right.licence.parcels[0].depth_top_m
            bottom = right.licence.parcels[0].depth_bottom_m
            method = {"open_pit": "measured" if rng.random() < 0.5 else "drone", "underground": "underground_survey", "combined": "measured"}[right.licence.mining_method]
            depth_share = 0.35 if round_no == 1 else 0.55
            elevation_top = top - (0 if right.licence.mining_method != "underground" else float(rng.integers(1, 5) * 10))
            elevation_bottom = round(top - depth_share * (top - bottom), 1)
            if round_no == 2 and right.license_no in beyond_depth:
                above, below = beyond_depth[right.license_no]
                elevation_top, elevation_bottom = (top + above if above else elevation_top), (bottom + below if below else elevation_bottom)
            geometry = right.pit_before if round_no == 1 else right.pit_after
            rows.append((MultiPolygon([_round_polygon(geometry)]), {"survey_round": f"2026-{round_no}", "license_no": right.license_no, "method": method, "surveyed_at": _random_date(rng, start, end), "elevation_top_m": elevation_top, "elevation_bottom_m": elevation_bottom}))
        path = folder / f"survey_2026-{round_no}.gpkg"
        _write_gpkg(path, "survey_extents", ogr.wkbMultiPolygon, fields, rows)
        paths[round_no] = path
    return {"surveys": [paths[1], paths[2]], "beyond_depth": sorted(beyond_depth)}, len(surveyed)


# --- imagery -------------------------------------------------------------------------------

PIXEL = 8.0  # m; 5000 × 5000 px over the county
IMAGES = (
    ("before", dt.datetime(2025, 10, 15, 10, 30, 0)),
    ("after", dt.datetime(2026, 10, 20, 10, 45, 0)),
)


def _smooth_noise(rng: np.random.Generator, size: int, cells: tuple[int, ...]) -> np.ndarray:
    """Sum of bilinearly upsampled random grids (coarse to fine), in [0, 1]."""
    from scipy.ndimage import zoom

    total = np.zeros((size, size), dtype=np.float32)
    weight = 1.0
    for count in cells:
        grid = rng.random((count + 1, count + 1), dtype=np.float32)
        total += weight * zoom(grid, size / (count + 1), order=1, prefilter=False, grid_mode=True, mode="nearest")[:size, :size]
        weight *= 0.5
    total -= total.min()
    total /= max(float(total.max()), 1e-6)
    return total


def _rasterize(geometries: list[tuple[object, int]], size: int, transform) -> np.ndarray:
    ds = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(transform)
    source = ogr.GetDriverByName("Memory").CreateDataSource("pits")
    layer = source.CreateLayer("pits", _srs(), ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    for geometry, value in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("v", value)
        geometry = geometry if geometry.is_valid else geometry.buffer(0)
        feature.SetGeometry(_ogr_geometry(geometry))
        layer.CreateFeature(feature)
    gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=v", "ALL_TOUCHED=TRUE"])
    return ds.GetRasterBand(1).ReadAsArray()


def write_imagery(rng: np.random.Generator, rights: list[Right], patches: list[Patch], patrol: list[Patch], out_dir: Path) -> dict:
    folder = out_dir / "imagery"
    folder.mkdir(parents=True, exist_ok=True)
    size = int((E1 - E0) / PIXEL)
    transform = (E0, PIXEL, 0.0, N1, 0.0, -PIXEL)
    terrain = _smooth_noise(rng, size, (6, 24, 96, 400))
    texture = _smooth_noise(rng, size, (800, 1600))
    greens = np.array([[70, 105, 55], [130, 120, 80]], dtype=np.float32)  # vegetation → dry slopes
    mix = np.clip((terrain - 0.35) * 2.2, 0, 1)[..., None]
    base = greens[0] * (1 - mix) + greens[1] * mix
    base *= (0.88 + 0.24 * texture)[..., None]
    pit_colours = {1: np.array([200, 196, 186], dtype=np.float32), 2: np.array([196, 160, 110], dtype=np.float32)}
    paths = {}
    for label, when in IMAGES:
        shapes: list[tuple[object, int]] = []
        for right in rights:
            if right.status != "producing":
                continue
            pit = right.pit_before if label == "before" else right.pit_after
            shapes.append((pit, 1 if right.licence.mineral in ("煤", "水泥用灰岩", "建筑石料用灰岩", "石英岩") else 2))
        years = (2024, 2025) if label == "before" else (2024, 2025, 2026)
        for patch in patches + (patrol if label == "after" else []):
            if patch.year in years:
                shapes.append((patch.geometry, 2 if patch.expected == "unlicensed" else 1))
        mask = _rasterize(shapes, size, transform)
        image = base.copy()
        if label == "after":
            image *= np.float32(0.97)  # a slightly drier autumn
        for value, colour in pit_colours.items():
            where = mask == value
            image[where] = colour * (0.9 + 0.2 * texture[where])[..., None]
        image = np.clip(image, 0, 255).astype(np.uint8)
        path = folder / f"imagery_{when:%Y-%m-%d}_{label}.tif"
        if path.exists():
            path.unlink()
        ds = gdal.GetDriverByName("GTiff").Create(
            str(path), size, size, 3, gdal.GDT_Byte,
            ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2", "PHOTOMETRIC=RGB", "NUM_THREADS=ALL_CPUS"],
        )
        ds.SetGeoTransform(transform)
        ds.SetProjection(_srs().ExportToWkt())
        ds.SetMetadata({"TIFFTAG_DATETIME": f"{when:%Y:%m:%d %H:%M:%S}", "ACQUISITION_DATE": when.date().isoformat(), "TIFFTAG_IMAGEDESCRIPTION": f"demo county {label} imagery"})
        for band in range(3):
            ds.GetRasterBand(band + 1).WriteArray(image[:, :, band])
        previous = {key: gdal.GetConfigOption(key) for key in ("COMPRESS_OVERVIEW", "PREDICTOR_OVERVIEW", "GDAL_NUM_THREADS")}
        gdal.SetConfigOption("COMPRESS_OVERVIEW", "DEFLATE")
        gdal.SetConfigOption("PREDICTOR_OVERVIEW", "2")
        gdal.SetConfigOption("GDAL_NUM_THREADS", "ALL_CPUS")
        try:
            ds.BuildOverviews("AVERAGE", [2, 4, 8, 16])
        finally:
            for key, value in previous.items():
                gdal.SetConfigOption(key, value)
        ds = None
        paths[label] = path
    return {"imagery_before": paths["before"], "imagery_after": paths["after"]}


# --- entry points --------------------------------------------------------------------------


# --- enforcement: corner checks of every patrol, penalty cases, determinations, quarterly reviews ---------------
# Drawn from their own random stream (seed + 11), after everything else: the files above do not change.

SHORT_CORNERS = {3: 0.86, 2: 0.09, 1: 0.05}  # corners a patrol records: a few patrols fall short of the seed's 3
UNLICENSED_PARTIES = ("个人（王某）", "个人（李某某）", "个人（赵某）", "某村民小组", "个人（郭某）", "个人（申某）",
                      "某建设工程项目部", "个人（牛某）", "个人（陈某）", "个人（杨某）")


def more_corner_checks(rng: np.random.Generator, rights: list[Right], routes: list[dict], checks: list[dict]) -> list[dict]:
    """Corner checks of the routine patrols the first pass left without any: the corners each route visited."""
    by_licence = {r.license_no: r for r in rights}
    done = {c["inspection_no"] for c in checks}
    added = []
    for route in routes:
        if route["kind"] != "patrol" or route["inspection_no"] in done:
            continue
        parcel = by_licence[route["license_no"]].licence.parcels[0]
        outer = [c for c in parcel.corners if c.ring == 1]
        visited = []
        for east, north in route["geometry"][1:4]:  # the route's points 1-3 are the corners it went to
            visited.append(min(outer, key=lambda c: (c.y - east) ** 2 + (c.x - north) ** 2))
        recorded = _pick(rng, {str(k): v for k, v in SHORT_CORNERS.items()})
        for corner in visited[: int(recorded)]:
            state = _pick(rng, {"intact": 0.9, "damaged": 0.07, "missing": 0.03})
            deviation = rng.uniform(1.1, 3.0) if rng.random() < 0.04 else abs(rng.normal(0, 0.1))
            direction = rng.uniform(0, 2 * math.pi)
            added.append({
                "inspection_no": route["inspection_no"], "license_no": route["license_no"],
                "parcel_no": parcel.parcel_no, "corner_no": corner.number,
                "measured_x": "" if state == "missing" else _r2(corner.x + deviation * math.cos(direction)),
                "measured_y": "" if state == "missing" else _r2(corner.y + deviation * math.sin(direction)),
                "stake_state": state, "checked_at": route["inspection_date"].isoformat(),
            })
    return added


def write_enforcement(rng: np.random.Generator, rights: list[Right], patches: list[Patch], out_dir: Path,
                      today: dt.date) -> dict:
    """``enforcement/``: penalty_cases.csv, determinations.csv (patches determined illegal after their field
    check) and reviews.csv (the quarterly reviews held; 2026-Q2's was never recorded).

    The holder of the first patch determined out-of-bounds had two penalties for illegal mining within two
    years: seed 003 sends that case to the judiciary; the second holder had one (no transfer).
    """
    folder = out_dir / "enforcement"
    folder.mkdir(parents=True, exist_ok=True)
    chosen = []
    for patch in sorted((p for p in patches if p.year == 2026 and p.expected == "out_of_bounds"), key=lambda p: p.tbbh):
        shape = make_valid(patch.geometry)  # some patches are drawn self-intersecting on purpose
        with np.errstate(invalid="ignore"):  # GEOS leaves a floating-point flag numpy reports on empty intersections
            right = max(rights, key=lambda r: r.geometry.intersection(shape).area)
        if right.license_no not in {r.license_no for _, r in chosen}:
            chosen.append((patch, right))
        if len(chosen) == 3:
            break
    determinations, cases = [], []
    for index, (patch, right) in enumerate(chosen):
        # checked after the imagery that showed it, before the demo's day
        checked = max(patch.hsx, min(patch.hsx + dt.timedelta(days=12 + 3 * index), today - dt.timedelta(days=2)))
        determinations.append({"patch_no": patch.tbbh, "license_no": right.license_no,
                               "field_check_date": checked.isoformat(), "inspectors": "张伟、申晓东",
                               "finding": "实地核查：采场越出矿区范围开采，已拍照取证", "violation_type": "out_of_bounds",
                               "case_no": f"长自然资罚立〔2026〕{index + 11}号" if index < 2 else ""})
        for k, decided in enumerate(((dt.date(2024, 12, 3), dt.date(2025, 8, 19)), (dt.date(2025, 5, 6),), ())[index]):
            cases.append({"decision_no": f"长自然资罚〔{decided.year}〕{20 + 3 * index + k}号", "party": right.licence.holder,
                          "license_no": right.license_no, "patch_no": "", "case_no": "",
                          "violation_type": "越界开采", "decided_on": decided.isoformat(),
                          "penalty": "责令退回本矿区范围内开采，没收越界开采的矿产品和违法所得，罚款",
                          "fine_yuan": int(rng.integers(3, 20)) * 10000})
    # unlicensed mining cases (two rates): the same half of 2025 had fewer than 2026
    for year, first_half, second_half in ((2025, 3, 4), (2026, 5, 2)):
        for k in range(first_half + second_half):
            month = int(rng.integers(1, 7)) if k < first_half else int(rng.integers(7, 12))
            decided = dt.date(year, month, int(rng.integers(1, 29)))
            cases.append({"decision_no": f"长自然资罚〔{year}〕{60 + k}号",
                          "party": UNLICENSED_PARTIES[int(rng.integers(len(UNLICENSED_PARTIES)))],
                          "license_no": "", "patch_no": "", "case_no": "", "violation_type": "无证开采",
                          "decided_on": decided.isoformat(), "penalty": "责令停止开采，没收采出的矿产品和违法所得，罚款",
                          "fine_yuan": int(rng.integers(1, 10)) * 10000})
    # holders' other violations of 2025 and 2026 (farmland, destructive mining)
    others = [r for r in rights if r.license_no not in {r.license_no for _, r in chosen}]
    for k, year in enumerate((2025, 2025, 2026, 2026, 2026)):
        right = others[int(rng.integers(len(others)))]
        decided = dt.date(year, int(rng.integers(1, 12)), int(rng.integers(1, 29)))
        cases.append({"decision_no": f"长自然资罚〔{year}〕{90 + k}号", "party": right.licence.holder,
                      "license_no": right.license_no, "patch_no": "", "case_no": "",
                      "violation_type": ("占用耕地/基本农田", "破坏性开采")[k % 2], "decided_on": decided.isoformat(),
                      "penalty": "责令限期改正，罚款", "fine_yuan": int(rng.integers(1, 5)) * 10000})
    cases.sort(key=lambda c: c["decided_on"])
    reviews = [{"quarter": q, "reviewed_on": d, "participants": "局长、分管副局长、执法大队、矿管股",
                "conclusion": c} for q, d, c in (
        ("2025-Q4", "2026-01-08", "巡查未发现新增违法，督促两处界桩恢复"),
        ("2026-Q1", "2026-04-07", "两处越界线索转卫片核查"),
        ("2026-Q3", "2026-10-09", "越界开采问题立案查处，专项勘测第二轮部署"))]
    _write_csv(folder / "penalty_cases.csv", cases)
    _write_csv(folder / "determinations.csv", determinations)
    _write_csv(folder / "reviews.csv", reviews)
    return {"penalty_cases": folder / "penalty_cases.csv", "determinations": folder / "determinations.csv",
            "reviews": folder / "reviews.csv"}


def generate(out_dir: Path, seed: int = 2026, today: dt.date = dt.date(2026, 11, 22)) -> dict:
    """Write the demo county under ``out_dir``; return the paths written and the counts."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    rights = make_rights(rng, today)
    result: dict = {"out_dir": out_dir, "seed": seed, "today": today}
    result.update(write_rights(rights, out_dir))
    zones = make_zones(rights)
    result["monitoring_zones"] = write_zones(zones, out_dir)
    growing = make_pits(rng, rights, zones)
    patches = make_patches(rng, rights)
    patrol = make_patrol_patches(rng, rights, unary_union([r.geometry for r in rights]))
    result.update(write_patches(patches, patrol, out_dir))
    routes, photos, checks, visit_counts = make_inspections(rng, rights)
    result.update(write_inspections(routes, photos, checks, out_dir))
    survey_paths, surveyed = write_surveys(rng, rights, zones, out_dir)
    result.update(survey_paths)
    result.update(write_imagery(rng, rights, patches, patrol, out_dir))
    enforcement = np.random.default_rng(seed + 11)
    checks += more_corner_checks(enforcement, rights, routes, checks)
    _write_csv(out_dir / "inspections" / "corner_checks.csv", checks)
    result.update(write_enforcement(enforcement, rights, patches, out_dir, today))
    result["counts"] = {
        "licences": len(rights),
        "registration_files": sum(r.file_format == "registration" for r in rights),
        "land_exchange_files": sum(r.file_format == "land_exchange" for r in rights),
        "table_licences": sum(r.file_format == "table" for r in rights),
        "expired": sum(r.licence.valid_to < today for r in rights),
        "expiring_90d": sum(today <= r.licence.valid_to <= today + dt.timedelta(days=90) for r in rights),
        "two_parcel_licences": sum(sum(not p.excluded for p in r.licence.parcels) == 2 for r in rights),
        "excluded_parcels": sum(p.excluded for r in rights for p in r.licence.parcels),
        "status": {s: sum(r.status == s for r in rights) for s in STATUSES},
        "credit_status": {c: sum(r.credit_status == c for r in rights) for c in ("normal", "abnormal_list", "serious_dishonesty")},
        "zones": {z.name: len(z.members) for z in zones},
        "patches_per_year": {y: sum(p.year == y for p in patches) for y in YEARS},
        "patch_expected": {e: sum(p.expected == e for p in patches) for e in QUOTA},
        "repeats": sum(bool(p.repeat_of) for p in patches),
        "patrol_patches": len(patrol),
        "growing_beyond_boundary": growing,
        "routes": len(routes),
        "photos": len(photos),
        "corner_checks": len(checks),
        **visit_counts,
        "surveyed_licences": surveyed,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the demo county.")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    result = generate(args.out, args.seed)
    print(json.dumps(result, default=str, ensure_ascii=False, indent=1))
    print(f"generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
