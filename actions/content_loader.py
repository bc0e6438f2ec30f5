"""Reads and validates the country content files (see content/README.md for the format).

Every problem is reported as ``file:line: what is wrong`` in words information-point
staff can act on; a library with any problem is refused as a whole, so the assistant
never serves half-checked content.
"""
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import phonenumbers
from babel import Locale
from phonenumbers.shortnumberinfo import is_valid_short_number_for_region
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarstring import FoldedScalarString

from actions.i18n import DEFAULT_LANGUAGE, LANGUAGES
from actions.topics import information_topics

GLOBAL = "global"
COUNTRY_FILE = "country.yml"
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{0,18}[0-9]$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

_TOPIC_FIELDS = {"topic", "last_reviewed", "review_by", "sources", "text", "notes"}
_COUNTRY_FIELDS = {
    "country", "last_reviewed", "review_by", "sources", "emergency", "hotlines", "emergency_advice",
    "info_point", "family_links", "notes",
}
# The kinds of danger that have a hotline of their own (bot/safety/ sections, besides plain danger).
HOTLINE_KINDS = ("violence", "trafficking", "child_alone", "self_harm")
SERVICE_POINTS_FILE = "service_points.yml"


@dataclass(frozen=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentInvalid(Exception):
    """The content files have problems; ``errors`` lists every one of them."""

    def __init__(self, errors: List[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


TRANSLATION_STATUSES = ("machine", "reviewed")
_TRANSLATION_FIELDS = {"text", "source", "status", "reviewed_by", "reviewed_on"}


def source_hash(text: str) -> str:
    """A short fingerprint of a source text: a translation records the one it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Translation:
    text: str
    status: str          # "machine" or "reviewed"
    outdated: bool       # the source text changed after this translation was made


@dataclass(frozen=True)
class LocalText:
    """A text in the source language (English) and its translations."""
    source: str
    translations: Mapping[str, Translation] = field(default_factory=dict)

    def get(self, lang: str) -> Translation:
        """The text to show in ``lang``: its translation, else the source text."""
        found = self.translations.get(lang)
        return found or Translation(self.source, "reviewed", False)

    def __getitem__(self, lang: str) -> str:
        return self.get(lang).text


@dataclass(frozen=True)
class Review:
    sources: Tuple[str, ...]
    last_reviewed: date
    review_by: date


@dataclass(frozen=True)
class Answer:
    topic: str
    country: str
    text: LocalText
    review: Review
    path: str
    line: int = 1  # of the text, for messages to staff


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    purpose: LocalText


@dataclass(frozen=True)
class InfoPoint:
    name: LocalText
    phone: Optional[str]
    url: Optional[str]
    hours: Optional[LocalText] = None  # when a person answers there, as the official page says


@dataclass(frozen=True)
class CountryProfile:
    country: str
    emergency: Tuple[EmergencyNumber, ...]
    emergency_advice: Optional[LocalText]
    info_point: InfoPoint
    review: Review
    path: str
    hotlines: Dict[str, EmergencyNumber] = field(default_factory=dict)  # by kind of danger (HOTLINE_KINDS)
    family_links: Optional[str] = None  # global only: the Red Cross / Red Crescent family-links site


@dataclass
class LoadedContent:
    answers: Dict[Tuple[str, str], Answer] = field(default_factory=dict)
    profiles: Dict[str, CountryProfile] = field(default_factory=dict)
    service_points: Dict[str, Tuple[Any, ...]] = field(default_factory=dict)
    # Not errors: the content is served, but staff should act (outdated or missing translations).
    warnings: List[ContentError] = field(default_factory=list)


def phone_is_valid(number: str, region: str) -> bool:
    """Whether ``number`` (as dialled in ``region``, or international with +) can be called there:
    a full number that is valid, or a valid short number (112, 15, 1122)."""
    digits = re.sub(r"[ \-]", "", number)
    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(parsed):
        return True
    return not digits.startswith("+") and is_valid_short_number_for_region(parsed, region)


def iso_countries() -> frozenset:
    return frozenset(
        code for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


class _FileChecker:
    """Validates one parsed file, collecting errors with their line numbers."""

    def __init__(self, path: str, data: CommentedMap, errors: List[ContentError],
                 warnings: Optional[List[ContentError]] = None):
        self.path = path
        self.data = data
        self.errors = errors
        self.warnings = warnings if warnings is not None else []

    def error(self, line: int, message: str) -> None:
        self.errors.append(ContentError(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ContentError(self.path, line, message))

    def line_of(self, node: Any, key: Any = None) -> int:
        """1-based line of ``key`` in mapping ``node`` (or of the node itself)."""
        try:
            if key is not None and isinstance(node, (CommentedMap, CommentedSeq)):
                return node.lc.key(key)[0] + 1 if isinstance(node, CommentedMap) else node.lc.item(key)[0] + 1
            return node.lc.line + 1
        except (AttributeError, KeyError, TypeError, IndexError):
            return 1

    def known_fields(self, node: CommentedMap, allowed: set, where: str = "") -> None:
        for key in node:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; allowed here: {', '.join(sorted(allowed))}"
                self.error(self.line_of(node, key), f"unknown field '{key}'{where}{hint}")

    def required(self, node: CommentedMap, key: str, where: str = "") -> Any:
        if key not in node or node[key] in (None, "", [], {}):
            self.error(self.line_of(node), f"missing '{key}'{where}")
            return None
        return node[key]

    def phone(self, node: CommentedMap, key: str, region: Optional[str], where: str = "") -> Optional[str]:
        """A phone number as dialled; an error if it is not one, a warning if it is not valid in ``region``."""
        value = node.get(key)
        if value is None:
            return None
        if not _PHONE.match(str(value)):
            self.error(self.line_of(node, key), f"'{value}' is not a phone number{where}; write digits as dialled, in quotes")
            return None
        if region and not phone_is_valid(str(value), region):
            self.warn(self.line_of(node, key), f"'{value}'{where} is not a valid phone number in {region}; check it "
                                               f"against the source (a number from abroad starts with + and the country code)")
        return str(value)

    def url(self, node: Any, key: Any, value: str) -> None:
        if value.startswith("http://"):
            self.warn(self.line_of(node, key), f"source '{value}' is not https; use the https address if the site has one")

    def in_its_folder(self, country: str) -> bool:
        """The file's `country` is the folder it is in."""
        declared = self.required(self.data, "country")
        if declared is not None and str(declared) != country:
            self.error(self.line_of(self.data, "country"), f"country is '{declared}' but the folder is {country}; "
                                                           f"they must be the same")
        return declared is not None and str(declared) == country

    def is_url(self, value: str) -> bool:
        return bool(_URL.match(value.strip()))

    def a_date(self, key: str) -> Optional[date]:
        return self.date_in(self.data, key)

    def date_in(self, node: CommentedMap, key: str, where: str = "") -> Optional[date]:
        value = self.required(node, key, where)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(self.line_of(node, key), f"{key}{where} must be a date written YYYY-MM-DD, not \"{value}\"")
            return None

    def review_dates(self) -> Optional[Tuple[date, date]]:
        """last_reviewed and review_by, checked against each other and today."""
        last_reviewed = self.a_date("last_reviewed")
        review_by = self.a_date("review_by")
        if last_reviewed and review_by and review_by <= last_reviewed:
            self.error(self.line_of(self.data, "review_by"), "review_by must come after last_reviewed")
        if last_reviewed and last_reviewed > date.today():
            self.error(self.line_of(self.data, "last_reviewed"), "last_reviewed is in the future; write the day you checked the sources")
        if review_by and review_by < date.today():
            self.warn(self.line_of(self.data, "review_by"), f"review_by {review_by.isoformat()} has passed: check the sources "
                                                            f"again, then update last_reviewed and review_by")
        return (last_reviewed, review_by) if last_reviewed and review_by else None

    def review(self) -> Optional[Review]:
        dates = self.review_dates()
        last_reviewed, review_by = dates if dates else (None, None)
        sources = self.required(self.data, "sources")
        urls: List[str] = []
        if sources is not None:
            if not isinstance(sources, list):
                self.error(self.line_of(self.data, "sources"), "sources must be a list: one '- https://...' line per source")
            else:
                for index, url in enumerate(sources):
                    if not isinstance(url, str) or not _URL.match(url.strip()):
                        self.error(self.line_of(sources, index), f"source '{url}' is not a web address starting with https:// (or http://)")
                    else:
                        urls.append(url.strip())
                        self.url(sources, index, url.strip())
        if last_reviewed and review_by and urls and len(urls) == len(sources):
            return Review(tuple(urls), last_reviewed, review_by)
        return None

    def texts(self, node: Any, key: str, where: str = "") -> Optional[LocalText]:
        """A text per language: the English source, and translations that say what they were made from."""
        value = self.required(node, key, where)
        if value is None:
            return None
        if not isinstance(value, CommentedMap):
            self.error(self.line_of(node, key), f"'{key}'{where} must list the text per language, e.g. 'en: ...'")
            return None
        if DEFAULT_LANGUAGE not in value:
            self.error(self.line_of(node, key), f"'{key}'{where} has no '{DEFAULT_LANGUAGE}' text; every answer needs one")
            return None
        source = value[DEFAULT_LANGUAGE]
        if not isinstance(source, str) or not source.strip():
            self.error(self.line_of(value, DEFAULT_LANGUAGE), f"the '{DEFAULT_LANGUAGE}' text of '{key}'{where} is empty")
            return None
        source = _tidy(source)
        fingerprint = source_hash(source)
        translations: Dict[str, Translation] = {}
        valid = True
        for lang, entry in value.items():
            if lang == DEFAULT_LANGUAGE:
                continue
            if lang not in LANGUAGES:
                self.error(self.line_of(value, lang), f"'{lang}' is not a language the assistant speaks ({', '.join(LANGUAGES)})")
                valid = False
                continue
            translation = self.translation(value, lang, f" of '{key}'{where}", fingerprint)
            if translation is None:
                valid = False
            else:
                translations[lang] = translation
        missing = [lang for lang in LANGUAGES if lang not in value]
        if missing:
            self.warn(self.line_of(node, key), f"'{key}'{where} has no translation in: {', '.join(missing)}; "
                                               f"the English text is shown in those languages")
        return LocalText(source, translations) if valid else None

    def translation(self, texts: CommentedMap, lang: str, where: str, fingerprint: str) -> Optional[Translation]:
        entry = texts[lang]
        line = self.line_of(texts, lang)
        if not isinstance(entry, CommentedMap):
            self.error(line, f"the '{lang}' translation{where} needs 'text', 'source' and 'status' "
                             f"(source: {fingerprint} is the English text it translates)")
            return None
        self.known_fields(entry, _TRANSLATION_FIELDS, f" in the '{lang}' translation{where}")
        text, source, status = entry.get("text"), entry.get("source"), entry.get("status")
        ok = True
        if not isinstance(text, str) or not text.strip():
            self.error(line, f"the '{lang}' translation{where} has no text")
            ok = False
        if status not in TRANSLATION_STATUSES:
            self.error(self.line_of(entry, "status") if "status" in entry else line,
                       f"the '{lang}' translation{where} needs status: machine (not yet checked by a person) "
                       f"or status: reviewed (with reviewed_by and reviewed_on)")
            ok = False
        elif status == "reviewed":
            for needed in ("reviewed_by", "reviewed_on"):
                if not entry.get(needed):
                    self.error(line, f"the '{lang}' translation{where} is reviewed, so it needs {needed}")
                    ok = False
        if not source:
            self.error(line, f"the '{lang}' translation{where} needs source: {fingerprint}, the fingerprint of "
                             f"the English text it was made from")
            ok = False
        if not ok:
            return None
        outdated = str(source) != fingerprint
        if outdated:
            self.warn(self.line_of(entry, "source"),
                      f"the '{lang}' translation{where} was made from an older English text; update the "
                      f"translation, then write source: {fingerprint} (and status: reviewed once a person checked it)")
        return Translation(_tidy(text), status, outdated)


def _tidy(text: str) -> str:
    """Paragraphs separated by one empty line, each on one line with single spaces.

    In a folded block (``>``) YAML has already joined the lines and turned each empty line
    into a line break; in a plain or literal block an empty line separates paragraphs.
    """
    breaks = r"\n" if isinstance(text, FoldedScalarString) else r"\n\s*\n"
    paragraphs = [" ".join(part.split()) for part in re.split(breaks, text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


# Parsing is most of the time a reload takes: a file whose text did not change is not parsed
# again (the loader only reads what it parsed). Keyed by path, so it holds one entry per file.
_PARSED: Dict[str, Tuple[str, CommentedMap]] = {}


def _parse(path: Path, shown: str, errors: List[ContentError]) -> Optional[CommentedMap]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        errors.append(ContentError(shown, 1, f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8"))
        return None
    cached = _PARSED.get(str(path))
    if cached is not None and cached[0] == text:
        return cached[1]
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        errors.append(ContentError(shown, line, f"not valid YAML: {exc.problem or exc.context}; check the indentation and the ':' on this line"))
        return None
    except Exception as exc:  # ruamel raises a few unmarked errors too (duplicate keys, bad tags)
        errors.append(ContentError(shown, 1, f"not valid YAML: {exc}"))
        return None
    if not isinstance(data, CommentedMap):
        errors.append(ContentError(shown, 1, "the file must consist of 'field: value' lines (see content/README.md)"))
        return None
    _PARSED[str(path)] = (text, data)
    return data


def _load_topic(checker: _FileChecker, country: str, topic: str) -> Optional[Answer]:
    data = checker.data
    checker.known_fields(data, _TOPIC_FIELDS)
    declared = checker.required(data, "topic")
    if declared is not None and declared != topic:
        checker.error(checker.line_of(data, "topic"), f"topic is '{declared}' but the file is named {topic}.yml; they must be the same")
    review = checker.review()
    text = checker.texts(data, "text")
    if review and text and declared == topic:
        return Answer(topic, country, text, review, checker.path, checker.line_of(data, "text"))
    return None


def _load_profile(checker: _FileChecker, country: str) -> Optional[CountryProfile]:
    data = checker.data
    checker.known_fields(data, _COUNTRY_FIELDS)
    review = checker.review()
    ok = checker.in_its_folder(country) and review is not None
    numbers: List[EmergencyNumber] = []
    advice: Optional[LocalText] = None
    if country == GLOBAL:
        advice = checker.texts(data, "emergency_advice")
        ok = ok and bool(advice)
        if "emergency" in data:
            checker.error(checker.line_of(data, "emergency"), "the global file has no emergency numbers; put general advice in emergency_advice")
            ok = False
    else:
        entries = checker.required(data, "emergency")
        if entries is not None and not isinstance(entries, list):
            checker.error(checker.line_of(data, "emergency"), "emergency must be a list of '- number: ...' entries")
            entries = None
        ok = ok and bool(entries)
        for index, entry in enumerate(entries or []):
            where = f" in emergency entry {index + 1}"
            if not isinstance(entry, CommentedMap):
                checker.error(checker.line_of(entries, index), f"emergency entry {index + 1} needs 'number' and 'for'")
                ok = False
                continue
            number = _load_number(checker, entry, country, where)
            if number is None:
                ok = False
            else:
                numbers.append(number)
    hotlines: Dict[str, EmergencyNumber] = {}
    if "hotlines" in data:
        node = data["hotlines"]
        if country == GLOBAL or not isinstance(node, CommentedMap):
            checker.error(checker.line_of(data, "hotlines"), "hotlines lists a country's hotlines by kind ("
                          + ", ".join(HOTLINE_KINDS) + "), each with 'number' and 'for'; not in the global file")
            node, ok = {}, False
        for kind, entry in node.items():
            if kind not in HOTLINE_KINDS or not isinstance(entry, CommentedMap):
                checker.error(checker.line_of(node, kind), f"hotlines: '{kind}' needs to be one of "
                              + ", ".join(HOTLINE_KINDS) + ", with 'number' and 'for'")
                ok = False
                continue
            hotline = _load_number(checker, entry, country, f" in hotlines: {kind}")
            if hotline is None:
                ok = False
            else:
                hotlines[kind] = hotline
    family_links = data.get("family_links")
    if family_links is not None and (country != GLOBAL or not _URL.match(str(family_links))):
        checker.error(checker.line_of(data, "family_links"), "family_links is a web address (https://...) "
                      "and belongs in the global file")
        ok = False
    info = _load_info_point(checker, country)
    if ok and info:
        return CountryProfile(country, tuple(numbers), advice, info, review, checker.path, hotlines,
                              str(family_links) if family_links else None)
    return None


def _load_number(checker: _FileChecker, entry: CommentedMap, country: str, where: str) -> Optional[EmergencyNumber]:
    checker.known_fields(entry, {"number", "for"}, where)
    if checker.required(entry, "number", where) is None:
        checker.texts(entry, "for", where)
        return None
    number = checker.phone(entry, "number", country, where)
    purpose = checker.texts(entry, "for", where)
    return EmergencyNumber(number, purpose) if number is not None and purpose is not None else None


def _load_info_point(checker: _FileChecker, country: str) -> Optional[InfoPoint]:
    node = checker.required(checker.data, "info_point")
    if node is None:
        return None
    if not isinstance(node, CommentedMap):
        checker.error(checker.line_of(checker.data, "info_point"), "info_point needs 'name' and a 'phone' or 'url'")
        return None
    where = " in info_point"
    checker.known_fields(node, {"name", "phone", "url", "hours"}, where)
    name = checker.texts(node, "name", where)
    hours = checker.texts(node, "hours", where) if "hours" in node else None
    phone, url = node.get("phone"), node.get("url")
    valid = name is not None
    if phone is None and url is None:
        checker.error(checker.line_of(node), "info_point needs a 'phone' or a 'url' so that a person can reach it")
        valid = False
    if phone is not None and checker.phone(node, "phone", None if country == GLOBAL else country, where) is None:
        valid = False
    if url is not None and not _URL.match(str(url)):
        checker.error(checker.line_of(node, "url"), f"'{url}' is not a web address starting with https:// (or http://)")
        valid = False
    if "hours" in node and hours is None:
        valid = False
    return InfoPoint(name, str(phone) if phone else None, str(url) if url else None, hours) if valid else None


def load_content(root: Path, shown_relative_to: Optional[Path] = None) -> LoadedContent:
    """Reads every file below ``root``; raises ContentInvalid listing all problems found."""
    base = shown_relative_to or root.parent
    topics = set(information_topics())
    countries = iso_countries()
    errors: List[ContentError] = []
    loaded = LoadedContent()
    if not root.is_dir():
        raise ContentInvalid([ContentError(str(root), 1, "the content folder does not exist")])
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        country = folder.name
        for path in sorted(folder.iterdir()):
            shown = _shown(path, base)
            if country != GLOBAL and country not in countries:
                errors.append(ContentError(shown, 1, f"folder '{country}' is not a two-letter country code (NL, PK, ...) or 'global'"))
                break
            if path.is_dir() or path.name.startswith("."):
                continue
            if path.suffix != ".yml":
                errors.append(ContentError(shown, 1, "only .yml files belong in a country folder"))
                continue
            if path.name not in (COUNTRY_FILE, SERVICE_POINTS_FILE) and path.stem not in topics:
                close = difflib.get_close_matches(path.stem, sorted(topics), n=1)
                hint = f"; did you mean {close[0]}.yml?" if close else "; the topic ids are in bot/topics.yml"
                errors.append(ContentError(shown, 1, f"'{path.stem}' is not a topic id{hint}"))
                continue
            data = _parse(path, shown, errors)
            if data is None:
                continue
            checker = _FileChecker(shown, data, errors, loaded.warnings)
            if path.name == COUNTRY_FILE:
                profile = _load_profile(checker, country)
                if profile:
                    loaded.profiles[country] = profile
            elif path.name == SERVICE_POINTS_FILE:
                from actions.service_directory import load_points

                points = load_points(checker, country) if country != GLOBAL else None
                if country == GLOBAL:
                    checker.error(1, "service points belong in a country's folder, not in global")
                elif points is not None:
                    loaded.service_points[country] = points
            else:
                answer = _load_topic(checker, country, path.stem)
                if answer:
                    loaded.answers[(country, path.stem)] = answer
        if country in countries | {GLOBAL} and country not in loaded.profiles and not any(
            e.path == _shown(folder / COUNTRY_FILE, base) for e in errors
        ):
            errors.append(ContentError(_shown(folder / COUNTRY_FILE, base), 1,
                                       f"every folder needs a {COUNTRY_FILE} with its emergency numbers and information point"))
    if GLOBAL not in loaded.profiles and not any(e.path.startswith(_shown(root / GLOBAL, base)) for e in errors):
        errors.append(ContentError(_shown(root / GLOBAL / COUNTRY_FILE, base), 1, "the global folder and its country.yml are required"))
    if errors:
        raise ContentInvalid(errors)
    return loaded


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
