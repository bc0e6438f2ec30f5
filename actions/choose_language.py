"""The language menu, and switching language by name ("english", "عربي") or by menu number.

After a switch, the last answer is given again in the new language, so that a person who
could not read it (or wants the English original of a translation) need not ask again.
"""
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions.content_lookup import library
from actions.i18n import LANGUAGES, language_name, translator
from actions.reply import AssistantAction, Reply
from actions.menus import main_menu
from actions.respond import topic_reply
from actions.show_menu import show


def language_menu(lang: str) -> List[str]:
    """The menu lines: each language's number and its name written in that language."""
    _ = translator(lang)
    return [_("Choose your language, reply with its number:")] + [
        f"{number} {language_name(code)}" for number, code in enumerate(LANGUAGES, start=1)]


def menu_buttons() -> List[Dict[str, str]]:
    return [{"title": language_name(code), "payload": f'/choose_language{{"language": "{code}"}}'}
            for code in LANGUAGES]


def offer_languages(reply: Reply) -> List[EventType]:
    """The language menu; the next number chooses from it."""
    reply.say("\n".join(language_menu(reply.lang)), buttons=menu_buttons())
    return [SlotSet("language_menu", True)]


class ActionChooseLanguage(AssistantAction):
    def name(self) -> Text:
        return "action_choose_language"

    def announces_language(self, tracker: Tracker) -> bool:
        return False

    def welcomes(self, tracker: Tracker) -> bool:
        return state.chosen_language(tracker) is not None  # the welcome in the language chosen

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        chosen = state.chosen_language(tracker)
        if chosen is None and state.entity(tracker, "number") is not None:
            # A number with no language menu on screen: not one of the options the person was shown.
            _ = translator(reply.lang)
            reply.say(_("That number is not one of the options. Reply with a number from this menu:"))
            show(reply, main_menu(reply.lang))
            return []
        if chosen is None:
            return offer_languages(reply)
        reply.lang = chosen
        _ = translator(chosen)
        reply.say(_("OK, I will answer in {language}.").format(language=language_name(chosen)))
        topic = tracker.get_slot("last_topic")
        if topic:
            reply.say(topic_reply(library(), state.country(tracker), topic, chosen, date.today(), reply.sms))
        return [SlotSet("language", chosen), SlotSet("language_chosen", True), SlotSet("language_menu", False)]
