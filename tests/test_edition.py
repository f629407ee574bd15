"""helpkit.edition.settings: the edition settings, validated all at once."""

from __future__ import annotations

import pytest

from helpkit.edition import settings
from helpkit.edition.settings import EditionError, language_text_problems, read_edition

GOOD = {"country": "be", "organisation": "Child Help", "quick_exit_url": "https://example.org/"}

HIDDEN = "expected text without invisible or direction-changing characters; this text has "


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


@pytest.mark.parametrize("organisation", ["", "   "])
def test_an_empty_organisation_is_refused(organisation: str) -> None:
    assert problems({**GOOD, "organisation": organisation}) == [
        f"mkdocs.yml: extra.organisation: {organisation!r}: expected a name, as readers should see it"
    ]


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("<script>alert(1)</script>", 'expected text without <, > or " (the theme prints it into the page as it is)'),
        ('Child "Help"', 'expected text without <, > or " (the theme prints it into the page as it is)'),
        ("Child\u202eHelp", HIDDEN + "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_an_organisation_with_markup_or_hidden_characters_is_refused(organisation: str, expected: str) -> None:
    (problem,) = problems({**GOOD, "organisation": organisation})
    assert problem.startswith(f"mkdocs.yml: extra.organisation: {organisation!r}: {expected}")


@pytest.mark.parametrize(
    "contact", ["@@", "help@", "@example.org", "a@b@example.org", "help@example", "a b@example.org"]
)
def test_a_contact_that_is_no_mail_address_is_refused(contact: str) -> None:
    assert problems({**GOOD, "contact": contact}) == [
        f"mkdocs.yml: extra.contact: {contact!r}: expected an e-mail address such as help@example.org, "
        "or an https:// page"
    ]


@pytest.mark.parametrize("value", [",", " , ,"])
def test_site_languages_without_a_language_is_a_message_not_a_crash(value: str) -> None:
    assert problems(GOOD, {"SITE_LANGUAGES": value}) == [
        f"environment variable SITE_LANGUAGES: {value!r}: expected language codes separated by commas, "
        "the first at the site's root, e.g. en,fr"
    ]


def test_texts_the_theme_prints_are_checked_in_every_language() -> None:
    languages = [
        {"locale": "en", "name": "English"},
        {
            "locale": "fr",
            "name": "Fran<b>çais",
            "site_name": "Kit d'aide",
            "site_description": 'Que "faire"',
            "nav_translations": {"About this site": "<img src=x onerror=alert(1)>"},
        },
        {"locale": "../x", "name": "X"},
    ]
    found = language_text_problems(languages, site={"site_name": "Help\u202e", "copyright": "© 2026 <i>Us</i>"})
    unsafe = 'expected text without <, > or " (the theme prints it into the page as it is): write quotes as “ ” « » „ “'
    assert found == [
        "mkdocs.yml: site_name: 'Help\\u202e': expected text without invisible or direction-changing "
        "characters; this text has U+202E RIGHT-TO-LEFT OVERRIDE",
        f"mkdocs.yml: copyright: '© 2026 <i>Us</i>': {unsafe}",
        f"mkdocs.yml: plugins: i18n: languages[1] (fr): name: 'Fran<b>çais': {unsafe}",
        f"mkdocs.yml: plugins: i18n: languages[1] (fr): site_description: 'Que \"faire\"': {unsafe}",
        "mkdocs.yml: plugins: i18n: languages[1] (fr): nav_translations: About this site: "
        f"'<img src=x onerror=alert(1)>': {unsafe}",
        "mkdocs.yml: plugins: i18n: languages[2]: locale: '../x': expected a language code such as fr, pt or pt_BR",
    ]


def test_a_build_for_publication_needs_the_sites_address() -> None:
    address, problems = settings.site_address("", environ={}, for_publication=True)
    assert address == ""
    assert problems == [
        "mkdocs.yml: site_url: '': expected the address the site will be published at, such as "
        "https://help.example.org/ (a build for publication, SITE_FOR_PUBLICATION=1, writes the sitemap, "
        "the language links and the print QR codes from it); set site_url in edition/settings.yml or the "
        "environment variable SITE_URL"
    ]
    # A preview works without one.
    assert settings.site_address("", environ={}, for_publication=False) == ("", [])


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        ("https://help.example.org/", {}, "https://help.example.org/"),
        ("https://help.example.org/kit", {}, "https://help.example.org/kit/"),
        ("", {"SITE_URL": "https://user.github.io/kit/"}, "https://user.github.io/kit/"),
        ("https://old.example.org/", {"SITE_URL": " https://new.example.org "}, "https://new.example.org/"),
    ],
)
def test_the_address_comes_from_site_url_or_the_environment(configured: str, environ: dict, expected: str) -> None:
    assert settings.site_address(configured, environ=environ, for_publication=True) == (expected, [])


