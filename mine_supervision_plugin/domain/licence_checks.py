"""The ministry's checks on a licence's corner coordinates, as domain rules (no I/O).

What a reader parsed (:class:`ParsedFile`) is checked here whatever the file
format: X must be the 7-digit northing and Y the easting (swapped columns are
swapped back, degrees are refused, eastings may not mix zones); every ring
closes, has 3 distinct corners or more and does not cross itself; holes lie
inside their outer ring and do not overlap; the declared corner count
(界址点数) fits; parcels of one licence do not overlap and excluded parcels
(扣除) lie inside the licence; declared areas (地块面积 in 公顷 unless stated,
矿区面积 in km²) fit the planar or the TD/T 1055-2019 ellipsoidal area.

Every finding is a :class:`Problem` located by file, line, parcel and corner,
collected in a :class:`ProblemLog`; a refused file raises
:class:`CoordinateFileError` listing them all."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import shapely
from shapely.geometry import LineString, Polygon
from shapely.validation import explain_validity

from ..i18n import tr
from .crs import CGCS2000, ZONES, easting_zone, epsg_for, zone_of_meridian
from .licence import Corner, Licence, Parcel
from .licence_geometry import ellipsoidal_area_m2, licence_multipolygon, planar_area_m2, same_point


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


class ProblemLog:
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


CHINA_DEGREES = (73.0, 136.0, 3.0, 54.0)  # west, east, south, north (degrees)


def looks_like_degrees(a: float, b: float) -> bool:
    """(X, Y) or (Y, X) is a latitude and longitude in China."""
    west, east, south, north = CHINA_DEGREES
    return (south <= a <= north and west <= b <= east) or (south <= b <= north and west <= a <= east)


AREA_UNITS = {  # unit code -> m² per unit, and how files write it
    "m2": (1.0, ("平方米", "m2", "m²", "㎡")),
    "ha": (10_000.0, ("公顷", "ha", "hm2", "hm²")),
    "mu": (2000 / 3, ("亩", "mu")),
    "km2": (1_000_000.0, ("平方公里", "平方千米", "km2", "km²", "k㎡")),
}


UNIT_LABELS = {"m2": "m²", "ha": "ha (公顷)", "mu": "mu (亩)", "km2": "km²"}


# No licence or parcel is larger than China (9.6 million km²): a larger declared area is a typing or
# conversion error, not an area (and would print as a 309-digit number).
MAX_AREA_M2 = 9.6e12


def area_text(value: float) -> str:
    """An area for a message: 2 decimals, or 4 significant digits when absurdly large."""
    if not math.isfinite(value) or abs(value) >= 1e12:
        return f"{value:.4g}"
    return f"{value:.2f}"


@dataclass
class ParsedFile:
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


NORTHINGS = (1_000_000.0, 10_000_000.0)  # 7-digit northings: China lies between ~2,000 km and ~6,000 km


def is_northing(v: float) -> bool:
    return NORTHINGS[0] <= v < NORTHINGS[1]


def fix_axes(parsed: ParsedFile, log: ProblemLog) -> int | None | bool:
    """Swap X/Y if the whole file has them swapped; return the zone prefix.

    Returns the prefix zone (None when eastings are unprefixed), or False
    after logging errors (mixed or implausible coordinates).
    """
    corners = [(lic, p, c) for lic in parsed.licences for p in lic.parcels for c in p.corners]
    normal, swapped, bad = [], [], []
    for item in corners:
        c = item[2]
        if is_northing(c.x) and easting_zone(c.y) is not None:
            normal.append(item)
        elif is_northing(c.y) and easting_zone(c.x) is not None:
            swapped.append(item)
        else:
            bad.append(item)
    degrees = [item for item in bad if looks_like_degrees(item[2].x, item[2].y)]
    if degrees and len(degrees) == len(bad) and not normal and not swapped:
        _, p, c = degrees[0]
        lon = c.y if CHINA_DEGREES[0] <= c.y <= CHINA_DEGREES[1] else c.x
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


def check_ring(parcel: Parcel, ring_no: int, corners: list[Corner], log: ProblemLog) -> tuple[list[Corner], bool]:
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


def check_crossings(parcel: Parcel, ring_no: int, pts: list[Corner], log: ProblemLog) -> bool:
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


def check_parcel(parcel: Parcel, parsed: ParsedFile, log: ProblemLog) -> Polygon | None:
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
        pts, ring_ok = check_ring(parcel, ring_no, rings[ring_no], log)
        closing += len(rings[ring_no]) - len(pts)
        cleaned.extend(pts)
        if ring_ok:
            ring_ok = check_crossings(parcel, ring_no, pts, log)
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


def check_area(
    log: ProblemLog, declared: float, unit: str, planar: float, ellipsoidal: float | None, line, parcel_no, decimals: int
):
    unit_m2 = AREA_UNITS[unit][0]
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
            declared_m2=area_text(declared_m2),
            planar=area_text(planar),
            ellipsoidal="-" if ellipsoidal is None else area_text(ellipsoidal),
            difference=area_text(declared_m2 - nearest),
            relative=f"{relative:+.4%}" if abs(relative) < 1e6 else f"×{declared_m2 / nearest:.4g}",
        ),
        line,
        parcel_no,
    )


def parcel_area_unit(parsed: ParsedFile, polygons: dict[int, tuple[Parcel, Polygon]], log: ProblemLog) -> str:
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
        factor = AREA_UNITS[unit][0]
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


def check_licence(licence: Licence, polygons: dict, parsed: ParsedFile, log: ProblemLog, epsg: int | None):
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
    check_area(log, value, unit, planar, ellipsoidal, line, None, decimals)
