"""Where and when a field photo was taken, from its EXIF tags (read by QGIS's exiv2).

Phones and cameras write the GPS position (WGS84 latitude/longitude, which is
CGCS2000 to well under a metre), the time the picture was taken and often the
direction the camera faced. A verification photo placed on the map at the spot
it was taken, with its time, is evidence the county can stand on; one taken far
from the patch, or before the imagery that showed the change, is worth a second
look, and :func:`photo_doubts` says so.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr

#: A photo farther than this from its patch is named (metres, in a projected store).
FAR_FROM_PATCH_M = 200.0

_TAKEN_TAGS = ("Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Image.DateTime")
_DIRECTION_TAG = "Exif.GPSInfo.GPSImgDirection"


@dataclass
class PhotoInfo:
    """What the EXIF tags of one photo say; None where a tag is absent or unreadable."""

    path: str
    longitude: float | None = None
    latitude: float | None = None
    taken_at: dt.datetime | None = None
    azimuth_deg: float | None = None

    @property
    def located(self) -> bool:
        return self.longitude is not None and self.latitude is not None


def _as_datetime(value) -> dt.datetime | None:
    if value is None:
        return None
    if hasattr(value, "toPyDateTime"):  # QDateTime from exiv2
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, dt.datetime):
        return value
    text = str(value).strip()
    for pattern in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text[:19], pattern)
        except ValueError:
            continue
    return None


def _as_degrees(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number % 360.0 if math.isfinite(number) else None


def read_photo_info(path: str | Path) -> PhotoInfo:
    """The position, time and direction recorded in ``path``'s EXIF tags (all None for a file without them)."""
    from qgis.core import QgsExifTools

    text = str(path)
    info = PhotoInfo(text)
    if not Path(text).is_file():
        return info
    point, ok = QgsExifTools.getGeoTag(text)
    if ok and not point.isEmpty():
        lon, lat = point.x(), point.y()
        if math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90 and (lon, lat) != (0, 0):
            info.longitude, info.latitude = lon, lat
    for tag in _TAKEN_TAGS:
        taken = _as_datetime(QgsExifTools.readTag(text, tag))
        if taken is not None:
            info.taken_at = taken
            break
    info.azimuth_deg = _as_degrees(QgsExifTools.readTag(text, _DIRECTION_TAG))
    return info


def photo_doubts(
    info: PhotoInfo,
    patch_no: str,
    *,
    distance_m: float | None = None,
    date_after: dt.date | None = None,
) -> list[str]:
    """Why a verification photo of ``patch_no`` deserves a second look, worded for the user (empty: none).

    ``distance_m``: from where it was taken to the patch; ``date_after``: the
    after-imagery date of the patch (a field check follows it).
    """
    name = Path(info.path).name
    doubts = []
    if not info.located:
        doubts.append(
            tr("Photo {photo} of patch {patch_no} has no GPS position: it is not placed on the map.").format(
                photo=name, patch_no=patch_no
            )
        )
    elif distance_m is not None and distance_m > FAR_FROM_PATCH_M:
        doubts.append(
            tr("Photo {photo} was taken {distance} m from patch {patch_no}.").format(
                photo=name, distance=f"{distance_m:,.0f}", patch_no=patch_no
            )
        )
    if info.taken_at is not None and date_after is not None and info.taken_at.date() < date_after:
        doubts.append(
            tr("Photo {photo} was taken on {taken}, before the after-imagery date {date} of patch {patch_no}.").format(
                photo=name, taken=info.taken_at.date().isoformat(), date=date_after.isoformat(), patch_no=patch_no
            )
        )
    return doubts
