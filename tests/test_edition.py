"""helpkit.edition: the edition settings, validated all at once."""

from __future__ import annotations

import pytest

from helpkit.edition import EditionError, read_edition

GOOD = {"country": "be", "organisation": "Child Help", "quick_exit_url": "https://example.org/"}


def read(extra: dict, environ: dict | None = None):
    return read_edition(extra, languages=["en", "fr"], environ=environ or {})


def problems(extra: dict, environ: dict | None = None) -> list[str]:
    with pytest.raises(EditionError) as caught:
        read(extra, environ)
    return list(caught.value.problems)


def test_good_settings_are_normalised() -> None:
    edition = read(GOOD)
    assert (edition.country, edition.languages, edition.contact) == ("BE", ("en", "fr"), "")
    assert edition.country_label("fr") == "Belgique"


def test_an_empty_country_is_an_international_edition() -> None:
    assert read({**GOOD, "country": ""}).is_international


def test_environment_overrides_country_and_languages() -> None:
    edition = read(GOOD, {"SITE_COUNTRY": "pl", "SITE_LANGUAGES": "fr, en"})
    assert (edition.country, edition.languages) == ("PL", ("fr", "en"))


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        {"country": "QQ", "contact": "nope", "quick_exit_url": "http://example.org/"},
        {"SITE_LANGUAGES": "pl"},
    )
    assert found == [
        "mkdocs.yml: extra.country: 'QQ': expected an ISO 3166-1 alpha-2 country code such as BE, "
        "FR or PL, or nothing for an international edition",
        "mkdocs.yml: extra.organisation: Required configuration not provided.",
        "mkdocs.yml: extra.contact: 'nope': expected an https:// address",
        "mkdocs.yml: extra.quick_exit_url: 'http://example.org/': expected an https:// address",
        "environment variable SITE_LANGUAGES: 'pl': expected languages configured in mkdocs.yml "
        "(plugins: i18n: languages): en, fr",
    ]


def test_a_bad_environment_country_names_the_variable() -> None:
    assert problems(GOOD, {"SITE_COUNTRY": "EU"}) == [
        "environment variable SITE_COUNTRY: 'EU': expected an ISO 3166-1 alpha-2 country code such "
        "as BE, FR or PL, or nothing for an international edition"
    ]


@pytest.mark.parametrize(
    ("contact", "href"),
    [
        ("help@example.org", "mailto:help@example.org"),
        ("https://example.org/contact", "https://example.org/contact"),
    ],
)
def test_contact_is_a_mail_address_or_a_web_page(contact: str, href: str) -> None:
    assert read({**GOOD, "contact": contact}).contact_href() == href
