# One command each for a fresh machine: `make run` (set up + run on the shipped sample) and
# `make test` (set up + run the tests). uv installs the locked environment (uv.lock) in seconds.
PY ?= python3
TOOLS := .akhbar/tools
UV := $(TOOLS)/bin/uv
VENV := .venv
# Bytecode compiled at install: without it importing prefect + great_expectations takes 8-9 s
# on every run instead of 3-4 s (STACK.md; this machine sets PYTHONDONTWRITEBYTECODE=1).
export UV_COMPILE_BYTECODE := 1

.PHONY: setup run test bench lock clean

$(UV):
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q "uv>=0.13,<0.14"

setup: $(UV)
	$(UV) sync --frozen --all-extras --python $(PY)

run: setup
	$(VENV)/bin/akhbar run $(ARGS)

test: setup
	$(VENV)/bin/python -m pytest tests

lock: $(UV)
	$(UV) lock

clean:
	rm -rf .akhbar .pytest_cache
