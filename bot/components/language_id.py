"""Which of the assistant's languages a message is written in, and how sure we can be.

The script decides first: Ge'ez is Tigrinya, Bengali script is Bengali. Within the Arabic
script, letters that only Pashto or only Urdu use decide; else the Lingua library's models
(shipped inside its package) weigh Arabic against Dari, helped by the keyboard the letters
came from (Arabic ي ك ة or Persian ی ک پ چ) and by marker words (bot/language/marker_words.yml)
for Pashto written without its own letters. Within the Latin script, two or more romanised
Urdu words ("mujhe visa chahiye") make it Urdu, which no library recognises; else Lingua's
English, French, Spanish and Somali scores plus the marker words decide.

A detection is ``likely`` (good enough to pick the language of a first message) or also
``confident`` (good enough to change a language already in use). Short or ambiguous messages
("ok", "1", "salam", a city name) are never confident.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional

import yaml
from lingua import Language, LanguageDetectorBuilder

from bot.components.text import words

MARKER_WORDS_FILE = Path(__file__).resolve().parent.parent / "language" / "marker_words.yml"

# A message needs this many words to change a language already in use.
CONFIDENT_WORDS = 3
# Each marker word adds this to its language's share of Lingua's confidence.
MARKER_WEIGHT = 0.25
# The first language's score must lead the second's by this much to be likely / confident.
LIKELY_LEAD, CONFIDENT_LEAD = 0.1, 0.3
# A one-word Latin message picks a language only when Lingua is this sure ("bonjour", "gracias").
ONE_WORD_SHARE = 0.9

_PASHTO_LETTERS = set("ټډړږښګځڅڼېۍ")
_URDU_LETTERS = set("ٹڈڑںےھۓہۃ")
_ARABIC_KEYBOARD = set("يكةى")
_PERSIAN_KEYBOARD = set("یکپچژگ")

_LATIN = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.SPANISH: "es", Language.SOMALI: "so"}
_ARABIC = {Language.ARABIC: "ar", Language.PERSIAN: "fa"}


@dataclass(frozen=True)
class Detection:
    language: Optional[str] = None  # None: nothing to go on
    confident: bool = False
    romanised: bool = False         # a language written in Latin letters instead of its own script


NOTHING = Detection()


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "ARABIC", "ETHIOPIC", "BENGALI"):
        if name.startswith(script):
            return script
    return "OTHER"


@lru_cache(maxsize=1)
def _detectors():
    build = lambda languages: (LanguageDetectorBuilder.from_languages(*languages)
                               .with_preloaded_language_models().build())
    return build(list(_LATIN)), build(list(_ARABIC))


@lru_cache(maxsize=1)
def _marker_words() -> Dict[str, Dict[str, FrozenSet[str]]]:
    with open(MARKER_WORDS_FILE, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {script: {lang: frozenset(word.key for item in items for word in words(str(item)))
                     for lang, items in by_lang.items()}
            for script, by_lang in data.items()}


def load_models() -> None:
    """Loads the models now (about a second), so that the first message is not the slow one."""
    _detectors()
    _marker_words()


def _hits(found, markers: Dict[str, FrozenSet[str]]) -> Dict[str, int]:
    keys = {word.key for word in found}
    return {lang: len(keys & words_of) for lang, words_of in markers.items()}


def _decide(detector, codes: Dict[Language, str], text: str, hits: Dict[str, int],
            enough_words: bool, excluded: FrozenSet[str] = frozenset()) -> Detection:
    scores = {code: 0.0 for code in codes.values() if code not in excluded}
    for value in detector.compute_language_confidence_values(text):
        if codes[value.language] in scores:
            scores[codes[value.language]] += value.value
    for lang in scores:
        scores[lang] += MARKER_WEIGHT * hits.get(lang, 0)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked:
        return NOTHING
    first, score = ranked[0]
    lead = score - (ranked[1][1] if len(ranked) > 1 else 0.0)
    if lead < LIKELY_LEAD:
        return NOTHING
    return Detection(first, enough_words and lead >= CONFIDENT_LEAD)


def identify(text: str) -> Detection:
    found = words(text)
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return NOTHING
    counts: Dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
    script = max(counts, key=counts.get)
    enough_words = len(found) >= CONFIDENT_WORDS
    if script == "ETHIOPIC":
        return Detection("ti", enough_words)
    if script == "BENGALI":
        return Detection("bn", enough_words)
    latin, arabic = _detectors()
    if script == "ARABIC":
        hits = _hits(found, _marker_words()["arabic"])
        pashto = sum(ch in _PASHTO_LETTERS for ch in letters)
        urdu = sum(ch in _URDU_LETTERS for ch in letters)
        if pashto and pashto >= urdu:
            return Detection("ps", enough_words)
        if urdu:
            return Detection("ur", enough_words)
        if hits.get("ps", 0) >= 2 or (hits.get("ps", 0) == 1 and len(found) <= 3 and not hits.get("fa")):
            return Detection("ps", enough_words and hits["ps"] >= 2)
        arabic_keys = sum(ch in _ARABIC_KEYBOARD for ch in text)
        persian_keys = sum(ch in _PERSIAN_KEYBOARD for ch in text)
        excluded = frozenset({"ar"}) if persian_keys > arabic_keys else frozenset()
        detection = _decide(arabic, _ARABIC, text, hits, enough_words, excluded)
        if excluded and detection.language == "fa":
            return Detection("fa", enough_words)  # Persian letters and no Urdu or Pashto ones
        if detection.language is None and arabic_keys > persian_keys:
            # Too short to tell by the words, but typed with Arabic letters (ي ك ة): a best guess
            # for a first message, never sure enough to change a language already in use.
            return Detection("ar", False)
        return detection
    if script == "LATIN":
        hits = _hits(found, _marker_words()["latin"])
        if hits.get("ur", 0) >= 2:
            return Detection("ur", enough_words, romanised=True)
        if len(found) == 1:
            values = latin.compute_language_confidence_values(text)
            if values and values[0].value >= ONE_WORD_SHARE:
                return Detection(_LATIN[values[0].language], False)
            return NOTHING
        return _decide(latin, _LATIN, text, hits, enough_words)
    return NOTHING
