"""Start the real QGIS desktop application on Xvfb with the plugin, run a script in it.

The plugin is installed as a user installs it: the zip (``make package``) unpacked into
the profile's ``python/plugins`` folder, enabled in the profile. QGIS gets the
virtualenv's site-packages on its Python path, as ``make run`` gives them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import site
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from qgis_profile import prepare_profile  # noqa: E402

PLUGIN = "mine_supervision_plugin"


def plugin_path() -> Path:
    """The folder holding the assembled plugin (make build), else the source tree."""
    if os.environ.get("MS_PLUGIN_DIR"):
        return Path(os.environ["MS_PLUGIN_DIR"])
    return ROOT


def plugin_zip() -> Path:
    """The installable zip: $MS_PLUGIN_ZIP, else dist/mine_supervision_plugin.zip (make package)."""
    return Path(os.environ.get("MS_PLUGIN_ZIP") or ROOT / "dist" / f"{PLUGIN}.zip")


def venv_site_packages() -> str:
    """The virtualenv's site-packages, as ``make run`` puts them on QGIS's PYTHONPATH."""
    inside = [p for p in site.getsitepackages() if p.startswith(sys.prefix) and sys.prefix != sys.base_prefix]
    if inside:
        return inside[0]
    return str(ROOT / ".venv" / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages")


def install_from_zip(profiles: Path, archive: Path | None = None) -> Path:
    """Unpack the plugin zip into the default profile's plugin folder, as QGIS's "Install from ZIP" does."""
    archive = archive or plugin_zip()
    if not archive.exists():
        raise RuntimeError(f"{archive} is missing: build it with `make package` (or set MS_PLUGIN_ZIP)")
    plugins = profiles / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(plugins / PLUGIN, ignore_errors=True)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(plugins)
    if not (plugins / PLUGIN / "metadata.txt").exists():
        raise RuntimeError(f"{archive} does not hold {PLUGIN}/metadata.txt")
    return plugins / PLUGIN


_VENV = object()


def run_in_qgis(script: Path, tmp_path: Path, *, locale: str | None = None, env: dict | None = None,
                project: Path | None = None, timeout: int = 240, python_path: str | None | object = _VENV,
                archive: Path | None = None, screen: str = "1600x1000") -> dict:
    """Run ``script`` inside QGIS; it must write JSON to $MS_RESULT and quit.

    ``python_path`` is QGIS's PYTHONPATH: the virtualenv's site-packages by default, None for
    none. ``screen`` is the Xvfb screen's size (e.g. "1366x768", a laptop). The report gets
    ``_seconds`` (how long QGIS ran) and ``_installed`` (the plugin folder).
    """
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        raise RuntimeError("xvfb-run and qgis are needed (make test installs them)")
    profiles = tmp_path / "profiles"
    prepare_profile(profiles, locale)
    installed = install_from_zip(profiles, archive)
    result = tmp_path / "result.json"
    full_env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "QGIS_PLUGINPATH", "PYTHONPATH"):
        full_env.pop(name, None)
    full_env.update(
        {
            "MS_RESULT": str(result),
            "MS_INSTALLED_PLUGIN": str(installed),
            "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        }
    )
    if python_path is _VENV:
        python_path = venv_site_packages()
    if python_path:
        full_env["PYTHONPATH"] = str(python_path)
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    full_env.update(env or {})
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", "qgis", "--noversioncheck", "--nologo",
               "--profiles-path", str(profiles)]
    if project is not None:
        command += ["--project", str(project)]
    command += ["--code", str(script)]
    output = tmp_path / "qgis_output.txt"
    started = time.monotonic()
    with open(output, "w", encoding="utf-8") as stream:
        # its own session, so that a QGIS left hanging is ended with xvfb-run and its Xvfb
        process = subprocess.Popen(command, env=full_env, stdout=stream, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            returncode = "killed after timeout"
    seconds = time.monotonic() - started
    if not result.exists():
        raise AssertionError(f"QGIS wrote no result (exit {returncode}):\n{output.read_text(encoding='utf-8')[-6000:]}")
    report = json.loads(result.read_text(encoding="utf-8"))
    report["_seconds"] = round(seconds, 1)
    report["_installed"] = str(installed)
    return report
