"""Ready a built site for a campaign's traffic, once every page is written: what hooks/hosting.py
does after the build, and what a post-build step of another builder could do to the files it wrote.

1. The site's own stylesheets and scripts get content-hashed names, and every page names them so
   (helpkit.hosting.fingerprints).
2. For a site on the web (not the offline copy): `_headers` and `_nginx.conf`, the caching and
   security headers (helpkit.hosting.caching, helpkit.hosting.nginx), then .gz copies of the text
   files (helpkit.hosting.precompress). The offline copy is opened from a USB stick: no server
   reads either, and the copies would only double its text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpkit.hosting.caching import Rule, cache_rules, render_headers, rule_problems
from helpkit.hosting.fingerprints import hashed_name, rewrite_references, stale_references
from helpkit.hosting.nginx import NAME as NGINX_NAME
from helpkit.hosting.nginx import render_nginx
from helpkit.hosting.precompress import Compressed, precompress
from helpkit.problems import ProblemsError

HEADERS_NAME = "_headers"
# Files whose text may name the site's own files: a reference left unrewritten would load nothing.
REFERRING = (".html", ".css", ".js")


@dataclass(frozen=True)
class Prepared:
    renamed: dict[str, str]  # old path -> hashed path, below the site's root
    rules: tuple[Rule, ...]
    compressed: tuple[Compressed, ...]


def fingerprint(site: Path, *, assets: Sequence[str], base: str) -> dict[str, str]:
    """Rename each asset (a path below the site's root) to its content-hashed name, and point every
    page's `<link href>` and `<script src>` at it."""
    renamed: dict[str, str] = {}
    missing = [asset for asset in assets if not (site / asset).is_file()]
    if missing:
        raise ProblemsError(
            "the site's own stylesheets and scripts",
            [
                f"{asset}: not in the built site ({site}): expected the file mkdocs.yml or the theme loads"
                for asset in missing
            ],
        )
    for asset in dict.fromkeys(assets):
        new = hashed_name(asset, (site / asset).read_bytes())
        os.replace(site / asset, site / new)
        renamed[asset] = new
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in REFERRING or not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        text = path.read_bytes().decode("utf-8")
        if path.suffix == ".html":
            rewritten = rewrite_references(text, page=relative, renamed=renamed, base=base)
            if rewritten != text:
                path.write_bytes(rewritten.encode("utf-8"))
                text = rewritten
        problems += [
            f"{relative}: still names {old} (now {renamed[old]}): only <link href> and <script src> of "
            "pages are rewritten; a stylesheet or script must not name another"
            for old in stale_references(text, old_paths=renamed)
        ]
    if problems:
        raise ProblemsError("the references to the site's own stylesheets and scripts", problems)
    return renamed


def files_of(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def prepare_site(site: Path, *, assets: Sequence[str], base: str, offline: bool) -> Prepared:
    renamed = fingerprint(site, assets=assets, base=base)
    if offline:
        return Prepared(renamed=renamed, rules=(), compressed=())
    compressed = precompress(site)
    # The rules are made from the files as they will be served, these two included.
    files = sorted({*files_of(site), HEADERS_NAME, NGINX_NAME})
    rules = cache_rules(files)
    problems = rule_problems(rules, files)
    if problems:
        raise ProblemsError(f"the caching rules of {HEADERS_NAME}", problems)
    (site / HEADERS_NAME).write_text(render_headers(rules), encoding="utf-8")
    (site / NGINX_NAME).write_text(render_nginx(base=base, hidden=(HEADERS_NAME, NGINX_NAME)), encoding="utf-8")
    return Prepared(renamed=renamed, rules=tuple(rules), compressed=tuple(compressed))
