"""An edition's own words at the points the kit's pages leave for them.

A page of the kit declares a point with a line of its own, in every language:

    <!-- edition: after-you-report -->

and an edition that has something to say there (what its police do after a report, its law, its
own removal services, who publishes the site) writes it in Markdown in
`edition/blocks/<lang>/<point>.md`. The build puts the block in place of the line, or drops the
line when the edition has no block for it; the kit's pages are never edited, so merging the kit's
next version into an edition touches none of the edition's files.

Pure: text in, text out. `read_blocks` checks every block at once: a file whose point no page of
its language declares, or whose language mkdocs.yml does not build, stops the build, naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from helpkit.problems import ProblemsError

_MARKER = r"^<!-- edition: ([a-z0-9]+(?:-[a-z0-9]+)*) -->[ \t]*"
MARKER = re.compile(_MARKER + "$", re.MULTILINE)
# A marker line and the blank line after it, so that a page without the block reads as before.
_MARKER_LINE = re.compile(_MARKER + r"\n(?:[ \t]*\n)?", re.MULTILINE)


def points_in(markdown: str) -> list[str]:
    """The points a page declares, in order."""
    return MARKER.findall(markdown)


def without_markers(markdown: str) -> str:
    """The page as readers and translators see it: markers are not text (a translation of a page
    does not go out of date because a point was added to its English source)."""
    return _MARKER_LINE.sub("", markdown)


def fill(markdown: str, blocks: Mapping[str, str]) -> str:
    """The page with each declared point replaced by its block (point -> Markdown), or by nothing."""

    def block(match: re.Match[str]) -> str:
        text = blocks.get(match.group(1), "").strip()
        return f"{text}\n\n" if text else ""

    return _MARKER_LINE.sub(block, markdown)


def declared_points(docs: Path, languages: Iterable[str]) -> dict[str, set[str]]:
    """Per language, every point its pages under docs/<lang>/ declare."""
    return {
        language: {point for page in sorted((docs / language).rglob("*.md")) for point in points_in(_read(page))}
        for language in languages
    }


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def markdown_files(folder: Path, *, what: str, problems: list[str]) -> Iterator[tuple[Path, str, str]]:
    """Each `<language>/<name>.md` below `folder`, as (path, language, name); any other file is a
    problem, named with `what` the folder holds ("a block as <language>/<point>.md")."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        relative = path.relative_to(folder)
        if len(relative.parts) != 2 or path.suffix != ".md":
            problems.append(f"{path}: expected {what} in {folder}/")
            continue
        yield path, relative.parts[0], relative.parts[1]


def read_markdown(path: Path) -> tuple[str, str | None]:
    """An edition's Markdown file, or what is wrong with it: not UTF-8, or empty."""
    try:
        text = _read(path)
    except UnicodeDecodeError as error:
        return "", f"{path}: byte {error.start}: not UTF-8: expected a file saved as UTF-8"
    if not text.strip():
        return "", f"{path}: empty: write its text, or delete the file"
    return text, None


def read_blocks(folder: Path, *, points: Mapping[str, set[str]]) -> dict[str, dict[str, str]]:
    """The blocks under `folder` (edition/blocks/), language -> point -> Markdown, checked against
    the points each language's pages declare (`points`, for every language mkdocs.yml builds).

    Raises ProblemsError listing every block that names an unknown point or language, is not UTF-8,
    is empty, or lies outside <lang>/<point>.md.
    """
    problems: list[str] = []
    found: dict[str, dict[str, str]] = {}
    languages = ", ".join(sorted(points)) or "none"
    for path, language, name in markdown_files(folder, what="a block as <language>/<point>.md", problems=problems):
        point = name.removesuffix(".md")
        if language not in points:
            problems.append(f"{path}: language {language!r} is not built: expected one of {languages}")
            continue
        if point not in points[language]:
            known = ", ".join(sorted(points[language])) or "none"
            problems.append(
                f"{path}: point {point!r} is not declared by any page in docs/{language}/: expected one of {known}"
            )
            continue
        text, problem = read_markdown(path)
        if problem:
            problems.append(problem)
            continue
        found.setdefault(language, {})[point] = text
    if problems:
        raise ProblemsError("the edition's text blocks", problems)
    return found
