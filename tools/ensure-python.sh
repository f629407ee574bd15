#!/usr/bin/env bash
# Create the virtual environment with Python 3.11 or newer, or say exactly what is missing.
set -euo pipefail
python="$1"
venv="$2"
if [ -x "$venv/bin/python" ]; then
  exit 0
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "error: $python not found. Install Python 3.11 or newer (Debian/Ubuntu: apt-get install python3 python3-venv)." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: $("$python" --version 2>&1) is too old: Python 3.11 or newer is needed (set PYTHON=python3.12 for another one)." >&2
  exit 1
fi
if ! "$python" -m venv "$venv"; then
  echo "error: '$python -m venv' failed. On Debian/Ubuntu: apt-get install python3-venv" >&2
  exit 1
fi
