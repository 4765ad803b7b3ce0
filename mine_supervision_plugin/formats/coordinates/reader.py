"""Reading coordinate files: format detection, one file, a folder, duplicate licences across files,
and the checks every format goes through."""

from __future__ import annotations

import re
from pathlib import Path

from shapely.geometry import Polygon

from ...domain.licence import Licence, Parcel
from ...domain.licence_checks import (
    AREA_UNITS,
    MAX_AREA_M2,
    UNIT_LABELS,
    CoordinateFileError,
    ParsedFile,
    Problem,
    ProblemLog,
    check_area,
    check_licence,
    check_parcel,
    fix_axes,
    parcel_area_unit,
)
from ...domain.licence_geometry import ellipsoidal_area_m2, planar_area_m2
from ...i18n import tr
from .common import LAND_EXCHANGE, REGISTRATION, SUFFIXES, TABLE, BatchReadResult, CoordinateReadResult
from .crs_detection import _check_crs_fits, resolve_crs
from .fields import _decimals
from .land_exchange import _parse_land_exchange
from .registration import _parse_registration
from .tables import _map_columns, _parse_table
from .text import _read_text


def _detect_text(text: str, suffix: str) -> str | None:
    head = text[:20000]
    if re.search(r"[\[【]\s*(地块坐标|属性描述)\s*[\]】]", head):
        return LAND_EXCHANGE
    if re.search(r"(?im)^\s*XY\s*\d+\s*=", head) or "拐点坐标与标高的总行数" in head:
        return REGISTRATION
    if suffix == ".csv":
        return TABLE
    for line in head.splitlines()[:10]:
        columns = _map_columns(re.split(r"[,\t;]", line))
        if "x" in columns and "y" in columns:
            return TABLE
    return None


