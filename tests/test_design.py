"""helpkit.page.design: the doors, step markers and "next step" made from Python-Markdown's HTML."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from helpkit.page import design

MARKER = '<span class="shk-step-marker">'
STOP = '<span class="shk-visually-hidden">'
ICON = Markup('<span class="shk-door__icon"><svg aria-hidden="true"></svg></span>')

CARDS = """<div class="grid cards">
<ul>
<li>
<p><strong><a href="threatened/">I'm being threatened</a></strong></p>
<p>What to do right now.</p>
</li>
<li>
<p><strong><a href="elsewhere/">Not a door</a></strong></p>
</li>
</ul>
</div>
<p>Not sure which page fits? <a href="guide/">Answer a few short questions.</a></p>
<p>See <a href="guide/">the questions</a> or <a href="parents/">parents</a>.</p>"""


def test_a_card_that_opens_a_door_page_gets_its_icon_and_a_whole_card_link() -> None:
    marked = design.mark_doors(CARDS, page_url="", icons={"threatened/": ICON, "guide/": ICON}, wide="guide/")
    assert f'<li class="shk-door">{ICON}<p><strong><a class="shk-door__link" href="threatened/">' in marked
    # A card whose page is not a door is left as Markdown wrote it.
    assert '<li>\n<p><strong><a href="elsewhere/">Not a door</a>' in marked


def test_only_the_paragraph_that_is_the_invitation_becomes_the_wide_door() -> None:
    marked = design.mark_doors(CARDS, page_url="", icons={"guide/": ICON}, wide="guide/")
    assert (
        f'<p class="shk-door shk-door--wide">{ICON}Not sure which page fits? '
        '<a class="shk-door__link" href="guide/">Answer a few short questions.</a></p>'
    ) in marked
    # Two links in one sentence: a sentence, not a door.
    assert '<p>See <a href="guide/">the questions</a> or <a href="parents/">parents</a>.</p>' in marked


def test_doors_are_found_from_the_page_they_are_on() -> None:
    # On the French start page (fr/), "threatened/" is fr/threatened/.
    marked = design.mark_doors(CARDS, page_url="fr/", icons={"fr/threatened/": ICON}, wide="fr/guide/")
    assert 'class="shk-door__link" href="threatened/"' in marked
    assert "shk-door--wide" not in marked


@pytest.mark.parametrize(
    ("heading", "marker"),
    [
        ('<h2 id="1-dont-pay">1. Don\'t pay</h2>', f"{MARKER}1{STOP}."),
        ('<h2 id="x">12) Twelve</h2>', f"{MARKER}12{STOP})"),
        ('<h2 id="y">\u0663. ثلاثة</h2>', f"{MARKER}\u0663{STOP}."),
    ],
)
def test_a_numbered_step_heading_gets_its_number_as_a_marker_and_keeps_its_text(heading: str, marker: str) -> None:
    marked = design.mark_steps(heading)
    assert marker in marked
    # What a screen reader and search read is unchanged: the number, its stop, the words.
    text = marked.replace('<span class="shk-step-marker">', "").replace('<span class="shk-visually-hidden">', "")
    assert text.replace("</span>", "") == heading


@pytest.mark.parametrize("heading", ["<h2>If you already paid</h2>", "<h2>2026 was a year</h2>", "<h3>1. Sub</h3>"])
def test_other_headings_get_no_marker(heading: str) -> None:
    assert design.mark_steps(heading) == heading


def test_the_last_section_that_only_links_on_becomes_the_next_step_button() -> None:
    page = '<h2 id="next-step">Next step</h2>\n<p><a href="../tell-someone/">Step 2: Tell someone</a></p>\n'
    marked = design.mark_next_step(page)
    assert marked.endswith(
        '<h2 id="next-step">Next step</h2>\n'
        '<p class="shk-next"><a class="shk-next__link" href="../tell-someone/">Step 2: Tell someone</a></p>\n'
    )


@pytest.mark.parametrize(
    "page",
    [
        '<h2 id="next">Next step</h2>\n<p><a href="a/">A</a></p>\n<p>More text after it.</p>',
        '<h2 id="more">Read more</h2>\n<p>See <a href="a/">A</a> for this.</p>',
    ],
)
def test_a_section_that_is_not_only_a_link_at_the_end_stays_as_it_is(page: str) -> None:
    assert design.mark_next_step(page) == page


@pytest.mark.parametrize(
    ("meta", "hidden"),
    [
        ({"audience": "young"}, ["toc"]),
        ({"audience": "friend", "hide": ["navigation"]}, ["navigation", "toc"]),
        ({"audience": "young", "hide": ["toc"]}, ["toc"]),
        ({"audience": "adult"}, None),
    ],
)
def test_step_pages_have_no_table_of_contents_the_long_adult_pages_keep_it(meta: dict, hidden: list | None) -> None:
    design.hide_toc(meta)
    assert meta.get("hide") == hidden


def test_an_icon_is_decoration_only() -> None:
    icon = design.icon_svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0"/></svg>\n')
    assert icon.startswith('<span class="shk-door__icon"><svg aria-hidden="true" focusable="false" xmlns=')
