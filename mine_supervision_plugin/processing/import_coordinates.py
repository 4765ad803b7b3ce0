"""minesupervision:importcoordinates — licence boundaries from coordinate files (a file or a folder)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain.crs import CGCS2000_DATUM, crs_datum
from ..domain.licence import Licence
from ..domain.units import M2_PER_MU
from ..i18n import tr
from .base import MineSupervisionAlgorithm, database_file_filter, push_warnings, qdate, qgs_fields, qgs_geometry

# Files looked at in a folder, subfolders included (as read_coordinate_files does).
COORDINATE_SUFFIXES = (".txt", ".csv", ".xlsx")

OUTPUT_FIELDS = (
    ("license_no", QVariant.String, "许可证号"),
    ("parcel_no", QVariant.String, "地块编号"),
    ("mine_name", QVariant.String, "矿山名称"),
    ("holder", QVariant.String, "采矿权人"),
    ("mineral", QVariant.String, "开采矿种"),
    ("mining_method", QVariant.String, "开采方式"),
    ("valid_from", QVariant.Date, "有效期起"),
    ("valid_to", QVariant.Date, "有效期止"),
    ("depth_top_m", QVariant.Double, "开采标高上限(m)"),
    ("depth_bottom_m", QVariant.Double, "开采标高下限(m)"),
    ("excluded", QVariant.Bool, "扣除地块"),
    ("area_m2", QVariant.Double, "平面面积(m²)"),
    ("area_mu", QVariant.Double, "平面面积(亩)"),
    ("ellipsoidal_area_m2", QVariant.Double, "椭球面积(m²)"),
    ("source_file", QVariant.String, "来源文件"),
)


def output_fields() -> QgsFields:
    """The fields of the OUTPUT layer (a public contract: add, never rename)."""
    return qgs_fields(OUTPUT_FIELDS)


def coordinate_files(folder: Path) -> list[Path]:
    """The coordinate files in ``folder`` and its subfolders, in path order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in COORDINATE_SUFFIXES)


def problems_text(problems) -> str:
    """The checks' messages, one per line."""
    return "\n".join(str(problem) for problem in problems)


