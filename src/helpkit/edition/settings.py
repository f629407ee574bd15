"""The edition settings, declared as a typed schema, read in three layers.

The kit's defaults are `mkdocs.yml`'s `extra:` block. A Safer Internet Centre sets its own in
`edition/settings.yml`, a file the kit never ships, so that merging the kit's next version cannot
conflict with them: country, organisation, quick-exit page, colour, address, languages, local pages.
The environment variables SITE_COUNTRY, SITE_LANGUAGES and SITE_URL override both for one build, so
that one checkout can publish several editions and a workflow can give the address it knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError

from helpkit.datatable import clip
from helpkit.directory.countries import country_name, is_country
from helpkit.directory.helpbox import GAPS
from helpkit.edition.colours import check_brand_colour
from helpkit.plaintext import text_problem
from helpkit.problems import ProblemsError
from helpkit.project import Project
from helpkit.webaddress import is_email, web_address_problem
from helpkit.yamltext import load_yaml


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


EDITION_SETTINGS = "edition/settings.yml"


@dataclass(frozen=True)
class LocalPage:
    """A page of the edition's own (edition/pages/<lang>/<file>), placed in the navigation after `after`."""

    file: str
    after: str


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
    # The address as configured (edition/settings.yml over mkdocs.yml) and where: site_address() checks it.
    site_url: str = ""
    site_url_origin: str = "mkdocs.yml: site_url"
    pages: tuple[LocalPage, ...] = ()
    # Where each setting came from, as an editor finds it ("edition/settings.yml: country").
    origins: Mapping[str, str] | None = None

    @property
    def is_international(self) -> bool:
        return not self.country

    def contact_href(self) -> str:
        return f"mailto:{self.contact}" if "@" in self.contact else self.contact

    def country_label(self, language: str) -> str:
        return country_name(self.country, language) if self.country else ""

    def origin(self, key: str) -> str:
        return (self.origins or {}).get(key, f"mkdocs.yml: extra.{key}")


class EditionError(ProblemsError):
    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("the edition settings", problems)


# What edition/settings.yml sets that mkdocs.yml keeps outside `extra:` (site_url, the i18n languages)
# or does not have (the edition's own pages).
_FILE_ONLY = ("site_url", "languages", "pages")


def read_settings_file(path: Path, *, name: str = EDITION_SETTINGS) -> dict[str, object]:
    """edition/settings.yml as written ({} without one); EditionError when it is not a mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise EditionError([f"{name}: expected text saved as UTF-8"]) from None
    try:
        loaded = load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}, line {mark.line + 1}" if mark else name
        raise EditionError(
            [f"{where}: {getattr(error, 'problem', None) or error}: expected lines of the form `setting: value`"]
        ) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, Mapping):
        raise EditionError([f"{name}: {clip(str(loaded))!r}: expected lines of the form `setting: value`"])
    return {str(key): value for key, value in loaded.items()}


def read_edition(
    extra: Mapping[str, object],
    *,
    languages: Sequence[str],
    environ: Mapping[str, str],
    config_file: str = "mkdocs.yml",
    local: Mapping[str, object] | None = None,
    local_file: str = EDITION_SETTINGS,
    site_url: str = "",
) -> Edition:
    """Validate the settings: `extra:`, then `local` (edition/settings.yml) over it, then SITE_COUNTRY
    and SITE_LANGUAGES; list every problem at once."""
    settings = dict(extra)
    origin = {key: f"{config_file}: extra.{key}" for key in _OPTIONS}
    origin.update(site_url=f"{config_file}: site_url", languages=f"{config_file}: plugins: i18n: languages")
    problems: list[str] = []
    local = dict(local or {})
    for key, value in local.items():
        if key not in _OPTIONS and key not in _FILE_ONLY:
            known = ", ".join([*_OPTIONS, *_FILE_ONLY])
            problems.append(f"{local_file}: {key}: not a setting of an edition: expected one of {known}")
            continue
        settings[key] = value
        origin[key] = f"{local_file}: {key}"
    if "SITE_COUNTRY" in environ:
        settings["country"] = environ["SITE_COUNTRY"]
        origin["country"] = "environment variable SITE_COUNTRY"
    # Each option on its own: MkDocs' Config.validate() stops at the first that fails, and an
    # editor wants them all.
    values: dict[str, Any] = {}
    for key, option in _OPTIONS.items():
        try:
            # An option left out takes its default; MkDocs' validate would call a list option missing.
            value = settings.get(key)
            values[key] = option.validate(value) if value is not None or option.default is None else option.default
        except ValidationError as error:
            problems.append(f"{origin[key]}: {error}")

    chosen = list(languages)
    wanted: object = local.get("languages")
    if environ.get("SITE_LANGUAGES", "").strip():
        wanted, origin["languages"] = environ["SITE_LANGUAGES"], "environment variable SITE_LANGUAGES"
    if wanted is not None:
        chosen, wrong = _chosen_languages(
            wanted, origin=origin["languages"], configured=languages, config_file=config_file
        )
        problems += wrong
    pages, wrong = _local_pages(local.get("pages"), origin=f"{local_file}: pages")
    problems += wrong
    address = local.get("site_url", site_url)
    if not isinstance(address, str):
        problems.append(f"{origin['site_url']}: {address!r}: expected an address such as https://help.example.org/")
        address = ""
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
        site_url=address or "",
        site_url_origin=origin["site_url"],
        pages=pages,
        origins=origin,
    )


def _chosen_languages(
    wanted: object, *, origin: str, configured: Sequence[str], config_file: str
) -> tuple[list[str], list[str]]:
    """The languages to build, the first at the site's root, from `fr,en` or a YAML list."""
    example = ",".join(configured[:2])
    if isinstance(wanted, str):
        codes = [code.strip() for code in wanted.split(",") if code.strip()]
    elif isinstance(wanted, list) and all(isinstance(code, str) for code in wanted):
        codes = [code.strip() for code in wanted if code.strip()]
    else:
        codes = []
    if not codes:
        return list(configured), [
            f"{origin}: {wanted!r}: expected language codes separated by commas, the first at the site's root, "
            f"e.g. {example}"
        ]
    unknown = [code for code in codes if code not in configured]
    if unknown:
        return list(configured), [
            f"{origin}: {','.join(unknown)!r}: expected languages configured in {config_file} "
            f"(plugins: i18n: languages): {', '.join(configured)}"
        ]
    return codes, []


