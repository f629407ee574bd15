"""What a failed workflow run tells the person who edited the edition on the web: the build's own
messages (file, row, value, what was expected), lifted out of the log onto the run's summary page.

The build already says what is wrong in plain words; in a log of several hundred lines it is hard
to find. The workflows keep the log of `make publish` and of `make test`, and when either fails,
`helpkit what-to-fix build.log test.log >> "$GITHUB_STEP_SUMMARY"` writes a short page in
Markdown: what stopped, the messages, and that the site online is unchanged.

    helpkit what-to-fix LOG [LOG ...]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

# MkDocs' log lines: "ERROR   -  text", "WARNING -  text"; a message may run over several lines.
_LEVEL = re.compile(r"^(ERROR|WARNING|INFO|DEBUG)\s+-\s+(.*)$")
# helpkit's own last word ("error: the build failed (exit status 1); site/ is unchanged").
_HELPKIT = re.compile(r"^error: (.*)$")
# pytest's short summary: "FAILED tests/test_x.py::test_y - AssertionError: ..."
_PYTEST = re.compile(r"^(FAILED|ERROR) (tests/\S+)(?: - (.*))?$")
# What closes a build's messages: the end of the build or of make.
_END = ("Aborted with", "make: ***", "make[")
# Lines of context shown when a log holds none of the messages above (make could not even install).
TAIL = 25

PUBLISHED_UNCHANGED = (
    "Nothing was published: readers still see the last version that passed every check. "
    "When you commit the fix, the workflow runs again by itself."
)
BUILD_HELP = (
    "The build stopped. Each message names the file (and the row, the setting or the page), what "
    "it holds and what was expected. On GitHub or GitLab, open that file, choose Edit (the pencil), "
    "change it and commit."
)
TEST_HELP = (
    "The site built, but a test failed. If you changed only `mkdocs.yml`, `data/`, `docs/` or your "
    "logo, the test's name and message say which page or row; otherwise ask whoever looks after the "
    "code of your copy, and give them the link to this run."
)


def build_messages(log: str) -> list[str]:
    """The build's error and warning messages, each with the lines that continue it."""
    messages: list[list[str]] = []
    continued = False  # whether the lines that follow belong to the last message
    for line in log.splitlines():
        level = _LEVEL.match(line)
        if level:
            continued = level.group(1) in ("ERROR", "WARNING")
            if continued:
                messages.append([level.group(2).rstrip()])
        elif _HELPKIT.match(line):
            continued = False
            messages.append([line.rstrip()])
        elif line.startswith(_END):
            continued = False
        elif continued and line.strip():
            messages[-1].append(line.rstrip())
    return ["\n".join(message) for message in messages]


def failed_tests(log: str) -> list[str]:
    """pytest's one line per failed test: the test and its message."""
    found = []
    for line in log.splitlines():
        match = _PYTEST.match(line.strip())
        if match:
            found.append(f"{match.group(2)}: {match.group(3)}" if match.group(3) else match.group(2))
    return found


def _block(lines: Sequence[str]) -> str:
    # A fence longer than any run of backticks in the messages, so that none can close it.
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n" + "\n".join(lines) + f"\n{fence}"


def what_to_fix(logs: Sequence[tuple[str, str]]) -> str:
    """The summary page, in Markdown, from (name, text) of each log kept."""
    parts = ["## The site was not published", ""]
    said = False
    for name, text in logs:
        failures = failed_tests(text)
        messages = [] if failures else build_messages(text)
        if messages:
            parts += [f"### {name}: what to fix", "", BUILD_HELP, "", _block(messages), ""]
            said = True
        elif failures:
            parts += [f"### {name}: a test failed", "", TEST_HELP, "", _block(failures), ""]
            said = True
    if not said:
        for name, text in logs:
            tail = [line.rstrip() for line in text.splitlines() if line.strip()][-TAIL:]
            if tail:
                parts += [f"### {name}: the end of its log", "", _block(tail), ""]
    parts.append(PUBLISHED_UNCHANGED)
    return "\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpkit what-to-fix",
        description="Write, in Markdown, what a failed build or test run says to fix, taken from its logs "
        "(for a workflow's summary page). Logs that do not exist are passed over.",
    )
    parser.add_argument("logs", nargs="+", type=Path, metavar="LOG", help="the output of make publish, make test")
    args = parser.parse_args(argv)
    logs = [(path.name, path.read_text(encoding="utf-8", errors="replace")) for path in args.logs if path.is_file()]
    print(what_to_fix(logs), end="")
    return 0
