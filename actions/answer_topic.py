"""Answers any information topic from the content files, asking first for what the answer
needs: the country, or for a nearby service, the city. Also takes the person's context
("I am now in Greece", "I want to go to Italy", a stage from the menu)."""
from datetime import date
from typing import Any, Dict, List, Optional, Text
from urllib.parse import urlparse

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions import render
from actions.ask_country import not_recognised
from actions.content_lookup import Library, library
from actions.i18n import country_name, translator
from actions.emergency import ask_if_safe
from actions.menus import back, carry_on, feedback_every_sms, follow_ups, group_menu
from actions.reply import AssistantAction, Reply
from actions.respond import EMERGENCY, nearest_points, topic_reply
from actions.show_menu import show

TRACING = ("tracing_family", "tracing_missing_migrant")


def context_noted(country: Optional[str], lang: str) -> str:
    _ = translator(lang)
    if country:
        # TRANSLATORS: keep the 0: the person writes 0 to see the main menu.
        return _("OK: {country}. Write your question, or 0 for the menu.").format(country=country_name(country, lang))
    return carry_on(_)


def ask_for_place(lang: str) -> str:
    _ = translator(lang)
    return "\n".join([_("Which city are you in? Write its name, or share your location."), back(_)])


def tracing_referral(lib: Library, shown: str, lang: str, sms: bool) -> List[str]:
    """Finding family: the Red Cross / Red Crescent family-links site (when the answer does not
    already give it), and a caution not to write the missing person's details in this chat."""
    _ = translator(lang)
    lines = []
    site = lib.profile(None).family_links
    if site and urlparse(site).netloc not in shown:
        lines.append(_("Red Cross and Red Crescent family links worldwide: {url}").format(
            url=render.source_shown(site, sms)))
    lines.append(_("Please do not write the missing person's name or details here: give them only to the "
                   "tracing service."))
    return lines


def country_asked_about(tracker: Tracker, lib: Library, topic: Optional[str]) -> Optional[str]:
    """The country the answer is for. A message naming two ("from Pakistan to Italy", "to Germany
    from Afghanistan") asks about the one that is not where the person already is, and has its
    own answer on the topic; the last named if that does not decide."""
    named = state.named_countries(tracker)
    if len(named) < 2:
        return named[0] if named else tracker.get_slot("country")
    remembered = state.country_before(tracker)
    others = [code for code in named if code != remembered] or named
    own = [code for code in others
           if topic and (found := lib.answer(code, topic)) is not None and found.country == code]
    return (own or others)[-1]


def asks_feedback(tracker: Tracker, sms: bool) -> bool:
    """Every answer on chat apps; on SMS, where every message costs, the first and then every few."""
    answers = int(tracker.get_slot("answers_given") or 0)
    return not sms or answers % feedback_every_sms() == 0


class ActionAnswerTopic(AssistantAction):
    def name(self) -> Text:
        return "action_answer_topic"

    def welcomes(self, tracker: Tracker) -> bool:
        # The country named after danger words: its numbers come first, with nothing before them.
        return state.asked_topic(tracker) is not None or tracker.get_slot("pending_topic") != EMERGENCY

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        lib = library()
        topic = state.asked_topic(tracker) or tracker.get_slot("pending_topic")
        country = country_asked_about(tracker, lib, topic)
        if state.shared_location(tracker) and str(tracker.get_slot("last_topic") or "").startswith("services_"):
            topic = tracker.get_slot("last_topic")  # the location answers the last "where is..." question
        stage = state.stage(tracker)
        pending_group = tracker.get_slot("pending_group")

        if state.asked_topic(tracker) is None and pending_group and stage:
            show(reply, group_menu(pending_group, reply.lang, stage))  # the stage the group menu waited for
            return [SlotSet("pending_group", None), SlotSet("needs_country", False)]
        if state.country_not_recognised(tracker) and state.said_stage(tracker) is None:
            if topic is not None:
                return [SlotSet("needs_country", True)]  # asked again, with a hint, by action_ask_country
            reply.say(not_recognised(reply.lang, lib))
            return []
        if topic is None:
            reply.say(context_noted(country, reply.lang))
            return [SlotSet("needs_country", False)]
        return self.answer(reply, tracker, lib, topic, country)

    def answer(self, reply: Reply, tracker: Tracker, lib: Library, topic: str,
               country: Optional[str]) -> List[EventType]:
        where = state.place(tracker, lib.countries_with_points()) if topic.startswith("services_") else None
        if (where is None and topic.startswith("services_") and state.awaiting(tracker) != "place"
                and lib.has_points_for(country, topic)):
            # "clinic near me": the nearest three need a city or a shared location.
            reply.say(ask_for_place(reply.lang))
            return [SlotSet("pending_topic", topic), SlotSet("awaiting", "place"), SlotSet("needs_country", False)]
        if where is None and country is None and not lib.has_global_answer(topic):
            return [SlotSet("pending_topic", topic), SlotSet("needs_country", True)]

        if topic == EMERGENCY:  # the country named after an emergency: its numbers now
            reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), danger=tracker.get_slot("danger")))
            return ask_if_safe(reply) + [SlotSet("pending_topic", None), SlotSet("danger", None),
                                         SlotSet("needs_country", False)]
        if where is not None:
            points = nearest_points(lib, where, topic)
            reply.say(render.nearby(points, where.label, reply.lang))
            if not points and lib.has_country(where.country or country):
                # No place near there: what the country's content says about it, and its information point.
                reply.say(topic_reply(lib, where.country or country, topic, reply.lang, date.today(), reply.sms))
        else:
            reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), reply.sms))
        if topic in TRACING:
            for line in tracing_referral(lib, reply.messages[-1]["text"], reply.lang, reply.sms):
                reply.add_line(line)
        feedback = asks_feedback(tracker, reply.sms)
        menu = follow_ups(topic, reply.lang, feedback)
        show(reply, menu)
        answered = [SlotSet("pending_topic", None), SlotSet("pending_group", None), SlotSet("needs_country", False),
                    SlotSet("last_topic", topic),
                    SlotSet("country", where.country if where and where.country else country),
                    SlotSet("awaiting", "feedback" if feedback else None),
                    SlotSet("answers_given", float(int(tracker.get_slot("answers_given") or 0) + 1))]
        return answered
