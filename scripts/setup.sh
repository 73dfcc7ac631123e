#!/usr/bin/env bash
# Installs what AutoWebIQ needs into ./.venv (and bun, which Reflex builds with).
# Usage: scripts/setup.sh [--test]   (--test also installs the test tools and Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "AutoWebIQ needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || { echo "Could not create a venv: install python3-venv." >&2; exit 1; }
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi

# Reflex needs Node >= 22 or bun; bun from npm works with the Node 20 here.
if ! command -v bun >/dev/null 2>&1; then
  command -v npm >/dev/null 2>&1 || { echo "npm is needed to install bun (install Node.js)." >&2; exit 1; }
  npm install --global --silent bun || as_root npm install --global --silent bun
fi

# Java runs the Firebase Auth emulator and the Nu HTML validator.
if [ "${1:-}" = "--test" ] && ! command -v java >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
# Node tools for the tests (tools/package.json): firebase-tools, vnu-jar, axe-core.
if [ "${1:-}" = "--test" ] && { [ ! -d tools/node_modules ] || [ tools/package-lock.json -nt tools/node_modules ]; }; then
  npm ci --prefix tools --silent --no-audit --no-fund
  touch tools/node_modules
fi

if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
