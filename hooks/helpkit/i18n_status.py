"""`make i18n-status`: per language, the pages that are missing, outdated or not yet reviewed.

python -m helpkit.i18n_status                 # report
python -m helpkit.i18n_status --stamp de PAGE  # after updating a translation: record its source
python -m helpkit.i18n_status --stamp de PAGE --reviewed   # a native speaker has checked it
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from helpkit.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    SOURCE_LANGUAGE,
    UNREVIEWED,
    source_pages,
    stamp,
    translation_status,
)

ROOT = Path(__file__).resolve().parent.parent.parent


def configured_languages(config_file: Path) -> list[str]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [language["locale"] for language in plugin["i18n"]["languages"]]
    return [SOURCE_LANGUAGE]


def report(docs: Path, languages: list[str]) -> str:
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
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make i18n-status",
        description="List, per language, the translated pages that are missing, outdated (their "
        "English source changed since they were translated) or not yet reviewed by a native speaker.",
    )
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml to read languages from")
    parser.add_argument(
        "--stamp",
        nargs="+",
        metavar=("LANG", "PAGE"),
        help="record that LANG's PAGEs (paths below docs/LANG/, or all) translate the current English",
    )
    parser.add_argument("--reviewed", action="store_true", help="with --stamp: a native speaker reviewed them")
    args = parser.parse_args(argv)

    if args.stamp:
        language, *pages = args.stamp
        for page in pages or source_pages(args.docs):
            target = args.docs / language / page
            if not target.is_file():
                print(f"error: {target}: no such translated page", file=sys.stderr)
                return 1
            # A re-stamped translation needs a new review unless the reviewer says so.
            source = (args.docs / SOURCE_LANGUAGE / page).read_text(encoding="utf-8")
            text = stamp(target.read_text(encoding="utf-8"), source, reviewed=args.reviewed)
            target.write_text(text, encoding="utf-8")
            print(f"stamped docs/{language}/{page}{' (reviewed)' if args.reviewed else ''}")
        return 0
    print(report(args.docs, configured_languages(args.config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
