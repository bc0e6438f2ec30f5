"""Country names in every language the assistant speaks, from CLDR (through Babel), to ISO codes.

CLDR gives the official short names ("Netherlands", "Türkiye"); bot/country_aliases.yml adds
the names people actually use ("holland", "dubai") and the filler words around a country name.
"""
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Tuple

import yaml
from babel import Locale

from actions.content_loader import iso_countries
from actions.i18n import LANGUAGES, cldr_locale
from bot.components.text import Gazetteer, Mention, phrase_key

ALIASES_FILE = Path(__file__).resolve().parent.parent / "country_aliases.yml"

class CountryNames(Gazetteer):
    def __init__(self, names: Dict[Tuple[str, ...], str], fillers: FrozenSet[str], codes: FrozenSet[str],
                 code_words: FrozenSet[str]):
        super().__init__(names, fillers)
        self._codes = codes
        self._code_words = code_words

    def find(self, text: str) -> List[Mention]:
        stripped = text.strip()
        if stripped in self._codes and stripped.lower() not in self._code_words:
            # "NL" written in capitals as a whole message is the ISO code; "no" or "in" is not.
            start = text.index(stripped)
            return [Mention(stripped, start, start + len(stripped))]
        return super().find(text)


@lru_cache(maxsize=1)
def country_names() -> CountryNames:
    with open(ALIASES_FILE, encoding="utf-8") as handle:
        extra = yaml.safe_load(handle)
    codes = iso_countries()
    names: Dict[Tuple[str, ...], str] = {}
    for lang in LANGUAGES:
        # Both the language's own CLDR names and those of its regional form (Persian and Dari).
        for locale in {Locale.parse(lang), cldr_locale(lang)}:
            for code, name in locale.territories.items():
                if code in codes:
                    names[phrase_key(name)] = code
        for alias, code in (extra["aliases"].get(lang) or {}).items():
            if code not in codes:
                raise ValueError(f"{ALIASES_FILE}: alias '{alias}' points to '{code}', which is not an ISO country code")
            names[phrase_key(alias)] = code
    fillers = frozenset(key for lang in LANGUAGES for word in (extra["fillers"].get(lang) or [])
                        for key in phrase_key(word))
    return CountryNames(names, fillers, codes, frozenset(extra["not_codes"]))
