"""Finishing one built page, without MkDocs: what hooks/finish_page.py does to every page, and what
a post-build step of another builder could do to the files it wrote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from helpkit.i18n.strings import Strings
from helpkit.page.csp import add_security_meta, inline_script_hashes
from helpkit.page.edits import insert_after_body_open, set_html_direction, set_search
from helpkit.page.material_fixes import repair
from helpkit.page.quickexit import render_quick_exit
from helpkit.page.scan import page_problems, protect_external_links, scan


@dataclass(frozen=True)
class Finished:
    html: str
    # What the page runs, embeds or loads that the theme did not write; the build refuses these.
    problems: tuple[str, ...]


def site_origin(site_url: str) -> str:
    """'https://help.example' for the site's own address, '' without one."""
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def finish_page(
    html: str,
    *,
    quick_exit_url: str,
    strings: Strings,
    language_folder: str,
    search_worker: str,
    own_scripts: Sequence[re.Pattern[str]],
    own_origin: str = "",
    offline: bool = False,
) -> Finished:
    """The quick exit first in <body>, the direction on <html>, Material's repairs, search pointed
    at the language's own index, outbound links protected, and the policy that hashes the theme's
    own inline scripts; with every problem the page's HTML has."""
    bar = render_quick_exit(target=quick_exit_url, strings=strings)
    html = set_html_direction(insert_after_body_open(repair(html), bar))
    html = set_search(html, folder=language_folder, worker=search_worker)
    found = scan(html)
    problems = page_problems(found, own_scripts=own_scripts, own_origin=own_origin)
    html = protect_external_links(html, found, own_origin=own_origin)
    return Finished(add_security_meta(html, inline_script_hashes(found), offline=offline), tuple(problems))
