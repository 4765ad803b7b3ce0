"""make demo: generate the demo county, build its supervision database and run every batch capability.

Every batch step runs through QGIS's own command line, ``qgis_process.bin``, with the plugin
installed as a user has it, as a county's script would: ``python -m demo.run --out out/demo``.
The steps and their figures go to ``<out>/report.txt``.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("MS_PLUGIN_DIR"):  # the assembled plugin, as users install it
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])
sys.path.insert(0, "/usr/share/qgis/python/plugins")

TODAY_ENV = "MS_DEMO_TODAY"


class Report:
    """Collects one line per step, printed as it goes and written at the end."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.started = time.perf_counter()

    def step(self, text: str) -> None:
        line = f"[{time.perf_counter() - self.started:6.1f} s] {text}"
        print(line, flush=True)
        self.lines.append(line)

    def write(self, path: Path) -> None:
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def start_qgis():
    """QGIS in this process, for the steps that are not batch algorithms (attribute sheet, project)."""
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    return application


QGIS_PROCESS = None  # the demo's QgisProcess, made in main()


def run_algorithm(name: str, parameters: dict) -> dict:
    """Run one of the plugin's algorithms in qgis_process.bin; stop the demo with its message when it fails."""
    answer = QGIS_PROCESS.run(name, parameters)
    for level in ("warning", "error"):
        for line in answer.get("log", {}).get(level, []):
            print(f"    ! {line}", flush=True)
    return answer.get("results", {})


def apply_right_attributes(store, csv_path: Path) -> int:
    """The county's licence ledger: status and credit status, and what a coordinate file did not carry.

    The land coordinate exchange format has no validity, holder or mineral;
    those come from the ledger where the coordinate file left them empty.
    """
    import datetime as dt

    from mine_supervision_plugin.domain.vocab import to_code
    from mine_supervision_plugin.store.ogr_util import features_by_key, set_field

    fill_if_empty = {
        "mine_name": str, "holder": str, "mineral": str, "mining_method": lambda v: to_code("mining_method", v),
        "valid_from": dt.date.fromisoformat, "valid_to": dt.date.fromisoformat,
    }

    with open(csv_path, encoding="utf-8-sig", newline="") as stream:
        rows = {row["license_no"]: row for row in csv.DictReader(stream)}
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        features = features_by_key(layer, "license_no", list(rows))
        for license_no, feature in features.items():
            set_field(feature, "status", to_code("right_status", rows[license_no]["status"]))
            set_field(feature, "credit_status", to_code("credit_status", rows[license_no]["credit_status"]))
            for name, convert in fill_if_empty.items():
                if not feature.IsFieldSetAndNotNull(name) and rows[license_no].get(name):
                    set_field(feature, name, convert(rows[license_no][name]))
            layer.SetFeature(feature)
        store.log(source, "apply_attributes", "mining_rights", "", {"file": str(csv_path), "count": len(features)})
    return len(features)


def prejudgment_agreement(store, truth_csv: Path) -> tuple[int, int, list[str]]:
    """How many stored pre-judgments agree with the generator's truth table."""
    from osgeo import ogr

    with open(truth_csv, encoding="utf-8-sig", newline="") as stream:
        truth = {row["TBBH"]: row["expected"] for row in csv.DictReader(stream)}
    source = ogr.Open(store.location)
    layer = source.GetLayerByName("patches")
    stored = {feature.GetField("patch_no"): feature.GetField("prejudgment") for feature in layer}
    layer = source = None
    checked = [number for number in truth if number in stored]
    wrong = [f"{n}: {stored[n]} ≠ {truth[n]}" for n in checked if stored[n] != truth[n]]
    return len(checked) - len(wrong), len(checked), wrong


def build_project(store, inputs: Path, project_path: Path) -> None:
    """The demo QGIS project: every table styled, plus the before/after imagery under the data."""
    from qgis.core import QgsProject, QgsRasterLayer, QgsReferencedRectangle

    from mine_supervision_plugin.store.project import load_into_project

    project = QgsProject.instance()
    layers = load_into_project(store, project)
    root = project.layerTreeRoot()
    imagery_group = root.addGroup("影像")
    for tif in sorted((inputs / "imagery").glob("*.tif")):
        raster = QgsRasterLayer(str(tif), tif.stem)
        if raster.isValid():
            project.addMapLayer(raster, False)
            imagery_group.addLayer(raster)
    rights = layers["mining_rights"]
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(rights.extent(), rights.crs()))
    project.setTitle("演示县矿产监管")
    if not project.write(str(project_path)):
        raise RuntimeError(f"could not write {project_path}")


