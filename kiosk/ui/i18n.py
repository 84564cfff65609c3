"""The kiosk's own words in the visitor's language, from GNU gettext catalogs.

The msgid is the English text itself (English needs no catalog); the translations live in
``kiosk/resources/locale/<lang>/LC_MESSAGES/kiosk.po`` with the compiled ``kiosk.mo`` beside it,
kept up to date by ``tools/translations.py``. A catalog is read with the standard library's
``gettext`` the first time its language is asked for (well under a millisecond), so nothing of
this is paid before the title screen paints. Numbers passed in are written the language's way
(446,089 or 446 089). Content text never comes from here: it comes from the content pack.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from kiosk.core.numbers import format_number

DOMAIN = "kiosk"
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "resources" / "locale"

# What each language calls itself, for the language switch (never translated).
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "uk": "Українська",
    "it": "Italiano",
    "pl": "Polski",
}


def N_(text: str, context: str | None = None) -> str:  # noqa: N802 - the gettext convention
    """Mark ``text`` for extraction where it is defined; translate it later with ``tr``."""
    return text


@cache
def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog for ``language`` (an empty one, i.e. English, if there is none)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        with open(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as fp:
            return gettext.GNUTranslations(fp)
    except OSError:
        return gettext.NullTranslations()


def available_languages() -> tuple[str, ...]:
    """English and every language with a compiled catalog."""
    found = sorted(p.parents[1].name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


def _fill(text: str, language: str, values: dict[str, object]) -> str:
    if not values:
        return text
    shown = {k: format_number(v, language) if isinstance(v, (int, float)) and not isinstance(v, bool)
             else v for k, v in values.items()}
    return text.format(**shown)


def tr(text: str, language: str, context: str | None = None, **values: object) -> str:
    """``text`` (English, the msgid) in ``language``; ``{name}`` fields filled from ``values``."""
    cat = catalog(language)
    translated = cat.pgettext(context, text) if context else cat.gettext(text)
    return _fill(translated, language, values)


def ntr(singular: str, plural: str, n: int, language: str, context: str | None = None,
        **values: object) -> str:
    """The form of a counted phrase that fits ``n`` in ``language`` ({n} is filled in too)."""
    cat = catalog(language)
    translated = (cat.npgettext(context, singular, plural, n) if context
                  else cat.ngettext(singular, plural, n))
    return _fill(translated, language, {"n": n, **values})


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code.upper())
