"""The edition settings of `mkdocs.yml`'s `extra:` block, declared as a typed schema.

A Safer Internet Centre sets its country, organisation and quick-exit page here and nowhere else;
the environment variables SITE_COUNTRY and SITE_LANGUAGES override them for one build, so that
one checkout can publish several editions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError

from helpkit.colours import check_brand_colour
from helpkit.countries import country_name, is_country


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
    def __init__(self, *, required: bool) -> None:
        super().__init__(str, default="" if not required else None)
        self.required = required

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value) or "").strip()
        if not text and not self.required:
            return ""
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.netloc:
            raise ValidationError(f"{text!r}: expected an https:// address")
        return text


class _Contact(config_options.Type):
    """An https:// page or an e-mail address where readers reach the publisher."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value or "")).strip()
        if not text:
            return ""
        if "@" in text and " " not in text and "/" not in text:
            return text
        return _HttpsUrl(required=False).run_validation(text)


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
    organisation = config_options.Type(str)
    contact = _Contact()
    quick_exit_url = _HttpsUrl(required=True)
    brand_colour = _BrandColour()


@dataclass(frozen=True)
class Edition:
    country: str
    organisation: str
    contact: str
    quick_exit_url: str
    brand_colour: str
    languages: tuple[str, ...]

    @property
    def is_international(self) -> bool:
        return not self.country

    def contact_href(self) -> str:
        return f"mailto:{self.contact}" if "@" in self.contact else self.contact

    def country_label(self, language: str) -> str:
        return country_name(self.country, language) if self.country else ""


class EditionError(ValueError):
    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the edition settings:\n" + "\n".join(self.problems))


def read_edition(
    extra: Mapping[str, object],
    *,
    languages: Sequence[str],
    environ: Mapping[str, str],
    config_file: str = "mkdocs.yml",
) -> Edition:
    """Validate `extra:` with SITE_COUNTRY and SITE_LANGUAGES applied; list every problem at once."""
    keys = [key for key, _ in EditionSchema._schema]
    settings = {key: extra[key] for key in keys if key in extra}
    origin = {key: f"{config_file}: extra.{key}" for key in keys}
    if "SITE_COUNTRY" in environ:
        settings["country"] = environ["SITE_COUNTRY"]
        origin["country"] = "environment variable SITE_COUNTRY"
    # MkDocs' own Config.validate() stops at the first bad option; an editor wants them all.
    values: dict[str, str] = {}
    problems: list[str] = []
    for key, option in EditionSchema._schema:
        try:
            values[key] = option.validate(settings.get(key))
        except ValidationError as error:
            problems.append(f"{origin[key]}: {error}")

    chosen = list(languages)
    if environ.get("SITE_LANGUAGES", "").strip():
        chosen = [code.strip() for code in environ["SITE_LANGUAGES"].split(",") if code.strip()]
        unknown = [code for code in chosen if code not in languages]
        if unknown:
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
    )
