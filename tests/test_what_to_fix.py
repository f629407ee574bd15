"""What a failed workflow run tells its reader (helpkit.what_to_fix), from logs as the build and
pytest write them, and from a real failed build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from helpkit.what_to_fix import PUBLISHED_UNCHANGED, build_messages, failed_tests, what_to_fix

BUILD_LOG = """\
".venv/bin/helpkit" publish site "site" -- ".venv/bin/mkdocs" build --strict --site-dir '{}'
INFO    -  Cleaning site directory
ERROR   -  2 problems in data/reporting-channels.csv:
data/reporting-channels.csv: row 7, column website: 'htps://x.example/': expected an https:// address
data/reporting-channels.csv: row 9, column phone: '12a': expected a phone number

Aborted with a BuildError!
error: the build failed (exit status 1); site/ is unchanged
make: *** [Makefile:52: site] Error 1
"""

TEST_LOG = """\
tests/test_build.py ....F
=========================== short test summary info ============================
FAILED tests/test_build.py::test_every_page_exists[fr-index.md] - AssertionError: fr/index.html
ERROR tests/test_print.py::test_help - RuntimeError: Chromium did not start
1 failed, 1 error, 300 passed in 80.0s
"""


def test_the_builds_messages_come_out_whole_with_helpkits_last_word() -> None:
    assert build_messages(BUILD_LOG) == [
        "2 problems in data/reporting-channels.csv:\n"
        "data/reporting-channels.csv: row 7, column website: 'htps://x.example/': expected an https:// address\n"
        "data/reporting-channels.csv: row 9, column phone: '12a': expected a phone number",
        "error: the build failed (exit status 1); site/ is unchanged",
    ]


def test_strict_warnings_are_messages_too() -> None:
    log = "WARNING -  Doc file 'fr/friends.md' contains a link 'nope.md', but the target is not found.\n"
    log += "Aborted with 1 warnings in strict mode!\n"
    assert build_messages(log) == ["Doc file 'fr/friends.md' contains a link 'nope.md', but the target is not found."]


def test_failed_tests_are_named_with_their_message() -> None:
    assert failed_tests(TEST_LOG) == [
        "tests/test_build.py::test_every_page_exists[fr-index.md]: AssertionError: fr/index.html",
        "tests/test_print.py::test_help: RuntimeError: Chromium did not start",
    ]


def test_the_page_says_what_stopped_what_to_fix_and_that_nothing_was_published() -> None:
    page = what_to_fix([("build.log", BUILD_LOG), ("test.log", "")])
    assert page.startswith("## The site was not published\n")
    assert "### build.log: what to fix" in page and "open that file, choose Edit" in page
    assert "row 7, column website: 'htps://x.example/'" in page
    assert "test.log" not in page
    assert page.rstrip().endswith(PUBLISHED_UNCHANGED)
    tests = what_to_fix([("test.log", TEST_LOG)])
    assert "### test.log: a test failed" in tests and "test_every_page_exists[fr-index.md]" in tests


def test_a_log_without_messages_shows_its_end() -> None:
    log = "\n".join(f"line {n}" for n in range(100)) + "\nmake: *** [Makefile:40: .venv/.runtime-installed] Error 1\n"
    page = what_to_fix([("build.log", log)])
    assert "### build.log: the end of its log" in page
    assert "line 99" in page and "line 70" not in page


def test_backticks_in_a_message_cannot_close_the_block() -> None:
    page = what_to_fix([("build.log", "ERROR   -  a value with ``` in it\n")])
    assert "````text\na value with ``` in it\n````" in page


@pytest.mark.usefixtures("builds")
def test_a_real_failed_build_is_summed_up(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        "\n".join(
            '  brand_colour: "#88ccff"' if line.startswith("  brand_colour:") else line for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SITE_FOR_PUBLICATION")}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**environ, "SITE_LANGUAGES": "en", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode != 0
    (tmp_path / "build.log").write_text(build.stdout + build.stderr, encoding="utf-8")
    summary = subprocess.run(
        [sys.executable, "-m", "helpkit", "what-to-fix", str(tmp_path / "build.log"), str(tmp_path / "test.log")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "### build.log: what to fix" in summary.stdout
    assert "mkdocs.yml: extra.brand_colour: '#88ccff': white text on this colour has a contrast" in summary.stdout
