"""How long browsers and caches may keep each file of the built site, in the `_headers` format
that Netlify and Cloudflare Pages read, with the security headers a `<meta>` tag cannot carry.

A file whose name carries a hash of its content is kept for a year without asking again
(`immutable`); everything else (pages, search indexes, the sitemap, the open data, images,
Material's unhashed lunr files) is asked for again on every use (`no-cache`), which costs a
`304 Not Modified` when nothing changed. A repeat visit then transfers revalidated HTML and nothing
else.

Both hosts apply every rule whose pattern matches a request, and Cloudflare Pages joins a header
set by two rules with a comma: `no-cache` on `/*` and `immutable` on `/assets/*` would give
`no-cache, public, max-age=31536000, immutable`, which browsers revalidate. So the security headers
go on `/*` alone, and the caching rules are made from the built files so that no two of them match
one file: `cache_rules` groups a folder whose files all behave alike under one `/folder/*`, and
names files one by one only in a folder that mixes both. `rule_problems` checks the result against
both hosts' ways of matching.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# What README.md ("Privacy and security") lists and docs/_headers held: every path, every host.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Strict-Transport-Security", "max-age=31536000"),
)

# A name that changes with its content: Material's (bundle.a5f9d56c.min.js and its .map,
# main.57a0d79d.min.css), the search worker's (workers/search.22f5cb25.min.js) and the site's own
# (site.3f2a9c41.css, helpkit.hosting.fingerprints). Only below assets/, where the build puts them.
HASHED = re.compile(r"^assets/(?:[^/]+/)*[^/]+\.[0-9a-f]{8}(?:\.min)?\.(?:css|js)(?:\.map)?$")
# Pre-compressed copies behave as the file they copy.
COPY_SUFFIXES = (".gz", ".br")

# Cloudflare Pages: "A project is limited to 100 header rules" (its documentation, "Headers").
MAX_RULES = 100


@dataclass(frozen=True)
class Rule:
    pattern: str  # as written in _headers: /assets/stylesheets/*, /index.html*, /
    cache_control: str


def original(path: str) -> str:
    """The file a pre-compressed copy copies ('index.html.gz' -> 'index.html')."""
    for suffix in COPY_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def is_hashed(path: str) -> bool:
    """Whether a file's name (below the site's root) changes whenever its content does."""
    return HASHED.match(original(path)) is not None


def cache_control(path: str) -> str:
    return IMMUTABLE if is_hashed(path) else REVALIDATE


def _group_key(name: str) -> str:
    # bundle.a5f9d56c.min.js.map.gz -> bundle.a5f9d56c.min.js: a file, its map and their copies.
    key = original(name)
    return key.removesuffix(".map") if key.endswith(".map") else key


def _file_rules(folder: str, names: Sequence[str]) -> list[Rule]:
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(_group_key(name), []).append(name)
    rules = []
    for key, members in groups.items():
        values = {cache_control(folder + name) for name in members}
        if len(values) == 1 and members != [key]:
            rules.append(Rule(f"/{folder}{key}*", values.pop()))
        else:
            rules.extend(Rule(f"/{folder}{name}", cache_control(folder + name)) for name in members)
        if key == "index.html":
            # The address readers ask for: /fr/, or / for the site's root.
            rules.append(Rule(f"/{folder}", cache_control(folder + key)))
    return rules


def _reaches_others(pattern: str, value: str, folder: str, everything: Sequence[str]) -> bool:
    # Netlify's /as/* also matches /assets/...: a folder named like the start of another is only
    # grouped when every file it reaches outside itself is cached the same way.
    return any(
        not path.startswith(folder) and cache_control(path) != value and netlify_matches(pattern, asked)
        for path in everything
        for asked in request_paths(path)
    )


def _folder_rules(folder: str, paths: Sequence[str], everything: Sequence[str]) -> list[Rule]:
    values = {cache_control(path) for path in paths}
    if folder and len(values) == 1:
        value = values.pop()
        if not _reaches_others(f"/{folder}*", value, folder, everything):
            return [Rule(f"/{folder}*", value)]
    direct: list[str] = []
    children: dict[str, list[str]] = {}
    for path in paths:
        inside = path[len(folder) :]
        if "/" in inside:
            children.setdefault(inside.split("/", 1)[0], []).append(path)
        else:
            direct.append(inside)
    rules: list[Rule] = []
    for child in sorted(children):
        rules.extend(_folder_rules(f"{folder}{child}/", children[child], everything))
    return rules + _file_rules(folder, direct)


def cache_rules(files: Iterable[str]) -> list[Rule]:
    """Caching rules for these files (paths below the site's root), no two matching one file."""
    everything = sorted(set(files))
    return _folder_rules("", everything, everything)


def request_paths(path: str) -> list[str]:
    """The addresses a file is asked for by: '/fr/index.html' and '/fr/' for a folder's page."""
    asked = [f"/{path}"]
    if path == "index.html" or path.endswith("/index.html"):
        asked.append("/" + path.removesuffix("index.html"))
    return asked


@functools.cache
def _cloudflare(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


def cloudflare_matches(pattern: str, path: str) -> bool:
    """Cloudflare Pages: the whole path; a splat (*) matches any characters, slashes included."""
    return _cloudflare(pattern).fullmatch(path) is not None


def _netlify_segment(part: str) -> str:
    if part.startswith(":"):
        return "([^/]+)"
    if part == "*":
        return "?(.*)"
    if "*" in part:
        return part.replace("*", "(.*)")
    return re.escape(part)


@functools.cache
def _netlify(pattern: str) -> re.Pattern[str]:
    parts = [part.rstrip() for part in pattern.split("/") if part.rstrip()]
    return re.compile("^/" + "/".join(_netlify_segment(part) for part in parts) + "/?$", re.IGNORECASE)


def netlify_matches(pattern: str, path: str) -> bool:
    """Netlify, as its headers parser builds the expression (netlify/build, headers-parser's
    for_regexp.ts): a standalone `*` segment makes its slash optional, so `/data/*` also matches
    `/data` and `/database`; matching ignores case."""
    return _netlify(pattern).search(path) is not None


HOSTS = (("Cloudflare Pages", cloudflare_matches), ("Netlify", netlify_matches))


def rule_problems(rules: Sequence[Rule], files: Iterable[str]) -> list[str]:
    """Every file (by every address it is asked for) that does not get its one Cache-Control value:
    on Cloudflare Pages it must fall under exactly one rule; on Netlify, whose `/fr/*` also matches
    `/friends/`, every rule it falls under must give the same value (joined or overridden, two
    `no-cache` are still `no-cache`). And too many rules for Cloudflare Pages."""
    problems = []
    if len(rules) + 1 > MAX_RULES:  # and the security headers' /*
        problems.append(f"_headers: {len(rules) + 1} rules: Cloudflare Pages reads at most {MAX_RULES}")
    for path in sorted(set(files)):
        expected = cache_control(path)
        for asked in request_paths(path):
            for host, matches in HOSTS:
                found = [rule for rule in rules if matches(rule.pattern, asked)]
                shown = ", ".join(f"{rule.pattern} ({rule.cache_control})" for rule in found) or "none"
                if not found or (host == "Cloudflare Pages" and len(found) > 1):
                    problems.append(f"{path}: {asked} matches {len(found)} caching rules on {host}: {shown}")
                elif {rule.cache_control for rule in found} != {expected}:
                    problems.append(f"{path}: {asked} would be sent {shown} on {host}: expected {expected}")
    return problems


def render_headers(rules: Sequence[Rule]) -> str:
    """The `_headers` file: the security headers on every path, then one block per caching rule."""
    lines = [
        "# Written by the build (src/helpkit/hosting/caching.py): do not edit, it is made anew every time.",
        "# HTTP headers for hosts that read this file (Netlify, Cloudflare Pages). Every page also carries",
        "# its Content-Security-Policy and referrer policy in <meta> tags; these add what <meta> cannot.",
        "/*",
        *(f"  {name}: {value}" for name, value in SECURITY_HEADERS),
        "",
        "# Names that carry a hash of their content: a new version is a new name, kept for a year.",
    ]
    immutable = [rule for rule in rules if rule.cache_control == IMMUTABLE]
    revalidated = [rule for rule in rules if rule.cache_control != IMMUTABLE]
    for rule in immutable:
        lines += [rule.pattern, f"  Cache-Control: {rule.cache_control}"]
    lines += ["", "# Everything else is asked for again on every use: 304 Not Modified when unchanged."]
    for rule in revalidated:
        lines += [rule.pattern, f"  Cache-Control: {rule.cache_control}"]
    return "\n".join(lines) + "\n"
