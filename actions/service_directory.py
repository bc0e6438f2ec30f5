"""The service-point directory of a country (content/<CC>/service_points.yml) and the search for
the nearest points to a city or a shared location.

A point's `coordinates` are used when its source gives them; otherwise the centre of its city
(from GeoNames, see actions.places) stands in, and the distance shown is to that centre.
"""
import math
from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Sequence, Tuple

from babel import Locale
from ruamel.yaml.comments import CommentedMap

from actions.topics import information_topics

_POINT_FIELDS = {"name", "serves", "address", "city", "coordinates", "phone", "hours", "languages", "cost", "who",
                 "source", "verified_on"}
_FILE_FIELDS = {"country", "last_reviewed", "review_by", "points", "notes"}


@dataclass(frozen=True)
class ServicePoint:
    country: str
    name: str
    serves: Tuple[str, ...]
    city: str
    address: Optional[str]
    coordinates: Optional[Tuple[float, float]]
    phone: Optional[str]
    hours: Optional[str]
    languages: Tuple[str, ...]
    cost: Optional[str]
    who: Optional[str]
    source: str
    verified_on: date
    path: str
    line: int


@dataclass(frozen=True)
class Nearby:
    point: ServicePoint
    km: float
    exact: bool  # False: measured to the centre of the point's city


def load_points(checker, country: str) -> Optional[Tuple[ServicePoint, ...]]:
    """The points of one service_points.yml, or None if it has an error (reported to ``checker``)."""
    data = checker.data
    checker.known_fields(data, _FILE_FIELDS)
    in_folder = checker.in_its_folder(country)
    review = checker.review_dates()
    entries = checker.required(data, "points")
    if entries is not None and not isinstance(entries, list):
        checker.error(checker.line_of(data, "points"), "points must be a list of '- name: ...' entries")
        return None
    points: List[ServicePoint] = []
    ok = bool(review) and in_folder
    for index, entry in enumerate(entries or []):
        point = _load_point(checker, entry, index, country)
        if point is None:
            ok = False
        else:
            points.append(point)
    return tuple(points) if ok else None


def _load_point(checker, entry, index: int, country: str) -> Optional[ServicePoint]:
    where = f" in point {index + 1}"
    if not isinstance(entry, CommentedMap):
        checker.error(checker.line_of(checker.data["points"], index), f"point {index + 1} needs name, serves, city, source and verified_on")
        return None
    checker.known_fields(entry, _POINT_FIELDS, where)
    line = checker.line_of(entry)
    values = {key: checker.required(entry, key, where) for key in ("name", "serves", "city", "source", "verified_on")}
    ok = all(value is not None for value in values.values())
    serves = values["serves"]
    if serves is not None:
        topics = set(information_topics())
        if not isinstance(serves, list) or not serves or any(topic not in topics for topic in serves):
            checker.error(checker.line_of(entry, "serves"), f"serves{where} must list topic ids from bot/topics.yml, "
                                                            f"e.g. [services_legal_aid]")
            ok = False
    languages = entry.get("languages") or []
    if not isinstance(languages, list) or any(not _is_language(str(code)) for code in languages):
        checker.error(checker.line_of(entry, "languages"), f"languages{where} must list language codes such as en, ar, fa")
        ok = False
    coordinates = entry.get("coordinates")
    if coordinates is not None and not _valid_coordinates(coordinates):
        checker.error(checker.line_of(entry, "coordinates"), f"coordinates{where} must be [latitude, longitude] in degrees")
        ok = False
    if values["source"] is not None:
        if not checker.is_url(str(values["source"])):
            checker.error(checker.line_of(entry, "source"), f"source{where} is not a web address starting with https://")
            ok = False
        else:
            checker.url(entry, "source", str(values["source"]))
    verified = checker.date_in(entry, "verified_on", where)
    phone = checker.phone(entry, "phone", country, where) if "phone" in entry else None
    if "phone" in entry and phone is None:
        ok = False
    if not ok or verified is None:
        return None
    return ServicePoint(country, str(values["name"]), tuple(serves), str(values["city"]),
                        _text(entry, "address"), tuple(float(x) for x in coordinates) if coordinates else None,
                        phone, _text(entry, "hours"), tuple(str(code) for code in languages), _text(entry, "cost"),
                        _text(entry, "who"), str(values["source"]), verified, checker.path, line)


def _text(entry, key: str) -> Optional[str]:
    value = entry.get(key)
    return " ".join(str(value).split()) if value not in (None, "") else None


def _is_language(code: str) -> bool:
    return len(code) in (2, 3) and code in Locale("en").languages


def _valid_coordinates(value) -> bool:
    return (isinstance(value, list) and len(value) == 2 and all(isinstance(x, (int, float)) for x in value)
            and -90 <= value[0] <= 90 and -180 <= value[1] <= 180)


def distance_km(a: Tuple[float, float], b: Tuple[float, float]) -> float:
    """Great-circle distance (haversine), in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def nearest(points: Sequence[ServicePoint], here: Tuple[float, float], topic: Optional[str],
            city_centre, count: int = 3) -> List[Nearby]:
    """The ``count`` points nearest to ``here`` that serve ``topic`` (any topic when None).
    ``city_centre(name, country)`` gives a city's coordinates for points without their own."""
    found = []
    for point in points:
        if topic and topic not in point.serves:
            continue
        where = point.coordinates or city_centre(point.city, point.country)
        if where is None:
            continue
        found.append(Nearby(point, distance_km(here, where), point.coordinates is not None))
    return sorted(found, key=lambda item: item.km)[:count]