def detect_format(path: str | Path) -> str:
    """'land_exchange', 'registration' or 'table'; CoordinateFileError if none."""
    path = Path(path)
    log = ProblemLog(str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return TABLE
    if suffix == ".xls":
        log.error(tr("old .xls workbooks are not read: save the table as .xlsx or .csv"))
        log.refuse()
    found = _detect_text(_read_text(path, log), suffix)
    if found is None:
        log.error(tr("not a recognised coordinate file (land exchange txt, registration txt or corner table)"))
        log.refuse()
    return found


def read_coordinate_file(
    path: str | Path, *, crs_epsg: int | None = None, zone: int | None = None
) -> CoordinateReadResult:
    """Read and check one coordinate file; CoordinateFileError when refused."""
    path = Path(path)
    log = ProblemLog(str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        fmt, text = TABLE, None
    else:
        text = _read_text(path, log) if suffix != ".xls" else ""
        fmt = _detect_text(text, suffix) if text else None
        if fmt is None:
            detect_format(path)  # raises with the reason
    if fmt == TABLE:
        parsed = _parse_table(path, log, text)
    elif fmt == LAND_EXCHANGE:
        parsed = _parse_land_exchange(text.splitlines(), log, path)
    else:
        parsed = _parse_registration(text.splitlines(), log)
    for licence in parsed.licences:
        licence.source_file = str(path)
    epsg = _check(parsed, log, crs_epsg, zone)
    if log.errors() or epsg is None:
        if not log.errors():  # pragma: no cover - resolve_crs always logs why
            log.error(tr("the coordinate system could not be determined"))
        log.refuse()
    for licence in parsed.licences:
        licence.crs_epsg = epsg
    return CoordinateReadResult(parsed.licences, epsg, log.sorted(), str(path), fmt)


def _expand(inputs) -> list[Path]:
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    files: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            files.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(item)
    return files


def read_coordinate_files(
    inputs: str | Path | list, *, crs_epsg: int | None = None, zone: int | None = None
) -> BatchReadResult:
    """Read a folder (recursively: *.txt, *.csv, *.xlsx) or a list of files.

    Good files land in ``results``; each refused file's problems are in
    ``failures`` under its path. Nothing is raised for a refused file.
    """
    batch = BatchReadResult()
    for path in _expand(inputs):
        try:
            batch.results.append(read_coordinate_file(path, crs_epsg=crs_epsg, zone=zone))
        except CoordinateFileError as exc:
            batch.failures[str(path)] = exc.problems
    return batch


def _boundary_key(licence: Licence) -> tuple:
    return (
        licence.crs_epsg,
        tuple(
            (
                str(p.parcel_no),
                bool(p.excluded),
                p.depth_top_m,
                p.depth_bottom_m,
                tuple((c.ring, c.number, round(c.x, 3), round(c.y, 3)) for c in p.corners),
            )
            for p in licence.parcels
        ),
    )


_COMPARED_ATTRIBUTES = ("mine_name", "holder", "mineral", "mining_method", "production_scale", "licensed_area_km2",
                        "valid_from", "valid_to")


def drop_duplicate_licences(results: list[CoordinateReadResult]) -> tuple[list[Problem], list[Problem]]:
    """Licences given more than once in one import (several files, or one table), removed in place.

    Identical copies (same boundary and attributes): the first is kept and a
    note names the others. Different copies: which one is right cannot be
    told, so none is imported and an error names every file. Returns
    (errors, notes).
    """
    copies: dict[str, list[tuple[CoordinateReadResult, Licence]]] = {}
    for result in results:
        for licence in result.licences:
            copies.setdefault((licence.license_no or "").strip(), []).append((result, licence))
    errors: list[Problem] = []
    notes: list[Problem] = []
    for license_no, found in copies.items():
        if len(found) < 2 or not license_no:
            continue
        first_result, first = found[0]
        files = ", ".join(dict.fromkeys(Path(r.path).name for r, _ in found))
        differences = []
        for _, other in found[1:]:
            if _boundary_key(other) != _boundary_key(first):
                differences.append(tr("boundary") if other.crs_epsg == first.crs_epsg else tr("coordinate system"))
            differences += [name for name in _COMPARED_ATTRIBUTES if getattr(other, name) != getattr(first, name)]
        differences = list(dict.fromkeys(differences))
        if not differences:
            for result, licence in found[1:]:
                result.licences.remove(licence)
                notes.append(
                    Problem(
                        result.path,
                        licence.parcels[0].line if licence.parcels else None,
                        tr("licence {licence} is also in {first}, identical: imported once, from {first}").format(
                            licence=license_no, first=Path(first_result.path).name
                        ),
                        severity="warning",
                    )
                )
            continue
        for result, licence in found:
            result.licences.remove(licence)
            errors.append(
                Problem(
                    result.path,
                    licence.parcels[0].line if licence.parcels else None,
                    tr(
                        "licence {licence} is given {count} times in this import ({files}) and the copies differ "
                        "({differences}): it is not imported. Keep only the right file and import again"
                    ).format(licence=license_no, count=len(found), files=files, differences=", ".join(differences)),
                )
            )
    return errors, notes


def _check(parsed: ParsedFile, log: ProblemLog, crs_epsg: int | None, zone: int | None) -> int | None:
    if not any(p.corners for lic in parsed.licences for p in lic.parcels):
        if not log.errors():
            log.error(tr("the file has no corners"))
        return None
    prefix = fix_axes(parsed, log)
    epsg = None
    if prefix is not False:
        epsg = resolve_crs(
            datum_text=parsed.datum_text,
            width_text=parsed.width_text,
            zone_text=parsed.zone_text,
            meridian_text=parsed.meridian_text,
            prefix_zone=prefix,
            crs_epsg=crs_epsg,
            zone=zone,
            log=log,
            line=parsed.header_line,
        )
    if prefix is False:
        return epsg  # geometry checks on inconsistent coordinates would only add noise
    if epsg is not None and not log.errors():
        _check_crs_fits(parsed, epsg, log, parsed.header_line)
    area_epsg = None if log.errors() else epsg  # no ellipsoidal area in a CRS that does not fit
    polygons: dict[int, tuple[Parcel, Polygon]] = {}
    for licence in parsed.licences:
        seen: dict[str, Parcel] = {}
        for parcel in licence.parcels:
            if parcel.parcel_no in seen:
                log.error(
                    tr("parcel number {number} is used twice in licence {licence}").format(
                        number=parcel.parcel_no, licence=licence.license_no
                    ),
                    parcel.line,
                    parcel.parcel_no,
                )
            seen[parcel.parcel_no] = parcel
            if id(parcel) in parsed.incomplete:
                continue  # its unreadable corner line is the error; checks on the rest would only add noise
            polygon = check_parcel(parcel, parsed, log)
            if polygon is not None:
                polygons[id(parcel)] = (parcel, polygon)
    unit = parcel_area_unit(parsed, polygons, log)
    for parcel, polygon in polygons.values():
        if parcel.declared_area is None:
            continue
        parcel.declared_area_unit = parsed.area_units.get(id(parcel), unit)
        if parcel.declared_area * AREA_UNITS[parcel.declared_area_unit][0] > MAX_AREA_M2:
            log.warn(
                tr("parcel area (地块面积) is invalid: {reason}; it is left empty and not checked").format(
                    reason=tr("'{area}' is larger than all of China (9.6 million km²)").format(
                        area=f"{parsed.area_texts.get(id(parcel), '')} {UNIT_LABELS[parcel.declared_area_unit]}"
                    )
                ),
                parcel.line,
                parcel.parcel_no,
            )
            parcel.declared_area = None
            continue
        planar = planar_area_m2(polygon)
        ellipsoidal = ellipsoidal_area_m2(polygon, area_epsg) if area_epsg else None
        check_area(
            log,
            parcel.declared_area,
            parcel.declared_area_unit,
            planar,
            ellipsoidal,
            parcel.line,
            parcel.parcel_no,
            _decimals(parsed.area_texts.get(id(parcel))),
        )
    for licence in parsed.licences:
        check_licence(licence, polygons, parsed, log, area_epsg)
    return epsg
