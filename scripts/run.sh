#!/usr/bin/env bash
# Set up and start AutoWebIQ: migrations, workers and the web app on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export REFLEX_USE_SYSTEM_BUN=1
exec .venv/bin/autowebiq run "$@"
