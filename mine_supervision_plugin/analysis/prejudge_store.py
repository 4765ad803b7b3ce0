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

from ..domain.zones import zones_in_force_mask
from ..i18n import tr
from ..store.database import SupervisionStore, reading
from ..store.ogr_util import features_by_key, open_read, set_field
from .prejudge import prejudge
from .single_patch import RESULT_FIELDS, plain_value, read_table


@dataclass
class StorePrejudgeReport:
    """How many patches were judged, per pre-judgment code, and the warnings."""

    judged: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def zones_in_force(zones, year: int):
    """The key monitoring zones of the list in force in ``year`` (:func:`..domain.zones.zones_in_force_mask`)."""
    if not len(zones):
        return zones
    return zones[zones_in_force_mask(zones["year"].tolist(), year)]


def prejudge_database(
    store: SupervisionStore,
    *,
    tolerance_m2: float = 1.0,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> StorePrejudgeReport:
    """Pre-judge all patches of ``store`` and store the answers (one transaction).

    A patch without geometry cannot be pre-judged: it is named in the
    warnings, its pre-judgment fields are cleared and its ``prejudge_note``
    says why.
    """
    report = StorePrejudgeReport()
    if store.is_postgres:
        return _prejudge_postgres(store, report, tolerance_m2, progress, is_canceled)
    with reading(store.location):
        patches = read_table(store, "patches", ("patch_no", "year", "date_before", "date_after"))
        without_geometry = _patches_without_geometry(store)
        if not len(patches):
            if without_geometry:
                _note_without_geometry(store, without_geometry, report)
            return report
        rights = read_table(store, "mining_rights", ("license_no", "valid_from", "valid_to"))
        zones = read_table(store, "monitoring_zones", ("name", "level", "year"))
    patches["year"] = [
        int(year) if plain_value(year) is not None else (after.year if isinstance(after, dt.date) else None)
        for year, after in zip(patches["year"], patches["date_after"])
    ]
    results = []
    # a patch with neither year nor date has NaN here (pandas): it goes with the undated group, never as a year
    years = sorted({int(year) for year in patches["year"] if plain_value(year) is not None})
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
        _write_without_geometry(layer, without_geometry)
        for frame in results:
            numbers = frame["patch_no"].tolist()
            stored = features_by_key(layer, "patch_no", numbers)
            # columns as lists once: pandas' row access costs more than the overlay itself on 100,000 patches
            columns = {name: frame[name].tolist() if name in frame else [None] * len(frame) for name in RESULT_FIELDS}
            for i, number in enumerate(numbers):
                feature = stored.get(number)
                if feature is None:
                    continue
                for name in RESULT_FIELDS:
                    set_field(feature, name, plain_value(columns[name][i]))
                layer.SetFeature(feature)
                code = plain_value(columns["prejudgment"][i]) or "none"
                report.counts[code] = report.counts.get(code, 0) + 1
                report.judged += 1
        store.log(
            source,
            "prejudge",
            "patches",
            "",
            {"judged": report.judged, "counts": report.counts, "without_geometry": without_geometry},
        )
    if without_geometry:
        report.warnings.append(_without_geometry_warning(without_geometry))
    if report.judged == 0:
        report.warnings.append(tr("No patch with a geometry was found to pre-judge."))
    return report


def _prejudge_postgres(store, report, tolerance_m2, progress, is_canceled) -> StorePrejudgeReport:
    """On a PostGIS store the overlays run in the server (:mod:`.prejudge_server`); same answers, same report."""
    from .prejudge_server import Cancelled, prejudge_on_server

    without_geometry = _patches_without_geometry(store)
    try:
        prejudge_on_server(
            store,
            report,
            tolerance_m2=tolerance_m2,
            progress=progress,
            is_canceled=is_canceled,
            before_commit=lambda source: _write_without_geometry(source.GetLayerByName("patches"), without_geometry),
        )
    except Cancelled:
        return StorePrejudgeReport()
    if without_geometry:
        report.warnings.append(_without_geometry_warning(without_geometry))
    if report.judged == 0:
        report.warnings.append(tr("No patch with a geometry was found to pre-judge."))
    return report


def _no_geometry_note() -> str:
    return tr("Not pre-judged: the patch has no geometry. Draw or import its outline, then pre-judge again.")


def _without_geometry_warning(numbers: list[str]) -> str:
    return tr("{count} patches have no geometry and were not pre-judged: {numbers}.").format(
        count=len(numbers), numbers=", ".join(numbers)
    )


def _patches_without_geometry(store: SupervisionStore) -> list[str]:
    """The numbers of the stored patches that have no geometry (or an empty one), in the order stored."""
    source = open_read(store)
    numbers = []
    try:
        layer = source.GetLayerByName("patches")
        if layer is None:
            return []
        definition = layer.GetLayerDefn()
        others = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        layer.SetIgnoredFields([name for name in others if name != "patch_no"])
        for feature in sorted(layer, key=lambda f: f.GetFID()):  # PostgreSQL gives rows in no set order
            reference = feature.GetGeometryRef()
            if reference is None or reference.IsEmpty():
                numbers.append(feature.GetField("patch_no") or tr("fid {fid}").format(fid=feature.GetFID()))
        layer = None
    finally:
        source = None
    return numbers


def _write_without_geometry(layer, numbers: list[str]) -> None:
    """Clear the pre-judgment of the patches without geometry and note why (inside the caller's transaction)."""
    stored = features_by_key(layer, "patch_no", numbers)
    note = _no_geometry_note()
    for feature in stored.values():
        for name in RESULT_FIELDS:
            set_field(feature, name, None)
        set_field(feature, "prejudge_note", note)
        layer.SetFeature(feature)


def _note_without_geometry(store: SupervisionStore, numbers: list[str], report: StorePrejudgeReport) -> None:
    with store.transaction() as source:
        _write_without_geometry(source.GetLayerByName("patches"), numbers)
        store.log(source, "prejudge", "patches", "", {"judged": 0, "counts": {}, "without_geometry": numbers})
    report.warnings.append(_without_geometry_warning(numbers))
    report.warnings.append(tr("No patch with a geometry was found to pre-judge."))
