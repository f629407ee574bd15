"""The distribution's Chromium, as the tests, `make print` and `make bench` start it."""

from __future__ import annotations

import shutil

# Headless as root on a closed network: no sandbox, and none of Chromium's own calls home, which
# would otherwise be refused, many at a time, at every start.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str | None:
    """The Chromium command on PATH, or None."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None
