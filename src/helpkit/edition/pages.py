"""An edition's own pages: `edition/pages/<lang>/<name>.md`, placed in the kit's navigation.

A country has things to say that have no place in the kit's pages (its own services, a campaign,
the law at length). The edition writes them as pages of its own and places each one with two lines
of edition/settings.yml:

    pages:
      - file: help-in-poland.md
        after: threatened/report-to-police.md

The page is published at the site's root in every language (`/help-in-poland/`, `/en/help-in-poland/`),
with its title in the navigation after the kit's page. The kit's mkdocs.yml and docs/ are not touched,
so merging the kit's next version into an edition cannot conflict with its pages.

Pure: paths and settings in, pages and navigation out; every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpkit.edition.blocks import markdown_files, read_markdown
from helpkit.edition.settings import EDITION_SETTINGS, LocalPage
from helpkit.problems import ProblemsError

# A title for the navigation and the tab: front matter's `title:` or the page's first heading.
_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*\S.*\n(?:.*\n)*?---\n|^#[ \t]+\S", re.MULTILINE)


@dataclass(frozen=True)
class LocalPages:
    # Language -> file name -> Markdown.
    texts: Mapping[str, Mapping[str, str]]
    nav: list[Any]


def nav_paths(nav: Iterable[Any]) -> list[str]:
    """Every page path the navigation names, in order (mkdocs.yml `nav:`)."""
    paths: list[str] = []
    for entry in nav:
        if isinstance(entry, str):
            paths.append(entry)
        elif isinstance(entry, Mapping):
            for value in entry.values():
                paths.extend(nav_paths(value) if isinstance(value, list) else [str(value)])
    return paths


def _placed(nav: list[Any], after: str, file: str) -> tuple[list[Any], bool]:
    """`nav` with `file` right after the entry for `after`, in the same section; whether it was found."""
    placed: list[Any] = []
    found = False
    for entry in nav:
        if found:
            placed.append(entry)
            continue
        if isinstance(entry, Mapping):
            section = {}
            for title, value in entry.items():
                if isinstance(value, list) and not found:
                    value, found = _placed(value, after, file)
                section[title] = value
            entry = section
        placed.append(entry)
        if not found and (entry == after or (isinstance(entry, Mapping) and list(entry.values()) == [after])):
            placed.append(file)
            found = True
    return placed, found


def read_pages(
    folder: Path,
    *,
    pages: Sequence[LocalPage],
    languages: Sequence[str],
    configured: Sequence[str],
    nav: list[Any],
    reserved: Iterable[str],
) -> LocalPages:
    """The pages under `folder` (edition/pages/) for the `languages` built, and `nav` with each placed.

    ProblemsError lists at once: a page placed but missing in a built language, a file no setting
    places, a name the kit's own pages or folders take, an `after` the navigation does not have,
    a file that is empty, untitled or not UTF-8, a folder that is not a configured language.
    """
    problems: list[str] = []
    named = {page.file for page in pages}
    taken = set(reserved)
    paths = nav_paths(nav)
    for index, page in enumerate(pages):
        where = f"{EDITION_SETTINGS}: pages[{index}]"
        if page.file.removesuffix(".md") in taken:
            problems.append(
                f"{where}: file: {page.file!r}: the kit has a page or folder of that name: expected another name"
            )
        if page.after not in paths:
            problems.append(
                f"{where}: after: {page.after!r}: not a page of the navigation (mkdocs.yml nav): expected one of "
                f"{', '.join(nav_paths(nav))}, or a page placed above"
            )
        paths.append(page.file)
    texts: dict[str, dict[str, str]] = {language: {} for language in languages}
    broken: set[str] = set()
    for path, language, name in markdown_files(folder, what="a page as <language>/<name>.md", problems=problems):
        if language not in configured:
            problems.append(
                f"{path}: {language!r} is not a language of the kit: expected one of {', '.join(configured)}"
            )
            continue
        if name not in named:
            problems.append(
                f"{path}: not placed in the navigation: add `- file: {name}` and `after:` the kit's page it "
                f"follows under `pages:` in {EDITION_SETTINGS}, or delete the file"
            )
            continue
        if language not in texts:
            continue  # a language this build leaves out
        text, problem = read_markdown(path)
        if problem is None and not _TITLE.search(text):
            problem = f"{path}: no title: expected a first line such as `# Help in your country`"
        if problem:
            problems.append(problem)
            broken.add(name)
            continue
        texts[language][name] = text
    for page in pages:
        missing = [language for language in languages if page.file not in texts[language]]
        if missing and page.file not in broken:
            problems.append(
                f"{folder}/{missing[0]}/{page.file}: missing: {EDITION_SETTINGS} places {page.file!r} in the "
                f"navigation, so it is expected in every language built, and {', '.join(missing)} "
                f"{'lacks' if len(missing) == 1 else 'lack'} it"
            )
    if problems:
        raise ProblemsError("the edition's pages", problems)
    placed = list(nav)
    for page in pages:
        placed, _ = _placed(placed, page.after, page.file)
    return LocalPages(texts=texts, nav=placed)
