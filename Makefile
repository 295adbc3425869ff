# wirewatch: one entry point. `make demo` runs the demo, `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit integration kafka-up kafka-down schemas bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) deploy/kafka/kafkactl.py fetch
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m agents.cli demo $(DEMO_ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m schemas.generate --check
	$(PY) -m pytest -p no:cacheprovider -ra $(PYTEST_ARGS)

unit: $(STAMP)
	$(PY) -m pytest -m "not integration" -ra

integration: $(STAMP)
	$(PY) -m pytest -m integration -ra

kafka-up: $(STAMP)
	$(PY) deploy/kafka/kafkactl.py start

kafka-down:
	$(PY) deploy/kafka/kafkactl.py stop

schemas: $(STAMP)
	$(PY) -m schemas.generate
	$(PY) deploy/k8s/render_alert_rules.py

bench: $(STAMP)
	$(PY) bench/run_all.py

clean:
	rm -rf var .mypy_cache .ruff_cache .pytest_cache
