"""Shared fixtures: real builds of the site into temporary folders, a local web server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import yaml

from helpkit.chromium import CHROMIUM_ARGS
from helpkit.chromium import chromium_path as find_chromium
from helpkit.print.make import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent


def _configured_languages() -> tuple[str, ...]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return tuple(language["locale"] for language in i18n["languages"])


# Every language mkdocs.yml builds, the default (English) first.
LANGUAGES = _configured_languages()
# Where the quick exit goes in test builds: a real https address that the browser tests answer
# themselves, so no request ever leaves the machine.
NEUTRAL_URL = "https://neutral.test/weather"


def build_site(
    dest: Path,
    *,
    project: Path = ROOT,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` of `project` into `dest`."""
    # A caller's shell must not choose the edition behind the test's back.
    inherited = {k: v for k, v in os.environ.items() if k not in ("SITE_COUNTRY", "SITE_LANGUAGES")}
    result = mkdocs_build(project, dest, {**inherited, **(env or {})})
    if check and result.returncode != 0:
        raise AssertionError(f"build failed ({result.returncode}):\n{result.stderr[-6000:]}")
    return result


def copy_project(dest: Path) -> Path:
    """A copy of the project as a fork would have it: sources only, no venv or builds."""
    # bench/ holds the benchmark's own Lighthouse install: not part of an edition.
    top_level = {".venv", "site", ".site.lock", ".git", "dist", ".pytest_cache", "bench"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {name for name in names if name == "__pycache__"}
        if Path(folder) != ROOT:
            return skipped
        # A build running beside the tests keeps its half-made site in .site.building-*/.
        return skipped | (top_level & set(names)) | {name for name in names if name.startswith(".site.building-")}

    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def set_quick_exit(project: Path, url: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = [f"  quick_exit_url: {url}" if line.startswith("  quick_exit_url:") else line for line in text.splitlines()]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make site` builds it, with the quick exit pointed at the test page."""
    project = copy_project(tmp_path_factory.mktemp("project") / "kit")
    set_quick_exit(project, NEUTRAL_URL)
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, project=project)
    (dest / ".build-log").write_text(result.stderr, encoding="utf-8")
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    """The built site on a local web server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def chromium_path() -> str:
    found = find_chromium()
    assert found, "Chromium is not installed: run `make test`, which installs it"
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=list(CHROMIUM_ARGS),
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh phone-sized browser context: nothing carried over between tests."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site except the 404 page."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")
