"""The English content: every page of the brief, in the navigation, plain, with the facts it needs."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, page_soup, site_pages
from helpkit.page.frontmatter import split_front_matter
from helpkit.page.readability import flesch_reading_ease

DOCS = ROOT / "docs" / "en"
# The pages CONTENT-BRIEF.md asks for, in the order a reader needs them.
BRIEF_PAGES = [
    "index.md",
    "threatened/index.md",
    "threatened/stop.md",
    "threatened/tell-someone.md",
    "threatened/keep-evidence.md",
    "threatened/block-and-report.md",
    "threatened/report-to-police.md",
    "threatened/remove-images.md",
    "threatened/look-after-yourself.md",
    "threatened/how-scams-work.md",
    "threatened/no-copy.md",
    "threatened/already-shared.md",
    "threatened/someone-you-know.md",
    "threatened/not-money.md",
    "threatened/fake-images.md",
    "threatened/adults.md",
    "threatened/secure-accounts.md",
    "friends.md",
    "parents.md",
    "teachers.md",
    "prevention.md",
    "leave-quickly.md",
    "about.md",
    "privacy.md",
    "accessibility.md",
]
BARS = {"young": 70, "friend": 70, "adult": 50}


def nav_paths(items: list) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(nav_paths(value) if isinstance(value, list) else [value])
    return found


def read(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def text_of(*pages: str) -> str:
    return "\n".join(split_front_matter(read(page))[1] for page in pages).casefold()


def test_every_brief_page_is_in_the_navigation_in_order() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    # The directory and "Report it on the app" are generated from data (hooks/), not written in docs/.
    nav = [path for path in nav_paths(config["nav"]) if path not in {"directory.md", "report-on-apps.md"}]
    assert nav == BRIEF_PAGES
    assert sorted(nav) == sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", BRIEF_PAGES)
def test_reading_ease_meets_the_bar_for_its_audience(page: str) -> None:
    meta, _ = split_front_matter(read(page))
    bar = BARS[meta["audience"]]
    score = flesch_reading_ease(read(page))
    assert score >= bar, f"{page}: Flesch reading ease {score:.1f}, below {bar} for {meta['audience']}"


@pytest.mark.parametrize("page", BRIEF_PAGES)
def test_each_page_has_one_title_and_no_skipped_heading_level(page: str) -> None:
    meta, body = split_front_matter(read(page))
    levels = [len(match) for match in re.findall(r"^(#{1,6}) ", body, flags=re.MULTILINE)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert meta["title"] and meta["description"]


@pytest.mark.parametrize(
    ("pages", "facts"),
    [
        (["threatened/stop.md"], ["don't pay", "already paid"]),
        (["threatened/keep-evidence.md"], ["don't save, copy or screenshot nude", "don't forward", "user id"]),
        (["threatened/report-to-police.md"], ["tell a parent or carer", "what happens"]),
        (["threatened/no-copy.md"], ["take it down", "cybertipline", "report the link"]),
        (["threatened/already-shared.md"], ["delete it", "going back to school"]),
        (["threatened/someone-you-know.md"], ["someone from your class", "the school should act"]),
        (["threatened/not-money.md"], ["emergency", "{{ emergency }}", "{{ crisis }}"]),
        (["threatened/fake-images.md"], ["don't have to prove", "the same steps"]),
        (["threatened/adults.md"], ["stopncii", "bluff", "dating app"]),
        (["threatened/secure-accounts.md"], ["password", "two-step", "log out"]),
        (["threatened/tell-someone.md"], ["can't tell your parents", "come out"]),
        (["threatened/look-after-yourself.md"], ["{{ crisis }}", "this can be fixed"]),
        (["threatened/block-and-report.md"], ["save the evidence before you block", "deactivate"]),
        (["threatened/tell-someone.md"], ["{{ helpline }}", "did nothing wrong"]),
        (
            ["threatened/remove-images.md"],
            ["take it down", "stopncii", "report remove", "needhelpnow", "esafety"],
        ),
        (["threatened/how-scams-work.md"], ["fake", "ai", "boys"]),
        (
            ["parents.md"],
            ["never pay", "do not punish", "take it down", "never copy the images to your own device", "suicide"],
        ),
        (["teachers.md"], ["do not view", "safeguarding", "second adult", "don't alert", "don't delete", "ai"]),
        (["friends.md"], ["forward", "adult they trust", "if someone sent the images to you"]),
        (["leave-quickly.md"], ["shift", "private"]),
    ],
)
def test_the_facts_that_must_be_there_are_there(pages: list[str], facts: list[str]) -> None:
    text = text_of(*pages).replace("’", "'")
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"{pages}: missing {missing}"


def test_evidence_comes_before_blocking() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = nav_paths(config["nav"])
    assert nav.index("threatened/keep-evidence.md") < nav.index("threatened/block-and-report.md")


def test_no_phone_number_is_typed_into_the_pages() -> None:
    """The reader's numbers come from data ({{ emergency }}, {{ crisis }}, {{ helpline }}), never typed:
    112 is wrong for a US edition, 116 111 for a country whose child line has another number."""
    for language in LANGUAGES:
        for path in (ROOT / "docs" / language).rglob("*.md"):
            body = split_front_matter(path.read_text(encoding="utf-8"))[1]
            numbers = re.findall(r"(?<![\w/.#-])\+?\d[\d ]{1,}\d(?![\w/.:-])", body)
            assert not [n for n in numbers if not re.fullmatch(r"(19|20)\d\d|\d{2}", n.strip())], f"{path}: {numbers}"


def test_the_removal_chooser_works_without_javascript(site: Path) -> None:
    page = BeautifulSoup((site / "threatened" / "remove-images" / "index.html").read_text(), "html.parser")
    for anchor in ("under-18", "adult"):
        assert page.select_one(f'article a[href="#{anchor}"]'), f"no link to #{anchor}"
        assert page.find(id=anchor)


def test_every_page_ends_with_the_help_box(site: Path) -> None:
    for path in site_pages(site):
        article = page_soup(path).select_one("article")
        box = article.select_one("aside[data-shk=helpbox]")
        assert box is not None, f"{path}: no help box"
        assert box is article.find_all(recursive=False)[-1] or not box.find_next_sibling(), path
        assert box.select_one('a[href^="tel:"]'), f"{path}: no number to call"


def test_help_is_one_tap_away_from_the_top_of_every_page(page, served: str) -> None:
    page.goto(served + "uk/threatened/keep-evidence/")
    link = page.locator("[data-shk=quick-exit] .shk-exit__help")
    assert link.is_visible()
    link.click()
    box = page.locator("aside[data-shk=helpbox]")
    box.locator("h2").wait_for()
    top = box.bounding_box()["y"]
    assert 0 <= top < 740, top
    # The crisis line is in the box itself, never a link that leads back to a page about it.
    assert box.locator(".shk-helpbox__item--crisis a[href^='tel:']").count() == 1
    assert box.locator('a[href*="#crisis"]').count() == 0


# The stem each language writes for "screenshot" on the evidence pages (docs/<lang>/...).
SCREENSHOT = {
    "en": "screenshot",
    "nl": "screenshot",
    "it": "screenshot",
    "ro": "captur",
    "uk": "скриншот",
    "pl": "zrzut",
    "fr": "capture",
    "de": "screenshot",
    "es": "captura",
    "pt": "captura",
    "ar": "لقط",
}
EVIDENCE_PAGES = ("threatened/keep-evidence", "friends")


def test_the_evidence_warning_comes_before_any_screenshot_instruction(site: Path) -> None:
    """A panicking reader stops at the first instruction: 'don't screenshot nude images' must come first."""
    for language in LANGUAGES:
        folder = site if language == "en" else site / language
        for page in EVIDENCE_PAGES:
            article = page_soup(folder / page / "index.html").select_one("article")
            warning = article.select_one(".admonition.shk-evidence-warning")
            assert warning is not None, f"{language}/{page}: no evidence warning"
            text = article.get_text(" ").casefold()
            first = text.find(SCREENSHOT[language])
            assert first != -1, f"{language}/{page}: {SCREENSHOT[language]!r} not found"
            start = text.find(warning.get_text(" ").casefold())
            assert start <= first < start + len(warning.get_text(" ")), f"{language}/{page}: screenshots named first"
        keep = page_soup(folder / EVIDENCE_PAGES[0] / "index.html").select_one("article")
        assert keep.select_one(".shk-evidence-warning").find_previous_sibling("h2") is None, language


