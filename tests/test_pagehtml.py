"""helpkit.page.edits: edits to finished pages."""

from __future__ import annotations

from markupsafe import Markup

from helpkit.page.edits import insert_after_body_open, insert_after_lead, set_html_direction

PAGE = '<!doctype html><html lang="ar" class="no-js"><head></head><body dir="rtl" data-x="1"><p>x</p></body></html>'


def test_the_body_direction_is_copied_to_html() -> None:
    assert '<html lang="ar" class="no-js" dir="rtl">' in set_html_direction(PAGE)


def test_a_page_without_direction_is_unchanged() -> None:
    assert set_html_direction("<html><body></body></html>") == "<html><body></body></html>"


def test_a_fragment_goes_first_in_body_and_the_page_is_not_escaped() -> None:
    out = insert_after_body_open(PAGE, Markup('<div id="first">&amp;</div>'))
    assert '<body dir="rtl" data-x="1"><div id="first">&amp;</div><p>x</p>' in out
    assert "&lt;" not in out


def test_a_note_goes_after_the_title_and_first_paragraph_or_first_without_them() -> None:
    page = '<h1 id="t">Title</h1>\n<p>What this is.</p>\n<h2>Next</h2><p>More.</p>'
    assert (
        insert_after_lead(page, "<p>NOTE</p>")
        == '<h1 id="t">Title</h1>\n<p>What this is.</p><p>NOTE</p>\n<h2>Next</h2><p>More.</p>'
    )
    assert insert_after_lead("<h1>T</h1><ul><li>x</li></ul>", "N") == "<h1>T</h1>N<ul><li>x</li></ul>"
    assert insert_after_lead("<p>no title</p>", "N") == "N<p>no title</p>"
    listed = "<h1>T</h1><p>They want you to:</p>\n<ul>\n<li>a</li>\n</ul><p>Next.</p>"
    assert insert_after_lead(listed, "N") == "<h1>T</h1><p>They want you to:</p>\n<ul>\n<li>a</li>\n</ul>N<p>Next.</p>"
