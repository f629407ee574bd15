"""helpkit.html: only https: and tel: links come out of data, and all text is escaped."""

from __future__ import annotations

import pytest

from helpkit.html import link, ltr, safe_href


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "http://example.org",
        "data:text/html,x",
        "//evil.example",
        "tel:112;x",
        "https:///x",
    ],
)
def test_unsafe_addresses_become_plain_text(address: str) -> None:
    assert safe_href(address) is None
    assert "<a" not in link(address, "label")


def test_https_and_tel_links_are_kept_and_labels_escaped() -> None:
    assert str(link("tel:+3225", "<b>")) == '<a href="tel:+3225">&lt;b&gt;</a>'
    assert 'rel="noopener noreferrer"' in link("https://example.org/?a=1&b=2", "x", external=True)
    assert "a=1&amp;b=2" in link("https://example.org/?a=1&b=2", "x")


def test_numbers_keep_left_to_right_order() -> None:
    assert str(ltr("+32 2 <1>")) == '<bdi dir="ltr">+32 2 &lt;1&gt;</bdi>'
