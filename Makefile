# Zusammenleben — the two commands of the README, and the targets behind them.
#   make run    create .venv if missing, install the app, launch it
#   make test   create .venv if missing, install with test extras, run the whole suite offscreen

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
PYTEST_ARGS ?=

.PHONY: run test venv install install-test catalogs lint bench clean help

help:
	@echo "make run   - install and launch the app"
	@echo "make test  - install and run the whole test suite (offscreen)"
	@echo "make bundle       - standalone program folder in dist/ (PyInstaller), Linux .tar.gz"
	@echo "make bundle-test  - smoke-test the built bundle"
	@echo "make windows      - Windows bundle under Wine (dist/windows/), make windows-installer, make windows-test"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

venv: $(PY)

# Reinstall only when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[test]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed catalogs
install-test: $(VENV)/.installed-test catalogs

run: install
	@sh packaging/linux/check-qt-libs.sh
	$(VENV)/bin/zusammenleben $(ARGS)

test: install-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check src tests benchmarks packaging
	$(VENV)/bin/lint-imports --no-cache

bench: install-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

clean:
	rm -rf build dist .pytest_cache
	find translations -name '*.mo' -delete

# --- translations ---
# Translator workflow (docs/translating.md). The .mo files are build output (gitignored).
I18N := PYTHONPATH=src $(PY) -m zusammenleben.i18n.manage

.PHONY: i18n-extract i18n-update i18n-compile i18n-check i18n-init

catalogs: i18n-compile

i18n-extract: | $(PY)        ## code + pack -> translations/zusammenleben.pot, content.pot
	$(I18N) extract

i18n-update: | $(PY)         ## .pot -> every <lang>/LC_MESSAGES/*.po (changed source -> fuzzy)
	$(I18N) update

i18n-compile: | $(PY)        ## .po -> .mo in place; fails on placeholder or plural errors
	PYTHONPATH=src $(PY) -m zusammenleben.i18n.compile translations

i18n-check: | $(PY)          ## stale, incomplete/fuzzy, msgfmt --check, hunspell -> exit 1 on problems
	$(I18N) check

i18n-init: | $(PY)           ## a new language: make i18n-init LANG_CODE=fr
	@test -n "$(LANG_CODE)" || { echo "usage: make i18n-init LANG_CODE=xx"; exit 2; }
	$(I18N) init $(LANG_CODE)

# --- standalone bundle: PyInstaller onedir (packaging/README.md) ---
.PHONY: bundle bundle-test hello-bundle

$(VENV)/.installed-packaging: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[packaging]"
	@touch $@

bundle: $(VENV)/.installed-packaging catalogs   ## dist/zusammenleben/ (+ the Linux .tar.gz); fails on "Library not found"
	PY=$(PY) bash packaging/build.sh

bundle-test: install-test                       ## smoke-test the frozen binary (de, nl) in a clean environment
	@test -x dist/zusammenleben/zusammenleben || { echo "no bundle in dist/zusammenleben: run make bundle first" >&2; exit 1; }
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m bundle tests/packaging -v $(PYTEST_ARGS)

hello-bundle: $(VENV)/.installed-packaging       ## PySide6 + pyqtgraph hello world with the same slimming (size baseline)
	PY=$(PY) bash packaging/build.sh hello

# --- Windows x64 bundle and installer, built and run on Linux under Wine (packaging/README.md "Windows") ---
.PHONY: windows windows-test windows-installer

windows: install-test                             ## dist/windows/zusammenleben/ (zusammenleben.exe) via Wine
	bash packaging/windows/build.sh

windows-installer: install-test                   ## dist/windows/Zusammenleben-Setup-<version>.exe (NSIS)
	bash packaging/windows/installer.sh

windows-test: install-test                        ## self-test de/nl + screenshots under Wine + Xvfb, file list, installer round trip
	bash packaging/windows/test.sh
