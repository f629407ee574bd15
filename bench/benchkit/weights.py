"""What a browser downloads on a first visit to a page, measured in Chromium; and the size of
every HTML file of a build."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpkit.chromium import CHROMIUM_ARGS
from helpkit.chromium import chromium_path as find_chromium
from helpkit.hosting.caching import REVALIDATE, cache_control

CATEGORIES = ("html", "css", "js", "fonts", "images", "json/other")
SEARCH_ONLY = re.compile(r"/javascripts/workers/|/javascripts/lunr/|/search/search_index\.js(on)?$")
SEARCH_INDEX = "search/search_index.json"
SEARCH_BUTTON = "label.md-header__button[for=__search]"
# A phone, as Lighthouse's mobile run and the project's browser tests use.
VIEWPORT = {"width": 360, "height": 800}


def gzip_size(body: bytes) -> int:
    # Level 6: what nginx, Apache and most static hosts use by default. The local server sends
    # everything uncompressed, so the benchmark compresses each body itself.
    return len(gzip.compress(body, compresslevel=6, mtime=0))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Sends files gzipped (level 6) to a client that accepts it, as every static host does; with
    `caching`, the Cache-Control of the site's `_headers` (helpkit.hosting.caching), or, for a site
    without one, `no-cache`: a plain site's files once the host's short max-age (GitHub Pages: ten
    minutes) has passed, as a reader finds them the next day. Answers If-Modified-Since with 304,
    and notes every answer in `answered` (path, status, body bytes sent)."""

    caching = False
    answered: list[tuple[str, int, int]] | None = None

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            super().do_GET()  # redirects, 404s and clients that do not accept gzip: as http.server does
            return
        modified = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since is not None and _timestamp(since) >= modified:
            self.send_response(304)
            self._cache_headers(path, modified)
            self.end_headers()
            self._note(304, 0)
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self._cache_headers(path, modified)
        self.end_headers()
        self.wfile.write(body)
        self._note(200, len(body))

    def _cache_headers(self, path: Path, modified: int) -> None:
        self.send_header("Last-Modified", self.date_time_string(modified))
        if self.caching:
            relative = path.relative_to(self.directory).as_posix()
            has_rules = (Path(self.directory) / "_headers").is_file()
            self.send_header("Cache-Control", cache_control(relative) if has_rules else REVALIDATE)

    def _note(self, status: int, size: int) -> None:
        if self.answered is not None:
            self.answered.append((urlsplit(self.path).path, status, size))


def _timestamp(http_date: str) -> float:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(http_date).timestamp()
    except (TypeError, ValueError):
        return -1.0


@contextlib.contextmanager
def serve(
    folder: Path,
    *,
    compress: bool = False,
    caching: bool = False,
    answered: list[tuple[str, int, int]] | None = None,
) -> Iterator[str]:
    """The folder on a local web server on 127.0.0.1 (gzip-compressing if asked, with the site's
    caching headers if asked: _GzipHandler); yields its base URL."""
    if compress:
        kind = type("Handler", (_GzipHandler,), {"caching": caching, "answered": answered})
        handler = functools.partial(kind, directory=str(folder))
    else:
        handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Transfer:
    url: str
    status: int
    category: str
    raw: int
    gzip: int


@dataclass
class PageWeight:
    """The responses of one first visit, and of opening search afterwards."""

    path: str
    first_visit: list[Transfer] = field(default_factory=list)
    on_search: list[Transfer] = field(default_factory=list)
    # What a returning reader's browser asks for: (path, status, gzip body bytes sent).
    repeat_visit: list[tuple[str, int, int]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    error: str = ""

    def totals(self, transfers: list[Transfer] | None = None) -> dict[str, dict[str, int]]:
        """Raw and gzip bytes per category, and the sum as `total`."""
        chosen = self.first_visit if transfers is None else transfers
        table = {name: {"raw": 0, "gzip": 0, "requests": 0} for name in (*CATEGORIES, "total")}
        for transfer in chosen:
            for name in (transfer.category, "total"):
                table[name]["raw"] += transfer.raw
                table[name]["gzip"] += transfer.gzip
                table[name]["requests"] += 1
        return table

    def search_index(self) -> dict[str, Any]:
        """The search index: loaded on first visit (`eager`) or only once search is opened."""
        for when, transfers in (("first visit", self.first_visit), ("search opened", self.on_search)):
            for transfer in transfers:
                if transfer.url.endswith(SEARCH_INDEX):
                    return {"loaded": when, "url": transfer.url, "raw": transfer.raw, "gzip": transfer.gzip}
        return {"loaded": "never", "url": "", "raw": 0, "gzip": 0}

    def without_search(self) -> dict[str, dict[str, int]]:
        """The first visit less what only search uses (worker, lunr languages, index): how a page
        weighs when search waits, as in the issue's own figure for plain Material."""
        return self.totals([t for t in self.first_visit if not SEARCH_ONLY.search(t.url)])

    def failed(self) -> list[str]:
        return [f"{t.status} {t.url}" for t in self.first_visit + self.on_search if t.status >= 400]

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "first_visit": self.totals(),
            "first_visit_without_search": self.without_search(),
            "search_opened_extra": self.totals(self.on_search),
            "search_index": self.search_index(),
            "repeat_visit": {
                "requests": len(self.repeat_visit),
                "not_modified": sum(1 for _, status, _ in self.repeat_visit if status == 304),
                "gzip": sum(size for _, _, size in self.repeat_visit),
                "answered": [list(entry) for entry in self.repeat_visit],
            },
            "failed_requests": self.failed(),
            "blocked_external_requests": self.blocked,
            "error": self.error,
            "responses": [vars(t) for t in self.first_visit],
            "responses_on_search": [vars(t) for t in self.on_search],
        }


