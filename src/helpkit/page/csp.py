"""The Content-Security-Policy each page carries in a <meta> tag, with hashes of its inline scripts.

A <meta> policy holds on any static host and offline, where no header can be set. It forbids every
other origin; inline scripts run only if their exact text was hashed into the policy at build time,
and only the scripts that the theme's own templates contain are hashed (`theme_scripts`): a script
that reached a page any other way is refused by the build, never allowed by it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence

from helpkit.page.scan import Scan

_HEAD_OPEN = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_JINJA_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(ld\+)?json""", re.IGNORECASE)
# What a template's {{ expression }} inside a script may become: an address or a name, never
# anything that ends a string, a tag or a statement.
_EXPRESSION_VALUE = r"[^\"'<>\\;\n]*"

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


def theme_scripts(template_sources: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """The inline scripts that the theme's template files contain, as patterns over their output.

    Jinja tags and comments are left out and each {{ expression }} may become any plain value, so
    that a page's `base_url` fits, while no other text can.
    """
    patterns: dict[str, re.Pattern[str]] = {}
    for source in template_sources:
        plain = _JINJA_TAG.sub("", _JINJA_COMMENT.sub("", source))
        for attributes, body in _TEMPLATE_SCRIPT.findall(plain):
            if "src=" in attributes or _DATA_TYPE.search(attributes) or not body.strip():
                continue
            expression = _EXPRESSION_VALUE.join(re.escape(part) for part in _JINJA_EXPRESSION.split(body))
            patterns.setdefault(expression, re.compile(expression, re.DOTALL))
    return tuple(patterns.values())


def script_hash(text: str) -> str:
    """The CSP source expression ('sha256-...') of a script's exact text."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def inline_script_hashes(found: Scan) -> list[str]:
    """The hashes of the page's runnable inline scripts, once each, in order.

    Call it only on a page whose scripts were checked against `theme_scripts`.
    """
    return list(dict.fromkeys(script_hash(script.text) for script in found.scripts if script.runs))


def content_security_policy(script_hashes: Sequence[str], *, offline: bool = False) -> str:
    """The policy; `offline` for the copy opened from file://, where search runs in the
    iframe-worker shim, whose inline script holds the worker's address as resolved on the reader's
    disk and so cannot be hashed at build time. That copy has no network to reach anyway."""
    directives = []
    for name, value in _POLICY:
        if name == "script-src":
            value = f"{value} 'unsafe-inline'" if offline else " ".join([value, *script_hashes])
        directives.append(f"{name} {value}")
    return "; ".join(directives)


def add_security_meta(page: str, script_hashes: Sequence[str], *, offline: bool = False) -> str:
    """Put the policy and a no-referrer policy first in <head>, before anything it governs."""
    policy = content_security_policy(script_hashes, offline=offline)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}"><meta name="referrer" content="no-referrer">'
    return _HEAD_OPEN.sub(lambda match: match.group(0) + meta, page, count=1)
