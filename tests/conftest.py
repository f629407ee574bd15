"""Shared fixtures: real builds of the site into temporary folders, a local web server, Chromium."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import inspect
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

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
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SITE_COUNTRY", "SITE_LANGUAGES", "SITE_URL", "SITE_FOR_PUBLICATION")
    }
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
def site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
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
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium,
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


@functools.lru_cache(maxsize=400)
def _parsed(path: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_soup(path: Path) -> BeautifulSoup:
    """The page as html.parser reads it, parsed once while the file is unchanged and shared by every
    test that reads it (a dozen tests read every page): read it, never change it."""
    stat = path.stat()
    return _parsed(path.resolve(), stat.st_mtime_ns, stat.st_size)


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site except the 404 page."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


# --- Markers: unit, build, browser ------------------------------------------------------------
#
# Every test gets exactly one, from the fixtures it uses, directly or through other fixtures
# (item.fixturenames), never by hand:
#   browser  it needs Chromium: it uses `chromium` (as `browser` and `page` do);
#   build    otherwise, it builds a site or starts any process: it uses `builds` (as `site` and
#            `served` do, and every fixture or test that calls build_site or starts a command);
#   unit     everything else: it runs in the test process alone, in a few seconds (`make check`).
# So that no marker can be wrong, conftest watches every process a test starts, in its fixtures
# too (a Python audit hook): a unit test that starts one fails; a test not marked browser that
# starts Chromium or Playwright fails, and so does one whose commands start Chromium (on its PATH,
# `chromium` is a stand-in that says so). A test or fixture that names `builds` itself and then
# starts no process fails too.

KINDS = ("unit", "build", "browser")


@pytest.fixture(scope="session")
def builds() -> None:
    """Named by every test and fixture that builds a site or starts a process: marks its tests `build`."""


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium command; named by everything that needs Chromium: marks its tests `browser`."""
    return chromium_path()


def kind_of(item: pytest.Item) -> str:
    names = getattr(item, "fixturenames", ())
    return "browser" if "chromium" in names else "build" if "builds" in names else "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        by_hand = [mark.name for mark in item.iter_markers() if mark.name in KINDS]
        if by_hand:
            raise pytest.UsageError(
                f"{item.nodeid}: marked {', '.join(by_hand)} by hand; conftest.py marks every test from the "
                "fixtures it uses: name `builds` or `chromium` instead"
            )
        item.add_marker(kind_of(item))


BROWSERS = {"chromium", "chromium-browser", "chrome", "google-chrome", "headless_shell"}
STAND_IN = (
    "#!/bin/sh\necho 'this test starts Chromium but is not marked browser: "
    "give the test or its fixture the `chromium` fixture (tests/conftest.py)' >&2\nexit 97\n"
)


@dataclasses.dataclass
class _Watch:
    """The test phase running, its marker, and the processes it started."""

    item: pytest.Item | None = None
    kind: str = ""
    started: list[str] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)
    stand_ins: str = ""  # the folder of the stand-in `chromium`


_watch = _Watch()


def _command(event: str, args: tuple) -> list[str]:
    argv = args[0] if event == "os.system" else args[1]
    if isinstance(argv, str | bytes | os.PathLike):
        argv = [argv]
    words = [os.fsdecode(arg) for arg in argv]
    if event == "subprocess.Popen" and args[0] is not None and (not words or os.fsdecode(args[0]) != words[0]):
        words.insert(0, os.fsdecode(args[0]))
    return words


def _audit(event: str, args: tuple) -> None:
    if _watch.item is None or event not in ("subprocess.Popen", "os.system", "os.posix_spawn", "os.exec"):
        return
    words = _command(event, args)
    shown = " ".join(words)[:300]
    _watch.started.append(shown)
    browser = "run-driver" in words or any(Path(word).name in BROWSERS for part in words for word in part.split())
    if _watch.kind == "unit":
        problem = (
            f"it starts a process ({shown}) but is marked unit: a test that builds a site or starts a "
            "process names the `builds` fixture (tests/conftest.py), which marks it build"
        )
    elif _watch.kind == "build" and browser:
        problem = (
            f"it starts Chromium or Playwright ({shown}) but is not marked browser: give it the "
            "`chromium` fixture (tests/conftest.py)"
        )
    else:
        return
    _watch.problems.append(problem)
    raise RuntimeError(f"{_watch.item.nodeid}: {problem}")


