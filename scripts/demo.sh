#!/usr/bin/env bash
# Quick start, part 1: set everything up and run the kiosk on the bundled demo exhibit.
# Extra arguments go to `kiosk run` (for example --windowed). With no display at all it starts
# its own Xvfb screen only when KIOSK_XVFB=1 is set; otherwise it says what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
kiosk_setup test
cd "$KIOSK_ROOT"
exec "$VENV/bin/kiosk" run --content "$KIOSK_ROOT/assets" "$@"
