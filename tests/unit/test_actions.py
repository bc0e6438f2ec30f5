"""Each action with a real Tracker and CollectingDispatcher, answering from the real content files."""
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_topic import ActionAnswerTopic
from actions.ask_country import ActionAskCountry
from actions.content_lookup import library
from actions.converse import ActionConverse
from actions.emergency import ActionEmergency


def covered():
    """The countries the content covers, by their English names, as the assistant lists them."""
    from actions.i18n import country_name

    return ", ".join(country_name(code, "en") for code in library().countries())


def tracker(text, intent, *, country_entity=None, slots=None, ranking=None):
    entities = [{"entity": "country", "value": country_entity}] if country_entity else []
    slots = {"language": "en", "country": None, "pending_topic": None, "needs_country": None, "welcomed": True,
             **(slots or {})}
    if country_entity:
        slots["country"] = country_entity  # Rasa fills the slot from the entity before the action runs
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities,
               "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}]}
    return Tracker("someone", slots, message, [], False, None, {}, "action_listen")


async def run(action, a_tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, a_tracker, {})
    return [m["text"] for m in dispatcher.messages if m.get("text") is not None], events


async def test_a_question_with_its_country_gets_the_content_source_and_date():
    texts, events = await run(ActionAnswerTopic(), tracker(
        "how do i get a work visa for the netherlands", "pathways_work", country_entity="NL"))
    nl_work = library().answer("NL", "pathways_work")
    reply, follow_ups = texts
    assert follow_ups == "Was this useful? 1 Yes 2 No\n3 Fake job offers  4 Visa: how to apply  0 Main menu"
    assert reply.startswith(nl_work.text["en"])
    assert f"Source: {nl_work.review.sources[0]}" in reply
    assert "Checked on Nov 23, 2026" in reply
    assert SlotSet("needs_country", False) in events


async def test_a_question_without_country_asks_for_it_and_remembers_the_question():
    texts, events = await run(ActionAnswerTopic(), tracker("how do i apply for asylum", "pathways_protection"))
    assert texts == []
    assert SlotSet("pending_topic", "pathways_protection") in events
    assert SlotSet("needs_country", True) in events


async def test_asking_for_the_country_names_the_countries_we_cover():
    texts, _ = await run(ActionAskCountry(), tracker("how do i apply for asylum", "pathways_protection"))
    assert texts == ["Which country are you in, or going to? Write its name, for example " + covered() + "."]


async def test_the_country_reply_answers_the_question_that_waited_for_it():
    texts, events = await run(ActionAnswerTopic(), tracker(
        "the netherlands", "choose_country", country_entity="NL",
        slots={"pending_topic": "pathways_protection", "needs_country": True}))
    reply, _ = texts
    assert reply.startswith(library().answer("NL", "pathways_protection").text["en"])
    assert SlotSet("pending_topic", None) in events
    assert SlotSet("needs_country", False) in events


async def test_naming_a_country_without_a_question_confirms_it():
    texts, events = await run(ActionAnswerTopic(), tracker("pakistan", "choose_country", country_entity="PK"))
    assert texts == ["OK: Pakistan. Write your question, or 0 for the menu."]
    assert events == [SlotSet("needs_country", False)]


async def test_a_reply_that_is_no_country_is_asked_again_with_a_hint():
    waiting = tracker("narnia", "choose_country", slots={"pending_topic": "pathways_protection", "needs_country": True})
    texts, events = await run(ActionAnswerTopic(), waiting)
    assert (texts, events) == ([], [SlotSet("needs_country", True)])  # the rules then run action_ask_country
    texts, _ = await run(ActionAskCountry(), waiting)
    assert texts == ["I did not recognise that country. Please write its name, for example " + covered() + "."]


async def test_an_unknown_country_without_a_waiting_question():
    texts, events = await run(ActionAnswerTopic(), tracker("i am in narnia", "choose_country"))
    assert texts == ["I did not recognise that country. Please write its name, for example " + covered() + "."]
    assert events == []


async def test_a_topic_the_country_has_no_content_for_says_so_and_gives_the_information_point():
    assert library().answer("NL", "pathways_qualifications") is None
    texts, _ = await run(ActionAnswerTopic(), tracker("is my diploma valid here", "pathways_qualifications",
                                                      slots={"country": "NL"}))
    profile = library().profile("NL")
    assert texts[0] == ("I do not have checked information on this for Netherlands yet.\n"
                        f"You can ask Immigration and Naturalisation Service (IND): {profile.info_point.phone} "
                        f"{profile.info_point.url}")


