"""SMS counting and cutting, as Twilio and the networks count: known cases and a property test."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from channels.sms_text import GSM7_BASIC, GSM7_EXTENSION, TWILIO_MAX_BODY, cut, encoding, plain, sms_parts
from channels.twilio_sms import with_choices

MORE = "Reply MORE for the rest"


@pytest.mark.parametrize("text, name, units, segments", [
    ("a" * 160, "GSM-7", 160, 1),
    ("a" * 161, "GSM-7", 161, 2),
    ("a" * 306, "GSM-7", 306, 2),
    ("a" * 307, "GSM-7", 307, 3),
    ("[" * 80, "GSM-7", 160, 1),               # extension characters count twice
    ("a" * 159 + "€", "GSM-7", 161, 2),
    ("Çé ñ Ø @ £ ¥ Δ", "GSM-7", 14, 1),        # letters of the basic GSM alphabet
    ("مرحبا" * 14, "UCS-2", 70, 1),            # Arabic: UCS-2, 70 in one part
    ("مرحبا" * 14 + "!", "UCS-2", 71, 2),       # then 67 a part
    ("ভ" * 134, "UCS-2", 134, 2),             # Bengali
    ("ভ" * 135, "UCS-2", 135, 3),
    ("ok 👍", "UCS-2", 5, 1),                   # an emoji is two UTF-16 units and makes it UCS-2
    ("👍" * 35, "UCS-2", 70, 1),
    ("👍" * 36, "UCS-2", 72, 2),
    ("a" * 160 + "’", "UCS-2", 161, 3),        # one curly quote: 3 parts instead of 2...
])
def test_known_cases(text, name, units, segments):
    found = encoding(text)
    assert (found.name, found.units, found.segments) == (name, units, segments)


def test_plain_keeps_latin_answers_in_gsm7():
    assert encoding(plain("a" * 160 + "’")).segments == 2  # ...which plain() avoids
    assert plain("“Hi” – it’s\u00a0ok…") == '"Hi" - it\'s ok...'


def test_buttons_become_numbered_lines_unless_the_text_lists_them():
    buttons = [{"title": "Work", "payload": "/pathways_work"}, {"title": "Study", "payload": "/pathways_study"}]
    assert with_choices(["What do you want to know?"], buttons) == ["What do you want to know?", "1 Work  2 Study"]
    arabic = [{"title": "عمل", "payload": "/pathways_work"}, {"title": "دراسة", "payload": "/pathways_study"}]
    assert with_choices(["ماذا تريد أن تعرف؟"], arabic)[-1] == "1 عمل  2 دراسة"
    assert with_choices(["Choose:\n1 English\n2 العربية"], [{"title": "English"}, {"title": "العربية"}]) == \
        ["Choose:\n1 English\n2 العربية"]


def test_sms_parts_are_cut_at_a_sentence_and_say_more_in_the_persons_language():
    text = ". ".join(f"Sentence number {n} of a long answer" for n in range(30)) + "."
    parts = sms_parts([text], "fr", budget=1)
    assert all(encoding(part).segments <= 1 for part in parts)
    assert "MORE" in parts[0].splitlines()[-1] and "MORE" not in parts[-1]
    assert parts[0].splitlines()[0].endswith(".")


alphabet = st.sampled_from(sorted(GSM7_BASIC - {"\r"}) + sorted(GSM7_EXTENSION - {"\f"}) + list("مرحبا ভাষা ጀርመን 👍’"))


def without_more(part: str) -> str:
    return part[:-len(MORE) - 1] if part.endswith("\n" + MORE) else part


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=alphabet, min_size=1, max_size=2500), budget=st.integers(min_value=1, max_value=6))
def test_no_part_exceeds_its_limit_and_the_parts_rejoin_to_the_text(text, budget):
    parts = cut(text, budget, MORE)
    for part in parts:
        found = encoding(part)
        assert found.segments <= budget and len(part) <= TWILIO_MAX_BODY
    squeeze = lambda s: re.sub(r"\s+", "", s)
    assert squeeze("".join(without_more(part) for part in parts)) == squeeze(plain(text))


@pytest.mark.parametrize("text, kind", [
    ("STOP", "stop"), ("Stop.", "stop"), ("arrêt", "stop"), ("توقف", "stop"), ("বন্ধ", "stop"), ("Jooji", "stop"),
    ("START", "start"), ("شروع", "start"), ("HELP", "help"), ("MORE", "more"), ("Más", "more"), ("আরও", "more"),
    ("how do i stop smugglers", None), ("stop please they are hitting me", None), ("مدد", None),
])
def test_stop_start_help_and_more_in_the_usual_words(text, kind):
    from channels.twilio_sms import HELP_WORDS, MORE_WORDS, START_WORDS, STOP_WORDS, _keyword

    found = [name for name, words in (("stop", STOP_WORDS), ("start", START_WORDS), ("help", HELP_WORDS),
                                      ("more", MORE_WORDS)) if _keyword(text) in words]
    assert found == ([kind] if kind else [])


def test_a_short_first_sentence_is_not_sent_alone_with_more():
    from channels.sms_text import cut

    long_sentence = " ".join(["کلمه"] * 60)  # one sentence far longer than a part
    first, *rest = cut("خاندان سے بچھڑ گئے؟ " + long_sentence + ".", 1, "MORE")
    assert len(first) > 40 and first.endswith("\nMORE") and rest


def test_options_at_the_end_of_a_cut_answer_count_only_once_their_part_was_sent(tmp_path):
    from channels.people import Waiting

    waiting = Waiting(tmp_path / "channels.db")
    waiting.keep_choices("p", ["/feedback_yes", "/feedback_no"])
    waiting.keep_parts("p", ["second part", "last part with 1 Yes 2 No"])
    waiting.hold_choices("p")
    assert waiting.choices("p") == []  # "2" now is no answer to a question not yet seen
    waiting.next_part("p")
    assert waiting.choices("p") == []
    waiting.next_part("p")
    assert waiting.choices("p") == ["/feedback_yes", "/feedback_no"]
    waiting.keep_choices("q", ["/a"])
    waiting.hold_choices("q")  # nothing was cut: the options were seen
    assert waiting.choices("q") == ["/a"]


def test_a_question_is_never_cut_from_the_numbered_options_that_answer_it():
    from channels.sms_text import cut

    for filler in range(40, 140):
        text = ("ዝተረጋገጸሉ ዕለት " * 60)[:filler] + ".\nእዚ ጠቒሙኩም ዶ? 1 እወ 2 ኣይፋል\n3 ናይ ሓሶት ስራሕ  0 ቀንዲ ሜኑ"
        parts = cut(text, 1, "MORE")
        assert not any(part.splitlines()[-2].endswith("ዶ?") for part in parts[:-1]), parts
        assert any("ዶ? 1 እወ 2 ኣይፋል" in part for part in parts), parts
