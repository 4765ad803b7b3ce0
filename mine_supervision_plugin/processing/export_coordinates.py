"""minesupervision:exportcoordinates — licences of a supervision database back to coordinate files."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..formats.coordinate_writers import (
    CoordinateWriteError,
    export_file_name,
    write_corner_table_csv,
    write_land_exchange_txt,
    write_registration_txt,
)
from ..i18n import tr
from ..store.rights import list_license_nos, read_licence
from .base import MineSupervisionAlgorithm, database_file_filter, processing_errors

# Index of the FORMAT enum; part of the public interface, append only.
FORMAT_LAND_EXCHANGE, FORMAT_REGISTRATION, FORMAT_CSV = 0, 1, 2
ENCODINGS = ("gbk", "utf-8")
# Suffixes keep the two txt formats apart when both go to one folder.
SUFFIXES = {FORMAT_LAND_EXCHANGE: "_exchange.txt", FORMAT_REGISTRATION: "_registration.txt"}
CSV_FILE_NAME = "corners.csv"


def parse_license_numbers(text: str) -> list[str]:
    """Licence numbers from a comma, semicolon, space or newline separated list (full-width commas too)."""
    for separator in ("，", "；", ";", "\n", "\r", "\t", " "):
        text = text.replace(separator, ",")
    seen: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


class ExportCoordinatesAlgorithm(MineSupervisionAlgorithm):
    NAME = "exportcoordinates"

    def displayName(self) -> str:
        return tr("Export licence coordinates")

    def shortHelpString(self) -> str:
        return tr(
            "Writes the licences of a supervision database as coordinate files: one land coordinate exchange txt "
            "or one mining-right registration txt per licence (named after the licence number), or one CSV corner "
            "table for all of them. Corners keep their numbers and the coordinates as given on the licence, so "
            "importing the files again gives the same coordinates. Leave the licence numbers empty to export every "
            "licence; separate several with commas."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                # a PostgreSQL connection is a database too
                "DATABASE", tr("Supervision database"), QgsProcessingParameterFile.File,
                fileFilter=database_file_filter(),
            )
        )
        self.addParameter(
            QgsProcessingParameterString("LICENSE_NO", tr("Licence numbers (comma separated; empty = all)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "FORMAT",
                tr("Format"),
                options=[tr("Land coordinate exchange txt"), tr("Mining-right registration txt"), tr("CSV corner table")],
                defaultValue=FORMAT_LAND_EXCHANGE,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "ENCODING", tr("Text encoding of the txt files"), options=["GBK", "UTF-8"], defaultValue=0, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("FILE_COUNT", tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("LICENCE_COUNT", tr("Licences exported")))

    def processAlgorithm(self, parameters, context, feedback):
        wanted = parse_license_numbers(self.parameterAsString(parameters, "LICENSE_NO", context) or "")
        kind = self.parameterAsEnum(parameters, "FORMAT", context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, "ENCODING", context) or 0]
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        store = self.open_store(parameters, context)
        with processing_errors():
            available = list_license_nos(store)
        if wanted:
            missing = [number for number in wanted if number not in available]
            if missing:
                raise QgsProcessingException(
                    tr("Not in the database: {numbers}").format(numbers=", ".join(missing))
                )
            numbers = wanted
        else:
            numbers = available
        if not numbers:
            raise QgsProcessingException(tr("The database holds no licences to export."))
        os.makedirs(folder, exist_ok=True)
        licences = []
        files = 0
        for index, number in enumerate(numbers):
            if feedback.isCanceled():
                break
            with processing_errors():
                licence = read_licence(store, number)
            try:
                if kind == FORMAT_CSV:
                    licences.append(licence)
                else:
                    target = folder / export_file_name(licence, SUFFIXES[kind])
                    writer = write_land_exchange_txt if kind == FORMAT_LAND_EXCHANGE else write_registration_txt
                    writer(licence, target, encoding=encoding)
                    files += 1
                    feedback.pushInfo(tr("Wrote {path}").format(path=target))
            except (CoordinateWriteError, OSError) as error:
                raise QgsProcessingException(
                    tr("Licence {license_no} cannot be exported: {reason}").format(license_no=number, reason=error)
                ) from error
            feedback.setProgress(100.0 * (index + 1) / len(numbers))
        if kind == FORMAT_CSV and licences:
            # A table holds one coordinate system: one table per CRS when licences differ.
            groups: dict[int | None, list] = {}
            for licence in licences:
                groups.setdefault(licence.crs_epsg, []).append(licence)
            for epsg, members in groups.items():
                name = CSV_FILE_NAME if len(groups) == 1 else f"corners_EPSG{epsg}.csv"
                target = folder / name
                with processing_errors(CoordinateWriteError, OSError):
                    rows = write_corner_table_csv(members, target)
                files += 1
                feedback.pushInfo(tr("Wrote {count} corners to {path}").format(count=rows, path=target))
        return {"OUTPUT_FOLDER": str(folder), "FILE_COUNT": files, "LICENCE_COUNT": len(licences) if kind == FORMAT_CSV else files}
