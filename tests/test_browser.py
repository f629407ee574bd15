"""The site in a real Chromium (the distribution's package), as a reader on a phone uses it."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES
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


def _prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


# Is each element inside the viewport, and is its middle this element (or inside it), not covered?
UNCOVERED = """
(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const r = el.getBoundingClientRect();
  const hit = (x, y) => {
    const found = document.elementFromPoint(x, y);
    return !!found && (found === el || el.contains(found));
  };
  return {
    box: [r.x, r.y, r.width, r.height],
    visible: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
    middle: hit(r.x + r.width / 2, r.y + r.height / 2),
  };
})
"""


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_start_page_opens_on_five_large_doors_each_a_whole_card_to_tap(
    page, served: str, language: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(served + _prefix(language))
    doors = page.locator(".shk-door")
    assert doors.count() == 5
    # Each with its icon, drawn inline: nothing loaded for it.
    assert page.locator(".shk-door > .shk-door__icon > svg").count() == 5
    # A tap anywhere on a door, its far corner too, lands on the door's own link.
    taps = page.evaluate(
        """() => [...document.querySelectorAll('.shk-door')].map((door) => {
          door.scrollIntoView({block: 'center'});
          const r = door.getBoundingClientRect(), link = door.querySelector('.shk-door__link');
          return [[r.x + r.width / 2, r.y + r.height / 2], [r.right - 6, r.bottom - 6], [r.x + 6, r.y + 6]]
            .every(([x, y]) => document.elementFromPoint(x, y) === link);
        })"""
    )
    assert taps == [True] * 5, taps
    page.locator(".grid.cards").scroll_into_view_if_needed()
    cards = page.evaluate(UNCOVERED, ".grid.cards .shk-door")
    columns = sorted({round(card["box"][0]) for card in cards})
    widths = {round(card["box"][2]) for card in cards}
    # Balanced: two by two on a wide screen, one under the other on a phone, all the same width.
    assert len(columns) == (2 if width == 1280 else 1), cards
    assert len(widths) == 1 and all(card["box"][3] >= 44 for card in cards), cards


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_step_page_reads_like_steps_not_a_manual(page, served: str, language: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served + _prefix(language) + "threatened/stop/")
    # No table of contents beside a step page; the three steps wear large numbers.
    assert not page.locator(".md-sidebar--secondary").is_visible()
    markers = page.locator("h2 .shk-step-marker")
    # The heading still reads "1. Don't pay": the stop is there, only out of sight.
    assert markers.all_text_contents() == ["1.", "2.", "3."]
    assert (
        markers.evaluate_all("(all) => all.map((m) => m.querySelector('.shk-visually-hidden').offsetWidth)") == [1] * 3
    )
    assert all(markers.nth(i).bounding_box()["height"] >= 28 for i in range(3))
    # Lines of about 70 characters, not the 120 a 1280 px window would give: each line of the
    # page's paragraphs counted from where the browser broke them.
    lengths = page.evaluate(
        """() => {
          const lines = [];
          for (const p of document.querySelectorAll("article > p")) {
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            const tops = new Map();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i); range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (rect) tops.set(Math.round(rect.top), (tops.get(Math.round(rect.top)) || 0) + 1);
              }
            }
            lines.push(...tops.values());
          }
          return lines;
        }"""
    )
    assert 55 <= max(lengths) <= 85, lengths
    # The last section is one clear button onward, 44 px tall or more.
    button = page.locator(".shk-next__link")
    assert button.count() == 1 and button.bounding_box()["height"] >= 44
    assert button.get_attribute("href") == "../tell-someone/"


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["threatened/stop/", "guide/", "directory/western-europe/"])
def test_every_section_shows_the_way_back_to_the_start_and_to_who_to_call(
    page, served: str, language: str, width: int, path: str
) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(served + _prefix(language) + path)
    start = page.locator(".shk-path .md-path__link").first
    directory = page.locator(".shk-path .shk-path__directory")
    assert start.evaluate("(a) => new URL(a.href).pathname") == "/" + _prefix(language)
    assert directory.evaluate("(a) => new URL(a.href).pathname") == "/" + _prefix(language) + "directory/"
    # Both in the first screen, above the title, uncovered, and 24 px tall or more.
    found = page.evaluate(UNCOVERED, ".shk-path .md-path__link, .shk-path .shk-path__directory")
    assert all(link["visible"] and link["middle"] and link["box"][3] >= 24 for link in found), found
    title = page.locator("article h1").bounding_box()
    assert all(link["box"][1] < title["y"] for link in found), (found, title)


@pytest.mark.parametrize("language", ["fr", "ar", "uk"])
def test_the_site_name_wraps_instead_of_being_cut_off_on_a_phone(page, served: str, language: str) -> None:
    page.goto(served + _prefix(language) + "threatened/stop/")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    clipped = name.evaluate("(el) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight]")
    assert clipped[0] <= 1 and clipped[1] <= 1, (language, clipped)
    box, header = name.bounding_box(), page.locator(".md-header").bounding_box()
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (box, header)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_language_menu_names_the_language_and_shows_every_language(
    page, served: str, language: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(served + _prefix(language) + "threatened/")
    button = page.locator(".md-header .md-select button")
    name = {"en": "English", "ar": "العربية"}[language]
    # Beside the icon where there is room; on a phone the site's name needs it, and the button
    # still says which language this is to a screen reader.
    assert button.locator(".shk-language__name").is_visible() == (width == 1280)
    assert button.get_attribute("aria-label").endswith(f": {name}")
    if width == 1280:
        assert button.locator(".shk-language__name").inner_text() == name
    button.click()
    page.wait_for_timeout(400)  # Material fades the list in over 0.25 s
    links = page.evaluate(UNCOVERED, ".md-select__list .md-select__link")
    # Every language, each in its own name, on screen at once: none hidden below a scroll.
    assert len(links) == len(LANGUAGES)
    assert all(link["visible"] and link["middle"] and link["box"][3] >= 24 for link in links), links
    names = page.locator(".md-select__list .md-select__link").all_inner_texts()
    assert "Français" in names and "العربية" in names and "Українська" in names, names
