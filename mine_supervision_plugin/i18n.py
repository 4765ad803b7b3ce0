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


# Chinese as the different tools name it: Debian's QGIS ships zh-Hans / zh-Hant, Qt and our .qm use zh_CN / zh_TW.
_SIMPLIFIED = ("zh_cn", "zh_hans", "zh_sg", "zh")
_TRADITIONAL = ("zh_tw", "zh_hant", "zh_hk", "zh_mo")


def normalized_locale(name: str) -> str:
    """A QGIS or Qt locale name as Qt writes it: zh-Hans → zh_CN, zh-Hant → zh_TW, en-US → en_US."""
    key = (name or "").strip().replace("-", "_")
    lowered = key.lower()
    if lowered in _SIMPLIFIED or lowered.startswith(("zh_hans_", "zh_cn_")):
        return "zh_CN"
    if lowered in _TRADITIONAL or lowered.startswith(("zh_hant_", "zh_tw_")):
        return "zh_TW"
    return key


def translation_candidates(name: str) -> list[str]:
    """The suffixes of the .qm files to try for a locale, best first (zh-Hans, zh_CN and zh all give zh_CN)."""
    locale = normalized_locale(name)
    candidates = [locale]
    language = locale.split("_")[0]
    if language == "zh" and "zh_CN" not in candidates:
        candidates.append("zh_CN")  # Chinese without a script: simplified, as the bureaus write
    if language and language not in candidates:
        candidates.append(language)
    return [c for c in candidates if c]
