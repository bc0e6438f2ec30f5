"""The answer to a topic for a country: the content if there is some, else a plain 'not yet';
or, for a place the person named or shared, the nearest service points for the topic."""
from datetime import date
from typing import Optional

from actions import render
from actions.content_lookup import Library
from actions.conversation_state import Place
from actions.places import city_centre
from actions.service_directory import nearest


EMERGENCY = "emergency"


def topic_reply(library: Library, country: Optional[str], topic: str, lang: str, today: date,
                sms: bool = False) -> str:
    if topic == EMERGENCY:
        return render.emergency(library.profile(country), country, lang)
    item = library.answer(country, topic)
    if item is not None:
        return render.answer(item, lang, today, sms)
    return render.no_answer(country, library.profile(country), lang)


def nearby_reply(library: Library, place: Place, topic: str, lang: str) -> str:
    found = nearest(library.service_points(place.country), place.coordinates, topic, city_centre)
    return render.nearby(found, place.label, lang)
