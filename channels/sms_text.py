"""SMS text as the network carries it: GSM-7 or UCS-2, segments, and cutting long answers.

An SMS that uses only the GSM 03.38 alphabet is sent in GSM-7: 160 characters in one part,
153 per part of a longer (concatenated) message, and the extension characters (€ [ ] { } ~ ^
| \\ and form feed) count twice. One character outside it (an Arabic letter, a curly quote,
an emoji) turns the whole message into UCS-2: 70 UTF-16 units in one part, 67 per part.
This is how Twilio and the networks count (Twilio refuses a body over 1,600 characters).
"""
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import List

from actions.bidi import strip_controls
from actions.i18n import translator

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENSION = set("^{}\\[~]|€\f")
TWILIO_MAX_BODY = 1600

# Characters that push a text into UCS-2 for no reason, and their GSM-7 equivalents.
_PLAIN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u2026": "...", "\u2022": "-", "\u00b7": "-",
    "\u200b": None, "\ufeff": None,
    "\u200e": None, "\u200f": None, "\u061c": None, "\u202a": None, "\u202b": None, "\u202c": None,
    "\u202d": None, "\u202e": None, "\u2066": None, "\u2067": None, "\u2068": None, "\u2069": None,
})
# Where a sentence may end, in the scripts the assistant writes; not between a question and the
# numbered options that answer it ("Was this useful? 1 Yes 2 No").
_SENTENCE_END = re.compile(r"(?<=[.!?؟۔।።])\s+(?!\d+ )|\n+")


@dataclass(frozen=True)
class Encoding:
    name: str          # "GSM-7" or "UCS-2"
    units: int         # characters as the network counts them
    segments: int


def plain(text: str) -> str:
    """The text with curly quotes, special spaces, dashes and direction marks made plain, so that
    a Latin-script answer stays GSM-7 and no phone shows a mark as a box. When that leaves only
    accented Latin letters outside GSM-7 (Spanish á í ó ú, French ç â ê), they lose their accent
    too: one such letter would otherwise cut every part from 153 to 67 characters. Text in
    another script is UCS-2 anyway and keeps every letter. (The zero-width non-joiner that Dari
    and Pashto words need is kept.)"""
    text = text.translate(_PLAIN)
    outside = {ch for ch in text if ch not in GSM7_BASIC and ch not in GSM7_EXTENSION}
    if not outside:
        return text
    folded = {ch: _unaccented(ch) for ch in outside}
    if all(all(c in GSM7_BASIC for c in value) for value in folded.values()):
        return "".join(folded.get(ch, ch) for ch in text)
    return text


def _unaccented(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return {"œ": "oe", "Œ": "OE", "æ": "ae"}.get(ch, base)


def encoding(text: str) -> Encoding:
    if all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text):
        units = sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)
        return Encoding("GSM-7", units, 1 if units <= 160 else math.ceil(units / 153))
    units = len(text.encode("utf-16-le")) // 2
    return Encoding("UCS-2", units, 1 if units <= 70 else math.ceil(units / 67))


def fits(text: str, budget: int) -> bool:
    found = encoding(text)
    return found.segments <= budget and len(text) <= TWILIO_MAX_BODY


def cut(text: str, budget: int, more_line: str) -> List[str]:
    """The text in parts of at most ``budget`` segments each, cut where a sentence ends (or, for
    a sentence too long, between words); every part but the last ends with ``more_line``."""
    text = plain(text).strip()
    if fits(text, budget):
        return [text]
    parts: List[str] = []
    rest = text
    while rest and not fits(rest, budget):
        part = _longest_prefix(rest, budget, more_line)
        parts.append(f"{part}\n{more_line}")
        rest = rest[len(part):].strip()
    if rest:
        parts.append(rest)
    return parts


# A cut at a sentence's end is kept only if it fills at least this share of what a cut between
# words would: a person paying per SMS should not get one short sentence and "MORE".
SENTENCE_CUT_SHARE = 0.6


def _longest_prefix(text: str, budget: int, more_line: str) -> str:
    def longest(ends: List[int]) -> str:
        for end in reversed(ends):
            if end and fits(f"{text[:end].rstrip()}\n{more_line}", budget):
                return text[:end].rstrip()
        return ""

    by_sentence = longest([match.start() for match in _SENTENCE_END.finditer(text)])
    by_word = longest([match.start() for match in re.finditer(r"\s+", text)])
    if by_sentence and len(by_sentence) >= SENTENCE_CUT_SHARE * len(by_word):
        return by_sentence
    if by_word:
        return by_word
    # One unbroken run of characters: cut it where it fits.
    size = len(text)
    while size > 1 and not fits(f"{text[:size]}\n{more_line}", budget):
        size -= 1
    return text[:size]


def join_paragraphs(texts: List[str]) -> str:
    """The assistant's messages of one turn as one SMS text, paragraphs kept apart by a line break."""
    return "\n".join(text.strip() for text in texts if text and text.strip())


DEFAULT_BUDGET = 3
# An emergency answer is never cut: up to this many segments in one message (Twilio's limit
# is 1,600 characters, so 10 UCS-2 segments = 670 characters).
WHOLE_BUDGET = 10


def more_line(lang: str) -> str:
    _ = translator(lang)
    # TRANSLATORS: keep MORE in Latin capitals: the person writes it to get the next part.
    return _("Reply MORE for the rest")


def sms_parts(texts: List[str], lang: str, budget: int = DEFAULT_BUDGET) -> List[str]:
    """What the person receives by SMS for one turn: the messages joined, made plain, in parts of
    at most ``budget`` segments; the first part is sent, the others wait for MORE."""
    return cut(strip_controls(join_paragraphs(texts)), budget, more_line(lang))
