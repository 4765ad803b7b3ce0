"""Run the plugin's algorithms through QGIS's own command line, `qgis_process.bin`, as a county's batch does.

QGIS's GEOS, GDAL and PROJ are loaded there before any Python package, as in the desktop;
the plugin is the one in ``plugins`` (the assembled build or the unzipped package), enabled in a
profile under ``home``; the Python packages come from ``python_path`` (the project's virtualenv,
as `make run` gives them to the desktop).
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

PLUGIN = "mine_supervision_plugin"


def venv_site_packages() -> list[str]:
    """The running virtualenv's site-packages folder(s), to put on QGIS's Python path."""
    return [p for p in site.getsitepackages()
            if p.startswith(sys.prefix) and sys.prefix != sys.base_prefix and os.path.isdir(p)]


class QgisProcessError(RuntimeError):
    """qgis_process failed; the message is what it printed."""


class QgisProcess:
    """One QGIS profile with the plugin enabled; run algorithms in fresh qgis_process.bin processes."""

    def __init__(self, plugins: Path, home: Path, python_path: list[str] | None = None, timeout: int = 600):
        self.plugins = Path(plugins)
        self.home = Path(home)
        self.python_path = venv_site_packages() if python_path is None else python_path
        self.timeout = timeout
        (self.home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
        enabled = self.call(["plugins", "enable", PLUGIN])
        if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
            raise QgisProcessError(f"qgis_process could not enable the plugin:\n{enabled.stdout}\n{enabled.stderr}")

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("QGIS_OPTS", "PYTHONPATH", "LD_PRELOAD")}
        env.update({"HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", "QGIS_PLUGINPATH": str(self.plugins),
                    "XDG_RUNTIME_DIR": str(self.home / "runtime")})
        if self.python_path:
            env["PYTHONPATH"] = os.pathsep.join(self.python_path)
        return env

    def call(self, arguments: list[str]) -> subprocess.CompletedProcess:
        """qgis_process.bin with ``arguments``; Debian's `qgis_process` wrapper adds an option 3.22 rejects."""
        return subprocess.run(["qgis_process.bin", *arguments], env=self.environment(), capture_output=True,
                              text=True, timeout=self.timeout)

    def algorithms(self) -> dict[str, str]:
        """The provider's algorithm ids and display names as `qgis_process.bin list` shows them."""
        listing = self.call(["list"])
        if listing.returncode != 0:
            raise QgisProcessError(listing.stdout + listing.stderr)
        found = {}
        for line in listing.stdout.splitlines():
            parts = line.strip().split("\t", 1)
            if parts[0].startswith("minesupervision:"):
                found[parts[0]] = parts[1] if len(parts) > 1 else ""
        return found

    def run(self, algorithm: str, parameters: dict) -> dict:
        """Run ``minesupervision:<algorithm>``; return its JSON answer (results, log). Raise with its words."""
        arguments = ["run", f"minesupervision:{algorithm}", "--json", "--"]
        for key, value in parameters.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                arguments.append(f"{key}={item}")
        completed = self.call(arguments)
        answer = None
        start = completed.stdout.find("{")
        if start >= 0:
            try:
                answer = json.loads(completed.stdout[start:])
            except json.JSONDecodeError:
                answer = None
        if completed.returncode != 0 or answer is None:
            raise QgisProcessError(
                f"qgis_process {algorithm} failed (exit {completed.returncode}):\n{completed.stdout[-4000:]}"
                f"\n{completed.stderr[-4000:]}"
            )
        return answer
