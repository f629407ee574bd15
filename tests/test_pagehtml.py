"""helpkit.page.edits: edits to finished pages."""

from __future__ import annotations

from markupsafe import Markup

from helpkit.page.edits import insert_after_body_open, set_html_direction

PAGE = '<!doctype html><html lang="ar" class="no-js"><head></head><body dir="rtl" data-x="1"><p>x</p></body></html>'


def test_the_body_direction_is_copied_to_html() -> None:
    assert '<html lang="ar" class="no-js" dir="rtl">' in set_html_direction(PAGE)


def test_a_page_without_direction_is_unchanged() -> None:
    assert set_html_direction("<html><body></body></html>") == "<html><body></body></html>"


def test_a_fragment_goes_first_in_body_and_the_page_is_not_escaped() -> None:
    out = insert_after_body_open(PAGE, Markup('<div id="first">&amp;</div>'))
    assert '<body dir="rtl" data-x="1"><div id="first">&amp;</div><p>x</p>' in out
    assert "&lt;" not in out
