#!/usr/bin/env bash
# Quick start, part 2: set everything up and run every test. Screenshots that the tests take are
# kept in artifacts/screenshots/ (see docs/testing.md). Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
kiosk_setup test
cd "$KIOSK_ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
