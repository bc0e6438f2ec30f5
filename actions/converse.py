"""Replies to the conversation intents (greetings, thanks, 'are you a bot?', not understood...)."""
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType

from actions import conversation_state as state
from actions import render
from actions.content_lookup import library
from actions.i18n import translator
from actions.reply import AssistantAction, Reply


def _introduction(_: Callable[[str], str]) -> str:
    return _("I give checked information about safe and legal ways to migrate, your rights, risks such as "
             "smugglers and fake job offers, and where to get help. Ask your question in your own words.")


def _topics(_: Callable[[str], str]) -> str:
    return "\n".join([
        _("You can ask me about:"),
        _("- legal ways to go: work, study, family, visas, asylum, return"),
        _("- your rights: registration, work, health, school, housing"),
        _("- risks: smugglers, trafficking, fake job offers"),
        _("- where to get help: information points, legal aid, clinics, shelters, consulates"),
        _("- finding a lost family member"),
    ])


def _carry_on(_: Callable[[str], str]) -> str:
    # TRANSLATORS: MENU is the word a person writes to see the topics; use the usual word in your language.
    return _("OK. Ask me anything else, or write MENU to see the topics.")


def _not_understood(_: Callable[[str], str]) -> str:
    return "\n".join([_("Sorry, I did not understand that."), _topics(_)])


_REPLIES: Dict[str, Callable[[Callable[[str], str]], str]] = {
    "greet": lambda _: "\n".join([_("Hello!"), _introduction(_)]),
    "goodbye": lambda _: _("Goodbye, and stay safe. You can write again at any time."),
    "thank": lambda _: _("You are welcome. Stay safe."),
    "affirm": _carry_on,
    "deny": _carry_on,
    "menu": _topics,
    "bot_challenge": lambda _: _("I am an automated assistant, not a person. I give information, not legal advice."),
    "feedback": lambda _: _("Thank you for telling me."),
    "delete_my_data": lambda _: _("Erasing a conversation is not available yet. Until it is, please do not "
                                  "write your name, address or document numbers here."),
    "out_of_scope": _not_understood,
    "nlu_fallback": _not_understood,
}


class ActionConverse(AssistantAction):
    def name(self) -> Text:
        return "action_converse"

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
        if intent == "talk_to_human":
            reply.say(render.info_point(library().profile(state.country(tracker)), reply.lang))
            return []
        reply.say(_REPLIES.get(intent, _not_understood)(translator(reply.lang)))
        return []
