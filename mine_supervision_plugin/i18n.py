"""Translation helper shared by every module.

pylupdate5 files a bare ``tr("...")`` call under the ``@default`` context
wherever it appears, so the runtime lookup uses that same context. Never call
``self.tr`` in this plugin: its context would differ from the extracted one.
"""

from __future__ import annotations

try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # pure-Python use of the core without Qt
    QCoreApplication = None  # type: ignore[assignment]

CONTEXT = "@default"


def tr(text: str) -> str:
    """Return ``text`` translated for the installed translator, if any."""
    if QCoreApplication is None or QCoreApplication.instance() is None:
        return text
    return QCoreApplication.translate(CONTEXT, text)
