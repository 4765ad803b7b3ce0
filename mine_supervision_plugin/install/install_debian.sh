#!/bin/sh
# Install the mine supervision plugin's Python packages for QGIS on Debian / Ubuntu.
#
#   sh install_debian.sh [VENV]     default VENV: ~/.local/share/mine-supervision/venv
#
# Debian's Python refuses `pip install` into the system (PEP 668), and the shapely wheel on PyPI
# carries its own GEOS, which clashes with the GEOS QGIS has already loaded. So this script:
#   1. checks the Debian packages it needs (and installs them when run as root),
#   2. makes a virtualenv of /usr/bin/python3 that sees the system's numpy, pandas, pyproj,
#   3. builds shapely from source against the system GEOS and installs the other pinned packages,
#   4. checks that shapely works with QGIS's GEOS loaded first,
#   5. puts the virtualenv on QGIS's Python path with a .pth file in the user's site folder
#      (skip with MS_NO_PTH=1, e.g. when PYTHONPATH is set instead).
# Restart QGIS afterwards.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${1:-${HOME}/.local/share/mine-supervision/venv}
PYTHON=/usr/bin/python3
APT_PACKAGES="python3-venv python3-dev python3-numpy python3-pandas python3-pyproj python3-pil libgeos-dev gcc libc6-dev"
# shapely is built without build isolation (against the numpy QGIS uses): its build tools go in first
BUILD_TOOLS="Cython==3.1.8 wheel==0.45.1"

missing=""
for package in $APT_PACKAGES; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing Debian packages:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    else
        echo "Missing Debian packages. Install them first, then run this script again:" >&2
        echo "    sudo apt-get install$missing" >&2
        exit 1
    fi
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv --system-site-packages "$VENV"
# Debian's pyproj looks for its data under sys.prefix, which is the virtualenv's.
mkdir -p "$VENV/share" && ln -sfn /usr/share/proj "$VENV/share/proj"
# pip trusts its own CA list by default; use the system's so that a proxy CA the machine trusts works.
if [ -z "${PIP_CERT:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt
    export PIP_CERT
fi
PIP="$VENV/bin/python -m pip --disable-pip-version-check -q"
$PIP install $BUILD_TOOLS
# Only the packages named in requirements.txt: never a wheel that brings its own GEOS, GDAL or PROJ.
$PIP install --no-deps --no-binary shapely --no-build-isolation -r "$HERE/requirements.txt"

# The check QGIS needs: shapely linked to the GEOS that QGIS loads (the system's libgeos_c).
LD_PRELOAD=libgeos_c.so.1 "$VENV/bin/python" - <<'PY'
import ctypes
import shapely

system = ctypes.CDLL("libgeos_c.so.1")
system.GEOSversion.restype = ctypes.c_char_p
system_version = system.GEOSversion().decode().split("-")[0]
ours = ".".join(str(part) for part in shapely.geos_version)
shapely.to_wkb(shapely.Point(1, 2))
if ours != system_version:
    raise SystemExit(f"shapely is built for GEOS {ours}, the system has {system_version}")
print(f"shapely {shapely.__version__} uses the system GEOS {system_version}")
PY

SITE=$("$VENV/bin/python" -c "import site, sys; print([p for p in site.getsitepackages() if p.startswith(sys.prefix)][0])")
if [ -z "${MS_NO_PTH:-}" ]; then
    USER_SITE=$("$PYTHON" -m site --user-site)
    mkdir -p "$USER_SITE"
    echo "$SITE" > "$USER_SITE/mine-supervision.pth"
    echo "QGIS will find the packages through $USER_SITE/mine-supervision.pth. Restart QGIS."
else
    echo "Packages installed in $SITE (put it on PYTHONPATH for QGIS)."
fi