@pytest.mark.parametrize(
    ("environ", "value"),
    [
        ({"SITE_URL": "http://help.example.org/"}, "http://help.example.org/"),
        ({"SITE_URL": "help.example.org"}, "help.example.org"),
        ({"SITE_URL": "https://help.example.org:8443/"}, "https://help.example.org:8443/"),
    ],
)
def test_a_published_address_is_https_and_plain(environ: dict, value: str) -> None:
    address, problems = settings.site_address("", environ=environ, for_publication=True)
    assert address == "" and len(problems) == 1
    assert problems[0].startswith(f"environment variable SITE_URL: {value!r}: expected the site's full address")


def test_a_preview_may_be_served_over_http_from_this_machine() -> None:
    found = settings.site_address("", environ={"SITE_URL": "http://127.0.0.1:8000/"}, for_publication=False)
    assert found == ("http://127.0.0.1:8000/", [])


# --- edition/settings.yml over mkdocs.yml -------------------------------------------------------


def test_the_editions_file_overrides_mkdocs_yml_and_the_environment_overrides_both() -> None:
    local = {"country": "pl", "organisation": "Fundacja", "languages": ["fr", "en"], "site_url": "https://a.example/"}
    edition = read_edition(GOOD, languages=["en", "fr"], environ={}, local=local)
    assert (edition.country, edition.organisation, edition.languages) == ("PL", "Fundacja", ("fr", "en"))
    assert (edition.site_url, edition.site_url_origin) == ("https://a.example/", "edition/settings.yml: site_url")
    assert edition.quick_exit_url == GOOD["quick_exit_url"]  # not set there: the kit's
    environ = {"SITE_COUNTRY": "de", "SITE_LANGUAGES": "en"}
    edition = read_edition(GOOD, languages=["en", "fr"], environ=environ, local=local)
    assert (edition.country, edition.languages) == ("DE", ("en",))


def test_problems_in_the_editions_file_name_it_and_are_listed_at_once() -> None:
    local = {
        "country": "Polska",
        "quick_exit": "https://example.org/",
        "languages": "pl",
        "pages": [{"file": "Help.md", "after": "about.md"}, {"file": "x.md"}],
        "site_url": ["https://a.example/"],
    }
    with pytest.raises(EditionError) as caught:
        read_edition(GOOD, languages=["en", "fr"], environ={}, local=local)
    found = "\n".join(caught.value.problems)
    assert "edition/settings.yml: quick_exit: not a setting of an edition: expected one of country," in found
    assert "edition/settings.yml: country: 'Polska': expected an ISO 3166-1 alpha-2 country code" in found
    assert "edition/settings.yml: languages: 'pl': expected languages configured in mkdocs.yml" in found
    assert "edition/settings.yml: pages[0]: file: 'Help.md': expected the name of a page in edition/pages/" in found
    assert "edition/settings.yml: pages[1]: {'file': 'x.md'}: expected a list of pages" in found
    assert "edition/settings.yml: site_url: ['https://a.example/']: expected an address" in found
    assert len(caught.value.problems) == 6


def test_local_pages_keep_their_order() -> None:
    pages = [{"file": "a.md", "after": "about.md"}, {"file": "b.md", "after": "index.md"}]
    edition = read_edition(GOOD, languages=["en"], environ={}, local={"pages": pages})
    assert [(page.file, page.after) for page in edition.pages] == [("a.md", "about.md"), ("b.md", "index.md")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("# nothing yet\n", {}),
        ("country: PL\nlanguages: [pl, en]\n", {"country": "PL", "languages": ["pl", "en"]}),
    ],
)
def test_the_editions_file_is_read_as_written(tmp_path, text: str, expected: dict) -> None:
    path = tmp_path / "settings.yml"
    path.write_text(text, encoding="utf-8")
    assert settings.read_settings_file(path) == expected
    assert settings.read_settings_file(tmp_path / "absent.yml") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "country: PL\n  organisation: x: y\n",
            "edition/settings.yml, line 2: mapping values are not allowed in this context",
        ),
        ("- PL\n", "edition/settings.yml: \"['PL']\": expected lines of the form `setting: value`"),
    ],
)
def test_a_file_that_is_not_settings_is_named(tmp_path, text: str, expected: str) -> None:
    path = tmp_path / "settings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        settings.read_settings_file(path)
    assert caught.value.problems[0].startswith(expected)
