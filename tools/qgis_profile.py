"""Prepare a QGIS profile folder with the plugin enabled (for make run / screenshots / tests).

Usage: python tools/qgis_profile.py PROFILES_PATH [LOCALE]
"""

from __future__ import annotations

import configparser
import sys
from pathlib import Path


def prepare_profile(profiles_path: Path, locale: str | None = None) -> Path:
    """Write profiles_path/profiles/default/QGIS/QGIS3.ini enabling the plugin; return the ini path."""
    ini = profiles_path / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.RawConfigParser()
    config.optionxform = str  # QGIS keys are case-sensitive
    if ini.exists():
        config.read(ini, encoding="utf-8")
    for section in ("PythonPlugins", "locale", "qgis", "app"):
        if not config.has_section(section):
            config.add_section(section)
    config.set("PythonPlugins", "mine_supervision_plugin", "true")
    config.set("qgis", "checkVersion", "false")
    config.set("qgis", "showTips322", "false")
    config.set("app", "first_start", "false")
    if locale:
        config.set("locale", "overrideFlag", "true")
        config.set("locale", "userLocale", locale)
    with open(ini, "w", encoding="utf-8") as stream:
        config.write(stream, space_around_delimiters=False)
    return ini


if __name__ == "__main__":
    prepare_profile(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
