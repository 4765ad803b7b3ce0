"""Patrol routes from GPS files: GPX tracks and routes, and drone flight logs (CSV).

The field-check app, a handheld GPS or a phone exports a patrol as GPX 1.1 (or
the older 1.0): each track (``trk``, its segments joined) or route (``rte``)
is one patrol, with the time and elevation of each point. A drone flight where
the site cannot be reached (seed 002 §二(二)1②) comes as the flight log's CSV:
one row per position, latitude, longitude and time columns under the names the
common apps (DJI, AirData, Litchi, the Chinese exports) give them.

Coordinates are WGS84 / CGCS2000 longitude and latitude (EPSG:4490 to well under
a metre). Times are returned naive in Beijing time, the time the county's photos
and forms carry: a GPX time in UTC (``Z`` or an offset) is converted, a time
without zone is taken as local; a CSV column named ``…utc…`` is UTC.

Nothing here writes: :func:`read_patrol_files` reads a file or a folder and
refuses, file by file, what cannot be a patrol (broken XML with its line, a GPX
without tracks or routes, points without any time), with a message each.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr

#: Beijing time, the zone of the county's photos and forms.
LOCAL_ZONE = dt.timezone(dt.timedelta(hours=8))
GPX_SUFFIXES = (".gpx",)
LOG_SUFFIXES = (".csv",)

ROUTE_GPX_TRACK, ROUTE_GPX_ROUTE, ROUTE_FLIGHT_LOG = "gpx_track", "gpx_route", "flight_log"


class PatrolFileError(ValueError):
    """A file that cannot be read as a patrol route, worded for the user (names the file)."""


@dataclass
class RoutePoint:
    longitude: float
    latitude: float
    elevation: float | None = None
    time: dt.datetime | None = None  # naive, Beijing time


@dataclass
class PatrolRoute:
    """One patrol's route as the file gives it: name, description, points (lon/lat, EPSG:4490)."""

    source_file: str
    name: str
    description: str = ""
    source: str = ROUTE_GPX_TRACK
    points: list[RoutePoint] = field(default_factory=list)
    #: points without a time (their position is kept)
    untimed_points: int = 0

    @property
    def times(self) -> list[dt.datetime]:
        return [p.time for p in self.points if p.time is not None]

    @property
    def started_at(self) -> dt.datetime | None:
        times = self.times
        return min(times) if times else None

    @property
    def ended_at(self) -> dt.datetime | None:
        times = self.times
        return max(times) if times else None

    @property
    def date(self) -> dt.date | None:
        start = self.started_at
        return start.date() if start else None

    def text(self) -> str:
        """Everything written about the route, for finding licence numbers and inspectors in it."""
        return " ".join(part for part in (self.name, self.description, Path(self.source_file).name) if part)


@dataclass
class PatrolFiles:
    """What :func:`read_patrol_files` found: the routes, the files refused (a message each) and notes."""

    routes: list[PatrolRoute] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_read: int = 0


# --- times -------------------------------------------------------------------------------------

_TIME_PATTERNS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y:%m:%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y%m%d%H%M%S",
)


def _local(value: dt.datetime, utc: bool = False) -> dt.datetime:
    """A time as naive Beijing time: an aware one converted, a naive one taken as UTC when ``utc``."""
    if value.tzinfo is None and utc:
        value = value.replace(tzinfo=dt.timezone.utc)
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return value


