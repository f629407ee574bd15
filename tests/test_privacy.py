"""Safety and privacy in a real Chromium: the quick exit, no traces, no other origin, no CSP breach."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import NEUTRAL_URL, page_soup, site_pages
from test_search import WATCH_WORKER, open_search, wait_for_results

START_URL = "https://start.test/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


@pytest.fixture
def outside(page):
    """Answer the two outside addresses the tests use ourselves: nothing leaves the machine."""
    page.route(NEUTRAL_URL, lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    page.route(START_URL, lambda route: route.fulfill(content_type="text/html", body="<title>Start</title>"))
    return page


def arrive_from_elsewhere(page, served: str, path: str = "threatened/stop/") -> None:
    page.goto(START_URL)
    page.goto(served + path)
    page.locator("[data-shk=quick-exit] .shk-exit__button").wait_for()


# Every key event the document sees, in order: what a test's typing really sent.
WATCH_KEYS = """
window.__keys = [];
for (const type of ["keydown", "keyup"]) {
  document.addEventListener(type, (event) => window.__keys.push(type + ":" + event.key), true);
}
"""


def type_as_a_keyboard_does(page, text: str) -> None:
    """Each capital as a real keyboard sends it: Shift down, the letter down and up, Shift up."""
    for char in text:
        if char == " ":
            page.keyboard.press("Space")
        elif char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.press(f"Key{char.upper()}")


def assert_still_here(page, url: str) -> None:
    # leave() covers the page and says so before the browser moves: both would show at once.
    assert page.locator(".shk-exit__overlay").count() == 0
    bar = page.locator("[data-shk=quick-exit]")
    assert bar.locator("[role=status]").text_content() != bar.get_attribute("data-leaving")
    assert page.url == url, page.url


def assert_left_for_good(page, served: str) -> None:
    page.wait_for_url(NEUTRAL_URL)
    assert page.title() == "Weather"
    page.go_back(wait_until="commit")
    # The help page was replaced in the history: Back goes to where the reader came from.
    assert page.url == START_URL, page.url


def test_quick_exit_by_click(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served)
    outside.locator("[data-shk=quick-exit] .shk-exit__button").click()
    assert_left_for_good(outside, served)


def test_quick_exit_is_the_first_thing_the_keyboard_reaches(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served, "fr/threatened/stop/")
    outside.keyboard.press("Tab")
    focused = outside.evaluate("document.activeElement.textContent")
    assert focused == "Quitter ce site"
    outside.keyboard.press("Enter")
    assert_left_for_good(outside, served)


def test_quick_exit_by_pressing_shift_three_times(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served)
    status = outside.locator("[data-shk=quick-exit] [role=status]")
    outside.keyboard.press("Shift")
    assert "twice more" in status.text_content()
    outside.keyboard.press("Shift")
    assert "once more" in status.text_content()
    outside.keyboard.press("Shift")
    assert_left_for_good(outside, served)


def test_typing_capitals_in_search_does_not_leave(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served)
    outside.locator("label.md-header__button[for=__search]").click()
    field = outside.locator("input.md-search__input")
    outside.evaluate(WATCH_KEYS)
    type_as_a_keyboard_does(outside, "I Need Help")
    assert field.input_value() == "I Need Help"
    keys = outside.evaluate("window.__keys")
    assert keys[:4] == ["keydown:Shift", "keydown:I", "keyup:I", "keyup:Shift"], keys
    assert keys.count("keyup:Shift") == 3, keys
    assert_still_here(outside, served + "threatened/stop/")
    # The capitals left no count behind: the next Shift alone is the first of three.
    outside.keyboard.press("Shift")
    assert "twice more" in outside.locator("[data-shk=quick-exit] [role=status]").text_content()


def test_another_key_between_shift_presses_starts_the_count_again(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served)
    status = outside.locator("[data-shk=quick-exit] [role=status]")
    outside.keyboard.press("Shift")
    outside.keyboard.press("Shift")
    assert "once more" in status.text_content()
    outside.keyboard.press("KeyA")
    assert status.text_content() == ""
    outside.keyboard.press("Shift")
    assert "twice more" in status.text_content()
    assert_still_here(outside, served + "threatened/stop/")
    outside.keyboard.press("Shift")
    outside.keyboard.press("Shift")
    assert_left_for_good(outside, served)


def test_shift_held_for_a_click_does_not_count(outside, served: str) -> None:
    arrive_from_elsewhere(outside, served)
    status = outside.locator("[data-shk=quick-exit] [role=status]")
    outside.keyboard.press("Shift")
    outside.keyboard.press("Shift")
    outside.keyboard.down("Shift")
    outside.locator("h1").first.click()
    outside.keyboard.up("Shift")
    assert_still_here(outside, served + "threatened/stop/")
    assert status.text_content() == ""
    outside.keyboard.press("Shift")
    assert "twice more" in status.text_content()


# True when the page is scrolled at least a screen down and has not moved since the last frame.
SCROLLED_AND_AT_REST = """
() => {
  const y = window.scrollY, still = y === window.__shkLastY;
  window.__shkLastY = y;
  return still && y >= window.innerHeight;
}
"""


def test_quick_exit_is_visible_without_scrolling_on_a_small_phone(page, served: str) -> None:
    page.goto(served + "parents/")
    button = page.locator("[data-shk=quick-exit] .shk-exit__button")
    box = button.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740 and box["x"] + box["width"] <= 360
    page.mouse.wheel(0, 3000)
    # The wheel has scrolled the page a screen or more, and the page has come to rest there.
    page.wait_for_function(SCROLLED_AND_AT_REST, polling="raf")
    box = button.bounding_box()
    assert box and 0 <= box["y"] < 60, "the quick exit scrolled out of view"


def test_quick_exit_works_without_javascript(browser, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(NEUTRAL_URL, lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    page.goto(served)
    page.locator("[data-shk=quick-exit] .shk-exit__button").click()
    page.wait_for_url(NEUTRAL_URL)
    context.close()


def storage_state(page) -> dict:
    return page.evaluate(
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            cookie: document.cookie,
            indexedDB: (await indexedDB.databases()).length,
            caches: (await caches.keys()).length,
        })"""
    )


