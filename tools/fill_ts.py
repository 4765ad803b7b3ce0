"""Fill unfinished entries of a Qt .ts file from a tab-separated file of source<TAB>translation.

Usage: python tools/fill_ts.py i18n/mine_supervision_zh_CN.ts translations.tsv
       python tools/fill_ts.py i18n/mine_supervision_zh_CN.ts --list   (print unfinished sources)
A translator's convenience; the .ts file stays the source of truth.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def unfinished(ts_path: str) -> list[str]:
    root = ET.parse(ts_path).getroot()
    return [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation").get("type") == "unfinished" or not (message.findtext("translation") or "")
    ]


def fill(ts_path: str, tsv_path: str) -> int:
    table = {}
    with open(tsv_path, encoding="utf-8") as stream:
        for line in stream:
            if "\t" in line:
                source, translation = line.rstrip("\n").split("\t", 1)
                table[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if source in table and (translation.get("type") == "unfinished" or not translation.text):
            translation.text = table[source]
            translation.attrib.pop("type", None)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(ts_path, "w", encoding="utf-8") as stream:
        # ElementTree drops the DOCTYPE; Qt Linguist files carry one.
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        stream.write(body)
        stream.write("\n")
    return filled


if __name__ == "__main__":
    if sys.argv[2] == "--list":
        for source in unfinished(sys.argv[1]):
            print(source.replace("\n", "\\n"))
    else:
        print(f"filled {fill(sys.argv[1], sys.argv[2])}")