def categorise(url: str, content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    suffix = Path(urlsplit(url).path).suffix.lower()
    if kind == "text/html":
        return "html"
    if kind == "text/css" or suffix == ".css":
        return "css"
    if "javascript" in kind or suffix in (".js", ".mjs"):
        return "js"
    if kind.startswith("font/") or suffix in (".woff", ".woff2", ".ttf", ".otf"):
        return "fonts"
    if kind.startswith("image/"):
        return "images"
    return "json/other"


def _transfer(response: Any, base_path: str) -> Transfer:
    try:
        body = response.body()
    except Exception:  # a redirect or an aborted response has no body to weigh
        body = b""
    url = "/" + urlsplit(response.url).path.removeprefix(base_path)
    status = response.status
    # An error page is weighed, but as "other": it is not part of the page a reader sees.
    category = categorise(response.url, response.headers.get("content-type", "")) if status < 400 else "json/other"
    return Transfer(url, status, category, len(body), gzip_size(body))


def measure_page(browser: Any, base: str, path: str, answered: list[tuple[str, int, int]] | None = None) -> PageWeight:
    """A first visit in a fresh context (empty cache, no cookies), then opening search, then the
    same page again with that cache (what `answered`, the server's notes, holds of it)."""
    weight = PageWeight(path)
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2)
    responses: list[Any] = []
    # Nothing may leave the machine; anything that tries is blocked and listed.
    context.route(lambda url: not url.startswith(base), lambda route: _block(route, weight))
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(base + path, wait_until="networkidle")
        loaded = len(responses)
        _open_search(page, responses)
        base_path = urlsplit(base).path
        weight.first_visit = [_transfer(response, base_path) for response in responses[:loaded]]
        weight.on_search = [_transfer(response, base_path) for response in responses[loaded:]]
        if answered is not None:
            weight.repeat_visit = _repeat_visit(browser, base + path, answered)
    except Exception as error:  # reported per page: one broken page must not hide the others
        weight.error = f"{type(error).__name__}: {error}"
    finally:
        context.close()
    return weight


def _repeat_visit(browser: Any, url: str, answered: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """What the server answers when a reader comes back to a page: a context of its own, because
    Playwright turns the browser's cache off in a context that routes requests (as measure_page's
    does, to block any request that would leave the machine)."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        # From elsewhere, as a reader comes back: the same address again would be a reload.
        page.goto("about:blank")
        answered.clear()
        page.goto(url, wait_until="networkidle")
        return list(answered)
    finally:
        context.close()


def _block(route: Any, weight: PageWeight) -> None:
    weight.blocked.append(route.request.url)
    route.abort()


def _open_search(page: Any, responses: list[Any]) -> None:
    """Open search the way a reader does on a phone, and wait until what it loads has arrived."""
    button = page.locator(SEARCH_BUTTON)
    if button.count() == 0:
        return
    if any(response.url.endswith(SEARCH_INDEX) for response in responses):
        button.first.click()
    else:
        # A missing index is reported as "never loaded", not as an error of the page.
        with contextlib.suppress(Exception):
            with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX), timeout=5_000):
                button.first.click()
    # The search worker then fetches its lunr language files.
    _settle(page, responses)


def _settle(page: Any, responses: list[Any], quiet_ms: int = 500, limit_ms: int = 10_000) -> None:
    """Wait until no response has arrived for `quiet_ms` (the page's load-state "networkidle" has
    already fired once and would not wait again)."""
    for _ in range(limit_ms // quiet_ms):
        seen = len(responses)
        page.wait_for_timeout(quiet_ms)
        if len(responses) == seen:
            return


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        except Exception as error:  # Playwright's own error type: say what failed and stop
            raise RuntimeError(f"Chromium did not start: {error}") from None
        try:
            yield browser
        finally:
            browser.close()


def chromium_path() -> str:
    found = find_chromium()
    if found is None:
        raise FileNotFoundError("Chromium is not installed (apt-get install chromium)")
    return found


def measure_pages(browser: Any, folder: Path, paths: list[str]) -> dict[str, PageWeight]:
    """First-visit weights of the given pages of one built site; pages it does not have are skipped."""
    present = [path for path in paths if (folder / path / "index.html").is_file()]
    answered: list[tuple[str, int, int]] = []
    with serve(folder, compress=True, caching=True, answered=answered) as base:
        return {path: measure_page(browser, base, path, answered) for path in present}


def html_sizes(folder: Path) -> dict[str, dict[str, int]]:
    """Raw and gzip bytes of every HTML file of a build, by path."""
    sizes: dict[str, dict[str, int]] = {}
    for path in sorted(folder.rglob("*.html")):
        body = path.read_bytes()
        sizes[path.relative_to(folder).as_posix()] = {"raw": len(body), "gzip": gzip_size(body)}
    return sizes
