"""Dates as counties write them, read one way everywhere.

Enforcement batches, licence ledgers, forms and Qt widgets hand over dates as
date objects, numpy/pandas timestamps, QDate/QDateTime, or text: ``2024-06-01``,
``2024/6/1 0:00:00``, ``2024.06.01``, ``20240601`` (also as a number),
``2024年6月1日``. :func:`to_date` reads them all; ``strict`` says what unreadable
text means to the caller: an error to report (``ValueError``) or no date.
"""

from __future__ import annotations

import datetime as dt
import math
import re

_PATTERNS = (
    re.compile(r"^(\d{4})(\d{2})(\d{2})(?:[ T]\d.*)?$"),  # 20240601, 20240601 08:00
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),  # 2024-06-01, 2024/6/1 0:00:00
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s.*)?$"),  # 2024年6月1日
)
_EMPTY_TEXT = {"", "NULL", "NONE", "NAT", "NAN"}


def to_date(value, *, strict: bool = False) -> dt.date | None:
    """The date in ``value``; None when it is empty (None, NaN, NaT, NULL, blank).

    Text that is not a date (or an impossible one, 2023-02-31) gives None, or
    raises ``ValueError`` with ``strict``.
    """
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT (pandas' NaT even passes for a datetime)
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "toPyDateTime"):  # QDateTime
        return value.date().toPyDate() if value.isValid() else None
    if hasattr(value, "toPyDate"):  # QDate
        return value.toPyDate() if value.isValid() else None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if type(value).__name__ == "datetime64":  # numpy, without importing numpy here
        text = str(value)
        return None if text == "NaT" else dt.date.fromisoformat(text[:10])
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if not value.is_integer():
            return _unreadable(str(value), strict)
        value = int(value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).strip()
    if text.upper() in _EMPTY_TEXT:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return _unreadable(text, strict)
    return _unreadable(text, strict)


def _unreadable(text: str, strict: bool) -> None:
    if strict:
        raise ValueError(text)
    return None
