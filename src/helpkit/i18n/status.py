"""Per language, the pages that are missing, outdated or not yet reviewed, and whether its glossary
of key terms holds (helpkit.i18n.glossary); and recording them.

helpkit i18n status                      # report (make i18n-status)
helpkit i18n stamp de PAGE               # after updating a translation: record its English source
helpkit i18n stamp de PAGE --reviewed    # a native speaker has checked it
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from helpkit.i18n.glossary import TERMS, glossary_problems
from helpkit.i18n.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    SOURCE_LANGUAGE,
    UNREVIEWED,
    source_pages,
    stamp,
    translation_status,
)
from helpkit.project import ProjectError, add_config_file, read_project


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpkit i18n status",
        description="List, per language, the translated pages that are missing, outdated (their "
        "English source changed since they were translated) or not yet reviewed by a native speaker.",
    )
    add_config_file(parser)
    args = parser.parse_args(argv)
    try:
        project = read_project(args.config_file)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report(project.docs, list(project.languages), glossaries=project.data / "glossary"))
    return 0


def stamp_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpkit i18n stamp",
        description="Record that a language's pages translate the current English source; with "
        "--reviewed, that a native speaker has checked them. A re-stamped page needs a new review "
        "unless --reviewed is given again.",
    )
    parser.add_argument("language", metavar="LANG", help="the language's code, as in docs/LANG/")
    parser.add_argument("pages", nargs="*", metavar="PAGE", help="paths below docs/LANG/ (default: every page)")
    parser.add_argument("--reviewed", action="store_true", help="a native speaker reviewed these pages")
    add_config_file(parser)
    args = parser.parse_args(argv)
    try:
        docs = read_project(args.config_file).docs
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for page in args.pages or source_pages(docs):
        target = docs / args.language / page
        if not target.is_file():
            print(f"error: {target}: no such translated page", file=sys.stderr)
            return 1
        source = (docs / SOURCE_LANGUAGE / page).read_text(encoding="utf-8")
        target.write_text(stamp(target.read_text(encoding="utf-8"), source, reviewed=args.reviewed), encoding="utf-8")
        print(f"stamped docs/{args.language}/{page}{' (reviewed)' if args.reviewed else ''}")
    return 0


def report(docs: Path, languages: list[str], *, glossaries: Path | None = None) -> str:
    by_language: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for status in translation_status(docs, languages):
        by_language[status.language][status.state].append(status.page)
    lines = []
    total = len(source_pages(docs))
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        states = by_language[language]
        lines.append(
            f"{language}: {len(states[CURRENT])}/{total} current, {len(states[UNREVIEWED])} unreviewed, "
            f"{len(states[OUTDATED])} outdated, {len(states[MISSING])} missing"
        )
        for state in (MISSING, OUTDATED, UNREVIEWED):
            for page in states[state]:
                lines.append(f"  {state:<10} docs/{language}/{page}")
        if glossaries is not None:
            problems = glossary_problems(glossaries, docs, language)
            lines += [f"  glossary   {problem}" for problem in problems] or [
                f"  glossary   {len(TERMS)} key terms, each used in the pages"
            ]
    return "\n".join(lines)
