"""Replies to the conversation intents: greetings, thanks, "are you a bot?", talk to a person,
feedback, not understood, and a yes or no to the question the assistant just asked
(erase? are you safe now? was this useful?)."""
import asyncio
from datetime import date
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions import render, statistics
from actions.ask_country import country_question
from actions.choose_language import offer_languages
from actions.content_lookup import library
from actions.emergency import not_safe
from actions.erase import erase_now
from actions.i18n import translator
from actions.menus import carry_on, main_menu
from actions.reply import WHOLE, AssistantAction, Reply
from actions.respond import topic_reply
from actions.show_menu import show


_REPLIES: Dict[str, Callable[[Callable[[str], str]], str]] = {
    "goodbye": lambda _: _("Goodbye, and stay safe. You can write again at any time."),
    "thank": lambda _: _("You are welcome. Stay safe."),
    "affirm": carry_on,
    "deny": carry_on,
    "bot_challenge": lambda _: _("I am an automated assistant, not a person. I give information, not legal advice."),
    "feedback": lambda _: _("Thank you for telling me."),
}
NOT_UNDERSTOOD = ("nlu_fallback", "out_of_scope")


def asks_language_first(tracker: Tracker) -> bool:
    """A first greeting whose language cannot be told ("سلام"): the language menu, each language
    in its own script, comes before anything in a language the person may not read."""
    return state.intent(tracker) == "greet" and state.language_unknown(tracker)


class ActionConverse(AssistantAction):
    def name(self) -> Text:
        return "action_converse"

    def welcomes(self, tracker: Tracker) -> bool:
        return not asks_language_first(tracker)  # welcomed in the language the person picks

    def announces_language(self, tracker: Tracker) -> bool:
        return not asks_language_first(tracker)  # the menu of languages says it all

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = state.intent(tracker)
        _ = translator(reply.lang)
        awaiting = state.awaiting(tracker)  # answered now: the base action clears it unless set again
        if intent in ("affirm", "deny") and awaiting:
            return await self.answer_to_question(reply, tracker, awaiting, intent == "affirm")
        if intent == "feedback" and state.entity(tracker, "useful") in ("yes", "no"):
            await self.count_feedback(reply, tracker, state.entity(tracker, "useful") == "yes")
            return []
        if intent == "talk_to_human":
            reply.say(render.talk_to_person(library().profile(state.country(tracker)), reply.lang, reply.sms))
            await asyncio.to_thread(statistics.record_handover, state.country(tracker), reply.lang,
                                    tracker.get_slot("last_topic"), date.today())
            return []
        if intent == "greet" and asks_language_first(tracker):
            return offer_languages(reply)
        if intent == "greet":
            if reply.sms:
                reply.say(carry_on(_))  # the menu costs a long SMS: offered, shown on 0
            else:
                show(reply, main_menu(reply.lang))
            return []
        if intent in _REPLIES:
            reply.say(_REPLIES[intent](_))
            return []
        # Not understood: say so in one line, count it (language only, never the words), offer the menu.
        await asyncio.to_thread(statistics.count_unanswered, reply.lang, date.today())
        if awaiting == "place" and tracker.get_slot("pending_topic"):
            return self.place_not_found(reply, tracker)
        reply.say(_("Sorry, I did not understand that."))
        show(reply, main_menu(reply.lang))
        return [SlotSet("pending_topic", None), SlotSet("needs_country", False)]

    async def answer_to_question(self, reply: Reply, tracker: Tracker, awaiting: str, yes: bool) -> List[EventType]:
        _ = translator(reply.lang)
        if awaiting == "erase":
            if yes:
                return erase_now(reply)
            reply.say(_("OK, nothing was erased."))
        elif awaiting == "safe":
            if yes:
                reply.say(_("Good. If that changes, call the numbers above. Write your question, or 0 for the menu."))
            else:
                country = state.country(tracker)
                reply.say(not_safe(library().profile(country), country, reply.lang))
                if reply.sms:
                    reply.custom(WHOLE)  # danger again: never cut to wait for MORE
        elif awaiting == "feedback":
            await self.count_feedback(reply, tracker, yes)
        else:
            reply.say(carry_on(_))
        return []

    async def count_feedback(self, reply: Reply, tracker: Tracker, useful: bool) -> None:
        _ = translator(reply.lang)
        topic = tracker.get_slot("last_topic")
        if topic:
            await asyncio.to_thread(statistics.count_feedback, topic, reply.lang, tracker.get_slot("country"), useful)
        reply.say(_("Thank you, this helps us improve the answers.") if useful
                  else _("Thank you. We will use this to improve the answers. Write 0 for the menu."))

    def place_not_found(self, reply: Reply, tracker: Tracker) -> List[EventType]:
        """The reply to "which city are you in?" was no city we know: the country's general answer."""
        _ = translator(reply.lang)
        reply.say(_("I did not find that place."))
        country = state.country(tracker)
        topic = tracker.get_slot("pending_topic")
        lib = library()
        if country is None and not lib.has_global_answer(topic):
            # Its general answer once we know the country: still waiting for a place, so that the
            # country does not bring the city question back.
            reply.say(country_question(reply.lang, lib))
            return [SlotSet("needs_country", True), SlotSet("awaiting", "place")]
        reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), reply.sms))
        return [SlotSet("pending_topic", None), SlotSet("last_topic", topic)]