_PAGE_FILE = re.compile(r"[a-z0-9][a-z0-9-]*\.md")


def _local_pages(value: object, *, origin: str) -> tuple[tuple[LocalPage, ...], list[str]]:
    if value is None:
        return (), []
    expected = "expected a list of pages, each `- file: name.md` with `after: path/of/a/kit/page.md`"
    if not isinstance(value, list):
        return (), [f"{origin}: {clip(repr(value))}: {expected}"]
    pages: list[LocalPage] = []
    problems: list[str] = []
    for index, entry in enumerate(value):
        where = f"{origin}[{index}]"
        if not isinstance(entry, Mapping) or set(entry) != {"file", "after"}:
            problems.append(f"{where}: {clip(repr(entry))}: {expected}")
            continue
        file, after = str(entry["file"] or ""), str(entry["after"] or "")
        if not _PAGE_FILE.fullmatch(file):
            problems.append(
                f"{where}: file: {file!r}: expected the name of a page in edition/pages/<language>/, "
                "in small letters, digits and hyphens, ending in .md (e.g. help-in-poland.md)"
            )
        elif any(page.file == file for page in pages):
            problems.append(f"{where}: file: {file!r}: this page is placed twice: expected it once")
        else:
            pages.append(LocalPage(file=file, after=after))
    return tuple(pages), problems


def edition_of(project: Project, *, environ: Mapping[str, str], languages: Sequence[str] | None = None) -> Edition:
    """The edition a project builds: its mkdocs.yml, its edition/settings.yml, the environment.
    `languages`: the configured ones, when MkDocs has already read them (the build)."""
    return read_edition(
        project.extra,
        languages=project.languages if languages is None else languages,
        environ=environ,
        config_file=project.config_file.name,
        local=read_settings_file(project.edition_settings),
        site_url=project.site_url,
    )


def is_for_publication(environ: Mapping[str, str]) -> bool:
    return environ.get("SITE_FOR_PUBLICATION", "").strip().lower() in {"1", "true", "yes"}


def site_address(
    configured: str, *, environ: Mapping[str, str], for_publication: bool, origin: str = "mkdocs.yml: site_url"
) -> tuple[str, list[str]]:
    """The address the site is published at (SITE_URL overrides `site_url`), and what is wrong with it.

    A build for publication needs one: the sitemap and its language alternates, the canonical links
    and the QR codes of print are written from it. A local preview works without.
    """
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
            f"{EDITION_SETTINGS} or the environment variable SITE_URL"
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
