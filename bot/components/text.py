"""Words of a message, in any script, folded so that a person's spelling matches a word list.

Case, Latin accents and Arabic vowel marks are ignored ("Türkiye" = "turkiye"), and the
letters that Arabic, Dari, Pashto and Urdu keyboards write differently count as one
(ي = ی, ك = ک, ى = ی, أ = ا); the letters and vowel signs of Bengali, Ge'ez and other
scripts are kept.
"""
import unicodedata
from typing import Dict, FrozenSet, Iterator, List, NamedTuple, Optional, Tuple

import regex

# A zero-width non-joiner (Dari, Pashto) joins a word: "می‌خواهم" and "میخواهم" are the same word.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\u200c]*[\p{L}\p{M}\p{N}])?")
_IGNORED_MARKS = [(0x0300, 0x036F), (0x064B, 0x065F), (0x0670, 0x0670), (0x0640, 0x0640), (0x200C, 0x200C)]
_SAME_LETTER = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ۀ": "ه", "ة": "ه",
                              "ۃ": "ه", "ہ": "ه", "ھ": "ه"})
# Letters and endings that languages join to a name: Arabic prefixes ("بألمانيا", "لهولندا",
# "والمانيا"), Bengali case endings ("ইতালিতে"), Somali articles ("Jarmalka", "Talyaaniga").
# A word minus one of these still matches a one-word name of at least 3 letters.
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("তে", "য়", "ে", "র", "ের", "কে", "ka", "ta", "da", "ga", "ha", "sha")


class Word(NamedTuple):
    start: int
    end: int
    key: str


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    kept = "".join(
        ch for ch in decomposed
        if not any(low <= ord(ch) <= high for low, high in _IGNORED_MARKS)
    )
    return unicodedata.normalize("NFC", kept).casefold().translate(_SAME_LETTER)


def words(text: str) -> List[Word]:
    return [Word(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def phrase_key(phrase: str) -> Tuple[str, ...]:
    return tuple(word.key for word in words(phrase))


def find_phrases(found: List[Word], phrases: dict, longest: int) -> Iterator[Tuple[int, int, object]]:
    """Non-overlapping occurrences of ``phrases`` (word-tuple -> value), longest first, left to right.

    Yields (first word index, index after the last word, value).
    """
    index = 0
    while index < len(found):
        for size in range(min(longest, len(found) - index), 0, -1):
            key = tuple(word.key for word in found[index:index + size])
            if key in phrases:
                yield index, index + size, phrases[key]
                index += size
                break
        else:
            stem = next((variant for variant in _variants(found[index].key) if (variant,) in phrases), None)
            if stem is not None:
                yield index, index + 1, phrases[(stem,)]
            index += 1


def _variants(key: str) -> Iterator[str]:
    """The word without a joined prefix or ending, longest affix first."""
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            yield key[len(prefix):]
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            yield key[:-len(suffix)]


class Mention(NamedTuple):
    code: str
    start: int
    end: int


class Gazetteer:
    """Finds names (country names, language names) in a message and tells a message that only names one."""

    def __init__(self, names: Dict[Tuple[str, ...], str], fillers: FrozenSet[str]):
        self._names = names
        self.fillers = fillers  # the words around a name that say nothing more ("the", "in", "i am")
        self._longest = max(len(key) for key in names)

    def find(self, text: str) -> List[Mention]:
        found = words(text)
        return [Mention(code, found[first].start, found[after - 1].end)
                for first, after, code in find_phrases(found, self._names, self._longest)]

    def only(self, text: str) -> Optional[str]:
        """The code if the message does nothing but name one thing ("the netherlands", "english please")."""
        mentions = self.find(text)
        if len({m.code for m in mentions}) != 1:
            return None
        rest = text
        for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
            rest = rest[:mention.start] + " " + rest[mention.end:]
        if all(word.key in self.fillers for word in words(rest)):
            return mentions[0].code
        return None
