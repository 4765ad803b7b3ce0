"""Unit tests of the core: QGIS and PyQt cannot be imported here, so a test that needs them fails
instead of silently depending on a QGIS application (run with ``-p no:pytest_qgis``, as make test does)."""

from __future__ import annotations

import sys

_BLOCKED = ("qgis", "PyQt5")


class _NoQgis:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in _BLOCKED:
            raise ImportError(f"{name} cannot be imported in tests/unit: the core needs no QGIS")
        return None


if not any(name.split(".")[0] in _BLOCKED for name in sys.modules):
    sys.meta_path.insert(0, _NoQgis())
