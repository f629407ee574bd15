"""The guided path "What's happening to you?": every bad structure the checker must name, the real
data in every language, and the built pages walked end to end in Chromium with JavaScript off."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import LANGUAGES, ROOT, page_soup
from helpkit.guide.path import DATA_FILE, Guide, GuideError, parse_guide, read_guide
from helpkit.guide.render import render_question
from helpkit.i18n.strings import Strings, load_strings

PAGES = {"a.md": "# A\n", "b/c.md": "# C\n\n## Part { #part }\n"}


def strings_for(tree: dict) -> set[str]:
    keys = {"guide.lead", "guide.answers", "guide.start_again"}
    for question, answers in tree["questions"].items():
        keys.add(f"guide.{question}.question")
        keys.update(f"guide.{question}.{answer}" for answer in answers)
    return keys


def parse(tree: dict, strings: set[str] | None = None) -> Guide:
    return parse_guide(tree, pages=PAGES, strings=strings_for(tree) if strings is None else strings)


def problems_of(tree: dict, strings: set[str] | None = None) -> list[str]:
    with pytest.raises(GuideError) as caught:
        parse(tree, strings)
    return [str(problem) for problem in caught.value.problems]


GOOD = {
    "start": "first",
    "questions": {"first": {"yes": "second", "no": "a.md"}, "second": {"x": "b/c.md#part", "y": "a.md"}},
}


def test_a_good_guide_reads_with_its_pages_and_links() -> None:
    guide = parse(GOOD)
    assert guide.page_of("first") == "guide/index.md" and guide.page_of("second") == "guide/second.md"
    first = guide.questions["first"].answers
    assert [(a.name, a.target, a.leads_to_question) for a in first] == [("yes", "second", True), ("no", "a.md", False)]


def test_an_answer_to_nowhere_is_named_with_what_was_expected() -> None:
    tree = {"start": "first", "questions": {"first": {"yes": "a.md", "no": "missing.md", "maybe": "b/c.md#gone"}}}
    found = problems_of(tree)
    assert any("questions.first.no: 'missing.md': no such page" in p for p in found), found
    assert any("questions.first.maybe: 'b/c.md#gone': docs/en/b/c.md has no { #gone }" in p for p in found), found


def test_a_loop_and_an_unreachable_question_are_both_named() -> None:
    tree = {
        "start": "first",
        "questions": {
            "first": {"on": "second", "out": "a.md"},
            "second": {"back": "first", "out": "a.md"},
            "lonely": {"one": "a.md", "two": "a.md"},
        },
    }
    found = problems_of(tree)
    assert f"{DATA_FILE}: a loop: first -> second -> first: expected every path to end on a page" in found
    assert any("questions.lonely: no answer leads here" in p for p in found), found


def test_too_few_or_too_many_answers_and_a_missing_start_are_named() -> None:
    many = {f"a{index}": "a.md" for index in range(7)}
    tree = {"start": "nowhere", "questions": {"one": {"only": "a.md"}, "many": many}}
    found = problems_of(tree)
    assert any("questions.one: 1 answers: expected 2 to 6" in p for p in found), found
    assert any("questions.many: 7 answers: expected 2 to 6" in p for p in found), found
    assert any("start: 'nowhere': expected one of the questions (one, many)" in p for p in found), found


def test_words_missing_or_left_over_in_the_english_strings_are_named() -> None:
    strings = strings_for(GOOD) - {"guide.second.x"} | {"guide.second.old"}
    found = problems_of(GOOD, strings)
    assert "data/strings/en.yml: guide.second.x: missing: expected the words of this question or answer" in found
    assert f"data/strings/en.yml: guide.second.old: no such question or answer in {DATA_FILE}" in found


@pytest.mark.parametrize("tree", [None, [], {"start": "a"}, {"questions": {"a": ["x"]}}])
def test_a_file_of_the_wrong_shape_is_an_error_not_a_crash(tree: object) -> None:
    with pytest.raises(GuideError):
        parse_guide(tree, pages=PAGES, strings=set())


def test_a_question_renders_as_escaped_links_with_a_way_back_to_the_start() -> None:
    guide = parse(GOOD)
    words = {key: f"<b>{key}</b>" for key in strings_for(GOOD)}
    html = render_question(
        guide, "second", strings=Strings("en", words), url=lambda target: f"/{target}", start_url="/start"
    )
    assert '<a class="shk-guide__answer" href="/b/c.md#part">&lt;b&gt;guide.second.x&lt;/b&gt;</a>' in html
    assert '<a href="/start">' in html and "<b>" not in html
    first = render_question(guide, "first", strings=Strings("en", words), url=lambda t: f"/{t}", start_url="/start")
    assert 'href="/guide/second.md"' in first and "shk-guide__lead" in first and "/start" not in first


def english_pages() -> dict[str, str]:
    docs = ROOT / "docs" / "en"
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}


def test_the_real_guide_is_valid_and_every_language_has_its_words() -> None:
    strings = load_strings(ROOT / "data" / "strings", LANGUAGES)
    guide = read_guide(ROOT / DATA_FILE, pages=english_pages(), strings=strings["en"].table.keys())
    for language in LANGUAGES:
        assert guide.string_keys() <= strings[language].table.keys(), language
    # Every anchor the guide links to is kept by every translation of its page.
    for question in guide.questions.values():
        for answer in question.answers:
            page, _, anchor = answer.target.partition("#")
            for language in LANGUAGES if anchor else ():
                text = (ROOT / "docs" / language / page).read_text(encoding="utf-8")
                assert f"{{ #{anchor} }}" in text, f"docs/{language}/{page}: no {{ #{anchor} }}"


def test_the_guide_in_the_built_site_leads_only_to_real_pages(site: Path) -> None:
    guide = yaml.safe_load((ROOT / DATA_FILE).read_text(encoding="utf-8"))
    for language in LANGUAGES:
        folder = site if language == "en" else site / language
        start = folder / "guide" / "index.html"
        seen, queue, leaves = set(), [start], set()
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            answers = page_soup(path).select("a.shk-guide__answer")
            assert 2 <= len(answers) <= 6, path
            for answer in answers:
                href = urlsplit(answer["href"])
                target = (path.parent / href.path / "index.html").resolve()
                assert target.is_file(), f"{path}: {answer['href']}"
                if href.fragment:
                    assert page_soup(target).find(id=href.fragment), f"{path}: {answer['href']}"
                if "/guide/" in target.as_posix():
                    queue.append(target)
                else:
                    leaves.add(target)
        assert len(seen) == len(guide["questions"]), language
        assert len(leaves) >= 9, (language, leaves)


def test_the_guide_works_end_to_end_with_javascript_off(browser, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served)
        page.locator("article a[href$='guide/']").first.click()
        for answer in ("Someone I met online", "Money, gift cards", "No, I haven't paid", "No, they recorded"):
            page.locator("a.shk-guide__answer", has_text=answer).click()
        assert urlsplit(page.url).path.endswith("/threatened/no-copy/"), page.url
        assert page.locator("h1").inner_text() == "They recorded a video call, and I have no copy"
        page.go_back()
        page.locator("a.shk-guide__answer", has_text="Yes, I have them").click()
        assert urlsplit(page.url).path.endswith("/threatened/"), page.url
        # In French too: the answers and the page they lead to are the French ones.
        page.goto(urljoin(served, "fr/guide/"))
        assert page.locator("html").get_attribute("lang") == "fr"
        page.locator("a.shk-guide__answer").nth(5).click()
        page.locator("a.shk-guide__answer").nth(1).click()
        assert urlsplit(page.url).path.endswith("/fr/parents/"), page.url
    finally:
        context.close()
