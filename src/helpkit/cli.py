"""The `helpkit` command: what editors, translators and the Makefile run outside the MkDocs build.

Each subcommand is a module's `main(argv)`, imported only when it is run, so that `helpkit
check-data` works in the environment `make site` makes, without the print extra's packages.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# name: (module, function, one line for `helpkit --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check-data": ("helpkit.directory.check_data", "main", "check the reporting-channel CSV and summarise it"),
    "i18n status": ("helpkit.i18n.status", "main", "per language: pages missing, outdated or not reviewed"),
    "i18n stamp": ("helpkit.i18n.status", "stamp_main", "record a translation's English source (and its review)"),
    "print": ("helpkit.print.make", "main", "PDF booklets, leaflet, poster and checklist per language"),
    "publish": ("helpkit.publish", "main", "run a build into a fresh folder and swap it in atomically"),
    "what-to-fix": ("helpkit.what_to_fix", "main", "what a failed build or test log says to fix, in Markdown"),
}

USAGE = """\
usage: helpkit COMMAND [ARGUMENTS]

The Sextortion Help Kit's command. `helpkit COMMAND --help` says what a command takes.

commands:
{commands}

exit status: 0 done; 1 problems found (every one is listed), or the work could not be done and
nothing was changed; 2 the command was called wrongly; 130 interrupted, nothing changed.
"""


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name:<{width}}  {summary}" for name, (_, _, summary) in COMMANDS.items()]
    return USAGE.format(commands="\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(usage(), file=sys.stdout if args else sys.stderr)
        return 0 if args else 2
    name = " ".join(args[:2]) if args[0] == "i18n" else args[0]
    if name not in COMMANDS:
        print(f"helpkit: {' '.join(args[:2])!r} is not a command\n\n{usage()}", file=sys.stderr)
        return 2
    module, function, _ = COMMANDS[name]
    try:
        run = getattr(importlib.import_module(module), function)
    except ImportError as error:
        print(
            f"helpkit {name}: {error.name or error} is not installed: `make print` or `make test` "
            "install what this command needs",
            file=sys.stderr,
        )
        return 1
    return int(run(args[len(name.split()) :]))
