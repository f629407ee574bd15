#!/usr/bin/env bash
# The tests drive the distribution's Chromium, run two checkers that need Java and Node.js, and
# serve the site with nginx.
# Install what is missing where we can (Debian-like, as root or with password-less sudo);
# otherwise say exactly what to install, and fail.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# The nginx snippet the build writes is tested on a real nginx (tests/test_hosting.py).
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# Arabic and other scripts must render in screenshots and PDFs, not as empty boxes.
if command -v fc-list >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi "Noto Sans Arabic\|DejaVu Sans"; then
  missing+=(fonts-noto-core fonts-dejavu-core)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "error: missing: ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing from the distribution's packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "error: missing: ${missing[*]} (Chromium as 'chromium', a Java runtime, Node.js with npm, nginx). This is not a Debian-like system: install them with your package manager and run make test again." >&2
exit 1
