"""Shared base of the plugin's Processing algorithms, and what their faces have in common.

The algorithms are thin faces over the core: they read parameters, call the
core and turn its errors for the user into :class:`QgsProcessingException`
(same message), report its warnings and write their outputs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from qgis.core import (
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QDate

from ..connections import open_store
from ..domain.workflow import TransitionError
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore

DATABASE = "DATABASE"


@contextlib.contextmanager
def processing_errors(*kinds: type[BaseException]) -> Iterator[None]:
    """Turn the core's errors for the user into :class:`QgsProcessingException` with the same message.

    :class:`StoreError` and ``kinds`` keep their text; a
    :class:`TransitionError` gives its reasons, one per line.
    """
    try:
        yield
    except TransitionError as error:
        raise QgsProcessingException("\n".join(error.reasons)) from error
    except (StoreError, *kinds) as error:
        raise QgsProcessingException(str(error)) from error


def push_warnings(feedback, warnings: Iterable, skip: Iterable = ()) -> None:
    """Each warning to the Processing log, except those in ``skip`` (already reported)."""
    skip = list(skip)
    for warning in warnings:
        if warning not in skip:
            feedback.pushWarning(str(warning))


def qgs_geometry(geometry) -> QgsGeometry:
    """A shapely geometry as a QgsGeometry."""
    import shapely

    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geometry))
    return result


def qdate(value) -> QDate | None:
    """A ``datetime.date`` as a QDate; None for None."""
    return QDate(value.year, value.month, value.day) if value is not None else None


def qgs_fields(specs: Iterable[tuple]) -> QgsFields:
    """Fields of an output layer from ``(name, QVariant type)`` or ``(name, QVariant type, alias)`` tuples."""
    fields = QgsFields()
    for name, kind, *alias in specs:
        field = QgsField(name, kind)
        if alias:
            field.setAlias(alias[0])
        fields.append(field)
    return fields


def database_file_filter() -> str:
    """The file filter of a DATABASE parameter: GeoPackages first, and *All files* so that QGIS takes a
    PostgreSQL connection too (a filter of .gpkg alone, or none at all, refuses ``service=county``)."""
    return tr("GeoPackage (*.gpkg);;All files (*)")


class MineSupervisionAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, and implement displayName/shortHelpString."""

    NAME = ""

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return tr("Mine supervision")

    def groupId(self) -> str:
        return "minesupervision"

    def createInstance(self):
        return type(self)()

    # -- the supervision database ----------------------------------------------------------
    def add_database_parameter(self) -> None:
        """The DATABASE parameter: an existing supervision database to work on.

        A GeoPackage file, or a PostgreSQL connection (a QGIS connection's name, ``service=...``,
        ``dbname=... host=...``): see :func:`database_file_filter`.
        """
        parameter = QgsProcessingParameterFile(
            DATABASE,
            tr("Supervision database (GeoPackage file or PostgreSQL connection)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=database_file_filter(),
        )
        parameter.setHelp(tr("A .gpkg file, or the name of a QGIS PostgreSQL connection, or service=… "
                             "or dbname=… host=… port=… user=…"))
        self.addParameter(parameter)

    def open_store(self, parameters, context) -> SupervisionStore:
        """The store the DATABASE parameter names, opened (and migrated); its errors as QgsProcessingException."""
        location = self.parameterAsFile(parameters, DATABASE, context)
        with processing_errors():
            return open_store(location)

    # -- outputs ------------------------------------------------------------------------
    def sink_or_fail(self, parameters, name: str, context, fields: QgsFields, wkb_type, crs) -> tuple[QgsFeatureSink, str]:
        """The feature sink of output ``name`` and its destination id; QgsProcessingException when it cannot be made."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id