SITUATIONS = [
    "threatened/no-copy",
    "threatened/already-shared",
    "threatened/someone-you-know",
    "threatened/not-money",
    "threatened/fake-images",
    "threatened/adults",
    "threatened/secure-accounts",
    "guide",
]


def _links(page: Path, root: Path) -> set[str]:
    article = page_soup(page).select_one("article")
    found = set()
    for anchor in article.select("a[href]"):
        href = anchor["href"].split("#")[0]
        target = (page.parent / href).resolve()
        # Pages of this language only: the open data and other languages sit outside its folder.
        if href and "://" not in href and ":" not in href.split("/")[0] and target.is_relative_to(root.resolve()):
            found.add(target.relative_to(root.resolve()).as_posix().removesuffix("/index.html"))
    return found


def test_each_situation_is_two_taps_from_the_start_page(site: Path) -> None:
    for language in LANGUAGES:
        folder = site if language == "en" else site / language
        one = _links(folder / "index.html", folder)
        two = set().union(
            *(_links(folder / path / "index.html", folder) for path in one if (folder / path / "index.html").is_file())
        )
        missing = [path for path in SITUATIONS if path not in one | two]
        assert not missing, f"{language}: {missing}"
        assert set(SITUATIONS[:-1]) <= _links(folder / "threatened" / "index.html", folder), language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "threatened/"])
def test_the_first_phone_screen_shows_three_steps_and_a_call(page, served: str, language: str, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served + ("" if language == "en" else f"{language}/") + path)
    steps = page.locator("article h2#first-steps + ol > li")
    assert steps.count() == 3
    call = page.locator("article .shk-call-now a[href^='tel:']").first
    for element in (steps.nth(2), call):
        box = element.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740, (language, path, box)
    # Before the cards of the start page and the eight steps: the first list is the three steps.
    first_list = page.locator("article ol").first
    assert first_list.evaluate("list => list.previousElementSibling.id") == "first-steps"
    cards = page.locator("article .grid.cards")
    if path == "":
        assert cards.bounding_box()["y"] > call.bounding_box()["y"]
