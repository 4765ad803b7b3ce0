"""minesupervision:checkoutcounty / checkindatabase / resolvecheckin — a county's copy of the shared database for
field work, and the conflicts of its check-in resolved later."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..qgis_values import python_value
from ..store.checkout import (
    OpenConflict,
    check_in,
    check_out,
    conflict_value_text,
    open_conflicts,
    resolve_conflicts,
    take_choice,
)
from ..store.database import StoreError, open_database
from .base import MineSupervisionAlgorithm, processing_errors, qgs_fields

#: The conflicts table (checkindatabase's CONFLICTS, resolvecheckin's input and OUTPUT): the first six columns as
#: they always were, then who changed each side when, the conflict's identity and ``take`` for the user's choice.
CONFLICT_COLUMNS = ("table_name", "feature_key", "field", "base_value", "copy_value", "server_value",
                    "server_changed_by", "server_changed_at", "copy_changed_by", "copy_changed_at",
                    "checked_in_by", "checked_in_at", "checkout_id", "conflict_id", "take")


def conflict_fields() -> QgsFields:
    return qgs_fields((name, QVariant.Int if name == "conflict_id" else QVariant.String) for name in CONFLICT_COLUMNS)


def _text(value) -> str | None:
    return None if value is None else conflict_value_text(value)


def write_conflicts(sink, fields: QgsFields, conflicts: list[OpenConflict]) -> None:
    """One row per conflict, ``take`` left empty for the user (copy / server)."""
    for conflict in conflicts:
        feature = QgsFeature(fields)
        feature.setAttributes([
            conflict.table, conflict.key, conflict.field, _text(conflict.base), _text(conflict.local),
            _text(conflict.server), conflict.server_user, conflict.server_when, conflict.copy_user, conflict.copy_when,
            conflict.checked_in_by, conflict.checked_in_at, conflict.checkout_id, int(conflict.id), None])
        sink.addFeature(feature)


class CheckoutCountyAlgorithm(MineSupervisionAlgorithm):
    NAME = "checkoutcounty"

    def displayName(self) -> str:
        return tr("Check out a county for field work")

    def shortHelpString(self) -> str:
        return tr(
            "Copies one county of the shared (PostGIS) supervision database into a new GeoPackage for offline field "
            "work: its licences and patches (by administrative code) with their corners, workflow log, patrols, "
            "photos, corner checks, surveys, notices and ledger items, and the key monitoring zones. The checkout "
            "is recorded on the server; bring the copy back with 'Check in a field copy'."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString("COUNTY_CODE", tr("Administrative code of the county")))
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Field copy"), tr("GeoPackage (*.gpkg)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        server = self.open_store(parameters, context)
        county = self.parameterAsString(parameters, "COUNTY_CODE", context)
        target = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with processing_errors():
            if not server.is_postgres:
                raise StoreError(tr("Check out works on a shared (PostGIS) database; {path} is a GeoPackage.").format(
                    path=server.location))
            report = check_out(server, county, target)
        for table, count in report.counts.items():
            if count:
                feedback.pushInfo(tr("{table}: {count} rows").format(table=table, count=count))
        feedback.pushInfo(tr("County {county} checked out to {path}").format(county=county, path=report.path))
        return {"OUTPUT": report.path}


class CheckinDatabaseAlgorithm(MineSupervisionAlgorithm):
    NAME = "checkindatabase"

    def displayName(self) -> str:
        return tr("Check in a field copy")

    def shortHelpString(self) -> str:
        return tr(
            "Merges a checked-out GeoPackage back into the shared database in one transaction: fields changed only in "
            "the copy are written; fields changed on both sides to different values are conflicts (the server keeps "
            "its value; the CONFLICTS table lists both values for you to resolve: write copy or server in its take "
            "column and run 'Resolve check-in conflicts'); rows added in the copy are added; rows deleted in the copy "
            "are listed, never deleted. A copy is checked in only once."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "COPY", tr("Field copy"), behavior=QgsProcessingParameterFile.File, fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink("CONFLICTS", tr("Check-in conflicts"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Rows updated")))
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Rows added")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", tr("Conflicts")))

    def processAlgorithm(self, parameters, context, feedback):
        server = self.open_store(parameters, context)
        copy_path = self.parameterAsFile(parameters, "COPY", context)
        with processing_errors():
            report = check_in(open_database(copy_path), server)
            recorded = [c for c in open_conflicts(server) if c.checkout_id == report.checkout_id]
        fields = conflict_fields()
        results = {
            "UPDATED": sum(report.updated.values()),
            "ADDED": sum(report.added.values()),
            "CONFLICT_COUNT": len(report.conflicts),
        }
        if parameters.get("CONFLICTS"):
            sink, dest_id = self.sink_or_fail(
                parameters, "CONFLICTS", context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
            )
            write_conflicts(sink, fields, recorded)
            results["CONFLICTS"] = dest_id
        for conflict in report.conflicts:
            feedback.reportError(conflict.describe())
        for line in report.deleted_in_copy:
            feedback.pushWarning(tr("Deleted in the copy, kept on the server: {row}").format(row=line))
        feedback.pushInfo(
            tr("Checked in: {updated} rows updated, {added} added, {conflicts} conflicts.").format(
                updated=results["UPDATED"], added=results["ADDED"], conflicts=results["CONFLICT_COUNT"]
            )
        )
        return results


class ResolveCheckinAlgorithm(MineSupervisionAlgorithm):
    NAME = "resolvecheckin"

    def displayName(self) -> str:
        return tr("Resolve check-in conflicts")

    def shortHelpString(self) -> str:
        return tr(
            "Resolves the conflicts a check-in left on the shared database. CONFLICTS is the conflicts table of "
            "'Check in a field copy' (or this algorithm's OUTPUT) with its take column filled in: copy (副本) writes "
            "the field copy's value, server (服务器) keeps the server's, empty leaves the conflict open. All choices "
            "are applied in one transaction; a value changed on the server again since the check-in, or a workflow "
            "step the patch cannot take, is refused in words and nothing is written. Each choice is recorded in the "
            "audit log; a conflict is resolved once. OUTPUT lists the conflicts still open (run without CONFLICTS "
            "to list them)."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CONFLICTS", tr("Conflicts with the take column filled in"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Conflicts still open"), QgsProcessing.TypeVector, optional=True))
        self.addOutput(QgsProcessingOutputNumber("TAKEN", tr("Field copy values written")))
        self.addOutput(QgsProcessingOutputNumber("KEPT", tr("Server values kept")))
        self.addOutput(QgsProcessingOutputNumber("ALREADY", tr("Already resolved before")))
        self.addOutput(QgsProcessingOutputNumber("OPEN", tr("Conflicts still open")))

    def _choices(self, source) -> dict[tuple[str, int], str]:
        missing = [name for name in ("checkout_id", "conflict_id", "take") if source.fields().indexOf(name) < 0]
        if missing:
            raise QgsProcessingException(tr(
                "The conflicts table has no {fields} column: use the CONFLICTS table of 'Check in a field copy' or the "
                "OUTPUT of this algorithm, and write copy or server in its take column.").format(fields=", ".join(missing)))
        choices = {}
        with processing_errors():
            for feature in source.getFeatures():
                take = take_choice(python_value(feature["take"]))
                checkout, number = python_value(feature["checkout_id"]), python_value(feature["conflict_id"])
                if take is None or not checkout or number is None:
                    continue
                choices[(str(checkout), int(number))] = take
        return choices

    def processAlgorithm(self, parameters, context, feedback):
        server = self.open_store(parameters, context)
        source = self.parameterAsSource(parameters, "CONFLICTS", context)
        choices = self._choices(source) if source is not None else {}
        with processing_errors():
            report = resolve_conflicts(server, choices)
            still_open = open_conflicts(server)
        for line in report.taken:
            feedback.pushInfo(tr("Field copy's value taken: {conflict}").format(conflict=line))
        for line in report.kept:
            feedback.pushInfo(tr("Server's value kept: {conflict}").format(conflict=line))
        for line in report.already:
            feedback.pushInfo(tr("Already resolved the same way before: {conflict}").format(conflict=line))
        results = {"TAKEN": len(report.taken), "KEPT": len(report.kept), "ALREADY": len(report.already),
                   "OPEN": len(still_open)}
        if parameters.get("OUTPUT"):
            fields = conflict_fields()
            sink, dest_id = self.sink_or_fail(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry,
                                              QgsCoordinateReferenceSystem())
            write_conflicts(sink, fields, still_open)
            results["OUTPUT"] = dest_id
        feedback.pushInfo(tr("{taken} field copy values written, {kept} server values kept; {open} conflicts still "
                             "open.").format(taken=results["TAKEN"], kept=results["KEPT"], open=results["OPEN"]))
        return results
