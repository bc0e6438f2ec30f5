"""Words of a message, in any script, folded so that a person's spelling matches a word list.

Case, Latin accents and Arabic vowel marks are ignored ("Türkiye" = "turkiye");
the letters and vowel signs of Bengali, Ge'ez and other scripts are kept.
"""
import unicodedata
from typing import Iterator, List, NamedTuple, Tuple

import regex

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_IGNORED_MARKS = [(0x0300, 0x036F), (0x064B, 0x065F), (0x0670, 0x0670)]


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
    return unicodedata.normalize("NFC", kept).casefold()


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
            index += 1
