"""Prepare a QGIS profile folder with the plugin enabled (for make run / screenshots / tests).

Usage: python tools/qgis_profile.py PROFILES_PATH [LOCALE]

LOCALE is given as QGIS names its translations: Debian's QGIS ships Chinese as zh-Hans
(qgis_zh-Hans.qm), so zh_CN, zh_Hans and zh are written as zh-Hans and the whole QGIS is
Chinese, not only the plugin.
"""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

QGIS_I18N = Path("/usr/share/qgis/i18n")
# QGIS's own names for the locales Qt writes otherwise (Debian's QGIS 3.22 ships these two Chinese files).
QGIS_LOCALE_ALIASES = {
    "zh_cn": "zh-Hans", "zh_hans": "zh-Hans", "zh_sg": "zh-Hans", "zh": "zh-Hans",
    "zh_tw": "zh-Hant", "zh_hant": "zh-Hant", "zh_hk": "zh-Hant",
}


def qgis_locale_name(locale: str, i18n: Path = QGIS_I18N) -> str:
    """``locale`` as QGIS's translation files name it: zh_CN → zh-Hans when QGIS has no qgis_zh_CN.qm."""
    if (i18n / f"qgis_{locale}.qm").exists():
        return locale
    alias = QGIS_LOCALE_ALIASES.get(locale.replace("-", "_").lower())
    if alias and ((i18n / f"qgis_{alias}.qm").exists() or not i18n.is_dir()):
        return alias
    return locale


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
        config.set("locale", "userLocale", qgis_locale_name(locale))
    with open(ini, "w", encoding="utf-8") as stream:
        config.write(stream, space_around_delimiters=False)
    return ini


if __name__ == "__main__":
    prepare_profile(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
