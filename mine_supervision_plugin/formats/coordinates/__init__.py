"""Reading licence corner-coordinate files (pure Python, no QGIS).

Three formats are read (see :func:`detect_format`):

``land_exchange``
    The land coordinate exchange txt (土地/建设用地报盘坐标交换格式):
    ``[属性描述]`` key=value lines, then ``[地块坐标]`` with, per parcel, a header
    ``界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@`` and
    ``点号,圈号,X,Y`` lines. 地块面积 is in 公顷 (hectares) by the format's
    specification; when the declared values clearly fit m², 亩 or km² instead
    (all parcels within 1 % while hectares are off by more than 5 %) that unit
    is used and a warning says so. A ``面积单位`` attribute, when present, wins.
    界址点数 may count the closing corner or not: both are accepted.
``registration``
    The mining-right registration txt (采矿权登记): key=value attributes, then
    ``矿区范围拐点坐标与标高的总行数=N`` and ``XYnnn=`` lines. A corner line is
    ``XYnnn=点号,X,Y``; each parcel ends with a closing line
    ``XYnnn=标识,标高上限,标高下限,,flag`` (any line whose first value is not a
    corner number, or with four values or more). **总行数 counts every XYnnn
    line: corner lines plus closing lines.** Flag -1 marks an excluded parcel
    (扣除, cut out of the licence); 1, 0 or empty a normal parcel; any other
    value is reported as a warning and the parcel kept as normal. 矿区面积 is
    in km² unless a unit follows the number (平方米, 公顷, 亩, 平方公里).
``table``
    CSV or XLSX corner tables, columns found by Chinese or English headers
    (see ``_TABLE_COLUMNS``); several licences per file.

Declared areas (地块面积, 矿区面积) may carry their unit (``1.8000公顷``,
``18000平方米``, ``27亩``, ``0.018 km²``); it is converted to m² and checked
like any declared area. An unusable declared area (infinite, NaN, zero,
negative, larger than China, no number, unknown unit) is a warning naming
file, line and parcel, and is left empty (NULL in the store): the area only
checks the boundary, which is still imported.

Text files may be UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with or
without BOM; a UTF-8 BOM in front of GBK text is read as GBK with a warning.
CRLF or LF; spaces around values, full-width digits and punctuation
(，．－＝：) are tolerated; a decimal comma (``3853900,67``) is an error
naming the line.

A CRS given by the caller (or stated as ``EPSG:nnnn`` in the file) must fit
the coordinates: a geographic CRS for metre coordinates, or a projected one
that puts the corners outside China or its area of use, refuses the file;
so do corners written as longitude/latitude.

:func:`drop_duplicate_licences` finds a licence given twice in one import.

Coordinates keep the files' convention (X northing, Y easting with its zone
prefix, if any). Swapped columns are recognised from magnitude and swapped
back with a warning. The CRS is detected from the header and the eastings
(see :func:`resolve_crs`); Xi'an 1980 and Beijing 1954 data are imported in
their own EPSG code with a warning that they must be transformed to CGCS2000.

The ring closing corner, when repeated, is dropped from ``Parcel.corners``:
corners are the distinct numbered boundary points an inspector speaks of.

Every problem carries file, line, parcel and corner; a file with an error
raises :class:`CoordinateFileError` listing all problems found.

The package, by seam:

``text``           reading a file's text whatever its encoding
``fields``         numbers, dates, areas and licence attributes inside the files
``crs_detection``  the CRS from the header, the eastings and the caller's choice
``land_exchange``, ``registration``, ``tables``  one module per file format
``reader``         format detection, reading a file or a folder, duplicates
``common``         format names and read results

The ministry's checks on the corners (axes, rings, holes, areas, parcels)
are domain rules: :mod:`mine_supervision_plugin.domain.licence_checks`;
the parcel geometries and areas: :mod:`mine_supervision_plugin.domain.licence_geometry`;
the CRS tables: :mod:`mine_supervision_plugin.domain.crs`.
"""

from __future__ import annotations

from ...domain.crs import DATUM_NAMES, ZONES, crs_info, epsg_for
from ...domain.licence_checks import UNIT_LABELS, CoordinateFileError, Problem
from ...domain.licence_geometry import (
    MU_PER_M2,
    area_summary,
    ellipsoidal_area_m2,
    licence_multipolygon,
    parcel_polygon,
    planar_area_m2,
    ring_coordinates,
)
from .common import LAND_EXCHANGE, REGISTRATION, SUFFIXES, TABLE, BatchReadResult, CoordinateReadResult
from .crs_detection import resolve_crs
from .reader import detect_format, drop_duplicate_licences, read_coordinate_file, read_coordinate_files

__all__ = [
    "DATUM_NAMES",
    "LAND_EXCHANGE",
    "MU_PER_M2",
    "REGISTRATION",
    "SUFFIXES",
    "TABLE",
    "UNIT_LABELS",
    "ZONES",
    "BatchReadResult",
    "CoordinateFileError",
    "CoordinateReadResult",
    "Problem",
    "area_summary",
    "crs_info",
    "detect_format",
    "drop_duplicate_licences",
    "ellipsoidal_area_m2",
    "epsg_for",
    "licence_multipolygon",
    "parcel_polygon",
    "planar_area_m2",
    "read_coordinate_file",
    "read_coordinate_files",
    "resolve_crs",
    "ring_coordinates",
]
