"""The Content-Security-Policy each page carries in a <meta> tag, with hashes of its inline scripts.

A <meta> policy holds on any static host and offline, where no header can be set. It forbids every
other origin; inline scripts run only if their exact text was hashed into the policy at build time.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Scripts that a browser runs: not data blocks such as Material's <script type="application/json">.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r'\btype="(application/json|application/ld\+json)"', re.IGNORECASE)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)

# Everything from the site itself; data: only for the icons Material's CSS draws with data URIs.
_POLICY = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions ('sha256-...') for every inline script of the page, in order."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(page):
        if _DATA_TYPE.search(attributes):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(script_hashes: list[str], *, offline: bool = False) -> str:
    """The policy; `offline` for the copy opened from file://, where search runs in the
    iframe-worker shim, whose inline script holds the worker's address as resolved on the reader's
    disk and so cannot be hashed at build time. That copy has no network to reach anyway."""
    directives = []
    for name, value in _POLICY:
        if name == "script-src":
            value = f"{value} 'unsafe-inline'" if offline else " ".join([value, *script_hashes])
        directives.append(f"{name} {value}")
    return "; ".join(directives)


def add_security_meta(page: str, *, offline: bool = False) -> str:
    """Put the policy and a no-referrer policy first in <head>, before anything it governs."""
    policy = content_security_policy(inline_script_hashes(page), offline=offline)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}"><meta name="referrer" content="no-referrer">'
    return _HEAD_OPEN.sub(lambda match: match.group(0) + meta, page, count=1)
