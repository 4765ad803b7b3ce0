"""Write a core table ``(keys and headers, rows)`` to a Processing feature sink without geometry."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from .base import qdate, qgs_fields


def _kind(values: list) -> QVariant.Type:
    present = [v for v in values if v is not None and v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return QVariant.Bool
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return QVariant.Int
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return QVariant.Double
    if present and all(isinstance(v, dt.date) for v in present):
        return QVariant.Date
    return QVariant.String


def write_table(algorithm, parameters, name: str, context, columns: tuple[tuple[str, str], ...], rows: list[list]):
    """One feature per row, fields named by the column keys (aliases: the Chinese headers); return the dest id."""
    specs = [(key, _kind([row[i] for row in rows]), header) for i, (key, header) in enumerate(columns)]
    fields = qgs_fields(specs)
    sink, dest_id = algorithm.sink_or_fail(parameters, name, context, fields, QgsWkbTypes.NoGeometry,
                                           QgsCoordinateReferenceSystem())
    for row in rows:
        feature = QgsFeature(fields)
        values = []
        for (_, kind, _header), value in zip(specs, row):
            if value == "" and kind != QVariant.String:
                value = None
            elif isinstance(value, dt.date):
                value = qdate(value)
            elif kind == QVariant.String and value is not None:
                value = str(value)
            values.append(value)
        feature.setAttributes(values)
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    return dest_id


def add_pdf_parameter(algorithm, title: str) -> None:
    """The optional ``OUTPUT_PDF``: the same table printed as a document (reports/table_document)."""
    from qgis.core import QgsProcessingParameterFileDestination

    from ..i18n import tr

    algorithm.addParameter(
        QgsProcessingParameterFileDestination("OUTPUT_PDF", title, tr("PDF files (*.pdf)"), optional=True,
                                              createByDefault=False)
    )


def write_pdf_table(algorithm, parameters, context, feedback, *, title: str, subtitle: str, headers, rows,
                    notes: list[str] | None = None) -> str | None:
    """Print ``headers``/``rows`` to ``OUTPUT_PDF`` when asked, with the fonts and authority of Document settings.

    Returns the PDF's path, or None when no PDF was asked for. Fonts the user chose, signed by the authority of
    the notice template: the same fonts and words as every other document of the bureau.
    """
    from .. import settings
    from ..reports.fonts import FontError, choose_fonts
    from ..reports.table_document import Column, TableDocument, write_table_pdf
    from ..reports.template import load_template
    from .base import processing_errors, push_warnings

    if not parameters.get("OUTPUT_PDF"):
        return None
    path = algorithm.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
    if not path:
        return None
    with processing_errors(FontError):
        fonts = choose_fonts(settings.DOCUMENT_BODY_FONT.value(), settings.DOCUMENT_TITLE_FONT.value())
    push_warnings(feedback, fonts.messages)
    numeric = [bool(rows) and all(isinstance(row[i], (int, float)) or row[i] in (None, "") for row in rows)
               for i in range(len(headers))]
    columns = [Column(str(header), "r" if numeric[i] else "l") for i, header in enumerate(headers)]
    with processing_errors(ValueError):
        authority = load_template(settings.NOTICE_TEMPLATE.value()).get("authority", "")
    document = TableDocument(title=title, columns=columns, rows=rows, subtitle=subtitle, notes=notes or [],
                             authority=authority, date=dt.date.today())
    try:
        warnings = write_table_pdf(document, fonts, path)
    except OSError as error:
        from qgis.core import QgsProcessingException

        from ..i18n import tr

        raise QgsProcessingException(
            tr("{path} could not be written: {reason}. Nothing was written.").format(path=path, reason=error.strerror or error)
        ) from None
    push_warnings(feedback, warnings)
    return str(path)
