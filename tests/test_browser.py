"""The site in a real Chromium (the distribution's package), as a reader on a phone uses it."""

from __future__ import annotations

import pytest

from test_search import open_search, wait_for_results


def test_pages_open_in_both_languages(page, served: str) -> None:
    page.goto(served + "threatened/stop/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.is_visible()
    page.goto(served + "fr/threatened/stop/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").first.is_visible()


def test_the_language_switcher_keeps_the_page(page, served: str) -> None:
    page.goto(served + "threatened/keep-evidence/")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__list a[hreflang="fr"]').click()
    page.wait_for_url("**/fr/threatened/keep-evidence/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__list a[hreflang="en"]').click()
    page.wait_for_url(served + "threatened/keep-evidence/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("", "screenshot", "/threatened/keep-evidence/"), ("fr/", "capture", "/fr/threatened/keep-evidence/")],
)
def test_the_search_box_finds_a_page(page, served: str, start: str, query: str, expected: str) -> None:
    open_search(page, served, start)
    page.locator("input.md-search__input").press_sequentially(query)
    hrefs = wait_for_results(page, query)
    assert any(expected in href for href in hrefs), hrefs


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_quick_exit_bar_cuts_nothing_and_hides_no_menu_on_a_phone(page, served: str, language: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served + ("" if language == "en" else f"{language}/") + "threatened/stop/")
    bar = page.locator("[data-shk=quick-exit]").bounding_box()
    help_link = page.locator("[data-shk=quick-exit] .shk-exit__help").bounding_box()
    button = page.locator("[data-shk=quick-exit] .shk-exit__button").bounding_box()
    # "Get help now" and "Leave this site" whole, side by side, inside the bar and the screen.
    for box in (help_link, button):
        assert 0 <= box["x"] and box["x"] + box["width"] <= 360, (language, box)
        assert bar["y"] <= box["y"] and box["y"] + box["height"] <= bar["y"] + bar["height"] + 0.5, (language, box)
    assert help_link["x"] + help_link["width"] <= button["x"] or button["x"] + button["width"] <= help_link["x"]
    # Material's header starts where the bar ends, so the bar never covers it.
    header = page.locator(".md-header").bounding_box()
    assert header["y"] >= bar["y"] + bar["height"] - 0.5, (bar, header)
    # The menu opens below the bar: its first line (the site's name, the way back) is what is there.
    page.locator("label.md-header__button[for=__drawer]").click()
    title = page.locator(".md-sidebar--primary .md-nav__title").first
    title.wait_for()
    page.wait_for_timeout(400)  # the drawer slides in over 0.25 s
    box = title.bounding_box()
    assert box["y"] >= bar["y"] + bar["height"] - 0.5, (language, box)
    inside = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.md-sidebar--primary')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert inside, language


@pytest.mark.parametrize("width", [360, 1280])
def test_a_link_to_a_country_lands_below_the_sticky_bars(page, served: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(served + "directory/eastern-europe/#country-pl")
    page.wait_for_timeout(200)
    target = page.locator("#country-pl").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert target["y"] >= header["y"] + header["height"], (target, header)
    assert target["y"] < 740 / 2, target


@pytest.mark.parametrize("path", ["threatened/", "directory/", "directory/western-europe/", "ar/directory/"])
def test_numbers_are_44_px_targets_and_lists_of_links_24_px(page, served: str, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served + path)
    sizes = page.evaluate(
        """() => {
          const box = (a) => { const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.width, r.height]; };
          const calls = [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
            .filter((a) => a.offsetParent);
          const listed = [...document.querySelectorAll('[data-shk=quick-exit] a, .shk-country-index a')];
          return { calls: calls.map(box), listed: listed.map(box) };
        }"""
    )
    assert sizes["calls"], path
    assert [call for call in sizes["calls"] if call[1] < 44 or call[2] < 44] == [], path
    assert [link for link in sizes["listed"] if link[2] < 24] == [], path