async def test_a_global_answer_needs_no_country():
    texts, events = await run(ActionAnswerTopic(), tracker("i lost contact with my brother", "tracing_family"))
    reply, follow_ups = texts
    assert reply.startswith(library().answer(None, "tracing_family").text["en"])
    # Never asked for, never kept: the missing person's details go to the tracing service only.
    assert reply.endswith("Please do not write the missing person's name or details here: give them only to the "
                          "tracing service.")
    assert "1 Yes 2 No" in follow_ups
    assert SlotSet("needs_country", False) in events


async def test_a_country_without_its_own_answer_gets_the_global_one():
    texts, _ = await run(ActionAnswerTopic(), tracker("is this smuggler safe", "risks_smuggling", slots={"country": "NL"}))
    assert library().answer("NL", "risks_smuggling").country == "global"
    assert texts[0].startswith(library().answer(None, "risks_smuggling").text["en"])


async def test_an_answer_past_its_review_date_still_shows_with_a_caveat(monkeypatch):
    import actions.answer_topic as module

    class Later(date):
        @classmethod
        def today(cls):
            return date(2030, 1, 1)

    monkeypatch.setattr(module, "date", Later)
    texts, _ = await run(ActionAnswerTopic(), tracker("work visa", "pathways_work", slots={"country": "NL"}))
    assert "This was last checked on Nov 23, 2026 and may be out of date." in texts[0]
    assert texts[0].startswith(library().answer("NL", "pathways_work").text["en"])


async def test_emergency_gives_the_country_numbers_first():
    texts, _ = await run(ActionEmergency(), tracker("help they are beating me", "emergency", slots={"country": "NL"}))
    assert texts[0].splitlines()[0] == "If you are in danger now, call:"
    assert texts[0].splitlines()[1] == "112 - police, ambulance, fire brigade; free"


async def test_emergency_without_country_gives_the_general_advice_and_asks_for_the_country():
    texts, _ = await run(ActionEmergency(), tracker("help they are beating me", "emergency"))
    reply, safe = texts
    assert safe == "Are you safe now?\n1 Yes\n2 No"
    assert reply.startswith(library().profile(None).emergency_advice["en"])
    assert reply.endswith("Tell me which country you are in and I will give you its emergency number.")


async def test_emergency_contacts_come_before_the_answer_to_the_question_under_them():
    ranking = [{"name": "emergency", "confidence": 1.0}, {"name": "risks_trafficking", "confidence": 0.91}]
    texts, _ = await run(ActionEmergency(), tracker(
        "my boss locked me in and took my passport", "emergency", slots={"country": "NL"}, ranking=ranking))
    assert len(texts) == 3
    assert texts[0].startswith("If you are in danger now, call:")
    assert texts[2] == "Are you safe now?\n1 Yes\n2 No"
    assert texts[1].startswith(library().answer("NL", "risks_trafficking").text["en"])


@pytest.mark.parametrize("intent, expected", [
    ("bot_challenge", "I am an automated assistant, not a person. I give information, not legal advice."),
    ("thank", "You are welcome. Stay safe."),
    ("nlu_fallback", "Sorry, I did not understand that."),
])
async def test_conversation_replies(intent, expected):
    texts, _ = await run(ActionConverse(), tracker("...", intent))
    assert texts[0].startswith(expected)


async def test_talk_to_a_human_gives_the_information_point_of_the_country():
    texts, _ = await run(ActionConverse(), tracker("can i talk to a person", "talk_to_human", slots={"country": "PK"}))
    point = library().profile("PK").info_point
    assert texts == ["I am an automated assistant. To talk to a person:\n"
                     f"You can ask {point.name['en']}: " + " ".join(p for p in (point.phone, point.url) if p)
                     + "\nI do not have their opening hours yet; they answer when their office is open."]


async def test_after_an_emergency_without_country_naming_the_country_gives_its_numbers():
    texts, events = await run(ActionEmergency(), tracker("help the boat is sinking", "emergency"))
    assert SlotSet("pending_topic", "emergency") in events
    texts, _ = await run(ActionAnswerTopic(), tracker(
        "netherlands", "choose_country", country_entity="NL", slots={"pending_topic": "emergency"}))
    assert texts[0].startswith("If you are in danger now, call:\n112 - ")