def parse_time(text: str | None, *, utc: bool = False) -> dt.datetime | None:
    """A GPX / flight-log time as naive Beijing time; None when blank or unreadable.

    ISO 8601 with ``Z`` or an offset, the usual ``2026/01/05 09:30:00`` forms,
    and Unix epoch seconds or milliseconds (always UTC).
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", text):
        seconds = float(text) / (1000.0 if len(text) == 13 else 1.0)
        return _local(dt.datetime.fromtimestamp(seconds, dt.timezone.utc))
    iso = text.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return _local(dt.datetime.fromisoformat(iso), utc)
    except ValueError:
        pass
    match = re.fullmatch(r"(.*?)(\.\d+)?", text)
    core = match.group(1) if match else text
    for pattern in _TIME_PATTERNS:
        try:
            return _local(dt.datetime.strptime(core, pattern), utc)
        except ValueError:
            continue
    return None


# --- GPX --------------------------------------------------------------------------------------


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local_name(child.tag) == name]


def _child_text(element: ET.Element, name: str) -> str:
    for child in _children(element, name):
        return (child.text or "").strip()
    return ""


def _gpx_point(element: ET.Element, path: Path, route: PatrolRoute) -> RoutePoint | None:
    try:
        longitude, latitude = float(element.get("lon")), float(element.get("lat"))
    except (TypeError, ValueError):
        raise PatrolFileError(
            tr("{file}: a point of {route} has no readable lat/lon attributes.").format(file=path, route=route.name)
        ) from None
    if not (math.isfinite(longitude) and math.isfinite(latitude) and -180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise PatrolFileError(
            tr("{file}: a point of {route} lies outside longitude/latitude range ({lon}, {lat}).").format(
                file=path, route=route.name, lon=longitude, lat=latitude
            )
        )
    elevation = _child_text(element, "ele")
    try:
        height = float(elevation) if elevation else None
    except ValueError:
        height = None
    time = parse_time(_child_text(element, "time"))
    if time is None:
        route.untimed_points += 1
    return RoutePoint(longitude, latitude, height, time)


def read_gpx(path: str | Path) -> list[PatrolRoute]:
    """The tracks and routes of a GPX 1.0 / 1.1 file, one :class:`PatrolRoute` each.

    Raises :class:`PatrolFileError` naming the file (and the line of broken
    XML), when it is no GPX, has no track or route with points, or a point
    without coordinates.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PatrolFileError(tr("{file} cannot be read: {reason}").format(file=path, reason=error)) from error
    try:
        root = ET.parse(io.BytesIO(data)).getroot()
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise PatrolFileError(
            tr("{file} is not well-formed XML (line {line}, column {column}): {reason}").format(
                file=path, line=line, column=column + 1, reason=error
            )
        ) from None
    if _local_name(root.tag) != "gpx":
        raise PatrolFileError(
            tr("{file} is XML but not GPX (its root element is <{root}>).").format(file=path, root=_local_name(root.tag))
        )
    file_time = None
    for metadata in _children(root, "metadata"):
        file_time = parse_time(_child_text(metadata, "time"))
    if file_time is None:
        file_time = parse_time(_child_text(root, "time"))  # GPX 1.0 keeps it on the root
    routes = []
    for kind, container, point_names in (("trk", ROUTE_GPX_TRACK, ("trkseg", "trkpt")), ("rte", ROUTE_GPX_ROUTE, (None, "rtept"))):
        for number, element in enumerate(_children(root, kind), start=1):
            route = PatrolRoute(
                str(path),
                _child_text(element, "name") or f"{path.stem}-{kind}{number}",
                " ".join(t for t in (_child_text(element, "desc"), _child_text(element, "cmt")) if t),
                container,
            )
            segments = _children(element, point_names[0]) if point_names[0] else [element]
            for segment in segments:
                for point in _children(segment, point_names[1]):
                    route.points.append(_gpx_point(point, path, route))
            if route.points:
                routes.append(route)
    if not routes:
        raise PatrolFileError(
            tr("{file} has no track or route with points (waypoints alone are no patrol route); the file is refused.").format(
                file=path
            )
        )
    _check_times(routes, path, file_time)
    return routes


def _check_times(routes: list[PatrolRoute], path: Path, file_time: dt.datetime | None) -> None:
    """Refuse the file when a route has no time at all (its date is unknown), unless the file's own time gives it."""
    for route in routes:
        if route.times:
            continue
        if file_time is None:
            raise PatrolFileError(
                tr(
                    "{file}: the points of {route} carry no time, so the patrol's date is unknown; the file is "
                    "refused. Export the track with times (or set the time in the GPX metadata)."
                ).format(file=path, route=route.name)
            )
        route.points[0].time = file_time
        route.untimed_points -= 1


# --- drone flight logs (CSV) ------------------------------------------------------------------

_LATITUDE = ("latitude", "lat", "gps_lat", "gps_latitude", "gps:lat", "osd.latitude", "纬度", "緯度")
_LONGITUDE = ("longitude", "lon", "lng", "long", "gps_lon", "gps_lng", "gps_longitude", "gps:long", "osd.longitude", "经度", "經度")
_TIME = ("datetime(utc)", "datetime", "date_time", "timestamp", "time", "gps_time", "gps:datetimestamp", "custom.updatetime",
         "updatetime", "时间", "日期时间", "拍摄时间", "记录时间")
_ELEVATION = ("altitude_above_sealevel(meters)", "altitude(m)", "altitude", "alt", "elevation", "ele", "gps:alt",
              "osd.altitude", "高度", "海拔", "高程")


def _normalised(header: str) -> str:
    return re.sub(r"\s+", "", header.strip().strip('"').lower())


