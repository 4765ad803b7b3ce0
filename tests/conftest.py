"""Test set-up: the plugin is imported from the assembled folder when the
Makefile built it (what users install), else from the source tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("MS_PLUGIN_DIR"):
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])
else:
    sys.path.insert(0, str(ROOT))

DATA = Path(__file__).resolve().parent / "data"
