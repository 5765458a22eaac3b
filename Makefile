# Two commands on a fresh machine with Python 3.11+ and git: `make run`, `make test`.
#
# Everything is installed from uv.lock (exact versions, hashed); nothing floats. The
# one tool that is not in the lock, uv itself, is bootstrapped from
# .ci/uv-requirements.txt (also exact and hashed). `make lock` is the one deliberate
# way to upgrade. `make test PYTHON=python3.12` rebuilds .venv for that interpreter.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_HOME := .tools/uv
UV := $(UV_HOME)/bin/uv
STAMPS := .tools/stamps
STAMP := $(VENV)/.installed
# Which interpreter .venv must be made of; a change rebuilds it (see $(STAMPS)/python).
PYID := $(shell $(PYTHON) -c 'import sys; print(sys.version.split()[0], sys.executable)' 2>/dev/null)
# pytest workers: twice the cores, as the tests wait on Pilot pauses, subprocesses
# and tmux as much as they compute. Measured on two cores, same commit: serial
# 402 s, -n 2 217 s, -n 3 172 s, -n 4 165 s.
JOBS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))' 2>/dev/null || echo 2)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run test pytest lint format typecheck bench lock test-latest \
        snapshot-update test-python312 readme-map clean FORCE

$(UV): .ci/uv-requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "kunderejse needs Python 3.11 or newer (set PYTHON=...)")'
	rm -rf $(UV_HOME)
	$(PYTHON) -m venv $(UV_HOME)
	PIP_CONSTRAINT= $(UV_HOME)/bin/python -m pip install --quiet --disable-pip-version-check \
	    --require-hashes --no-deps -r .ci/uv-requirements.txt
	@touch $@

# Rewritten only when the interpreter changes, so its date tells make when to rebuild.
$(STAMPS)/python: FORCE
	@mkdir -p $(STAMPS)
	@test -n "$(PYID)" || { echo "no Python at PYTHON=$(PYTHON)"; exit 1; }
	@echo '$(PYID)' | cmp -s - $@ || echo '$(PYID)' > $@

$(STAMP): $(UV) uv.lock pyproject.toml $(STAMPS)/python
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version.split()[0])')" != "$(word 1,$(PYID))" ]; then \
	    echo "rebuilding $(VENV) for $(PYTHON) ($(word 1,$(PYID)))"; rm -rf $(VENV); fi
	$(UV) sync --locked --all-extras --python '$(word 2,$(PYID))'
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kunderejse sample_journeys

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# loadgroup: a module whose expensive fixture is marked xdist_group stays on one worker.
pytest: $(STAMP)
	$(BIN)/pytest -n $(JOBS) --dist loadgroup

test: lint typecheck pytest

# Serial on purpose: under pytest-xdist, syrupy neither reports nor deletes unused snapshots.
snapshot-update: $(STAMP)
	$(BIN)/pytest -p no:xdist tests/tui --snapshot-update

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The one way to upgrade: newest releases within pyproject's ranges into uv.lock (and
# the bootstrap uv and the oldest-PyYAML set the tests use), then the whole suite.
# Commit the changed files together, once `make test` is green.
lock: $(UV)
	$(UV) lock --upgrade
	echo 'uv' | $(UV) pip compile - --universal --generate-hashes --no-header --quiet \
	    -o .ci/uv-requirements.txt
	sed -i '1i # The uv that `make` bootstraps (hashes for every platform). Refreshed by `make lock`.' \
	    .ci/uv-requirements.txt
	grep -o '"pyyaml>=[0-9.]*' pyproject.toml | sed 's/"pyyaml>=/pyyaml==/' \
	    | $(UV) pip compile - --universal --generate-hashes --no-header --quiet -o tests/pyyaml-oldest.txt
	$(MAKE) test

# Today's newest releases of everything, in a separate venv; reports, never gates CI.
test-latest: $(UV)
	$(UV) pip compile pyproject.toml --group dev --all-extras --upgrade --no-header --quiet \
	    -o .tools/latest-requirements.txt
	$(UV) venv --quiet --allow-existing --python '$(word 2,$(PYID))' .venv-latest
	$(UV) pip sync --quiet --python .venv-latest/bin/python .tools/latest-requirements.txt
	$(UV) pip install --quiet --python .venv-latest/bin/python --no-deps -e .
	@echo "newest releases differing from uv.lock:"
	@.venv-latest/bin/python tools/lock_drift.py uv.lock .tools/latest-requirements.txt
	.venv-latest/bin/pytest -n $(JOBS) --dist loadgroup -p no:cacheprovider

# The other supported interpreter (installed under pyenv here, not the global one).
test-python312:
	$(MAKE) test PYTHON=$$(pyenv root 2>/dev/null)/versions/$$(pyenv versions --bare | grep -m1 '^3\.12')/bin/python

clean:
	rm -rf $(VENV) .venv-latest .tools/uv .tools/stamps .mypy_cache .ruff_cache .pytest_cache

# The journey map shown in the README.
readme-map: $(STAMP)
	$(BIN)/kunderejse export sample_journeys/bilkoeb-privat.journey.yaml --to png -o docs/map-bilkoeb-privat.png
