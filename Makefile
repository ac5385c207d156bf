# Cinema — one command each: `make run` (set up + start), `make test` (set up + all tests), `make check`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test check lint types imports format translations venv system-deps system-deps-test bench package package-test clean

$(STAMP): pyproject.toml
	@test -x $(PY) || "$$(tools/find_python.sh)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

system-deps:
	@tools/system_deps.sh run

system-deps-test:
	@tools/system_deps.sh test

translations: $(STAMP)
	@for ts in resources/translations/*.ts; do \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

run: system-deps $(STAMP) translations
	$(PY) -m app $(ARGS)

test: system-deps-test $(STAMP) translations
	PY=$(PY) xvfb-run -a -s "-screen 0 1600x1000x24" tools/run_tests.sh $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff format --check app tests bench tools migrations
	$(VENV)/bin/ruff check app tests bench tools migrations

format: $(STAMP)
	$(VENV)/bin/ruff format app tests bench tools migrations
	$(VENV)/bin/ruff check --fix app tests bench tools migrations

imports: $(STAMP)
	$(VENV)/bin/lint-imports

types: $(STAMP)
	$(VENV)/bin/mypy app

check: lint imports types test

bench: $(STAMP) translations
	$(PY) bench/startup.py

# One-folder bundle with libvlc, its plugins and libtorrent inside: docs/PACKAGING.md.
PKG_STAMP := $(VENV)/.installed-package
PKG_VERSION = $(shell $(PY) -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[dev,package]'
	@touch $(PKG_STAMP)

package: $(PKG_STAMP) translations
	@tools/system_deps.sh package
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/cinema.spec
	tar -C dist -czf dist/cinema-$(PKG_VERSION)-linux-x86_64.tar.gz cinema
	@du -sh dist/cinema dist/cinema-$(PKG_VERSION)-linux-x86_64.tar.gz

# Builds, then checks the bundle with the system VLC hidden (self-test, GUI screenshot, maps).
package-test: package
	@tools/system_deps.sh test
	tools/package_test.sh

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