class ImportCoordinatesAlgorithm(MineSupervisionAlgorithm):
    NAME = "importcoordinates"

    def displayName(self) -> str:
        return tr("Import licence coordinates")

    def shortHelpString(self) -> str:
        return tr(
            "Reads licence boundaries from corner-coordinate files: land coordinate exchange txt, mining-right "
            "registration txt, CSV or XLSX corner tables. INPUT is one file or a folder (type or paste the folder "
            "path; the .txt, .csv and .xlsx files in it and its subfolders are read).\n\n"
            "The coordinate reference system is detected from the file (zone prefix, 带号 header); give CRS only "
            "when the file does not say it. Every file goes through the ministry's coordinate checks. A single "
            "file that fails them makes the algorithm fail with the checks' messages. In a folder, refused files "
            "are reported one by one and the good files are imported; the algorithm fails only when no file could "
            "be imported.\n\n"
            "OUTPUT has one polygon per parcel, in the CRS of the first CGCS2000 file (else of the first file); "
            "files of the same datum in another zone are reprojected to it, files on another datum (Xi'an 1980, "
            "Beijing 1954 next to CGCS2000) are refused, since no exact transformation exists without local "
            "parameters.\n\n"
            "A licence found in two files of one import is imported once when the copies are identical; when "
            "they differ it is not imported and both files are named.\n\n"
            "With a supervision DATABASE, the licences are also stored there in one transaction (created, or "
            "updated with the previous boundary kept in history). A refused import leaves the database and the "
            "output as they were."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT",
                tr("Coordinate file or folder"),
                QgsProcessingParameterFile.File,
                # "All files (*)" lets a folder path through the parameter check as well.
                fileFilter=tr("Coordinate files (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;All files (*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs("CRS", tr("Coordinate reference system (empty: automatic)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "DATABASE",
                tr("Store into supervision database (optional)"),
                QgsProcessingParameterFile.File,
                fileFilter=database_file_filter(),  # a PostgreSQL connection is a database too
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Licence parcels"), QgsProcessing.TypeVectorPolygon)
        )
        for name, description in (
            ("FILES_READ", tr("Files imported")),
            ("FILES_REFUSED", tr("Files refused")),
            ("LICENCES", tr("Licences imported")),
            ("CREATED", tr("Licences created in the database")),
            ("UPDATED", tr("Licences updated in the database")),
            ("UNCHANGED", tr("Licences unchanged in the database")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        from ..formats.coordinates import CoordinateFileError, read_coordinate_file

        location = Path(self.parameterAsFile(parameters, "INPUT", context) or "")
        crs_epsg = self._crs_epsg(parameters, context)
        if location.is_dir():
            paths = coordinate_files(location)
            if not paths:
                raise QgsProcessingException(
                    tr("{folder} holds no coordinate files (.txt, .csv, .xlsx).").format(folder=location)
                )
        elif location.is_file():
            paths = [location]
        else:
            raise QgsProcessingException(tr("{path} does not exist.").format(path=location))

        results = []
        refused: dict[str, str] = {}
        for index, path in enumerate(paths):
            if feedback.isCanceled():
                break
            try:
                result = read_coordinate_file(path, crs_epsg=crs_epsg)
            except CoordinateFileError as error:
                message = problems_text(error.problems) or str(error)
                if not location.is_dir():
                    raise QgsProcessingException(message) from error
                refused[str(path)] = message
                feedback.reportError(tr("Refused {path}:\n{problems}").format(path=path, problems=message))
                continue
            except OSError as error:
                if not location.is_dir():
                    raise QgsProcessingException(str(error)) from error
                refused[str(path)] = str(error)
                feedback.reportError(tr("Refused {path}: {reason}").format(path=path, reason=error))
                continue
            push_warnings(feedback, result.warnings)
            results.append(result)
            feedback.setProgress(80.0 * (index + 1) / len(paths))

        results = self._common_datum(results, refused, feedback, single=not location.is_dir())
        results = self._without_duplicates(results, refused, feedback, single=not location.is_dir())
        if not results:
            raise QgsProcessingException(tr("No file could be imported from {path}.").format(path=location))

        target_epsg = results[0].crs_epsg  # the first kept result decides (see _common_datum)
        licences: list[Licence] = []
        for result in results:
            for licence in result.licences:
                if not licence.source_file:
                    licence.source_file = str(result.path)
                licences.append(licence)
        outputs = {
            "FILES_READ": len(results),
            "FILES_REFUSED": len(refused),
            "LICENCES": len(licences),
            "CREATED": 0,
            "UPDATED": 0,
            "UNCHANGED": 0,
        }
        # Every check is done: nothing was written yet. With a DATABASE, the licences are written
        # in its transaction first (the store's own refusals come before the output exists), the
        # output is written inside that transaction, and the commit comes last: a refusal leaves
        # both the database and the output as they were.
        database = self.parameterAsFile(parameters, "DATABASE", context)
        if database:
            from ..connections import open_store
            from ..store.database import StoreError, shown_location
            from ..store.rights import upserting

            try:
                store = open_store(database)
                with upserting(store, licences) as report:
                    outputs["OUTPUT"] = self._write_output(parameters, context, results, target_epsg, feedback)
            except StoreError as error:
                raise QgsProcessingException(
                    tr("Nothing was stored in {path}: {reason}").format(path=shown_location(database), reason=error)
                ) from error
            push_warnings(feedback, report.warnings)
            feedback.pushInfo(
                tr("Database {path}: {created} created, {updated} updated, {unchanged} unchanged.").format(
                    path=store.shown,
                    created=len(report.created),
                    updated=len(report.updated),
                    unchanged=len(report.unchanged),
                )
            )
            outputs.update(
                {"CREATED": len(report.created), "UPDATED": len(report.updated), "UNCHANGED": len(report.unchanged)}
            )
        else:
            outputs["OUTPUT"] = self._write_output(parameters, context, results, target_epsg, feedback)
        feedback.pushInfo(
            tr("Imported {licences} licences from {files} files; {refused} files refused.").format(
                licences=len(licences), files=len(results), refused=len(refused)
            )
        )
        feedback.setProgress(100)
        return outputs

    def _write_output(self, parameters, context, results, target_epsg: int, feedback) -> str:
        """Write the OUTPUT layer; QgsProcessingException when it cannot be (the caller rolls back)."""
        crs = QgsCoordinateReferenceSystem(f"EPSG:{target_epsg}")
        sink, dest_id = self.sink_or_fail(parameters, "OUTPUT", context, output_fields(), QgsWkbTypes.Polygon, crs)
        for result in results:
            for licence in result.licences:
                self._add_features(sink, licence, target_epsg)
            if result.crs_epsg != target_epsg:
                feedback.pushInfo(
                    tr("{path}: reprojected from EPSG:{source} to EPSG:{target}.").format(
                        path=result.path, source=result.crs_epsg, target=target_epsg
                    )
                )
        return dest_id

    def _without_duplicates(self, results, refused, feedback, *, single: bool):
        """A licence given twice: once if the copies are identical, not at all if they differ (both files named)."""
        from ..formats.coordinates import drop_duplicate_licences

        errors, notes = drop_duplicate_licences(results)
        if errors and single:
            raise QgsProcessingException(problems_text(errors))
        for problem in errors:
            feedback.reportError(str(problem))
        push_warnings(feedback, notes)
        kept = []
        for result in results:
            if result.licences:
                kept.append(result)
            else:
                messages = [str(p) for p in errors if p.file == result.path]
                if messages:  # every licence of the file was a conflicting duplicate
                    refused[str(result.path)] = "\n".join(messages)
        return kept

    def _crs_epsg(self, parameters, context) -> int | None:
        if parameters.get("CRS") in (None, ""):
            return None
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            return None
        authority, _, code = crs.authid().partition(":")
        if authority.upper() != "EPSG" or not code.isdigit():
            raise QgsProcessingException(
                tr("The coordinate reference system must be an EPSG one (such as EPSG:4526), not {crs}.").format(
                    crs=crs.authid() or crs.description()
                )
            )
        return int(code)

    def _common_datum(self, results, refused, feedback, *, single: bool):
        """Keep the results that share the output's datum; report the others.

        The output CRS is that of the first CGCS2000 file (the legal system),
        else of the first file: one stray Xi'an 1980 file does not decide for
        a folder of CGCS2000 files.
        """
        if not results:
            return results
        first = next((r for r in results if crs_datum(r.crs_epsg) == CGCS2000_DATUM), results[0])
        datum = crs_datum(first.crs_epsg)
        kept = [first]
        for result in results:
            if result is first:
                continue
            if crs_datum(result.crs_epsg) == datum:
                kept.append(result)
                continue
            message = tr(
                "{path} is in EPSG:{epsg} ({other}) while the output is in EPSG:{first} ({datum}); files on "
                "different datums are not mixed in one layer. Import it separately."
            ).format(
                path=result.path, epsg=result.crs_epsg, other=crs_datum(result.crs_epsg), first=first.crs_epsg,
                datum=datum,
            )
            if single:
                raise QgsProcessingException(message)
            refused[str(result.path)] = message
            feedback.reportError(message)
        return kept

    def _add_features(self, sink, licence: Licence, target_epsg: int) -> None:
        from ..domain import licence_geometry as geometry
        from ..domain.crs import reproject_geometry

        for parcel in licence.parcels:
            polygon = geometry.parcel_polygon(parcel)
            area = geometry.planar_area_m2(polygon)
            ellipsoidal = geometry.ellipsoidal_area_m2(polygon, licence.crs_epsg)
            if licence.crs_epsg != target_epsg:
                polygon = reproject_geometry(polygon, licence.crs_epsg, target_epsg)
            feature = QgsFeature(output_fields())
            feature.setGeometry(qgs_geometry(polygon))
            feature.setAttributes(
                [
                    licence.license_no,
                    str(parcel.parcel_no),
                    licence.mine_name,
                    licence.holder,
                    licence.mineral,
                    licence.mining_method,
                    qdate(licence.valid_from),
                    qdate(licence.valid_to),
                    parcel.depth_top_m,
                    parcel.depth_bottom_m,
                    bool(parcel.excluded),
                    round(area, 2),
                    round(area / M2_PER_MU, 4),
                    round(ellipsoidal, 2),
                    licence.source_file,
                ]
            )
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(
                    tr("Licence {license_no}, parcel {parcel_no} could not be written to the output.").format(
                        license_no=licence.license_no, parcel_no=parcel.parcel_no
                    )
                )
