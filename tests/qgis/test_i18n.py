"""The zh_CN translation is complete for every user-facing string in the code."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TS = ROOT / "i18n" / "mine_supervision_zh_CN.ts"


def messages(ts_path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """Run pylupdate5 over the current sources into a fresh .ts file."""
    target = tmp_path_factory.mktemp("ts") / "extracted.ts"
    sources = sorted(str(p) for p in (ROOT / "mine_supervision_plugin").rglob("*.py"))
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(target)], check=True, capture_output=True)
    return messages(target)


def test_every_string_in_the_code_is_in_the_ts_file(extracted):
    committed = messages(TS)
    missing = sorted(source for key, source in ((k, k[1]) for k in extracted) if key not in committed)
    assert missing == [], f"run 'make i18n' and translate: {missing[:10]}"


def test_every_string_is_translated(extracted):
    committed = messages(TS)
    unfinished = sorted(
        key[1]
        for key in extracted
        if key in committed
        and (committed[key].find("translation").get("type") in ("unfinished", "obsolete", "vanished")
             or not (committed[key].findtext("translation") or "").strip())
    )
    assert unfinished == [], f"{len(unfinished)} untranslated, e.g. {unfinished[:10]}"


def test_placeholders_survive_translation():
    import re

    for (_, source), message in messages(TS).items():
        translation = message.findtext("translation") or ""
        if not translation:
            continue
        assert sorted(re.findall(r"\{[a-z_]*", source)) == sorted(re.findall(r"\{[a-z_]*", translation)), source


def test_compiled_translation_is_used_by_qt(tmp_path, qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "zh.qm"
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("@default", "Mine supervision") == "矿产监管"
    finally:
        QCoreApplication.removeTranslator(translator)
