"""The nginx snippet: the same caching and security headers as _headers, one location per file."""

from __future__ import annotations

import re

import pytest

from helpkit.hosting.caching import IMMUTABLE, REVALIDATE, SECURITY_HEADERS
from helpkit.hosting.nginx import hashed_location, render_nginx


def _locations(text: str) -> dict[str, list[str]]:
    blocks = re.findall(r"^location ([^\n]+?) \{\n(.*?)^\}", text, re.MULTILINE | re.DOTALL)
    return {head: [line.strip() for line in body.strip().splitlines()] for head, body in blocks}


def test_the_hashed_names_and_everything_else_get_their_own_location_with_every_security_header() -> None:
    locations = _locations(render_nginx(base="/", hidden=("_headers",)))
    assert list(locations) == [f'~ "{hashed_location("/")}"', "/"]
    for head, value in zip(locations, (IMMUTABLE, REVALIDATE), strict=True):
        # add_header in a location drops the inherited ones: each repeats them, on errors too.
        assert locations[head] == [
            f'add_header Cache-Control "{value}" always;',
            *(f'add_header {name} "{header}" always;' for name, header in SECURITY_HEADERS),
        ]


@pytest.mark.parametrize(
    ("path", "hashed"),
    [
        ("/assets/stylesheets/site.3f2a9c41.css", True),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", True),
        ("/assets/javascripts/workers/search.22f5cb25.min.js", True),
        ("/assets/javascripts/lunr/min/lunr.fr.min.js", False),
        ("/assets/images/logo.svg", False),
        ("/fr/index.html", False),
    ],
)
def test_the_location_expression_picks_the_hashed_names(path: str, hashed: bool) -> None:
    # nginx's PCRE reads this expression as Python does.
    assert (re.search(hashed_location("/"), path) is not None) is hashed


def test_a_site_under_a_path_keeps_its_base_everywhere() -> None:
    text = render_nginx(base="/kit/", hidden=("_headers", "_nginx.conf"))
    assert re.search(hashed_location("/kit/"), "/kit/assets/stylesheets/site.3f2a9c41.css")
    assert "error_page 404 /kit/404.html;" in text
    assert "location /kit/ {" in text
    assert "location = /kit/_headers { return 404; }" in text and "location = /kit/_nginx.conf { return 404; }" in text


def test_the_pre_compressed_copies_are_served() -> None:
    assert "\ngzip_static on;\n" in render_nginx(base="/", hidden=())
