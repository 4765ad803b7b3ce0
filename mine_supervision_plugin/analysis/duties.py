"""What a county owes besides the monthly or quarterly patrol of each mine (issue 11 item 4, seeds 000, 002).

Answered from the supervision database for the mines of a compliance check and a period:

* **patrols short of corners** — every routine patrol (日常巡查) checks at least
  :data:`MIN_CORNERS` boundary corners of each mine it covers (seed 002 §二(二)1①
  "巡查人员应至少抽查3处矿业权边界拐点"): per mine, the patrols inside the period
  with fewer ``corner_checks`` rows (``inspection_id`` = the patrol, ``license_no``
  = the mine; a check without a licence counts for the patrol's first mine);
* **special surveys** — a producing mine inside a key monitoring zone in force
  that year (:mod:`..domain.zones`) is surveyed twice a year by the end of
  November (seed 002 §二(二)3): per year overlapping the period, the distinct
  ``survey_extents`` rounds of the mine dated in that year up to the period's
  end (a round without a date counts for the year of its name, ``2026-1``);
* **quarterly reviews** — one recorded review (``reviews``, see
  :mod:`..store.reviews`) per quarter overlapping the period (seed 000 §二(三)).

The monthly full-coverage check of all mines is answered with the patrol
compliance itself (:func:`.compliance.compliance`, ``coverage``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
import shapely

from ..domain import compliance as rule
from ..domain.dates import to_date
from ..domain.zones import zones_in_force_mask
from ..store.database import SupervisionStore, reading
from ..store.inspections import patrol_mines
from ..store.ogr_util import as_dict, open_read, to_shapely

MIN_CORNERS = 3
SURVEYS_PER_YEAR = 2
SURVEY_DUE = (11, 30)  # month, day: "每年11月底前"
#: the per-mine columns :func:`duties` adds to the compliance table
MINE_COLUMNS = ("short_corner_patrols", "short_corner_patrol_nos", "key_zones", "surveys_required", "surveys_done",
                "surveys_missing")
REVIEW_COLUMNS = ("period", "reviewed", "reviewed_on")


@dataclass
class Duties:
    """The answer: per-mine columns (:data:`MINE_COLUMNS`, by licence number) and per-quarter reviews."""

    mines: pd.DataFrame
    reviews: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    @property
    def short_corner_patrols(self) -> int:
        return int(self.mines["short_corner_patrols"].sum()) if len(self.mines) else 0

    @property
    def mines_missing_surveys(self) -> int:
        return int((self.mines["surveys_done"] < self.mines["surveys_required"]).sum()) if len(self.mines) else 0

    @property
    def quarters_without_review(self) -> list[str]:
        return list(self.reviews.loc[~self.reviews["reviewed"], "period"]) if len(self.reviews) else []


# --- the rules on plain values ------------------------------------------------------------------------


def short_corner_patrols(patrols: Sequence[dict], corner_counts: dict[tuple[int, str], int], start: dt.date,
                         end: dt.date, minimum: int = MIN_CORNERS) -> dict[str, list[str]]:
    """Licence number → the numbers (or ids) of its routine patrols in [start, end] with fewer than ``minimum`` checks.

    ``patrols``: dicts with ``fid``, ``kind``, ``inspection_date``, ``inspection_no`` and the mines
    (``license_nos`` / ``license_no``); ``corner_counts``: (patrol fid, licence) → corner checks.
    """
    short: dict[str, list[str]] = defaultdict(list)
    for patrol in patrols:
        day = to_date(patrol.get("inspection_date"))
        if patrol.get("kind") != "patrol" or day is None or not start <= day <= end:
            continue
        for number in patrol_mines(patrol):
            if corner_counts.get((patrol["fid"], number), 0) < minimum:
                short[number].append(str(patrol.get("inspection_no") or patrol["fid"]))
    return dict(short)


def survey_years(start: dt.date, end: dt.date) -> range:
    return range(start.year, end.year + 1)


def surveys_done(rows: Sequence[dict], until: dt.date | None = None) -> dict[tuple[str, int], set[str]]:
    """(licence, year) → the distinct survey rounds of that mine in that year (surveyed by ``until``, if given)."""
    done: dict[tuple[str, int], set[str]] = defaultdict(set)
    for row in rows:
        number, round_id = row.get("license_no"), row.get("survey_round")
        if not number or not round_id:
            continue
        day = to_date(row.get("surveyed_at"))
        if until is not None and day is not None and day > until:
            continue  # not yet surveyed at the end of the period
        year = day.year if day else _round_year(round_id)
        if year is not None:
            done[(number, year)].add(str(round_id))
    return done


def _round_year(round_id: str) -> int | None:
    head = str(round_id)[:4]
    return int(head) if head.isdigit() else None


def quarterly_reviews(rows: Sequence[dict], start: dt.date, end: dt.date) -> pd.DataFrame:
    """One row per quarter overlapping [start, end]: reviewed or not, and the first review's date."""
    held: dict[str, dt.date] = {}
    for row in rows:
        quarter, day = row.get("quarter"), to_date(row.get("reviewed_on"))
        if quarter and (quarter not in held or (day and day < held[quarter])):
            held[quarter] = day
    out = []
    for ordinal in rule.required_ordinals(start, end, rule.QUARTER):
        label = rule.unit_label(ordinal, rule.QUARTER)
        out.append((label, label in held, held.get(label)))
    return pd.DataFrame(out, columns=list(REVIEW_COLUMNS))


