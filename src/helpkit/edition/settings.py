"""The edition settings of `mkdocs.yml`'s `extra:` block, declared as a typed schema.

A Safer Internet Centre sets its country, organisation and quick-exit page here and nowhere else;
the environment variables SITE_COUNTRY and SITE_LANGUAGES override them for one build, so that
one checkout can publish several editions, and SITE_URL the address (`site_url`) a workflow knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError

from helpkit.directory.countries import country_name, is_country
from helpkit.directory.helpbox import GAPS
from helpkit.edition.colours import check_brand_colour
from helpkit.plaintext import text_problem
from helpkit.problems import ProblemsError
from helpkit.webaddress import is_email, web_address_problem


class _Country(config_options.Type):
    """ISO 3166-1 alpha-2 code, any case; empty means an international edition."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        code = str(super().run_validation(value or "")).strip().upper()
        if code and not is_country(code):
            raise ValidationError(
                f"{value!r}: expected an ISO 3166-1 alpha-2 country code such as BE, FR or PL, "
                "or nothing for an international edition"
            )
        return code


class _HttpsUrl(config_options.Type):
    """An https:// address that opens the host it shows; `optional` ones may be left empty."""

    def __init__(self, *, optional: bool = False) -> None:
        super().__init__(str, default="" if optional else None)
        self.optional = optional

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value) or "").strip()
        if not text and self.optional:
            return ""
        problem = web_address_problem(text, schemes=("https",), wanted="expected an https:// address")
        if problem:
            raise ValidationError(f"{text!r}: {problem}")
        return text


class _Contact(config_options.Type):
    """An https:// page or an e-mail address where readers reach the publisher."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value or "")).strip()
        if not text:
            return ""
        if "@" not in text:
            return _HttpsUrl(optional=True).run_validation(text)
        if not is_email(text):
            raise ValidationError(f"{text!r}: expected an e-mail address such as help@example.org, or an https:// page")
        return text


class _Text(config_options.Type):
    """Plain text the theme prints as it is: required, without markup or invisible characters."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value) or "").strip()
        if not text:
            raise ValidationError(f"{value!r}: expected a name, as readers should see it")
        if wrong := text_problem(text, printed_by_theme=True):
            raise ValidationError(f"{text!r}: {wrong}")
        return text


class _BrandColour(config_options.Type):
    """#rrggbb on which white text stays readable."""

    def __init__(self) -> None:
        super().__init__(str, default="#1b5e5a")

    def run_validation(self, value: object) -> str:
        try:
            return check_brand_colour(str(super().run_validation(value)).strip())
        except ValueError as error:
            raise ValidationError(str(error)) from None


class EditionSchema(Config):
    """What `extra:` in mkdocs.yml may set for an edition."""

    country = _Country()
    organisation = _Text()
    contact = _Contact()
    quick_exit_url = _HttpsUrl()
    brand_colour = _BrandColour()
    # Lines the home country's help box lacks and the publisher has looked at (helpkit.directory.helpbox.GAPS).
    helpbox_gaps_acknowledged = config_options.ListOfItems(config_options.Choice(GAPS), default=[])


# The options the schema declares, by name, in the order declared.
_OPTIONS: dict[str, config_options.BaseConfigOption] = {
    name: option for name, option in vars(EditionSchema).items() if isinstance(option, config_options.BaseConfigOption)
}


@dataclass(frozen=True)
class Edition:
    country: str
    organisation: str
    contact: str
    quick_exit_url: str
    brand_colour: str
    languages: tuple[str, ...]
    helpbox_gaps_acknowledged: tuple[str, ...] = ()
    # A build meant to go out (the workflows; SITE_FOR_PUBLICATION=1): a gap in the help box stops it.
    for_publication: bool = False

    @property
    def is_international(self) -> bool:
        return not self.country

    def contact_href(self) -> str:
        return f"mailto:{self.contact}" if "@" in self.contact else self.contact

    def country_label(self, language: str) -> str:
        return country_name(self.country, language) if self.country else ""


class EditionError(ProblemsError):
    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("the edition settings", problems)


