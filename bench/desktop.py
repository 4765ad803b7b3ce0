"""Run one benchmark phase inside the real QGIS desktop on Xvfb (``qgis --code``), with the plugin as built and
the virtualenv on QGIS's Python path as ``make run`` gives it; the script writes its JSON report to $BENCH_RESULT."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_phase_in_qgis(script: Path, phase: str, folder: Path, extra_env: dict | None = None,
                      timeout: int = 3600) -> dict:
    """The report ``script`` wrote for ``phase``; SystemExit with QGIS's error when there is none."""
    sys.path.insert(0, str(ROOT / "tools"))
    sys.path.insert(0, str(ROOT))
    from qgis_profile import prepare_profile

    from demo.qgis_process import venv_site_packages

    profiles = folder / ".qgis-profiles"
    prepare_profile(profiles)
    result = folder / f"{phase}.json"
    result.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "LD_PRELOAD", "PYTHONPATH")}
    env.update({"QGIS_PLUGINPATH": str(Path(os.environ.get("MS_PLUGIN_DIR") or ROOT / "build")),
                "PYTHONPATH": os.pathsep.join(venv_site_packages()), "BENCH_PHASE": phase,
                "BENCH_FOLDER": str(folder), "BENCH_RESULT": str(result), **(extra_env or {})})
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--noversioncheck", "--nologo",
                    "--profiles-path", str(profiles), "--code", str(script)],
                   env=env, capture_output=True, timeout=timeout, check=False)
    if not result.exists():
        raise SystemExit(f"QGIS wrote no result for the {phase} phase")
    report = json.loads(result.read_text(encoding="utf-8"))
    if "error" in report:
        raise SystemExit(f"{phase} failed inside QGIS:\n{report['error']}")
    return report
