#!/usr/bin/env bash
# Sets up everything Exhibit Kiosk needs on a Debian/Ubuntu machine: the Debian libraries Qt
# loads (plus Xvfb and xdotool for the real-window tests), and the project's own virtual
# environment in .venv with the pinned Python packages. Safe to run again: it only installs
# what is missing. Sourced by scripts/demo.sh and scripts/test.sh.
set -euo pipefail

KIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$KIOSK_ROOT/.venv"

# Qt's offscreen and xcb platforms, QtMultimedia (libpulse0), fonts, a real X server for tests, and
# Syncthing (a fleet of kiosks, docs/fleet.md; its tests run real daemons on loopback).
DEBIAN_PACKAGES=(
  libgl1 libegl1 libx11-6 libxext6 libxrandr2 libxkbcommon0 libfontconfig1 libfreetype6
  libglib2.0-0 libdbus-1-3 libdrm2 libgssapi-krb5-2 libbrotli1 libpulse0
  xvfb xauth xdotool libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core imagemagick
  syncthing
)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: these Debian packages are missing. Run this, then try again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

install_python_packages() {
  local extra="$1"
  local py="${PYTHON:-python3}"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "setup: Python 3.11 or newer is needed (found $("$py" --version 2>&1))" >&2
    exit 1
  }
  if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating the virtual environment in $VENV"
    "$py" -m venv "$VENV"
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  local stamp="$VENV/.installed-$extra"
  if [ ! -f "$stamp" ] || [ "$KIOSK_ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "setup: installing Python packages into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$KIOSK_ROOT[$extra]"
    touch "$stamp"
  fi
}

# The package is installed editable, so pip compiles none of its modules; where
# PYTHONDONTWRITEBYTECODE is set (common in containers) Python would then compile all of them at
# every start, about 100 ms of the kiosk's start. Compile them here (only what changed).
compile_package() {
  "$VENV/bin/python" -m compileall -q "$KIOSK_ROOT/kiosk" >/dev/null
}

kiosk_setup() {
  install_debian_packages
  install_python_packages "${1:-test}"
  compile_package
}