def read_edition(
    extra: Mapping[str, object],
    *,
    languages: Sequence[str],
    environ: Mapping[str, str],
    config_file: str = "mkdocs.yml",
) -> Edition:
    """Validate `extra:` with SITE_COUNTRY and SITE_LANGUAGES applied; list every problem at once."""
    settings = dict(extra)
    origin = {key: f"{config_file}: extra.{key}" for key in _OPTIONS}
    if "SITE_COUNTRY" in environ:
        settings["country"] = environ["SITE_COUNTRY"]
        origin["country"] = "environment variable SITE_COUNTRY"
    # Each option on its own: MkDocs' Config.validate() stops at the first that fails, and an
    # editor wants them all.
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, option in _OPTIONS.items():
        try:
            # An option left out takes its default; MkDocs' validate would call a list option missing.
            value = settings.get(key)
            values[key] = option.validate(value) if value is not None or option.default is None else option.default
        except ValidationError as error:
            problems.append(f"{origin[key]}: {error}")

    chosen = list(languages)
    if environ.get("SITE_LANGUAGES", "").strip():
        chosen = [code.strip() for code in environ["SITE_LANGUAGES"].split(",") if code.strip()]
        unknown = [code for code in chosen if code not in languages]
        if not chosen:
            problems.append(
                f"environment variable SITE_LANGUAGES: {environ['SITE_LANGUAGES']!r}: expected language codes "
                f"separated by commas, the first at the site's root, e.g. {','.join(languages[:2])}"
            )
        elif unknown:
            problems.append(
                f"environment variable SITE_LANGUAGES: {','.join(unknown)!r}: expected languages "
                f"configured in {config_file} (plugins: i18n: languages): {', '.join(languages)}"
            )
    if problems:
        raise EditionError(problems)
    return Edition(
        country=values["country"],
        organisation=values["organisation"],
        contact=values["contact"],
        quick_exit_url=values["quick_exit_url"],
        brand_colour=values["brand_colour"],
        languages=tuple(chosen),
        helpbox_gaps_acknowledged=tuple(values["helpbox_gaps_acknowledged"]),
        for_publication=is_for_publication(environ),
    )


def is_for_publication(environ: Mapping[str, str]) -> bool:
    return environ.get("SITE_FOR_PUBLICATION", "").strip().lower() in {"1", "true", "yes"}


def site_address(
    configured: str, *, environ: Mapping[str, str], for_publication: bool, config_file: str = "mkdocs.yml"
) -> tuple[str, list[str]]:
    """The address the site is published at (SITE_URL overrides `site_url`), and what is wrong with it.

    A build for publication needs one: the sitemap and its language alternates, the canonical links
    and the QR codes of print are written from it. A local preview works without.
    """
    origin = f"{config_file}: site_url"
    address = configured.strip()
    if environ.get("SITE_URL", "").strip():
        address, origin = environ["SITE_URL"].strip(), "environment variable SITE_URL"
    if not address:
        if not for_publication:
            return "", []
        return "", [
            f"{origin}: '': expected the address the site will be published at, such as "
            "https://help.example.org/ (a build for publication, SITE_FOR_PUBLICATION=1, writes the "
            "sitemap, the language links and the print QR codes from it); set site_url in "
            f"{config_file} or the environment variable SITE_URL"
        ]
    wanted = "expected the site's full address, such as https://help.example.org/"
    if for_publication:
        problem = web_address_problem(address, schemes=("https",), wanted=wanted)
    else:
        # A preview may be served from http://127.0.0.1:8000/: only the form is checked.
        problem = None if re.match(r"https?://[^\s/?#]+(/[^\s?#]*)?$", address) else wanted
    if problem:
        return "", [f"{origin}: {address!r}: {problem}"]
    # MkDocs joins page addresses onto it: without the final slash the last folder would be lost.
    return (address if address.endswith("/") else address + "/"), []


_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,8})*")


def language_text_problems(
    languages: Sequence[Mapping[str, object]],
    *,
    site: Mapping[str, object],
    config_file: str = "mkdocs.yml",
) -> list[str]:
    """Problems in the texts of mkdocs.yml that the theme prints as they are: the site's name,
    description and copyright, and each language's code, name, site name, description and
    navigation titles (plugins: i18n: languages)."""
    problems = []
    for key in ("site_name", "site_description", "copyright"):
        text = str(site.get(key) or "")
        if text and (wrong := text_problem(text, printed_by_theme=True)):
            problems.append(f"{config_file}: {key}: {text!r}: {wrong}")
    for index, language in enumerate(languages):
        locale = str(language.get("locale") or "")
        where = f"{config_file}: plugins: i18n: languages[{index}]"
        if not _LOCALE.fullmatch(locale):
            problems.append(f"{where}: locale: {locale!r}: expected a language code such as fr, pt or pt_BR")
        texts = {key: language.get(key) for key in ("name", "site_name", "site_description")}
        translations = language.get("nav_translations") or {}
        if isinstance(translations, Mapping):
            texts.update({f"nav_translations: {title}": text for title, text in translations.items()})
        for key, value in texts.items():
            if value and (wrong := text_problem(str(value), printed_by_theme=True)):
                problems.append(f"{where} ({locale}): {key}: {str(value)!r}: {wrong}")
    return problems
