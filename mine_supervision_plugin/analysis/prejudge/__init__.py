"""Pre-judgment of suspect patches (图斑预判) against mining licences.

For every patch, against the licences and their validity on the patch's
after-imagery date:

* ``inside_area_m2``: the patch area covered by the union of all licence
  polygons, whatever their validity; ``outside_area_m2`` = area - inside;
* ``prejudgment``: ``unlicensed`` when inside < tolerance; else
  ``out_of_bounds`` when outside >= tolerance; else ``expired_licence`` when
  the part not covered by licences valid on that date (valid_from <= date <=
  valid_to) is >= tolerance; else ``within_licence``;
* ``license_no``: every licence the patch overlaps with positive area, sorted,
  comma-separated; ``expired_area_m2``: the part inside licences but outside
  every licence valid on the date;
* ``zone_name``/``zone_level``: the key monitoring zone holding the largest
  share of the patch;
* ``repeat_years``: years of earlier patches it overlaps (多年连续变化);
* ``penalties_2y``/``transfer_to_judiciary``: the holder's administrative
  penalties for illegal mining in the two years before the date, and the
  ≥ 2 penalties rule of seed 003 (二年内曾因非法采矿受过两次以上行政处罚，又实施
  非法采矿行为 → 移送司法机关);
* ``prejudge_note``: why a value could not be computed or should be read with
  care (repaired geometry, no date, ...).

Decisions (see also the module's tests):

* A patch without a usable date keeps its areas and can be ``unlicensed``,
  ``out_of_bounds`` or ``within_licence``, but never ``expired_licence``: the
  validity of its licences is unknown. Its note says so, ``expired_area_m2``
  and ``penalties_2y`` stay empty, and a warning names it.
* A licence with an empty valid_from or valid_to is taken as unbounded on that
  side (it cannot make a patch "expired"), and a warning names it. A licence
  not yet valid on the date (valid_from after it) counts as not valid, like an
  expired one: the code is still ``expired_licence``.
* Only the licences, zones and earlier patches whose bounding box meets a
  patch are checked for validity (and repaired): the others cannot change a
  result. A caller may clean patches and licences itself (``patch_status``,
  ``LicenceSet.status``): the Processing algorithm checks them batch by batch
  while it reads them from a file, so every licence read is checked.
* "Positive area" (licences touched, earlier patches, zones) means an overlap
  larger than :data:`POSITIVE_AREA_M2` (1 mm²), so that shared edges and
  floating-point slivers do not count.
* Invalid geometries are repaired with ``make_valid`` (their polygonal part
  kept) and named; empty or non-polygonal patches stay in the result with an
  empty prejudgment and a note; empty licences are ignored and named.
* Earlier patches of the patch's own year or later are not "previous"
  (so the current batch can be passed as PREVIOUS_PATCHES without matching
  itself) when the patch's year is known.
* Penalty cases match a patch through the licences it touches (their
  license_no, and their holder when the licences carry one) and through the
  patch's own holder field when it has one; a case counts when its penalty
  date lies in [date - 2 years, date]. ``transfer_to_judiciary`` is set when
  that count is ≥ 2 and the patch is a suspected violation (not
  ``within_licence``): 以上 includes the number itself.

Areas are planar: :func:`prejudge` projects geographic data to the CGCS2000
3-degree Gauss–Krüger zone of its centre (EPSG 4534–4554, no zone prefix) and
reprojects the other layers to the patches' CRS. :func:`prejudge_arrays` works
on shapely arrays already in one planar CRS and needs neither pandas nor
geopandas.

The work is vectorised: one bulk STRtree query per layer, prepared
``contains_properly`` for the pairs whose bounding boxes nest (a patch wholly
inside a licence needs no overlay), vectorised ``shapely.intersection`` on the
other pairs, numpy group-by on the pair indices, and a union only where a patch
touches two or more licences. Shapely releases the GIL, so the heavy steps run
in a few threads.

The package, along its seams:

* :mod:`.model`: constants, output fields, the inputs as arrays
  (:class:`LicenceSet`, :class:`ZoneSet`...), the results (:class:`PrejudgeArrays`);
* :mod:`.inputs`: dates and years read, geometries checked and repaired
  (:func:`clean_polygons`, with the one repair rule of
  :mod:`...domain.polygon_repair`), what is unusable named;
* :mod:`.overlay`: the pairs of overlapping polygons and the areas covered;
* :mod:`.rules`: the classification, licences touched, zone, earlier years, penalties;
* :mod:`.core`: :func:`prejudge_arrays`, the steps in order;
* :mod:`.frames`: :func:`prejudge`, the geopandas face.
"""

from .core import prejudge_arrays
from .frames import PATCH_ID_FIELDS, PrejudgeResult, find_column, prejudge
from .inputs import clean_polygons, date_ordinals, parse_date
from .model import (
    DEFAULT_DATE_FIELD,
    DEFAULT_TOLERANCE_M2,
    MAX_NAMED,
    OUTPUT_FIELDS,
    PENALTIES_FOR_TRANSFER,
    PENALTY_WINDOW_YEARS,
    POSITIVE_AREA_M2,
    PREJUDGMENTS,
    LicenceSet,
    PenaltyCases,
    PrejudgeArrays,
    PrejudgeCanceled,
    PrejudgeError,
    PreviousPatches,
    ZoneSet,
)
from .overlay import default_workers, overlay_pairs

__all__ = [
    "DEFAULT_DATE_FIELD",
    "DEFAULT_TOLERANCE_M2",
    "MAX_NAMED",
    "OUTPUT_FIELDS",
    "PATCH_ID_FIELDS",
    "PENALTIES_FOR_TRANSFER",
    "PENALTY_WINDOW_YEARS",
    "POSITIVE_AREA_M2",
    "PREJUDGMENTS",
    "LicenceSet",
    "PenaltyCases",
    "PrejudgeArrays",
    "PrejudgeCanceled",
    "PrejudgeError",
    "PrejudgeResult",
    "PreviousPatches",
    "ZoneSet",
    "clean_polygons",
    "date_ordinals",
    "default_workers",
    "find_column",
    "overlay_pairs",
    "parse_date",
    "prejudge",
    "prejudge_arrays",
]
