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




def load_corner_checks(store, csv_path: Path) -> tuple[int, int]:
    """The field app's boundary-corner checks into ``corner_checks``, each linked to its patrol by number.

    The licensed corner comes from ``mining_right_corners``; the deviation is measured in metres (x is the
    northing, y the easting); a missing stake has no measured point. Returns (checks loaded, not linked).
    """
    import datetime as dt

    from osgeo import ogr

    from mine_supervision_plugin.domain.corner_checks import DEFAULT_TOLERANCE_M, judge
    from mine_supervision_plugin.store.ogr_util import set_field

    with open(csv_path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    loaded = unlinked = 0
    with store.transaction() as source:
        patrols = {f.GetField("inspection_no"): f.GetFID() for f in source.GetLayerByName("inspections")}
        corners = {(f.GetField("license_no"), f.GetField("parcel_no"), f.GetField("corner_no")): (f.GetField("x"), f.GetField("y"))
                   for f in source.GetLayerByName("mining_right_corners")}
        layer = source.GetLayerByName("corner_checks")
        for row in rows:
            licensed = corners.get((row["license_no"], row["parcel_no"], int(row["corner_no"])))
            measured = (float(row["measured_x"]), float(row["measured_y"])) if row["measured_x"] else None
            # judged by the plugin's one corner rule (domain/corner_checks), at the default tolerance
            verdict = judge(licensed, measured, DEFAULT_TOLERANCE_M) if licensed else None
            deviation = verdict.deviation_m if verdict else None
            feature = ogr.Feature(layer.GetLayerDefn())
            fid = patrols.get(row["inspection_no"])
            unlinked += fid is None
            values = {"inspection_id": fid, "license_no": row["license_no"], "parcel_no": row["parcel_no"],
                      "corner_no": int(row["corner_no"]), "stake_state": row["stake_state"],
                      "licensed_x": licensed[0] if licensed else None, "licensed_y": licensed[1] if licensed else None,
                      "measured_x": measured[0] if measured else None, "measured_y": measured[1] if measured else None,
                      "deviation_m": round(deviation, 3) if deviation is not None else None,
                      "passed": verdict.passed if verdict else None,
                      "checked_at": dt.datetime.fromisoformat(row["checked_at"]).replace(hour=10)}
            for name, value in values.items():
                set_field(feature, name, value)
            point = measured or licensed
            if point:
                geometry = ogr.Geometry(ogr.wkbPoint)
                geometry.AddPoint_2D(point[1], point[0])
                feature.SetGeometry(geometry)
            layer.CreateFeature(feature)
            loaded += 1
        store.log(source, "load_corner_checks", "corner_checks", "", {"file": str(csv_path), "count": loaded})
    return loaded, unlinked


def record_demo_reviews(store, csv_path: Path) -> int:
    """The quarterly reviews the demo county held (研判), recorded as a user records them."""
    from mine_supervision_plugin.store.reviews import record_review

    with open(csv_path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        record_review(store, row["reviewed_on"], quarter=row["quarter"], participants=row["participants"],
                      conclusion=row["conclusion"])
    return len(rows)


def demo_progress(store, before, rectified_only: set[str], path: Path) -> int:
    """The county's progress sheet (CSV): rectification (and penalty, where one applies) of two in three problems
    found before ``before`` — one in four penalties still outstanding — and the rectification alone of the patches
    ``rectified_only`` (整改中). Returns the rows written; the later problems stay open, some past their deadline.
    """
    import datetime as dt

    from mine_supervision_plugin.domain.ledger import penalty_applies
    from mine_supervision_plugin.store.ledger import ledger_items

    rows = []
    for item in ledger_items(store):
        found = item.get("found_at")
        if item.get("state") == "closed" or found is None:
            continue
        if item.get("patch_no") in rectified_only:
            rows.append({"item": item["fid"], "rectified_on": "2026-11-15", "penalized_on": "", "decision_no": ""})
            continue
        if found >= before or item["fid"] % 3 == 0:
            continue
        penalized = found + dt.timedelta(days=45) if penalty_applies(item) and item["fid"] % 4 else None
        rows.append({"item": item["fid"], "rectified_on": (found + dt.timedelta(days=30)).isoformat(),
                     "penalized_on": penalized.isoformat() if penalized else "",
                     "decision_no": f"长自然资罚〔{found.year}〕{100 + item['fid']}号" if penalized else ""})
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["item", "rectified_on", "penalized_on", "decision_no"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


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
    # the special survey report of round 2026-2 (PDF: tables, chart, an overlay map per mine)
    result = run_algorithm(
        "surveyreport",
        {"SURVEY": surveys + "'2026-2'", "RIGHTS": gpkg + "mining_rights", "PREVIOUS": surveys + "'2026-1'",
         "ZONES": gpkg + "monitoring_zones", "PATROLS": gpkg + "inspections", "PERIOD_START": "2026-01-01",
         "PERIOD_END": "2026-10-31", "ROUND": "2026年第二轮", "PREVIOUS_ROUND": "2026年第一轮",
         "OUTPUT": str(out / "survey_report.pdf")},
    )
    report.step(
        f"surveyreport 2026-2: {result.get('MINES')} mines, {result.get('OUTSIDE_MINES')} outside their licence, "
        f"{result.get('ZONES_COUNT')} monitoring zones, {result.get('MAPS_DRAWN')} maps → {out / 'survey_report.pdf'}"
    )

    # --- issue 11 items 4, 6-8: corner checks, cases, the ledger, statistics ------------------------------
    loaded, unlinked = load_corner_checks(store, patrols / "corner_checks.csv")
    report.step(f"boundary-corner checks: {loaded} loaded ({unlinked} naming no recorded patrol)")
    report.step(f"quarterly reviews recorded: {record_demo_reviews(store, inputs / 'enforcement' / 'reviews.csv')}")
    with open(inputs / "enforcement" / "determinations.csv", encoding="utf-8-sig", newline="") as stream:
        determinations = list(csv.DictReader(stream))
    from mine_supervision_plugin.domain.vocab import VOCABULARIES

    violations = list(VOCABULARIES["violation_type"])
    for row in determinations:
        steps = [("verified", 1, {"FIELD_CHECK_DATE": row["field_check_date"], "INSPECTORS": row["inspectors"],
                                  "FINDING": row["finding"]}),
                 ("determined", 2, {"DETERMINATION": 1 + list(VOCABULARIES["determination"]).index("illegal"),
                                    "VIOLATION_TYPE": 1 + violations.index(row["violation_type"])})]
        if row["case_no"]:
            steps.append(("case_filed", 3, {"CASE_NO": row["case_no"]}))
        for state, index, fields in steps:
            run_algorithm("transitionpatches", {"DATABASE": str(database), "PATCH_NOS": row["patch_no"],
                                                "TO_STATE": index, "REASON": f"演示：{state}", **fields})
    report.step(f"transitionpatches: {len(determinations)} patches field-checked and determined out-of-bounds "
                f"mining, {sum(bool(r['case_no']) for r in determinations)} cases filed")
    result = run_algorithm("importpenaltycases", {"INPUT": str(inputs / "enforcement" / "penalty_cases.csv"),
                                                  "DATABASE": str(database)})
    report.step(f"importpenaltycases: {result.get('CASES')} penalty decisions; seed 003 (two penalties for illegal "
                f"mining within two years, then a new one) sends {result.get('TRANSFERS')} patch(es) to the "
                f"judiciary: {result.get('TRANSFER_PATCHES') or '-'}")
    result = run_algorithm("updateledger", {"DATABASE": str(database), "DEADLINE_DAYS": 60})
    report.step(f"updateledger: {result.get('ADDED')} problems added ({result.get('PATROL_PROBLEMS')} from patrols, "
                f"{result.get('CORNER_PROBLEMS')} from corner checks, {result.get('SURVEY_PROBLEMS')} from surveys)")
    import datetime as dt

    sheet = out / "ledger_progress.csv"
    demo_progress(store, dt.date(2026, 9, 1), {determinations[1]["patch_no"]}, sheet)
    result = run_algorithm("recordledgerprogress", {"INPUT": str(sheet), "DATABASE": str(database)})
    report.step(f"recordledgerprogress ({sheet.name}: most problems found before 2026-09-01): "
                f"{result.get('UPDATED')} problems updated, {result.get('CLOSED')} struck off; "
                f"{determinations[1]['patch_no']} rectified, its penalty not yet in place")
    result = run_algorithm("exportledger", {"DATABASE": str(database), "AS_OF": "2026-11-22",
                                            "TITLE": "演示县矿山勘查开采监督管理问题台账", "OUTPUT": str(out / "问题台账.xlsx"),
                                            "OUTPUT_PDF": str(out / "问题台账.pdf")})
    report.step(f"exportledger on 2026-11-22: {result.get('ITEMS')} problems, {result.get('CLOSED')} struck off, "
                f"{result.get('OPEN')} open of which {result.get('OVERDUE')} overdue → {out / '问题台账.xlsx'}, "
                f"{out / '问题台账.pdf'}")
    result = run_algorithm(
        "inspectioncompliance",
        {"RIGHTS": gpkg + "mining_rights", "INSPECTIONS": gpkg + "inspections", "PERIOD_START": "2026-01-01",
         "PERIOD_END": "2026-10-31", "DATABASE": str(database), "OUTPUT": str(out / "compliance_duties.gpkg"),
         "OUTPUT_PERIODS": str(out / "compliance_periods.gpkg")},
    )
    report.step(
        f"inspectioncompliance with the database, 2026-01-01…2026-10-31: {result.get('NON_COMPLIANT')} mines overdue, "
        f"{result.get('SHORT_CORNER_PATROLS')} patrols short of 3 corner checks, {result.get('MINES_MISSING_SURVEYS')} "
        f"key-zone producing mines lacking the year's two surveys, {result.get('MONTHS_WITHOUT_FULL_COVERAGE')} months "
        f"without a full-coverage check, {result.get('QUARTERS_WITHOUT_REVIEW')} quarter(s) without a review "
        f"→ {out / 'compliance_duties.gpkg'}, {out / 'compliance_periods.gpkg'}"
    )
    result = run_algorithm("patrolsummary", {"DATABASE": str(database), "YEAR": 2026,
                                             "OUTPUT": str(out / "patrol_summary_2026.gpkg"),
                                             "OUTPUT_PDF": str(out / "patrol_summary_2026.pdf")})
    report.step(f"patrolsummary 2026: {result.get('MINES')} mines, {result.get('PATROLS')} inspections, "
                f"{result.get('CORNERS')} corners checked, {result.get('PROBLEMS')} problems found, "
                f"{result.get('CLOSED')} struck off → {out / 'patrol_summary_2026.gpkg'}")
    for year, period, label in ((2026, 1, "2026 first half (July report)"), (2025, 0, "2025 (January report)")):
        result = run_algorithm("tworates", {"DATABASE": str(database), "YEAR": year, "PERIOD": period,
                                            "OUTPUT": str(out / f"two_rates_{year}_{'h1' if period else 'year'}.gpkg"),
                                            "OUTPUT_PDF": str(out / f"two_rates_{year}_{'h1' if period else 'year'}.pdf")})
        change = result.get("UNLICENSED_CHANGE_RATE")
        report.step(f"tworates {label}: {result.get('UNLICENSED_CASES')} unlicensed cases, change rate "
                    f"{'-' if change is None else f'{change} %'}; {result.get('HOLDER_CASES')} holders' cases, "
                    f"incidence rate {result.get('HOLDER_INCIDENCE_RATE')} %")
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
