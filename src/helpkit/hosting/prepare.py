"""Ready a built site for a campaign's traffic, once every page is written: what hooks/hosting.py
does after the build, and what a post-build step of another builder could do to the files it wrote.

1. Material's stylesheets, without the rules no page can use (helpkit.hosting.unused_css), and the
   site's own become one file: one request, and 12 KB less than Material's alone.
   The site's own stylesheets and scripts get content-hashed names, and every page names them so
   (helpkit.hosting.fingerprints).
2. For a site on the web (not the offline copy): `_headers` and `_nginx.conf`, the caching and
   security headers (helpkit.hosting.caching, helpkit.hosting.nginx), then .gz copies of the text
   files (helpkit.hosting.precompress). The offline copy is opened from a USB stick: no server
   reads either, and the copies would only double its text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from helpkit.hosting.caching import Rule, cache_rules, render_headers, rule_problems
from helpkit.hosting.fingerprints import hashed_name, rewrite_references, stale_references
from helpkit.hosting.nginx import NAME as NGINX_NAME
from helpkit.hosting.nginx import render_nginx
from helpkit.hosting.precompress import Compressed, precompress
from helpkit.hosting.unused_css import Names, unused_removed
from helpkit.problems import ProblemsError

HEADERS_NAME = "_headers"
# Every stylesheet of the site, in the order the pages loaded them, as one file.
STYLESHEET = "assets/stylesheets/style.css"
_MATERIAL_SHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
# Files whose text may name the site's own files: a reference left unrewritten would load nothing.
REFERRING = (".html", ".css", ".js")


@dataclass(frozen=True)
class Prepared:
    renamed: dict[str, str]  # old path -> hashed path, below the site's root
    rules: tuple[Rule, ...]
    compressed: tuple[Compressed, ...]


def material_stylesheets(site: Path) -> list[str]:
    """Material's two stylesheets in the built site, in the order its pages load them."""
    found = [sorted(site.glob(pattern)) for pattern in _MATERIAL_SHEETS]
    if any(len(paths) != 1 for paths in found):
        raise ProblemsError(
            "Material's stylesheets",
            [f"{site}: expected one file matching {' and one matching '.join(_MATERIAL_SHEETS)}"],
        )
    return [paths[0].relative_to(site).as_posix() for paths in found]


def join_stylesheets(site: Path, *, material: Sequence[str], own: Sequence[str]) -> dict[str, str]:
    """Material's stylesheets without their unused rules, then the site's own, written as one file
    (STYLESHEET) in place of them all; old path -> STYLESHEET, for fingerprint()."""
    names = Names()
    for path in site.rglob("*"):
        if path.suffix == ".html":
            names.add_html(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js" and path.is_file():
            names.add_script(path.read_text(encoding="utf-8"))
    missing = [sheet for sheet in [*material, *own] if not (site / sheet).is_file()]
    if missing:
        raise ProblemsError(
            "the site's stylesheets",
            [f"{sheet}: not in the built site ({site}): expected the file the pages load" for sheet in missing],
        )
    parts = [unused_removed((site / sheet).read_text(encoding="utf-8"), names) for sheet in material]
    parts += [(site / sheet).read_text(encoding="utf-8") for sheet in own]
    (site / STYLESHEET).write_text("\n".join(parts), encoding="utf-8")
    for sheet in [*material, *own]:
        (site / sheet).unlink()
        # Material's source maps describe the files that are gone.
        (site / f"{sheet}.map").unlink(missing_ok=True)
    return {sheet: STYLESHEET for sheet in [*material, *own]}


def fingerprint(
    site: Path, *, assets: Sequence[str], base: str, joined: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Rename each asset (a path below the site's root) to its content-hashed name, and point every
    page's `<link href>` and `<script src>` at it; a file `joined` into an asset is pointed at the
    asset's new name."""
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
    for old, into in (joined or {}).items():
        renamed[old] = renamed[into]
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


def prepare_site(
    site: Path, *, assets: Sequence[str], base: str, offline: bool, stylesheets: Sequence[str] = ()
) -> Prepared:
    """`stylesheets`: those of `assets` to join with Material's (the site's own, in page order)."""
    joined = join_stylesheets(site, material=material_stylesheets(site), own=stylesheets) if stylesheets else {}
    others = [asset for asset in assets if asset not in joined]
    renamed = fingerprint(site, assets=[*others, *([STYLESHEET] if joined else [])], base=base, joined=joined)
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
