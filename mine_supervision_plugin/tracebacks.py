"""Exceptions that leave GDAL/OGR objects behind them: one decorator for the store and the file readers."""

from __future__ import annotations

import functools


def release_ogr_on_error(function):
    """Let errors leave ``function`` without the frames that hold GDAL/OGR objects.

    An exception's traceback keeps every frame's locals alive, data sources
    included. A caller that keeps the exception (a log, a test's
    ``pytest.raises``) would then close them only at interpreter exit, after
    QGIS has shut GDAL down: a crash on exit. Dropping the traceback here
    closes them at once; the message and type are unchanged.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as error:
            raise error.with_traceback(None)  # noqa: B904 - the same exception, re-raised

    return wrapper
