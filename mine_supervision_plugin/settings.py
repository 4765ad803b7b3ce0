"""Every ``QgsSettings`` entry the plugin reads or writes, in one place, with its type and default.

Each entry is a :class:`Setting`: ``TIANDITU_KEY.value()`` reads it (typed,
with its default), ``TIANDITU_KEY.set_value(text)`` writes it. The key strings
are the ones the plugin has always used, so users' settings carry over; add a
new entry here rather than calling ``QgsSettings`` elsewhere.

QGIS is imported on first use: modules that also run outside QGIS (the store,
the format readers under plain pytest) may import this one; outside QGIS a
read gives the default and a write does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One ``QgsSettings`` entry: its key, the Python type it is read as, and its default."""

    key: str
    kind: type
    default: Any
    description: str = ""

    def value(self, default: Any = None) -> Any:
        """The stored value as :attr:`kind`; ``default`` (else :attr:`default`) when unset or outside QGIS."""
        fallback = self.default if default is None else default
        try:
            from qgis.core import QgsSettings
        except ImportError:
            return fallback
        return QgsSettings().value(self.key, fallback, type=self.kind)

    def set_value(self, value: Any) -> None:
        """Store ``value`` (nothing happens outside QGIS)."""
        try:
            from qgis.core import QgsSettings
        except ImportError:
            return
        QgsSettings().setValue(self.key, value)

    def remove(self) -> None:
        """Forget the stored value, so :meth:`value` gives the default again."""
        try:
            from qgis.core import QgsSettings
        except ImportError:
            return
        QgsSettings().remove(self.key)


# --- the plugin's own settings ----------------------------------------------------------------

TIANDITU_KEY = Setting(
    "mine_supervision/tianditu_key", str, "", "The user's 天地图 key; kept out of project files (gui.imagery_compare)."
)
IMAGERY_FOLLOW_MAIN = Setting(
    "mine_supervision/imagery_follow_main", bool, False, "The imagery views follow the main map (and back)."
)
LAST_FOLDER = Setting(
    "mine_supervision/last_folder", str, "", "The folder of the supervision database created or opened last."
)
USER_NAME = Setting(
    "mine_supervision/user_name", str, "", "The name written into histories and the audit log (else the login)."
)
PATCH_FIELD_MAPPING = Setting(
    "mine_supervision/patch_field_mapping", str, "", "The patch-batch field mapping last used, as JSON."
)
NOTICE_TEMPLATE = Setting(
    "mine_supervision/notice_template", str, "",
    "The rectification-notice template (JSON) to use instead of resources/templates/notice.json.",
)
SURVEY_REPORT_TEMPLATE = Setting(
    "mine_supervision/survey_report_template", str, "",
    "The special-survey-report template (JSON) to use instead of resources/templates/survey_report.json.",
)
DOCUMENT_BODY_FONT = Setting(
    "mine_supervision/document_body_font", str, "",
    "The TrueType font of the documents' body text (path, or path#index in a .ttc); empty: the best found.",
)
DOCUMENT_TITLE_FONT = Setting(
    "mine_supervision/document_title_font", str, "",
    "The TrueType font of the documents' titles (path, or path#index in a .ttc); empty: the best found.",
)

CORNER_TOLERANCE_M = Setting(
    "mine_supervision/corner_tolerance_m", float, 1.0,
    "A measured boundary corner farther than this from the licensed one fails its check (metres).",
)

# --- QGIS's own settings, read only -----------------------------------------------------------

QGIS_LOCALE_OVERRIDE = Setting("locale/overrideFlag", bool, False, "QGIS: the user chose a UI language.")
QGIS_USER_LOCALE = Setting("locale/userLocale", str, "", "QGIS: the UI language the user chose.")

#: Every entry, for a settings page or a reset.
ALL: tuple[Setting, ...] = (
    TIANDITU_KEY,
    IMAGERY_FOLLOW_MAIN,
    LAST_FOLDER,
    USER_NAME,
    PATCH_FIELD_MAPPING,
    NOTICE_TEMPLATE,
    SURVEY_REPORT_TEMPLATE,
    DOCUMENT_BODY_FONT,
    DOCUMENT_TITLE_FONT,
    CORNER_TOLERANCE_M,
    QGIS_LOCALE_OVERRIDE,
    QGIS_USER_LOCALE,
)
