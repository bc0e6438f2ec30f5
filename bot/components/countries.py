"""Country names in every language the assistant speaks, from CLDR (through Babel), to ISO codes.

CLDR gives the official short names ("Netherlands", "Türkiye"); bot/country_aliases.yml adds
the names people actually use ("holland", "dubai") and the filler words around a country name.
"""
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Tuple

import yaml
from babel import Locale

from actions.content_loader import iso_countries
from actions.i18n import LANGUAGES
from bot.components.text import find_phrases, phrase_key, words

ALIASES_FILE = Path(__file__).resolve().parent.parent / "country_aliases.yml"


class CountryMention(NamedTuple):
    code: str
    start: int
    end: int


class CountryNames:
    def __init__(self, names: Dict[Tuple[str, ...], str], fillers: FrozenSet[str], codes: FrozenSet[str],
                 code_words: FrozenSet[str]):
        self._names = names
        self._fillers = fillers
        self._codes = codes
        self._code_words = code_words
        self._longest = max(len(key) for key in names)

    def find(self, text: str) -> List[CountryMention]:
        stripped = text.strip()
        if stripped in self._codes and stripped.lower() not in self._code_words:
            # "NL" written in capitals as a whole message is the ISO code; "no" or "in" is not.
            start = text.index(stripped)
            return [CountryMention(stripped, start, start + len(stripped))]
        found = words(text)
        return [CountryMention(code, found[first].start, found[after - 1].end)
                for first, after, code in find_phrases(found, self._names, self._longest)]

    def only_country(self, text: str) -> Optional[str]:
        """The code if the message does nothing but name one country ("the netherlands", "im in NL")."""
        mentions = self.find(text)
        if len({m.code for m in mentions}) != 1:
            return None
        rest = text
        for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
            rest = rest[:mention.start] + " " + rest[mention.end:]
        if all(word.key in self._fillers for word in words(rest)):
            return mentions[0].code
        return None


@lru_cache(maxsize=1)
def country_names() -> CountryNames:
    with open(ALIASES_FILE, encoding="utf-8") as handle:
        extra = yaml.safe_load(handle)
    codes = iso_countries()
    names: Dict[Tuple[str, ...], str] = {}
    for lang in LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if code in codes:
                names[phrase_key(name)] = code
        for alias, code in (extra["aliases"].get(lang) or {}).items():
            if code not in codes:
                raise ValueError(f"{ALIASES_FILE}: alias '{alias}' points to '{code}', which is not an ISO country code")
            names[phrase_key(alias)] = code
    fillers = frozenset(key for lang in LANGUAGES for word in (extra["fillers"].get(lang) or [])
                        for key in phrase_key(word))
    return CountryNames(names, fillers, codes, frozenset(extra["not_codes"]))
