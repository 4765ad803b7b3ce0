# Mine supervision plugin — the commands a newcomer types:
#   make demo   generate the demo county and run every batch capability on it (out/demo/)
#   make test   run the tests against real QGIS
# Both install what they need on a fresh Debian 12 machine (apt-get, a virtualenv, pinned PyPI packages).

SHELL := /bin/bash
PLUGIN := mine_supervision_plugin
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build
DIST := dist
PLUGIN_BUILD := $(BUILD)/$(PLUGIN)
OUT := out/demo
QGIS_PROFILE := $(BUILD)/qgis-profile

APT_PACKAGES := qgis python3-qgis qgis-providers python3-venv python3-gdal gdal-bin \
	python3-numpy python3-pandas python3-pyproj python3-openpyxl python3-pil \
	pyqt5-dev-tools qttools5-dev-tools xvfb xauth poppler-utils fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai zip \
	python3-dev libgeos-dev gcc libc6-dev qttranslations5-l10n postgresql-15-postgis-3 python3-psycopg2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_STAMP := $(VENV)/.apt-stamp
PIP_STAMP := $(VENV)/.pip-stamp

export QT_QPA_PLATFORM ?= offscreen
# pip trusts its own CA list by default; on Debian use the system's, so that a proxy CA the
# machine trusts (common behind bureau and cloud proxies) is trusted by pip too.
ifeq ($(origin PIP_CERT), undefined)
ifneq ($(wildcard /etc/ssl/certs/ca-certificates.crt),)
export PIP_CERT := /etc/ssl/certs/ca-certificates.crt
endif
endif
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*')
TS_FILES := i18n/mine_supervision_zh_CN.ts
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: help deps build package test demo run i18n screenshots bench lint clean

help:
	@echo "make demo | test | package | run | i18n | screenshots | bench | lint | clean"

# --- installation -----------------------------------------------------------
$(APT_STAMP): Makefile
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# PostgreSQL's server refuses to run as root: as root the tests run it as Debian's postgres user, who must be
	@# able to reach its programs from / (a root made with mktemp -d, as in a chroot, is closed to other users).
	@if [ "$$(id -u)" = 0 ] && [ -z "$$(find / -maxdepth 0 -perm -o+x)" ]; then \
	  echo "chmod o+rx / : the postgres user must reach /usr/lib/postgresql"; chmod o+rx /; fi
	@mkdir -p $(VENV) && touch $@

# The plugin's packages are installed by the script users run (shapely built against the system GEOS);
# QGIS gets them through PYTHONPATH here instead of the user's .pth file.
$(PIP_STAMP): requirements.txt $(PLUGIN)/install/requirements.txt $(PLUGIN)/install/install_debian.sh $(APT_STAMP)
	MS_NO_PTH=1 sh $(PLUGIN)/install/install_debian.sh $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements.txt
	@touch $@

deps: $(PIP_STAMP)

# PyPI's shapely wheel (it bundles its own GEOS), unpacked apart and never on any path but one test's:
# the test that the plugin refuses it inside QGIS with the reason.
PYPI_SHAPELY := $(VENV)/pypi-shapely
$(PYPI_SHAPELY)/.stamp: $(PIP_STAMP)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --only-binary :all: --target $(PYPI_SHAPELY) shapely==2.1.2
	@touch $@

# --- the installable plugin ---------------------------------------------------
i18n/%.qm: i18n/%.ts $(APT_STAMP)
	lrelease -silent $< -qm $@

i18n: $(APT_STAMP)
	pylupdate5 -noobsolete $(PY_SOURCES) -ts $(TS_FILES) 2>/dev/null
	lrelease -silent $(TS_FILES)

build: $(PIP_STAMP) $(QM_FILES)
	@rm -rf $(PLUGIN_BUILD) && mkdir -p $(PLUGIN_BUILD)/i18n
	@cp -r $(PLUGIN)/. $(PLUGIN_BUILD)/
	@find $(PLUGIN_BUILD) -name __pycache__ -prune -exec rm -rf {} +
	@cp metadata.txt README.md $(PLUGIN_BUILD)/
	@cp -r resources $(PLUGIN_BUILD)/resources
	@cp $(QM_FILES) $(PLUGIN_BUILD)/i18n/
	@echo "Plugin assembled in $(PLUGIN_BUILD)"

package: build
	@mkdir -p $(DIST) && rm -f $(DIST)/$(PLUGIN).zip
	cd $(BUILD) && zip -qr $(abspath $(DIST))/$(PLUGIN).zip $(PLUGIN)
	@echo "Wrote $(DIST)/$(PLUGIN).zip"

# --- the two commands ---------------------------------------------------------
# tests/unit first: the core with QGIS blocked, in seconds; then tests/qgis: real QGIS, the desktop, qgis_process.
test: package $(PYPI_SHAPELY)/.stamp
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(VENV)/bin/pytest -q -p no:pytest_qgis tests/unit $(PYTEST_ARGS)
	MS_PLUGIN_DIR=$(abspath $(BUILD)) MS_PLUGIN_ZIP=$(abspath $(DIST))/$(PLUGIN).zip $(VENV)/bin/pytest -q tests/qgis $(PYTEST_ARGS)

demo: build
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) -m demo.run --out $(OUT)

# --- using it -----------------------------------------------------------------
# QGIS runs Debian's Python; the virtualenv's packages (shapely 2, geopandas, reportlab) are added to its path,
# as a user adds them with pip.
VENV_SITE = $(shell $(PY) -c "import site, sys; print([p for p in site.getsitepackages() if p.startswith(sys.prefix)][0])")

run: build
	@[ -f $(OUT)/county.qgz ] || $(MAKE) demo
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) tools/qgis_profile.py $(QGIS_PROFILE)
	env -u QT_QPA_PLATFORM PYTHONPATH=$(VENV_SITE) QGIS_PLUGINPATH=$(abspath $(BUILD)) \
	  qgis --noversioncheck --profiles-path $(QGIS_PROFILE) --project $(OUT)/county.qgz

screenshots: build
	@[ -f $(OUT)/county.qgz ] || $(MAKE) demo
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) tools/qgis_profile.py $(QGIS_PROFILE)-shots zh_CN
	env -u QT_QPA_PLATFORM PYTHONPATH=$(VENV_SITE) QGIS_PLUGINPATH=$(abspath $(BUILD)) MS_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots \
	  MS_DEMO_PROJECT=$(CURDIR)/$(OUT)/county.qgz \
	  xvfb-run -a -s "-screen 0 1600x1000x24" \
	  qgis --noversioncheck --nologo --profiles-path $(QGIS_PROFILE)-shots --code tools/screenshots.py

bench: build
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_import_coordinates.py --files 5000
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_prejudge.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_compliance.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_notices.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_survey.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_prejudge_server.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_survey_server.py
	MS_PLUGIN_DIR=$(abspath $(BUILD)) $(PY) bench/bench_zones.py

lint: $(PIP_STAMP)
	$(VENV)/bin/ruff check $(PLUGIN) tests bench demo tools

clean:
	rm -rf $(BUILD) $(DIST) out
