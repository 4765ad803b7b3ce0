"""Start the real QGIS desktop application on Xvfb with the plugin, run a script in it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from qgis_profile import prepare_profile  # noqa: E402


def plugin_path() -> Path:
    """The folder holding the assembled plugin (make build), else the source tree."""
    if os.environ.get("MS_PLUGIN_DIR"):
        return Path(os.environ["MS_PLUGIN_DIR"])
    return ROOT


def run_in_qgis(script: Path, tmp_path: Path, *, locale: str | None = None, env: dict | None = None,
                project: Path | None = None, timeout: int = 240) -> dict:
    """Run ``script`` inside QGIS; it must write JSON to $MS_RESULT and quit."""
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        raise RuntimeError("xvfb-run and qgis are needed (make test installs them)")
    profiles = tmp_path / "profiles"
    prepare_profile(profiles, locale)
    result = tmp_path / "result.json"
    full_env = dict(os.environ)
    full_env.pop("QT_QPA_PLATFORM", None)
    full_env.update(
        {
            "QGIS_PLUGINPATH": str(plugin_path()),
            "MS_RESULT": str(result),
            "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        }
    )
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    full_env.update(env or {})
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--noversioncheck", "--nologo",
               "--profiles-path", str(profiles)]
    if project is not None:
        command += ["--project", str(project)]
    command += ["--code", str(script)]
    completed = subprocess.run(command, env=full_env, capture_output=True, text=True, timeout=timeout)
    if not result.exists():
        raise AssertionError(f"QGIS wrote no result (exit {completed.returncode}):\n{completed.stdout}\n{completed.stderr}")
    return json.loads(result.read_text(encoding="utf-8"))
