"""hooks/hosting.py on the real build: hashed names that every page reaches, `_headers` that gives
every built file its one Cache-Control, copies that are the files, the nginx snippet in a real
nginx, and a returning visitor in Chromium who downloads no stylesheet and no script."""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, page_soup, site_pages
from helpkit.hosting.caching import (
    IMMUTABLE,
    REVALIDATE,
    SECURITY_HEADERS,
    Rule,
    cache_control,
    cloudflare_matches,
    is_hashed,
    rule_problems,
)
from helpkit.hosting.fingerprints import resolve
from helpkit.hosting.precompress import worth_compressing
from helpkit.hosting.prepare import HEADERS_NAME, files_of

NGINX_NAME = "_nginx.conf"


def read_headers(text: str) -> dict[str, list[tuple[str, str]]]:
    """`_headers` as Netlify and Cloudflare Pages read it: each path pattern with its headers."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    pattern = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = line.strip()
            assert pattern not in blocks, f"{pattern} twice"
            blocks[pattern] = []
            continue
        assert pattern is not None, line
        name, _, value = line.strip().partition(":")
        blocks[pattern].append((name.strip(), value.strip()))
    return blocks


def caching_rules(site: Path) -> list[Rule]:
    blocks = read_headers((site / HEADERS_NAME).read_text(encoding="utf-8"))
    rules = []
    for pattern, headers in blocks.items():
        values = [value for name, value in headers if name == "Cache-Control"]
        if values:
            assert len(headers) == 1 and len(values) == 1, pattern
            rules.append(Rule(pattern, values[0]))
    return rules


def _references(soup: BeautifulSoup) -> list[str]:
    found = [str(tag["href"]) for tag in soup.select("link[href]")]
    found += [str(tag["src"]) for tag in soup.select("script[src], img[src]")]
    return found


def test_the_sites_own_stylesheets_and_scripts_have_hashed_names_that_every_page_reaches(site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    own = [*config["extra_css"], *config["extra_javascript"], "assets/javascripts/lazy-search.js"]
    for path in own:
        assert not (site / path).exists(), f"{path} is still there under its own name"
    loaded: set[str] = set()
    pages = [*site_pages(site), site / "404.html", site / "fr" / "404.html"]
    for path in pages:
        relative = path.relative_to(site).as_posix()
        for reference in _references(page_soup(path)):
            target = resolve(reference, page=relative, base="/")
            if target is None:
                continue
            # A link to another page (rel=prev, next) names its folder.
            file = site / target / "index.html" if (site / target).is_dir() else site / target
            assert file.is_file(), f"{relative}: {reference} leads to no file"
            if target.endswith((".css", ".js")):
                loaded.add(target)
    assert loaded and all(is_hashed(path) for path in loaded), sorted(path for path in loaded if not is_hashed(path))
    # Each of the site's own scripts, under its new name: stem, eight hexadecimal digits, extension.
    for path in own:
        if path.endswith(".js"):
            stem = path.removesuffix(".js")
            assert any(re.fullmatch(re.escape(stem) + r"\.[0-9a-f]{8}\.js", name) for name in loaded), path
    # Every stylesheet, Material's and the site's own, in one file, the only one a page loads.
    (sheet,) = [path for path in loaded if path.endswith(".css")]
    assert re.fullmatch(r"assets/stylesheets/style\.[0-9a-f]{8}\.css", sheet)
    for path in pages[:3]:
        assert len(page_soup(path).select('link[rel="stylesheet"]')) == 1, path
    text = (site / sheet).read_text(encoding="utf-8")
    assert ".md-header{" in text and "--shk-brand:" in text and "@media print" in text
    assert text.index(".md-header{") < text.index("--shk-brand:")  # Material's first, as the theme loads it
    assert not list((site / "assets" / "stylesheets").glob("main.*"))


def test_headers_give_every_built_file_its_one_cache_control(site: Path) -> None:
    rules = caching_rules(site)
    # The fixture's note of the build's log is not part of the site.
    files = [path for path in files_of(site) if path != ".build-log"]
    assert rule_problems(rules, files) == []
    for path in files:
        asked = f"/{path}"
        (rule,) = [rule for rule in rules if cloudflare_matches(rule.pattern, asked)]
        assert rule.cache_control == cache_control(path), path
    hashed = [path for path in files if is_hashed(path)]
    assert any(path.startswith("assets/stylesheets/style.") for path in hashed)
    assert {cache_control(path) for path in hashed} == {IMMUTABLE}
    revalidated = ("index.html", "fr/index.html", "search/search_index.json", "sitemap.xml")
    for page in revalidated:
        assert cache_control(page) == REVALIDATE, page


def test_headers_carry_the_security_headers_on_every_path(site: Path) -> None:
    blocks = read_headers((site / HEADERS_NAME).read_text(encoding="utf-8"))
    assert blocks["/*"] == list(SECURITY_HEADERS)
    # The source folder's own _headers is gone: the build writes it, once.
    assert not (ROOT / "docs" / HEADERS_NAME).exists()


def test_every_text_file_worth_it_has_a_copy_that_is_the_file(site: Path) -> None:
    copies = sorted(site.rglob("*.gz"))
    assert len(copies) > 50
    for copy in copies:
        original = copy.with_suffix("")
        assert original.is_file(), copy
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes(), copy
    for path in site_pages(site):
        if worth_compressing(path.name, size=path.stat().st_size):
            assert path.with_name(path.name + ".gz").is_file(), path


# --- nginx, as an edition's own server would run the snippet ------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def nginx_command() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
    assert found, "nginx is not installed: run `make test`, which installs it"
    return found


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served by a real nginx that includes the build's `_nginx.conf`; yields its address."""
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    temporary = "\n".join(
        f"  {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"""master_process off;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  access_log off;
{temporary}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    include {site}/{NGINX_NAME};
  }}
}}
""",
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [nginx_command(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={name.replace("_", "-"): value for name, value in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def test_nginx_sends_each_file_its_cache_control_and_the_security_headers(site: Path, nginx: str) -> None:
    css = next(path for path in files_of(site) if re.fullmatch(r"assets/stylesheets/style\.[0-9a-f]{8}\.css", path))
    for path, expected in (("", REVALIDATE), ("fr/threatened/", REVALIDATE), (css, IMMUTABLE)):
        status, headers, _ = fetch(nginx + path)
        assert status == 200, path
        assert headers["Cache-Control"] == expected, path
        for name, value in SECURITY_HEADERS:
            assert headers[name] == value, (path, name)


def test_nginx_serves_the_copies_revalidates_and_hides_its_own_files(site: Path, nginx: str) -> None:
    status, headers, body = fetch(nginx + "fr/", Accept_Encoding="gzip")
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert body == (site / "fr" / "index.html.gz").read_bytes()
    # A returning visitor's browser asks again and is told nothing changed.
    status, _, body = fetch(nginx + "fr/", Accept_Encoding="gzip", If_Modified_Since=headers["Last-Modified"])
    assert status == 304 and body == b""
    for hidden in (HEADERS_NAME, NGINX_NAME):
        assert fetch(nginx + hidden)[0] == 404, hidden
    status, headers, body = fetch(nginx + "no-such-page/")
    assert status == 404 and headers["Cache-Control"] == REVALIDATE
    assert body == (site / "404.html").read_bytes()


# --- A returning visitor -------------------------------------------------------------------------


class _HeadersHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the build as Cloudflare Pages would with its `_headers` (one rule per file), and
    notes every request it answers."""

    rules: ClassVar[list[Rule]] = []
    answered: ClassVar[list[tuple[str, int]]] = []

    def send_response(self, code: int, message: str | None = None) -> None:
        self.answered.append((self.path.split("?")[0], code))
        super().send_response(code, message)

    def end_headers(self) -> None:
        path = self.path.split("?")[0]
        matched = [rule for rule in self.rules if cloudflare_matches(rule.pattern, path)]
        if matched:
            self.send_header("Cache-Control", matched[0].cache_control)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_with_headers(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    answered: list[tuple[str, int]] = []
    handler = type("Handler", (_HeadersHandler,), {"rules": caching_rules(site), "answered": answered})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", answered
    server.shutdown()


def test_a_returning_visitor_downloads_no_stylesheet_or_script_and_revalidates_the_page(
    browser: object, served_with_headers: tuple[str, list[tuple[str, int]]]
) -> None:
    base, answered = served_with_headers
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        # Until the network is idle: the browser fetches the favicon on its own, after the page.
        page.goto(base + "threatened/", wait_until="networkidle")
        first = list(answered)
        assert any(path.endswith(".css") for path, _ in first) and any(path.endswith(".js") for path, _ in first)
        answered.clear()
        # Another page: its HTML is new, what it loads is not.
        page.goto(base + "parents/", wait_until="networkidle")
        loaded = [path for path, _ in answered if path.endswith((".css", ".js"))]
        assert loaded == [], loaded
        answered.clear()
        page.goto(base + "threatened/", wait_until="networkidle")
        assert answered, "the page was not asked for again"
        assert [(path, code) for path, code in answered if code != 304] == []
        assert not [path for path, _ in answered if path.endswith((".css", ".js"))]
    finally:
        context.close()
