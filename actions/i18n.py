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
# The languages the assistant speaks: each has a catalogue in locales/<code>/LC_MESSAGES.
LANGUAGES = ("en",)


def supported(lang: str) -> str:
    """The language to answer in: ``lang`` if the assistant speaks it, else the default."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def _translations(lang: str) -> Translations:
    return Translations.load(str(LOCALES_DIR), [lang], DOMAIN)


def translator(lang: str) -> Callable[[str], str]:
    return _translations(supported(lang)).gettext


def format_day(day: date, lang: str) -> str:
    return format_date(day, format="medium", locale=supported(lang))


def country_name(code: str, lang: str) -> str:
    """The country's name in the person's language, from CLDR."""
    return Locale.parse(supported(lang)).territories.get(code, code)
