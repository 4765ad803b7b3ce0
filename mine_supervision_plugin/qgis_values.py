"""QGIS attribute values as plain Python: the one converter for the docks and the algorithms.

A feature's attribute comes back from QGIS as a Python value, or as a NULL
``QVariant``, a ``QDate`` or a ``QDateTime``. :func:`python_value` turns any
of them into ``None``, ``datetime.date`` / ``datetime.datetime`` or the value
itself. Needs QGIS (PyQt); the store and the formats never see these types.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate, QDateTime, QVariant


def python_value(value, *, datetime_as_date: bool = True, strip: bool = False, blank_as_none: bool = False):
    """A Python value from a QGIS attribute: None for NULL, a ``datetime.date`` for a QDate.

    ``datetime_as_date``: a QDateTime gives its date (else a ``datetime.datetime``).
    ``strip``: text is stripped of surrounding white space; ``blank_as_none``:
    blank text (after stripping) is None. An invalid date is None.
    """
    if value is None:
        return None
    if isinstance(value, QVariant):
        if value.isNull():
            return None
        value = value.value()
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        return value.date().toPyDate() if datetime_as_date else value.toPyDateTime()
    if isinstance(value, str):
        if strip:
            value = value.strip()
        if blank_as_none and not value.strip():
            return None
    return value
