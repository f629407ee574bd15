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

from conftest import DESKTOP, LANGUAGES, PHONE, ROOT, page_soup, site_pages, visit_every_page

VNU = ROOT / "tools" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def page_url(site: Path, path: Path) -> str:
    return "/" + str(path.relative_to(site)).removesuffix("index.html")


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
def test_every_page_passes_axe_with_24_px_targets_and_no_sideways_scroll(
    request: pytest.FixtureRequest, browser, site: Path, served: str, width: int
) -> None:
    # At a phone's width, the pages as test_privacy opened them too (conftest.visit_every_page).
    if width == PHONE["width"]:
        visit = request.getfixturevalue("phone_visit")
    else:
        visit = visit_every_page(browser, site, served, DESKTOP)
    assert len(visit.pages) == len(site_pages(site))
    found = {url.removeprefix(served.rstrip("/")): seen["axe"] for url, seen in visit.pages.items() if seen["axe"]}
    assert found == {}
    # No page scrolls sideways, and every link, button and field is a 24 by 24 px target or more.
    wide = {url.removeprefix(served.rstrip("/")): seen["overflow"] for url, seen in visit.pages.items()}
    assert {url: pixels for url, pixels in wide.items() if pixels > 0} == {}, width
    small = {url.removeprefix(served.rstrip("/")): seen["small"] for url, seen in visit.pages.items() if seen["small"]}
    assert small == {}, width


def nu_check(*pages: Path) -> tuple[int, list[dict]]:
    """The Nu HTML Checker's exit status and its messages (JSON, on stderr) for these files."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout == "", result.stdout[-2000:]
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        raise AssertionError(f"no JSON report (exit {result.returncode}):\n{result.stderr[-4000:]}") from None
    return result.returncode, report["messages"]


def test_the_nu_html_checker_finds_no_error(site: Path, tmp_path: Path) -> None:
    assert VNU.is_file(), "the Nu HTML Checker is missing: `make test` installs it (npm ci in tools/node)"
    # First, that the checker runs and reports: a page with one known error fails with that error.
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><p><div>x</div></p></body></html>\n",
        encoding="utf-8",
    )
    status, messages = nu_check(broken)
    assert status == 1 and [(m["type"], m["url"].endswith("/broken.html")) for m in messages] == [("error", True)]
    assert "“p” end tag" in messages[0]["message"], messages
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= len(LANGUAGES) * 19
    status, messages = nu_check(*pages)
    errors = [f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert status == 0


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    ids: dict[Path, set[str]] = {}

    def ids_of(target: Path) -> set[str]:
        if target not in ids:
            soup = page_soup(target)
            ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids[target]

    broken = []
    checked = 0
    for path in [*site_pages(site), site / "404.html"]:
        soup = page_soup(path)
        base = page_url(site, path)
        for anchor in soup.find_all("a", href=True):
            href = anchor["href"]
            parts = urlsplit(href)
            if parts.scheme in ("https", "tel", "sms", "mailto") or path.name == "404.html":
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
        for anchor in page_soup(path).find_all("a", href=True):
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
        soup = page_soup(path)
        for image in soup.find_all("img"):
            assert image.has_attr("alt"), f"{path}: {image}"


def test_headings_start_at_one_and_never_skip_a_level(site: Path) -> None:
    for path in site_pages(site):
        article = page_soup(path).select_one("article")
        levels = [int(tag.name[1]) for tag in article.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)


def test_language_names_in_the_switcher_are_marked_with_their_language(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".md-select__list a[hreflang]")
    assert {link["hreflang"] for link in links} == set(LANGUAGES)
    for link in links:
        assert link.get("lang") == link["hreflang"], link


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


# Draws each distinct letter (of those the pattern matches) of an element's text on a canvas in the
# element's font; counts the letters, the distinct drawings, and the letters drawn as the box of a
# character no font has.
DRAW_EACH_LETTER = """
(element, pattern) => {
  const style = getComputedStyle(element);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 96;
  const context = canvas.getContext("2d", {willReadFrequently: true});
  const draw = (text) => {
    context.clearRect(0, 0, 96, 96);
    context.font = `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`;
    context.fillText(text, 24, 64);
    return Array.from(context.getImageData(0, 0, 96, 96).data.filter((_, i) => i % 4 === 3)).join();
  };
  const letters = [...new Set(element.textContent.match(new RegExp(pattern, "gu")) || [])];
  const drawings = letters.map(draw);
  const box = draw("\\u0378");
  return {letters: letters.length, distinct: new Set(drawings).size, boxed: drawings.filter((d) => d === box).length};
}
"""


def test_right_to_left_pages_are_mirrored_and_keep_numbers_in_order(page, served: str) -> None:
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
    # The Arabic text is drawn in a font that has Arabic letters, not as empty boxes: each distinct
    # letter of the title, drawn in the title's font, is a glyph of its own, and none is the box
    # that a character no font has (U+0378, unassigned) is drawn as.
    drawn = page.locator("article h1").evaluate(DRAW_EACH_LETTER, r"[\u0600-\u06FF]")
    assert drawn["letters"] >= 8, drawn
    assert drawn["distinct"] == drawn["letters"] and not drawn["boxed"], drawn


def test_every_dialog_has_an_accessible_name(site: Path) -> None:
    """axe in the tests skips the hidden search layer; Lighthouse does not (aria-dialog-name)."""
    for path in site_pages(site):
        for dialog in page_soup(path).select("[role=dialog]"):
            assert dialog.get("aria-label") or dialog.get("aria-labelledby"), f"{path}: {dialog.name}"