async def test_the_hotline_for_the_kind_of_danger_comes_with_the_numbers_of_the_country_named_after():
    violence = tracker("help my husband is beating me", "emergency")
    violence.latest_message["danger"] = "violence"
    _, events = await run(ActionEmergency(), violence)
    assert SlotSet("danger", "violence") in events
    texts, events = await run(ActionAnswerTopic(), tracker(
        "greece", "choose_country", country_entity="GR",
        slots={"pending_topic": "emergency", "danger": "violence", "welcomed": None}))
    assert texts[0].startswith("If you are in danger now, call:")  # no welcome before the numbers
    assert "\n15900 - SOS line for women facing violence" in texts[0]
    assert SlotSet("danger", None) in events


async def test_an_emergency_in_a_country_without_content_gives_the_advice_and_says_so():
    texts, _ = await run(ActionEmergency(), tracker("help the boat is sinking", "emergency", country_entity="LY"))
    assert texts == [library().profile(None).emergency_advice["en"]
                     + "\nI do not have checked emergency numbers for Libya yet.", "Are you safe now?\n1 Yes\n2 No"]


@pytest.mark.parametrize("kind, hotline", [("self_harm", "113"), ("child_alone", "0800 0432"), (None, None)])
async def test_emergency_adds_the_hotline_for_the_kind_of_danger(kind, hotline):
    a_tracker = tracker("...", "emergency", slots={"country": "NL"})
    a_tracker.latest_message["danger"] = kind
    texts, events = await run(ActionEmergency(), a_tracker)
    numbers = [line.split(" - ")[0] for line in texts[0].splitlines()[1:]]
    assert numbers[0] == "112"
    assert (hotline in numbers) if hotline else numbers == [e.number for e in library().profile("NL").emergency]
    assert texts[-1] == "Are you safe now?\n1 Yes\n2 No" and SlotSet("awaiting", "safe") in events


async def test_a_first_message_gets_the_welcome_before_the_answer_but_danger_gets_the_numbers_first():
    texts, events = await run(ActionAnswerTopic(), tracker("work visa", "pathways_work",
                                                           slots={"country": "NL", "welcomed": None}))
    assert texts[0].startswith("Hello! I give checked information on safe migration")
    assert "I am not a lawyer or a government office." in texts[0] and "DELETE MY DATA" in texts[0]
    assert SlotSet("welcomed", True) in events
    texts, events = await run(ActionEmergency(), tracker("help", "emergency", slots={"country": "NL", "welcomed": None}))
    assert texts[0].startswith("If you are in danger now, call:") and SlotSet("welcomed", True) not in events


async def test_feedback_not_understood_and_requests_for_a_person_are_counted_without_identity(tmp_path, monkeypatch):
    from actions import statistics

    monkeypatch.setenv("STATS_DB", str(tmp_path / "stats.db"))
    slots = {"country": "NL", "last_topic": "pathways_work", "awaiting": "feedback"}
    await run(ActionConverse(), tracker("yes", "affirm", slots=slots))  # "Was this useful?" - yes
    feedback = tracker("/feedback", "feedback", slots=slots)
    feedback.latest_message["entities"] = [{"entity": "useful", "value": "no"}]
    texts, _ = await run(ActionConverse(), feedback)
    assert texts == ["Thank you. We will use this to improve the answers. Write 0 for the menu."]
    await run(ActionConverse(), tracker("qwertz", "nlu_fallback", slots={"language": "fr"}))
    await run(ActionConverse(), tracker("a person please", "talk_to_human", slots=slots))
    counted = statistics.summary()
    assert counted.feedback == [{"topic": "pathways_work", "lang": "en", "country": "NL", "useful": 1,
                                 "not_useful": 1}]
    assert [(row["lang"], row["count"]) for row in counted.unanswered] == [("fr", 1)]
    assert [(row["country"], row["lang"], row["topic"]) for row in counted.handovers] == [("NL", "en",
                                                                                           "pathways_work")]


async def test_a_yes_answers_only_the_question_just_asked():
    texts, events = await run(ActionConverse(), tracker("yes", "affirm", slots={"awaiting": "erase"}))
    assert texts == ["Done: everything I kept about you is erased. You can write again at any time."]
    assert SlotSet("erased", True) in events  # the tracker store deletes the conversation on this
    texts, events = await run(ActionConverse(), tracker("yes", "affirm"))  # nothing was asked
    assert texts == ["OK. Write your question, or 0 for the menu."] and SlotSet("erased", True) not in events


