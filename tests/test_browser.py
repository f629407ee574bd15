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
