"""The answer to a topic for a country: the content if there is some, else a plain 'not yet'."""
from datetime import date
from typing import Optional

from actions import render
from actions.content_lookup import Library


EMERGENCY = "emergency"


def topic_reply(library: Library, country: Optional[str], topic: str, lang: str, today: date,
                sms: bool = False) -> str:
    if topic == EMERGENCY:
        return render.emergency(library.profile(country), country, lang)
    item = library.answer(country, topic)
    if item is not None:
        return render.answer(item, lang, today, sms)
    return render.no_answer(country, library.profile(country), lang)
