"""Asks which country the person is in or going to, naming the countries the content covers."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType

from actions import conversation_state as state
from actions.content_lookup import Library, library
from actions.i18n import country_name, translator
from actions.reply import AssistantAction, Reply


def _examples(lang: str, lib: Library) -> str:
    return ", ".join(country_name(code, lang) for code in lib.countries())


def not_recognised(lang: str, lib: Library) -> str:
    _ = translator(lang)
    return _("I did not recognise that country. Please write its name, for example {examples}.").format(
        examples=_examples(lang, lib))


def country_question(lang: str, lib: Library) -> str:
    _ = translator(lang)
    return _("Which country are you in, or going to? Write its name, for example {examples}.").format(
        examples=_examples(lang, lib))


class ActionAskCountry(AssistantAction):
    def name(self) -> Text:
        return "action_ask_country"

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        lib = library()
        if state.country_not_recognised(tracker):
            reply.say(not_recognised(reply.lang, lib))
        else:
            reply.say(country_question(reply.lang, lib))
        return []
