"""Asks which country the person is in or going to, naming the countries the content covers."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import conversation_state as state
from actions.content_lookup import Library, library
from actions.i18n import country_name, translator


def _examples(lang: str, lib: Library) -> str:
    return ", ".join(country_name(code, lang) for code in lib.countries())


def not_recognised(lang: str, lib: Library) -> str:
    _ = translator(lang)
    return _("I did not recognise that country. Please write its name, for example {examples}.").format(
        examples=_examples(lang, lib))


class ActionAskCountry(Action):
    def name(self) -> Text:
        return "action_ask_country"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        lang = state.language(tracker)
        _ = translator(lang)
        lib = library()
        if state.country_not_recognised(tracker):
            dispatcher.utter_message(text=not_recognised(lang, lib))
        else:
            dispatcher.utter_message(text=_("Which country are you in, or going to? Write its name, for example {examples}.")
                                     .format(examples=_examples(lang, lib)))
        return []
