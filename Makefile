# Casecoder: `make run` opens the app, `make test` runs every test. Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

.PHONY: run test lint bench demo clean install-desktop uninstall-desktop

# Setuptools' build-time notices (editable installs) are not ours to act on: keep them quiet.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# The check names any missing system library for Qt's window and the package to install.
run: $(STAMP)
	$(PY) -m desktop.cli.qt_platform
	$(PY) main.py open $(PROJECT)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	for script in tests/benchmarks/bench_*.py; do $(PY) $$script || exit 1; done

# Linux: a menu entry, the project file type and its icon, for the current user, so that
# double-clicking a .casecoder file opens it in Casecoder.
install-desktop: $(STAMP)
	mkdir -p "$(DATA_HOME)/applications" "$(DATA_HOME)/mime/packages" \
		"$(DATA_HOME)/icons/hicolor/scalable/apps"
	sed 's|^Exec=casecoder|Exec="$(abspath $(VENV))/bin/casecoder"|' \
		resources/linux/casecoder.desktop > "$(DATA_HOME)/applications/casecoder.desktop"
	cp resources/linux/casecoder-mime.xml "$(DATA_HOME)/mime/packages/casecoder.xml"
	cp resources/linux/casecoder.svg "$(DATA_HOME)/icons/hicolor/scalable/apps/casecoder.svg"
	! command -v update-mime-database >/dev/null || update-mime-database "$(DATA_HOME)/mime"
	! command -v update-desktop-database >/dev/null || \
		update-desktop-database "$(DATA_HOME)/applications"
	! command -v xdg-mime >/dev/null || \
		xdg-mime default casecoder.desktop application/x-casecoder-project

uninstall-desktop:
	rm -f "$(DATA_HOME)/applications/casecoder.desktop" \
		"$(DATA_HOME)/mime/packages/casecoder.xml" \
		"$(DATA_HOME)/icons/hicolor/scalable/apps/casecoder.svg"
	! command -v update-mime-database >/dev/null || update-mime-database "$(DATA_HOME)/mime"

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
