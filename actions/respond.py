"""The answer to a topic for a country: the content if there is some, else a plain 'not yet';
or, for a place the person named or shared, the nearest service points for the topic."""
from datetime import date
from typing import List, Optional

from actions import render
from actions.content_lookup import Library
from actions.conversation_state import Place
from actions.places import city_centre
from actions.service_directory import Nearby, nearest


# The emergency numbers, answered like a topic: after danger words, and when the person names
# the country after danger words from someone whose country was not known yet.
EMERGENCY = "emergency"


def topic_reply(library: Library, country: Optional[str], topic: str, lang: str, today: date,
                sms: bool = False, danger: Optional[str] = None) -> str:
    """``danger``: the kind of danger, for an emergency (its hotline comes with the numbers)."""
    if topic == EMERGENCY:
        return render.emergency(library.profile(country), country, lang, danger)
    item = library.answer(country, topic)
    if item is not None:
        return render.answer(item, lang, today, sms)
    return render.no_answer(country, library.profile(country), lang, sms)


def nearest_points(library: Library, place: Place, topic: str) -> List[Nearby]:
    return nearest(library.service_points(place.country), place.coordinates, topic, city_centre)
