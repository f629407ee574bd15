#!/usr/bin/env bash
# The browser tests drive the distribution's Chromium. Install it where we can (Debian-like, as
# root or with password-less sudo); otherwise say exactly what to install, and fail.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
packages="chromium fonts-noto-core fonts-dejavu-core"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "error: Chromium is missing. Install it with: sudo apt-get install $packages" >&2
    exit 1
  fi
  echo "Installing Chromium from the distribution's packages ($packages)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
  exit 0
fi
echo "error: Chromium is missing and this is not a Debian-like system: install Chromium (the 'chromium' command) with your package manager and run make test again." >&2
exit 1