def _column(headers: list[str], names: tuple[str, ...]) -> int | None:
    normal = [_normalised(h) for h in headers]
    for name in names:
        if name in normal:
            return normal.index(name)
    for name in names:  # "latitude (deg)", "纬度(°)"
        for index, header in enumerate(normal):
            if re.sub(r"[(\[（].*$", "", header) == name:
                return index
    return None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_flight_log(path: str | Path) -> list[PatrolRoute]:
    """A drone flight log (CSV) as one route; raises :class:`PatrolFileError` naming the file and row."""
    path = Path(path)
    try:
        text = _decode(path.read_bytes())
    except OSError as error:
        raise PatrolFileError(tr("{file} cannot be read: {reason}").format(file=path, reason=error)) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise PatrolFileError(tr("{file} is empty.").format(file=path))
    headers = rows[0]
    lat, lon, time, ele = (_column(headers, names) for names in (_LATITUDE, _LONGITUDE, _TIME, _ELEVATION))
    if lat is None or lon is None:
        raise PatrolFileError(
            tr("{file}: no latitude and longitude columns found (columns: {columns}); the file is refused.").format(
                file=path, columns=", ".join(h.strip() for h in headers)
            )
        )
    utc = time is not None and "utc" in _normalised(headers[time])
    route = PatrolRoute(str(path), path.stem, "", ROUTE_FLIGHT_LOG)
    for number, row in enumerate(rows[1:], start=2):
        try:
            latitude, longitude = float(row[lat]), float(row[lon])
        except (IndexError, ValueError):
            raise PatrolFileError(
                tr("{file}, row {row}: latitude/longitude cannot be read.").format(file=path, row=number)
            ) from None
        if (latitude, longitude) == (0.0, 0.0):
            continue  # no GPS fix yet: flight logs write zeros
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise PatrolFileError(
                tr("{file}, row {row}: ({lat}, {lon}) is not a latitude/longitude.").format(
                    file=path, row=number, lat=latitude, lon=longitude
                )
            )
        when = parse_time(row[time], utc=utc) if time is not None and time < len(row) else None
        if when is None:
            route.untimed_points += 1
        height = None
        if ele is not None and ele < len(row):
            try:
                height = float(row[ele])
            except ValueError:
                height = None
        route.points.append(RoutePoint(longitude, latitude, height, when))
    if len(route.points) < 2:
        raise PatrolFileError(tr("{file} has fewer than two positions; the file is refused.").format(file=path))
    if not route.times:
        raise PatrolFileError(
            tr("{file}: no time column could be read (columns: {columns}), so the flight's date is unknown; the file is refused.").format(
                file=path, columns=", ".join(h.strip() for h in headers)
            )
        )
    return [route]


# --- files and folders -------------------------------------------------------------------------


def patrol_files(path: str | Path) -> list[Path]:
    """The GPX and CSV files of a folder (its subfolders too), or the file itself, in name order."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in GPX_SUFFIXES + LOG_SUFFIXES)
    return [path]


def read_patrol_file(path: str | Path) -> list[PatrolRoute]:
    """The routes of one GPX file or flight log (CSV)."""
    path = Path(path)
    if not path.is_file():
        raise PatrolFileError(tr("{file} does not exist.").format(file=path))
    if path.suffix.lower() in LOG_SUFFIXES:
        return read_flight_log(path)
    return read_gpx(path)


def read_patrol_files(path: str | Path) -> PatrolFiles:
    """Every patrol route of a GPX / flight-log file or of a folder of them.

    A file that cannot be read is refused with its message (in ``refused``),
    the others are read; routes with some points without time are noted.
    """
    found = PatrolFiles()
    files = patrol_files(path)
    if not files:
        found.refused.append(tr("{folder} holds no GPX or flight-log (CSV) file.").format(folder=path))
    for file in files:
        try:
            routes = read_patrol_file(file)
        except PatrolFileError as error:
            found.refused.append(str(error))
            continue
        found.files_read += 1
        for route in routes:
            if route.untimed_points:
                found.warnings.append(
                    tr("{file}: {count} of the {total} points of {route} have no time.").format(
                        file=file, count=route.untimed_points, total=len(route.points), route=route.name
                    )
                )
        found.routes.extend(routes)
    return found


#: Photo files a phone or camera export holds (EXIF is read from JPEG, TIFF, HEIC... by QGIS's exiv2).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".tif", ".tiff", ".heic", ".png", ".dng")


def photo_files(folder: str | Path) -> list[Path]:
    """The photo files of a folder (its subfolders too), in name order."""
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES)
