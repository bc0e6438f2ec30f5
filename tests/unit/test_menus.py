"""The numbered menus: at most six options, 0 back everywhere, and every menu message (with
what comes with it) fits one SMS of the channel's budget in every language, unsplit."""
import pytest

from actions.answer_topic import ask_for_place, context_noted
from actions.emergency import safe_question
from actions.erase import confirmation
from actions.i18n import LANGUAGES
from actions.menus import (MAX_OPTIONS, STAGES, follow_ups, group_menu, group_topics, groups, main_menu,
                           needs_stage, stage_question)
from actions.reply import change_language_hint, welcome
from actions.topics import information_topics
from channels.sms_text import DEFAULT_BUDGET, encoding, plain, sms_parts


def menus(lang):
    """Every menu and question the assistant sends, as the SMS channel sends it."""
    yield "main", [main_menu(lang).text()]
    for group in groups():
        for stage in (None,) + STAGES:
            for page in (1, 2):
                yield f"{group} {stage} {page}", [group_menu(group, lang, stage, page).text()]
    yield "stage", [stage_question(lang).text()]
    for topic in information_topics():
        yield f"after {topic}", [follow_ups(topic, lang, feedback=True).text()]
    yield "safe?", [safe_question(lang).text()]
    yield "erase?", [confirmation(lang).text()]
    yield "city?", [ask_for_place(lang)]
    # First contact on SMS: the welcome as a message of its own, then the offer of the menu and the
    # change-language hint.
    yield "welcome", [welcome(lang)]
    yield "first contact", [context_noted(None, lang) + "\n" + change_language_hint(lang, False)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_menu_fits_one_sms_of_the_budget_in_every_language(lang):
    too_long = {}
    for name, texts in menus(lang):
        parts = sms_parts(texts, lang, DEFAULT_BUDGET)
        if len(parts) != 1:
            too_long[name] = encoding(plain("\n\n".join(texts))).segments
    assert too_long == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_menus_have_at_most_six_numbered_options_and_a_way_back(lang):
    assert len(main_menu(lang).options) <= MAX_OPTIONS
    for group in groups():
        for stage in (None,) + STAGES:
            first, second = group_menu(group, lang, stage, 1), group_menu(group, lang, stage, 2)
            assert len(first.options) <= MAX_OPTIONS and len(second.options) <= MAX_OPTIONS
            assert first.text().endswith(first.back) and first.back.startswith("0 ")
            shown = [o.payload for o in first.options + (second.options if needs_stage(group) else [])]
            # Every topic of the group is reachable from its menu (on the first page or under More).
            assert {f"/{topic}" for topic in group_topics(group)} <= set(shown)


def test_the_stage_puts_its_topics_first():
    arrived = [o.payload for o in group_menu("pathways", "en", "arrived").options]
    before = [o.payload for o in group_menu("pathways", "en", "before_departure").options]
    assert "/pathways_protection" in arrived and "/pathways_protection" not in before
    assert "/pathways_study" in before and "/pathways_study" not in arrived
    assert needs_stage("pathways") and needs_stage("rights") and not needs_stage("risks")