def pytest_configure(config: pytest.Config) -> None:
    sys.addaudithook(_audit)
    folder = Path(tempfile.mkdtemp(prefix="no-chromium-"))
    for name in ("chromium", "chromium-browser"):
        (folder / name).write_text(STAND_IN, encoding="utf-8")
        (folder / name).chmod(0o755)
    _watch.stand_ins = str(folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _watch.stand_ins:
        shutil.rmtree(_watch.stand_ins, ignore_errors=True)


def _names_builds(item: pytest.Item) -> bool:
    """Whether the test names `builds` itself (not through a fixture)."""
    used = {name for mark in item.iter_markers("usefixtures") for name in mark.args}
    function = getattr(item, "function", None)
    return "builds" in used or (function is not None and "builds" in inspect.signature(function).parameters)


def _watched(item: pytest.Item, phase: str):
    kind = next(mark.name for mark in item.iter_markers() if mark.name in KINDS)
    _watch.item, _watch.kind, _watch.started, _watch.problems = item, kind, [], []
    path = os.environ.get("PATH", "")
    if kind != "browser":
        os.environ["PATH"] = _watch.stand_ins + os.pathsep + path
    try:
        result = yield
    finally:
        os.environ["PATH"] = path
        problems, started = _watch.problems, _watch.started
        _watch.item = None
    if problems:
        pytest.fail(f"{item.nodeid}: " + "; ".join(problems), pytrace=False)
    if phase == "call" and kind == "build" and not started and _names_builds(item):
        pytest.fail(f"{item.nodeid} names the `builds` fixture but starts no process: drop it", pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    return (yield from _watched(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    return (yield from _watched(item, "call"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    return (yield from _watched(item, "teardown"))


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
    before = len(_watch.started)
    result = yield
    if "builds" in fixturedef.argnames and _watch.item is not None and len(_watch.started) == before:
        pytest.fail(f"the fixture `{fixturedef.argname}` names `builds` but starts no process: drop it", pytrace=False)
    return result


# --- Every page, opened once per width ----------------------------------------------------------
#
# Opening all ~300 pages is most of what the browser tests cost, so each page is opened once at a
# phone's width for both axe (test_accessibility) and the privacy checks (test_privacy), and once
# at a desktop's width for axe. axe goes into every page before the page's own scripts, through
# the browser rather than as a script of the page, so the pages keep their own
# Content-Security-Policy, as readers get them.

AXE = ROOT / "tools" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

# Collects Content-Security-Policy violations as the page reports them.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""

# Once the page has loaded: two animation frames and a task later, so that the violations the
# browser queued while loading it have been reported, what the page declares and reported; then
# axe's WCAG violations (only violations: axe then skips the details of what passed). One call.
CHECK_PAGE = """
async (tags) => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))));
  const meta = (selector) => Array.from(document.querySelectorAll(selector), (tag) => tag.getAttribute("content"));
  const found = {
    violations: [...window.__cspViolations],
    policy: meta('meta[http-equiv="Content-Security-Policy"]'),
    referrer: meta('meta[name="referrer"]'),
  };
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  found.axe = results.violations.map(
    (v) => `${v.id} (${v.impact}): ` + v.nodes.map((n) => n.target.join(" ")).join(", "));
  // What a thumb meets: how far the page scrolls sideways, and every link, button or field on
  // screen smaller than 24 by 24 CSS px (WCAG 2.5.8), drawers slid out of view and controls not yet
  // shown (search's Clear, until there is a query) left aside.
  const shown = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && s.visibility !== "hidden"
      && s.opacity !== "0";
  };
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  found.overflow = document.documentElement.scrollWidth - innerWidth;
  found.small = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), summary")]
    .filter((el) => shown(el) && box(el).some((side) => side < 23.5))
    .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" `
      + box(el).map(Math.round).join("x"));
  return found;
}
"""


@dataclasses.dataclass
class Visit:
    """What every page of the site did when opened once, in one fresh browser context."""

    # address -> its status, CSP violations, CSP and referrer tags, axe violations, sideways scroll,
    # targets under 24 px
    pages: dict[str, dict]
    requested: list[str]  # every address the pages asked for, in order
    failed: list[str]  # the addresses answered with an error


def visit_every_page(browser, site: Path, served: str, viewport: Mapping[str, int]) -> Visit:
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (npm ci in tools/node)"
    context = browser.new_context(viewport=dict(viewport))
    context.add_init_script(WATCH_CSP)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    visit = Visit(pages={}, requested=[], failed=[])
    page.on("request", lambda request: visit.requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and visit.failed.append(response.url))
    try:
        for path in site_pages(site):
            url = served + str(path.relative_to(site)).removesuffix("index.html")
            # The load event: the page and everything it asked for while loading, styles, scripts,
            # images and fonts, has arrived (or failed). Nothing on the site asks for more later
            # (search waits to be opened: test_search), but the browser's request for the icon.
            response = page.goto(url, wait_until="load")
            found = page.evaluate(CHECK_PAGE, WCAG_TAGS)
            visit.pages[url] = {"status": response.status if response else None, **found}
    finally:
        context.close()
    return visit


@pytest.fixture(scope="session")
def phone_visit(browser, site: Path, served: str) -> Visit:
    """Every page of the site opened once at a phone's width (test_accessibility, test_privacy)."""
    return visit_every_page(browser, site, served, PHONE)
