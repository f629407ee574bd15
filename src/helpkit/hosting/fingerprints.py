"""Content-hashed names for the site's own stylesheets and scripts, and every page pointed at them.

A file whose name changes whenever its content does can be cached for a year: a new version is a
new address, so no reader ever runs a stale copy beside a fresh page. Material's bundles and the
search worker are named that way already (`bundle.a5f9d56c.min.js`); the site's own files get the
same kind of name after the build (`site.3f2a9c41.css`), and every `<link href>` and `<script src>`
of every page that names one is rewritten to it.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit

# As many hexadecimal digits as Material's own names and the search worker's carry.
HASH_LENGTH = 8

_TAG = re.compile(r"<(?:link|script)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def hashed_name(path: str, content: bytes) -> str:
    """'assets/stylesheets/site.css' -> 'assets/stylesheets/site.3f2a9c41.css': the first digits of
    the SHA-256 of the content, before the extension."""
    folder, slash, name = path.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        raise ValueError(f"{path!r}: expected a file name with an extension (site.css, site.js)")
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return f"{folder}{slash}{stem}.{digest}.{extension}"


def base_path(site_url: str) -> str:
    """The path the site is served under, from its address: '/' or '/repository/'."""
    path = urlsplit(site_url).path
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def resolve(reference: str, *, page: str, base: str) -> str | None:
    """The file below the site's root that a page's `href` or `src` names ('assets/site.css'), or
    None for another site, a `data:` address, a fragment alone, or a path outside the site.

    `page` is the page's own file below the root ('fr/threatened/index.html'); `base` the path the
    site is served under, which root-relative references (the 404 pages') start with."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base):
            return None
        path = path[len(base) :]
    else:
        path = posixpath.join(posixpath.dirname(page), path)
    normal = posixpath.normpath(path) if path else "."
    if normal == ".." or normal.startswith("../"):
        return None
    return "" if normal == "." else normal


def _renamed_reference(reference: str, new_path: str) -> str:
    # Only the file's name changes: whatever way the page reached its folder stays as it was.
    cut = min((i for i in (reference.find("?"), reference.find("#")) if i >= 0), default=len(reference))
    folder, slash, _ = reference[:cut].rpartition("/")
    return f"{folder}{slash}{posixpath.basename(new_path)}{reference[cut:]}"


def rewrite_references(html: str, *, page: str, renamed: Mapping[str, str], base: str) -> str:
    """The page with every `<link href>` and `<script src>` that names a renamed file pointed at
    its new name; of several `<link>`s renamed to one file (stylesheets joined into one), the first
    stays and the others go. Inline scripts and everything else are left byte for byte as they
    were, so the hashes of the page's Content-Security-Policy still hold."""
    linked: set[str] = set()

    def tag(match: re.Match[str]) -> str:
        found: list[str] = []

        def attribute(inner: re.Match[str]) -> str:
            quote = '"' if inner.group(2) is not None else "'"
            value = inner.group(2) if inner.group(2) is not None else inner.group(3)
            target = resolve(value, page=page, base=base)
            if target is None or target not in renamed:
                return inner.group(0)
            found.append(renamed[target])
            return f"{inner.group(1)}{quote}{_renamed_reference(value, renamed[target])}{quote}"

        rewritten = _ATTRIBUTE.sub(attribute, match.group(0))
        if found and match.group(0)[:5].lower() == "<link":
            if found[0] in linked:
                return ""
            linked.add(found[0])
        return rewritten

    return _TAG.sub(tag, html)


def stale_references(text: str, *, old_paths: Iterable[str]) -> list[str]:
    """The old names still written in a file's text, as a reference would write them (after a
    quote, a slash or a parenthesis): a script or stylesheet naming another would load nothing."""
    found = []
    for path in old_paths:
        name = posixpath.basename(path)
        # The plain search first: a regular expression over every page would take a second.
        if name in text and _reference_to(name).search(text):
            found.append(path)
    return found


@functools.cache
def _reference_to(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[\"'/(]){re.escape(name)}(?=[\"')?#]|\s|$)")