@pytest.mark.parametrize("text, named, before, expected", [
    ("how do i go from pakistan to italy for work", ["PK", "IT"], None, "IT"),
    ("how can i go to germany from afghanistan for a job", ["DE", "AF"], None, "DE"),
    ("how can i go to germany from afghanistan for a job", ["DE", "AF"], "AF", "DE"),  # already in AF
    ("how do i go from pakistan to italy for work", ["PK", "IT"], "PK", "IT"),
])
async def test_a_question_naming_two_countries_is_answered_for_the_one_asked_about(text, named, before, expected):
    a_tracker = tracker(text, "pathways_work", slots={"country": named[-1]})  # as Rasa fills it: the last country named
    a_tracker.latest_message["entities"] = [{"entity": "country", "value": code} for code in named]
    a_tracker.events = [{"event": "slot", "name": "country", "value": before},
                        {"event": "user", "text": text}, {"event": "slot", "name": "country", "value": named[-1]}]
    texts, events = await run(ActionAnswerTopic(), a_tracker)
    assert texts[0].startswith(library().answer(expected, "pathways_work").text["en"])
    assert SlotSet("country", expected) in events


async def test_no_place_near_the_city_gives_what_the_country_content_says():
    from actions.respond import topic_reply

    texts, events = await run(ActionAnswerTopic(), tracker("free lawyer in kabul", "services_legal_aid"))
    assert texts[0] == "I have no checked places for this near Kabul yet."
    assert texts[1] == topic_reply(library(), "AF", "services_legal_aid", "en", date.today())
    assert SlotSet("country", "AF") in events


async def test_on_sms_the_information_point_is_its_phone_number_only():
    a_tracker = tracker("can i talk to a person", "talk_to_human", slots={"country": "PK"})
    by_sms = [{"event": "user", "text": "can i talk to a person", "input_channel": "twilio_sms"}]
    texts, _ = await run(ActionConverse(), Tracker("someone", a_tracker.slots, a_tracker.latest_message, by_sms,
                                                   False, None, {}, "action_listen"))
    point = library().profile("PK").info_point
    assert f"{point.name['en']}: {point.phone}\n" in texts[0] and point.url not in texts[0]


async def test_a_first_greeting_in_a_script_of_several_languages_gets_the_language_menu_first():
    salam = tracker("سلام", "greet", slots={"language": None, "welcomed": None})
    salam.latest_message["detected_language"] = {"code": None, "confident": False}
    texts, events = await run(ActionConverse(), salam)
    assert texts[0].startswith("Choose your language, reply with its number:\n1 English\n2 العربية\n3 دری")
    assert SlotSet("language_menu", True) in events and SlotSet("welcomed", True) not in events
    hello = tracker("hello", "greet", slots={"language": None, "welcomed": None})
    hello.latest_message["detected_language"] = {"code": None, "confident": False}
    texts, _ = await run(ActionConverse(), hello)
    assert texts[0].startswith("Hello!")  # Latin letters: English until the person says otherwise


async def test_no_city_found_and_no_country_asks_the_country_then_gives_its_general_answer():
    waiting = {"pending_topic": "services_health", "awaiting": "place"}
    texts, events = await run(ActionConverse(), tracker("zzplace", "nlu_fallback", slots=waiting))
    assert texts[0] == "I did not find that place." and texts[1].startswith("Which country are you in")
    assert SlotSet("needs_country", True) in events and SlotSet("awaiting", "place") in events
    texts, events = await run(ActionAnswerTopic(), tracker("pakistan", "choose_country", country_entity="PK",
                                                           slots=waiting))
    assert not texts[0].startswith("Which city")  # the city is not asked again
    assert SlotSet("last_topic", "services_health") in events


async def test_not_safe_repeats_the_advice_whole_on_sms():
    a_tracker = tracker("no", "deny", slots={"awaiting": "safe"})
    by_sms = [{"event": "user", "text": "no", "input_channel": "twilio_sms"}]
    dispatcher = CollectingDispatcher()
    await ActionConverse().run(dispatcher, Tracker("someone", a_tracker.slots, a_tracker.latest_message, by_sms,
                                                   False, None, {}, "action_listen"), {})
    assert dispatcher.messages[0]["text"].startswith(library().profile(None).emergency_advice["en"])
    assert {"whole": True} in [m.get("custom") for m in dispatcher.messages]  # never cut to wait for MORE
