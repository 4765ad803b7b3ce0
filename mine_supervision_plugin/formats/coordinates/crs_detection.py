"""The CRS of a coordinate file: from its header (坐标系, 带宽, 带号, 中央子午线), the eastings' zone prefix
and a CRS the caller gives, checked against each other (tables in :mod:`...domain.crs`)."""

from __future__ import annotations

import math
import re

from ...domain.crs import CGCS2000, DATUM_NAMES, ZONES, crs_info, epsg_for, prefix_width, zone_of_meridian
from ...domain.licence_checks import CHINA_DEGREES, ParsedFile, ProblemLog
from ...i18n import tr
from .fields import _leading_int, _num


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
    log: ProblemLog,
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


def _other_crs(epsg: int, prefix_zone: int | None, log: ProblemLog, line: int | None) -> int | None:
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


def _check_crs_fits(parsed: ParsedFile, epsg: int, log: ProblemLog, line: int | None) -> None:
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
            and max(area.west - 1, CHINA_DEGREES[0]) <= lon <= min(area.east + 1, CHINA_DEGREES[1])
            and max(area.south - 1, CHINA_DEGREES[2]) <= lat <= min(area.north + 1, CHINA_DEGREES[3])
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