def test_a_visit_through_every_feature_leaves_no_trace(page, served: str) -> None:
    page.add_init_script(WATCH_WORKER)
    page.goto(served)
    page.locator(".grid.cards a").first.click()
    page.wait_for_load_state()
    # Search
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("evidence")
    wait_for_results(page, "evidence")
    page.locator(".md-search-result__list > li a").first.click()
    page.wait_for_load_state()
    # Switch language
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__list a[hreflang="fr"]').click()
    page.wait_for_url("**/fr/**")
    # Directory filter
    page.goto(served + "fr/directory/")
    page.locator("#shk-filter-input").press_sequentially("belg")
    assert page.locator(".shk-country-index li:not([hidden])").count() == 1
    # Menu drawer
    page.locator("label.md-header__button[for=__drawer]").click()
    assert storage_state(page) == {"local": 0, "session": 0, "cookie": "", "indexedDB": 0, "caches": 0}
    assert page.context.cookies() == []


def test_search_terms_reach_no_address_history_or_request(page, site: Path, served: str) -> None:
    term = "gift"
    # A word the pages use but no page's address or heading anchor holds, so finding it in a URL
    # can only mean the query was put there.
    pages = site_pages(site)
    assert any(term in path.read_text(encoding="utf-8") for path in pages)
    assert not [path for path in pages if term in str(path.relative_to(site))]
    assert not [path for path in pages if re.search(f'id="[^"]*{term}', path.read_text(encoding="utf-8"))]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_search(page, served, "")
    before = page.evaluate("history.length")
    page.locator("input.md-search__input").press_sequentially(term)
    hrefs = wait_for_results(page, term)
    assert not [href for href in hrefs if term in href.casefold() or urlsplit(href).query], hrefs
    page.locator(".md-search-result__list > li a").first.click()
    page.wait_for_url(lambda url: url != served)
    page.wait_for_load_state()
    # Searching added one entry to the history, the result; Back and Forward show what each holds.
    assert page.evaluate("history.length") == before + 1
    entries = [page.url]
    page.go_back()
    entries.append(page.url)
    page.go_forward()
    entries.append(page.url)
    assert entries[1] == served and entries[2] == entries[0], entries
    assert not [url for url in entries if term in url.casefold() or urlsplit(url).query], entries
    # The request line is what reaches the host's log.
    assert requested and not [url for url in requested if term in url.casefold() or "?h=" in url], requested


def test_no_page_asks_for_search_terms_in_its_links(site: Path) -> None:
    # Material's search.highlight adds the query to every result's link (?h=), in every language.
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
    for path in site_pages(site):
        found = config.search(path.read_text(encoding="utf-8"))
        assert found, path
        assert "search.highlight" not in json.loads(found.group(1))["features"], path


def test_every_page_loads_only_from_the_site_and_breaks_no_policy(phone_visit, site: Path, served: str) -> None:
    # Every page opened once at a phone's width (conftest.visit_every_page, which axe shares).
    pages = site_pages(site)
    assert len(phone_visit.pages) == len(pages)
    for url, seen in phone_visit.pages.items():
        assert seen["status"] == 200, url
        assert seen["violations"] == [], f"{url}: {seen['violations']}"
        assert len(seen["policy"]) == 1 and "default-src 'none'" in seen["policy"][0], (url, seen["policy"])
        assert seen["referrer"] == ["no-referrer"], (url, seen["referrer"])
    requested = phone_visit.requested
    origin = urlsplit(served).netloc
    elsewhere = sorted({url for url in requested if urlsplit(url).netloc != origin})
    assert elsewhere == []
    assert phone_visit.failed == [], "the site asked itself for files it does not have"
    # Also what was still on its way when the next page was opened (the favicon, say): every
    # file asked for is in the site.
    files = {re.sub(r"/$", "/index.html", unquote(urlsplit(url).path)).lstrip("/") for url in requested}
    missing = sorted(file for file in files if not (site / file).is_file())
    assert missing == [], missing
    assert len(requested) > len(pages)


def test_outbound_links_carry_noopener_noreferrer(site: Path) -> None:

    checked = 0
    for path in site_pages(site):
        for anchor in page_soup(path).select('a[href^="http"]'):
            assert {"noopener", "noreferrer"} <= set(anchor.get("rel", [])), f"{path}: {anchor}"
            checked += 1
    assert checked > 0