def main(out: Path, seed: int) -> int:
    global QGIS_PROCESS
    report = Report()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    application = start_qgis()  # noqa: F841 - kept alive for the whole run
    from demo.qgis_process import QgisProcess

    plugins = Path(os.environ.get("MS_PLUGIN_DIR") or Path(__file__).resolve().parent.parent)
    QGIS_PROCESS = QgisProcess(plugins, out / ".qgis-home")
    from demo.county import generate
    from mine_supervision_plugin.store.database import open_database
    from mine_supervision_plugin.store.features import copy_features

    inputs = out / "inputs"
    generated = generate(inputs, seed=seed)
    counts = {k: v for k, v in generated.items() if isinstance(v, int)}
    report.step(f"generated the demo county inputs in {inputs}: {counts}")

    database = out / "supervision.gpkg"
    run_algorithm("createdatabase", {"DATABASE": str(database), "CRS": "EPSG:4526"})
    store = open_database(database)
    report.step(f"created {database} (schema {store.schema_version}, EPSG:{store.crs_epsg})")

    result = run_algorithm(
        "importcoordinates",
        {"INPUT": str(inputs / "rights"), "DATABASE": str(database), "OUTPUT": str(out / "licence_parcels.gpkg")},
    )
    report.step(
        "importcoordinates: {files} files read, {refused} refused, {licences} licences, {created} created in the "
        "database".format(
            files=result.get("FILES_READ"), refused=result.get("FILES_REFUSED"), licences=result.get("LICENCES"),
            created=result.get("CREATED"),
        )
    )
    report.step(f"licence attribute sheet: {apply_right_attributes(store, inputs / 'rights_attributes.csv')} licences")
    zones = copy_features(store, "monitoring_zones", inputs / "monitoring_zones.gpkg")
    report.step(f"key monitoring zones: {zones}")

    for batch in sorted((inputs / "patches").glob("wp*.shp")):
        year = int("".join(ch for ch in batch.stem if ch.isdigit())[:4])
        result = run_algorithm(
            "importpatches",
            {"INPUT": str(batch), "DATABASE": str(database), "SOURCE": 0, "YEAR": year, "BATCH": batch.stem,
             "OUTPUT": "TEMPORARY_OUTPUT"},
        )
        report.step(f"importpatches {batch.name}: {result.get('IMPORTED')} patches")
    for patrol in sorted((inputs / "patches").glob("patrol_*.geojson")):
        result = run_algorithm(
            "importpatches",
            {"INPUT": str(patrol), "DATABASE": str(database), "SOURCE": 1, "BATCH": patrol.stem,
             "OUTPUT": "TEMPORARY_OUTPUT"},
        )
        report.step(f"importpatches {patrol.name} (patrol, EPSG:4490 → 4526): {result.get('IMPORTED')} patches")

    result = run_algorithm("prejudgedatabase", {"DATABASE": str(database), "TOLERANCE_M2": 1.0})
    agreed, checked, wrong = prejudgment_agreement(store, inputs / "patches" / "truth.csv")
    report.step(f"prejudgedatabase: {result.get('JUDGED')} patches; {agreed} of {checked} agree with the truth table")
    for line in wrong:
        report.step(f"    differs: {line}")
    gpkg = f"{database}|layername="
    run_algorithm(
        "prejudgepatches",
        {"PATCHES": gpkg + "patches", "RIGHTS": gpkg + "mining_rights", "ZONES": gpkg + "monitoring_zones",
         "PREVIOUS_PATCHES": gpkg + "patches", "DATE_FIELD": "date_after", "TOLERANCE_M2": 1.0,
         "OUTPUT": str(out / "prejudgment.gpkg")},
    )
    report.step(f"prejudgepatches (layers in, a new layer out): {out / 'prejudgment.gpkg'}")

    # rectification notices: one PDF per holder of a patch pre-judged out of bounds, on an expired licence or
    # unlicensed beside a licence; numbered and recorded in the database, the after-imagery under the maps
    result = run_algorithm(
        "rectificationnotices",
        {"PATCHES": gpkg + "patches", "RIGHTS": gpkg + "mining_rights", "OUTPUT_FOLDER": str(out / "notices"),
         "DATABASE": str(database), "ISSUE_DATE": "2026-11-02",
         "IMAGERY": [str(p) for p in sorted((inputs / "imagery").glob("*_after.tif"))]},
    )
    numbers = (result.get("NUMBERS") or "").split(";")
    report.step(
        f"rectificationnotices: {result.get('NOTICES')} notices (one per holder), numbers {numbers[0]} … "
        f"{numbers[-1]}, recorded and linked to their patches → {out / 'notices'}"
    )
    patrols = inputs / "inspections"
    result = run_algorithm(
        "importpatrols",
        {"INPUT": str(patrols / "gpx"), "PHOTOS": str(patrols / "photos"), "DATABASE": str(database),
         "OUTPUT": str(out / "patrol_routes.gpkg")},
    )
    report.step(
        "importpatrols: {files} GPX / flight-log files read, {refused} refused; {patrols} patrols of {mines} mines; "
        "photos: {placed} placed, {unplaced} kept without GPS position, {unassigned} fitting no patrol".format(
            files=result.get("FILES_READ"), refused=result.get("FILES_REFUSED"), patrols=result.get("PATROLS"),
            mines=result.get("MINES"), placed=result.get("PHOTOS_PLACED"), unplaced=result.get("PHOTOS_UNPLACED"),
            unassigned=result.get("PHOTOS_UNASSIGNED"),
        )
    )
    result = run_algorithm(
        "inspectioncompliance",
        {"RIGHTS": gpkg + "mining_rights", "INSPECTIONS": gpkg + "inspections", "PERIOD_START": "2026-01-01",
         "PERIOD_END": "2026-10-31", "OUTPUT": str(out / "compliance.gpkg")},
    )
    report.step(
        f"inspectioncompliance 2026-01-01…2026-10-31: {result.get('MINES')} mines, "
        f"{result.get('NON_COMPLIANT')} with missing patrol periods → {out / 'compliance.gpkg'}"
    )
    result = run_algorithm(
        "samplemines",
        {"RIGHTS": gpkg + "mining_rights", "RATIO": 0.2, "SEED": "2026-H2", "DATABASE": str(database),
         # satellite enforcement's flags: the mines of patches pre-judged out of bounds or on an expired licence
         "FLAGGED": gpkg + "patches|subset=\"prejudgment\" IN ('out_of_bounds', 'expired_licence')",
         "OUTPUT": str(out / "spot_check.gpkg")},
    )
    report.step(
        f"samplemines (seed 2026-H2, 20 %, patches pre-judged out of bounds or on expired licences flagged): "
        f"{result.get('DRAWN')} of {result.get('POPULATION')} mines drawn, "
        f"recorded in the audit log → {out / 'spot_check.gpkg'}"
    )
    for survey in sorted((inputs / "surveys").glob("*.gpkg")):
        round_id = survey.stem.split("_")[-1]  # survey_2026-1 -> 2026-1
        result = run_algorithm(
            "importsurvey",
            {"INPUT": str(survey), "ROUND": round_id, "SURVEYOR": "演示县测绘队", "DATABASE": str(database)},
        )
        report.step(
            f"importsurvey {survey.name} (round {round_id}): {result.get('EXTENTS')} extents of {result.get('MINES')} "
            f"mines, {result.get('UNMATCHED')} matching no licence"
        )
    surveys = gpkg + "survey_extents|subset=\"survey_round\" = "
    result = run_algorithm(
        "comparesurvey",
        {"SURVEY": surveys + "'2026-2'", "RIGHTS": gpkg + "mining_rights", "PREVIOUS": surveys + "'2026-1'",
         "APPROACH_M": 20, "OUTPUT_OUTSIDE": str(out / "survey_outside.gpkg"),
         "OUTPUT_SUMMARY": str(out / "survey_summary.gpkg"), "OUTPUT_GROWTH": str(out / "survey_growth.gpkg")},
    )
    report.step(
        f"comparesurvey 2026-2 against the licences and 2026-1: {result.get('MINES')} mines, "
        f"{result.get('OUTSIDE_MINES')} with works outside their licence ({result.get('OUTSIDE_PIECES')} pieces), "
        f"{result.get('DEEPER_MINES')} above the licensed top or below the licensed bottom, "
        f"{result.get('GROWING_MINES')} grown ({result.get('GREW_TOWARD_BOUNDARY')} toward or across the boundary), "
        f"{result.get('APPROACHING_MINES')} approaching it → {out / 'survey_summary.gpkg'}"
    )
    result = run_algorithm("surveyfindings", {"DATABASE": str(database), "ROUND": "2026-2",
                                              "OUTPUT_FOLDER": str(out / "survey_notices")})
    report.step(
        f"surveyfindings 2026-2: {result.get('FINDINGS')} findings (out of bounds, out of depth), "
        f"{result.get('ADDED')} ledger items, {result.get('NOTICES')} notice drafts → {out / 'survey_notices'}"
    )

    export = out / "export"
    export.mkdir()
    result = run_algorithm("exportcoordinates", {"DATABASE": str(database), "FORMAT": 1, "OUTPUT_FOLDER": str(export)})
    report.step(f"exportcoordinates: {len(list(export.iterdir()))} registration files in {export}")

    build_project(store, inputs, out / "county.qgz")
    report.step(f"wrote the QGIS project {out / 'county.qgz'}")
    report.write(out / "report.txt")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    sys.exit(main(arguments.out.resolve(), arguments.seed))
