"""When the assistant cannot work out an answer (its action server down, a turn that broke),
the channels still answer: danger words first get the emergency advice, in the person's
language, and everyone is told to write again."""
from pathlib import Path

import pytest
import yaml

from actions.content_lookup import library
from actions.i18n import translator
from actions.render import in_language
from channels.turns import not_answered

PHRASINGS = yaml.safe_load((Path(__file__).parent / "safety_phrasings.yml").read_text(encoding="utf-8"))
SORRY = "Sorry, I cannot answer right now. Please write again in a few minutes."


@pytest.mark.parametrize("lang", sorted(PHRASINGS))
def test_danger_gets_the_emergency_advice_first_in_the_persons_language(lang):
    advice = library().profile(None).emergency_advice
    for phrasing in PHRASINGS[lang]["emergency"]:
        lines, danger = not_answered(phrasing["text"], known_language=lang)
        assert danger, phrasing["text"]
        assert lines == [in_language(advice, lang), translator(lang)(SORRY)], phrasing["text"]


@pytest.mark.parametrize("lang", sorted(PHRASINGS))
def test_an_ordinary_question_is_told_to_write_again_and_nothing_more(lang):
    for text in PHRASINGS[lang]["not_emergency"]:
        text = text if isinstance(text, str) else text["text"]
        assert not_answered(text, known_language=lang) == ([translator(lang)(SORRY)], False), text


def test_without_a_language_known_the_message_tells_it_or_the_answer_is_in_english():
    lines, danger = not_answered("مرا میزنند، کمک کنید")  # Dari, a first message
    assert danger and lines == [in_language(library().profile(None).emergency_advice, "fa"), translator("fa")(SORRY)]
    assert not_answered("/feedback_yes") == ([SORRY], False)  # a chosen option tells no language
    assert not_answered("/feedback_yes", known_language="so") == ([translator("so")(SORRY)], False)
