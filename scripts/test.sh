#!/usr/bin/env bash
# Set up and run the whole test suite against PostgreSQL and Redis on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export REFLEX_USE_SYSTEM_BUN=1
exec .venv/bin/python -m pytest "$@"
