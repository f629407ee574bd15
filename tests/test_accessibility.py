"""Accessibility and validity of every built page in every language: axe-core in Chromium at a
phone and a desktop width, the Nu HTML Checker, links and anchors, keyboard and right-to-left."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, site_pages

CHECKERS = ROOT / "tools" / "node" / "node_modules"
AXE = CHECKERS / "axe-core" / "axe.min.js"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def page_url(site: Path, path: Path) -> str:
    return "/" + str(path.relative_to(site)).removesuffix("index.html")


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_wcag_violation_on_any_page(browser, site: Path, served: str, width: int) -> None:
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (npm ci in tools/node)"
    # axe is injected as an inline script, which the pages' own policy would rightly refuse.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in site_pages(site):
        page.goto(served + page_url(site, path).lstrip("/"))
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
                .violations.map(v => `${v.id} (${v.impact}): `
                    + v.nodes.map(n => n.target.join(" ")).join(", "))""",
            WCAG_TAGS,
        )
        if violations:
            found[page_url(site, path)] = violations
    context.close()
    assert found == {}


def test_the_nu_html_checker_finds_no_error(site: Path) -> None:
    assert VNU.is_file(), "the Nu HTML Checker is missing: `make test` installs it (npm ci in tools/node)"
    pages = [str(path) for path in site.rglob("*.html")]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m['url'].rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert len(pages) >= len(LANGUAGES) * 19


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    ids: dict[Path, set[str]] = {}

    def ids_of(target: Path) -> set[str]:
        if target not in ids:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids[target]

    broken = []
    checked = 0
    for path in [*site_pages(site), site / "404.html"]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        base = page_url(site, path)
        for anchor in soup.find_all("a", href=True):
            href = anchor["href"]
            parts = urlsplit(href)
            if parts.scheme in ("https", "tel", "mailto") or path.name == "404.html":
                continue
            assert not parts.scheme, f"{base}: link with scheme {parts.scheme!r}: {href}"
            target_path = unquote(urlsplit(urljoin(base, href)).path)
            target = site / target_path.lstrip("/")
            if target_path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{base}: {href} -> no {target_path}")
                continue
            if parts.fragment and target.suffix == ".html" and parts.fragment not in ids_of(target):
                broken.append(f"{base}: {href} -> no #{parts.fragment}")
            checked += 1
    assert broken == []
    assert checked > 1000


def test_external_links_are_well_formed_https(site: Path) -> None:
    bad = []
    for path in site_pages(site):
        for anchor in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True):
            href = anchor["href"]
            if href.startswith(("http:", "//")):
                bad.append(f"{path}: {href}")
            elif href.startswith("https:"):
                parts = urlsplit(href)
                if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", parts.netloc) or " " in href:
                    bad.append(f"{path}: {href}")
    assert bad == []


def test_images_have_text_alternatives_or_are_decorative(site: Path) -> None:
    for path in site_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for image in soup.find_all("img"):
            assert image.has_attr("alt"), f"{path}: {image}"


def test_headings_start_at_one_and_never_skip_a_level(site: Path) -> None:
    for path in site_pages(site):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        levels = [int(tag.name[1]) for tag in article.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)


def test_language_names_in_the_switcher_are_marked_with_their_language(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".md-select__list a[hreflang]")
    assert {link["hreflang"] for link in links} == set(LANGUAGES)
    for link in links:
        assert link.get("lang") == link["hreflang"], link


@pytest.mark.browser
def test_keyboard_reaches_exit_skip_link_and_switcher_with_visible_focus(page, served: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served + "threatened/keep-evidence/")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => {
                const e = document.activeElement, s = getComputedStyle(e);
                const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
                    || s.boxShadow !== "none";
                return {text: (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40),
                        cls: e.className, visible};
            }"""
            )
        )
    assert reached[0]["text"] == "Leave this site"
    assert "shk-exit__help" in reached[1]["cls"]
    assert "md-skip" in reached[2]["cls"]
    assert any("md-select" in str(item["cls"]) or "language" in item["text"].lower() for item in reached), reached
    assert all(item["visible"] for item in reached), [item for item in reached if not item["visible"]]


@pytest.mark.browser
def test_right_to_left_pages_are_mirrored_and_keep_numbers_in_order(page, served: str, tmp_path: Path) -> None:
    page.goto(served + "ar/threatened/stop/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    width = page.viewport_size["width"]
    heading = page.locator("article h1").bounding_box()
    assert heading["x"] + heading["width"] > width * 0.8, "the title should start at the right edge"
    number = page.locator("aside[data-shk=helpbox] a[href='tel:116000'] bdi")
    assert number.get_attribute("dir") == "ltr"
    assert number.inner_text() == "116 000"
    exit_button = page.locator("[data-shk=quick-exit] .shk-exit__button").bounding_box()
    assert exit_button["x"] < width / 2, "the quick exit sits at the start (left) edge in right-to-left"
    page.screenshot(path=str(tmp_path / "ar-stop.png"), full_page=True)
    assert (tmp_path / "ar-stop.png").stat().st_size > 10_000


def test_every_dialog_has_an_accessible_name(site: Path) -> None:
    """axe in the tests skips the hidden search layer; Lighthouse does not (aria-dialog-name)."""
    for path in site_pages(site):
        for dialog in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("[role=dialog]"):
            assert dialog.get("aria-label") or dialog.get("aria-labelledby"), f"{path}: {dialog.name}"