# --- from the database -------------------------------------------------------------------------------


def _read(source, name: str) -> list[dict]:
    layer = source.GetLayerByName(name)
    return [as_dict(f) for f in layer] if layer is not None else []


def key_zone_mines(rights: list[dict], zones: list[dict], year: int) -> dict[str, list[str]]:
    """Licence number → names of the key monitoring zones in force in ``year`` its boundary overlaps."""
    in_force = [z for z, keep in zip(zones, zones_in_force_mask([z.get("year") for z in zones], year))
                if keep and z.get("geometry") is not None]
    if not in_force:
        return {}
    tree = shapely.STRtree([z["geometry"] for z in in_force])
    found: dict[str, list[str]] = {}
    for right in rights:
        geometry = right.get("geometry")
        if geometry is None or geometry.is_empty or not right.get("license_no"):
            continue
        hits = tree.query(geometry, predicate="intersects")
        names = sorted({str(in_force[i].get("name")) for i in hits})
        if names:
            found[right["license_no"]] = names
    return found


def duties(store: SupervisionStore, license_nos: Sequence[str], statuses: Sequence, start: dt.date,
           end: dt.date) -> Duties:
    """The per-mine duties of ``license_nos`` (with their statuses, codes or labels) and the quarterly reviews."""
    rule.check_period(start, end)
    with reading(store.location):
        source = open_read(store)
        patrols = _read(source, "inspections")
        checks = _read(source, "corner_checks")
        surveys = _read(source, "survey_extents")
        review_rows = _read(source, "reviews")
        zones = []
        for feature in source.GetLayerByName("monitoring_zones"):
            zones.append({**as_dict(feature), "geometry": to_shapely(feature.GetGeometryRef())})
        rights = []
        for feature in source.GetLayerByName("mining_rights"):
            rights.append({"license_no": feature.GetField("license_no"), "geometry": to_shapely(feature.GetGeometryRef())})
        source = None
    first_mine = {p["fid"]: (patrol_mines(p) or [None])[0] for p in patrols}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for check in checks:
        patrol = check.get("inspection_id")
        if patrol is None:
            continue
        counts[(int(patrol), check.get("license_no") or first_mine.get(int(patrol)))] += 1
    short = short_corner_patrols(patrols, counts, start, end)
    done = surveys_done(surveys, end)
    zone_years = {year: key_zone_mines(rights, zones, year) for year in survey_years(start, end)}
    rows = []
    for number, status in zip(license_nos, statuses):
        number = None if number is None else str(number).strip()
        producing = rule.status_code(status) == "producing"
        names = sorted({n for year in zone_years.values() for n in year.get(number, [])})
        required = got = 0
        missing = []
        for year, members in zone_years.items():
            if producing and number in members:
                required += SURVEYS_PER_YEAR
                count = min(len(done.get((number, year), ())), SURVEYS_PER_YEAR)
                got += count
                if count < SURVEYS_PER_YEAR:
                    due = dt.date(year, *SURVEY_DUE)
                    missing.append(f"{year}: {count}/{SURVEYS_PER_YEAR}" + ("" if end >= due else f" (≤{due.isoformat()})"))
        nos = short.get(number, [])
        rows.append((number, len(nos), ", ".join(nos), ", ".join(names), required, got, "; ".join(missing)))
    mines = pd.DataFrame(rows, columns=["license_no", *MINE_COLUMNS])
    return Duties(mines=mines, reviews=quarterly_reviews(review_rows, start, end))
