"""Language names and the word for "language", in every language the assistant speaks.

Names come from CLDR through Babel (each of the ten languages' name written in each of the
ten) plus bot/language/names.yml, which staff can extend.
"""
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

import yaml
from babel import Locale

from actions.i18n import LANGUAGES, cldr_locale
from bot.components.text import Gazetteer, phrase_key

NAMES_FILE = Path(__file__).resolve().parent.parent / "language" / "names.yml"


class LanguageNames(Gazetteer):
    def __init__(self, names, fillers, menu_words):
        super().__init__(names, fillers)
        self._menu_words = menu_words

    def is_menu_word(self, text: str) -> bool:
        """The message is only the word for "language" (in any of the languages)."""
        return phrase_key(text) in self._menu_words


@lru_cache(maxsize=1)
def language_names() -> LanguageNames:
    with open(NAMES_FILE, encoding="utf-8") as handle:
        extra = yaml.safe_load(handle)
    names: Dict[Tuple[str, ...], str] = {}
    for shown_in in LANGUAGES:
        for locale in {Locale.parse(shown_in), cldr_locale(shown_in)}:
            for lang in LANGUAGES:
                for key in (lang, str(cldr_locale(lang))):
                    if key in locale.languages:
                        names[phrase_key(locale.languages[key])] = lang
    for lang, aliases in extra["aliases"].items():
        if lang not in LANGUAGES:
            raise ValueError(f"{NAMES_FILE}: '{lang}' is not a language the assistant speaks")
        for alias in aliases:
            names[phrase_key(str(alias))] = lang
    fillers = frozenset(key for word in extra["fillers"] for key in phrase_key(str(word)))
    menu_words = frozenset(phrase_key(str(word)) for word in extra["menu_words"])
    return LanguageNames(names, fillers, menu_words)
