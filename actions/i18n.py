"""The assistant's own words in the person's language: gettext catalogues in locales/ and Babel formats.

Code marks every user-facing string with ``_()`` so that ``pybabel extract`` finds it;
``translator(lang)`` gives the ``_`` for one language.
"""
from datetime import date
from functools import lru_cache
from typing import Callable

from babel import Locale
from babel.dates import format_date
from babel.support import Translations

from actions.paths import LOCALES_DIR

DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
# The languages the assistant speaks, in the order of the language menu; each has a
# catalogue in locales/<code>/LC_MESSAGES. "fa" is Dari, the Persian of Afghanistan.
LANGUAGES = ("en", "ar", "fa", "ps", "ur", "bn", "fr", "es", "ti", "so")
# The CLDR locale whose words, names and date formats fit each language's readers.
_CLDR_LOCALES = {"fa": "fa_AF"}


def supported(lang: str) -> str:
    """The language to answer in: ``lang`` if the assistant speaks it, else the default."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def cldr_locale(lang: str) -> Locale:
    return Locale.parse(_CLDR_LOCALES.get(supported(lang), supported(lang)))


def is_right_to_left(lang: str) -> bool:
    return cldr_locale(lang).character_order == "right-to-left"


def language_name(lang: str) -> str:
    """The language's name written in the language itself (e.g. العربية, دری, ትግርኛ)."""
    locale = cldr_locale(lang)
    own = str(locale)
    return locale.languages.get(own) or locale.languages.get(lang) or lang


@lru_cache(maxsize=None)
def _translations(lang: str) -> Translations:
    return Translations.load(str(LOCALES_DIR), [lang], DOMAIN)


def translator(lang: str) -> Callable[[str], str]:
    return _translations(supported(lang)).gettext


def format_day(day: date, lang: str) -> str:
    return format_date(day, format="medium", locale=cldr_locale(lang))


def country_name(code: str, lang: str) -> str:
    """The country's name in the person's language, from CLDR."""
    return cldr_locale(lang).territories.get(code, code)
