"""Pre-judge every patch of a supervision database and write the answers back.

What the draw tool does for one patch (analysis/single_patch.py), this does for
all of them: each patch against the licences (validity on its after-imagery
date), the key monitoring zone list in force in its year, and the earlier
years' patches. The answers are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..i18n import tr
from ..store.database import SupervisionStore
from ..store.ogr_util import features_by_key, set_field
from .prejudge import prejudge
from .single_patch import RESULT_FIELDS, plain_value, read_table, zones_of_list_year


@dataclass
class StorePrejudgeReport:
    """How many patches were judged, per pre-judgment code, and the warnings."""

    judged: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def zones_in_force(zones, year: int):
    """The key monitoring zones of the list in force in ``year``: the latest list year up to ``year``."""
    if not len(zones):
        return zones
    years = [int(value) for value in zones["year"].dropna().tolist() if int(value) <= year]
    return zones_of_list_year(zones, max(years) if years else None)


def prejudge_database(
    store: SupervisionStore,
    *,
    tolerance_m2: float = 1.0,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> StorePrejudgeReport:
    """Pre-judge all patches of ``store`` and store the answers (one transaction)."""
    patches = read_table(store, "patches", ("patch_no", "year", "date_before", "date_after"))
    report = StorePrejudgeReport()
    if not len(patches):
        return report
    rights = read_table(store, "mining_rights", ("license_no", "valid_from", "valid_to"))
    zones = read_table(store, "monitoring_zones", ("name", "level", "year"))
    patches["year"] = [
        int(year) if plain_value(year) is not None else (after.year if isinstance(after, dt.date) else None)
        for year, after in zip(patches["year"], patches["date_after"])
    ]
    results = []
    years = sorted({year for year in patches["year"] if year is not None})
    groups = [(year, patches[patches["year"] == year]) for year in years]
    undated = patches[patches["year"].isna()]
    if len(undated):
        groups.append((None, undated))
    for index, (year, group) in enumerate(groups):
        if is_canceled is not None and is_canceled():
            return report
        in_force = zones_in_force(zones, year if year is not None else dt.date.today().year)
        answer = prejudge(
            group,
            rights,
            zones=in_force if len(in_force) else None,
            previous=patches,
            date_field="date_after",
            tolerance_m2=tolerance_m2,
        )
        results.append(answer.frame)
        report.warnings += [str(warning) for warning in answer.warnings]
        if progress is not None:
            progress(100.0 * (index + 1) / len(groups))
    with store.transaction() as source:
        layer = source.GetLayerByName("patches")
        for frame in results:
            stored = features_by_key(layer, "patch_no", frame["patch_no"].tolist())
            for _, row in frame.iterrows():
                feature = stored.get(row["patch_no"])
                if feature is None:
                    continue
                for name in RESULT_FIELDS:
                    set_field(feature, name, plain_value(row.get(name)))
                layer.SetFeature(feature)
                code = plain_value(row.get("prejudgment")) or "none"
                report.counts[code] = report.counts.get(code, 0) + 1
                report.judged += 1
        store.log(source, "prejudge", "patches", "", {"judged": report.judged, "counts": report.counts})
    if report.judged == 0:
        report.warnings.append(tr("No patch with a geometry was found to pre-judge."))
    return report
