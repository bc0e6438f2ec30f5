"""Each of the ten languages, end to end over REST: the question is understood and answered in
the person's language, the language menu works, short messages keep the language, and
right-to-left text carries direction isolates only around numbers and addresses."""
import pytest

from actions.content_lookup import library
from actions.paths import ROOT
from actions.i18n import LANGUAGES, language_name, translator
from actions.reply import change_language_hint
from tests.e2e.conversation import answer, new_person, texts

pytestmark = pytest.mark.slow

LRI, PDI = "\u2066", "\u2069"
DIRECTION_MARKS = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# "How do I get a work visa for the Netherlands?" as people write it, in each language.
WORK_VISA_NL = {
    "en": "how do i get a work visa for the netherlands",
    "ar": "كيف احصل على فيزا عمل في هولندا",
    "fa": "چطور ویزه کار هالند بگیرم",
    "ps": "زه څنګه د هالنډ د کار ویزه واخلم",
    "ur": "مجھے ہالینڈ کا ورک ویزا کیسے ملے گا",
    "bn": "নেদারল্যান্ডসের কাজের ভিসা কিভাবে পাব",
    "fr": "comment avoir un visa de travail pour les pays-bas",
    "es": "como consigo una visa de trabajo para holanda",
    "ti": "ናብ ሆላንድ ናይ ስራሕ ቪዛ ብኸመይ ክረክብ እኽእል",
    "so": "sidee baan ku heli karaa fiisaha shaqada Holland",
}


def without_isolates(text: str) -> str:
    return text.replace(LRI, "").replace(PDI, "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_question_in_each_language_is_answered_in_that_language_at_once(assistant, lang):
    reply = without_isolates(answer(assistant.say(new_person(), WORK_VISA_NL[lang])))
    work = library().answer("NL", "pathways_work")
    assert reply.startswith(work.text[lang])
    _ = translator(lang)
    assert _("Source: {url}").format(url=work.review.sources[0]) in reply
    # One short line on how to change language closes the first answer, in the same language.
    assert reply.endswith(change_language_hint(lang, romanised=False))
    if lang != "en":
        assert _("Machine translation, not yet checked by a person.") in reply


def test_the_language_menu_lists_each_language_in_its_own_script_and_a_number_switches(assistant):
    person = new_person()
    assistant.say(person, WORK_VISA_NL["en"])
    [menu] = assistant.say(person, "language")
    lines = menu["text"].splitlines()
    assert lines[1:] == [f"{n} {language_name(code)}" for n, code in enumerate(LANGUAGES, start=1)]
    assert "2 العربية" in lines and "3 دری" in lines and "9 ትግርኛ" in lines
    assert [button["title"] for button in menu["buttons"]] == [language_name(code) for code in LANGUAGES]
    replies = texts(assistant.say(person, "3"))
    assert replies[0] == translator("fa")("OK, I will answer in {language}.").format(language="دری")
    # The last answer comes again, now in Dari.
    assert without_isolates(replies[1]) == library().answer("NL", "pathways_work").text["fa"]
    # And the choice is kept: the next question is answered in Dari too.
    reply = without_isolates(answer(assistant.say(person, "how do i apply for asylum")))
    assert reply.startswith(library().answer("NL", "pathways_protection").text["fa"])


@pytest.mark.parametrize("word", ["language", "lang", "لغة", "زبان", "ژبه", "ভাষা", "langue", "idioma", "ቋንቋ", "luqad"])
def test_the_word_for_language_in_any_language_opens_the_menu(assistant, word):
    [menu] = assistant.say(new_person(), word)
    assert without_isolates(menu["text"]).splitlines()[1] == "1 English"
    assert len(menu["buttons"]) == len(LANGUAGES)


@pytest.mark.parametrize("short", ["ok", "1", "salam", "Lahore", "👍"])
def test_a_short_message_keeps_the_language(assistant, short):
    person = new_person()
    assistant.say(person, WORK_VISA_NL["ar"])
    replies = texts(assistant.say(person, short))
    arabic_letters = sum("\u0600" <= ch <= "\u06ff" for ch in "".join(replies))
    latin_letters = sum(ch.isascii() and ch.isalpha() for ch in "".join(replies))
    assert arabic_letters > latin_letters, replies


def test_romanised_urdu_is_answered_in_urdu_with_the_option_of_english(assistant):
    person = new_person()
    reply = without_isolates(answer(assistant.say(person, "mujhe holland ka work visa kaise milega")))
    assert reply.startswith(library().answer("NL", "pathways_work").text["ur"])
    assert reply.endswith(change_language_hint("ur", romanised=True))
    assert "ENGLISH" in reply
    replies = texts(assistant.say(person, "english"))
    assert replies[0] == "OK, I will answer in English."
    assert replies[1] == library().answer("NL", "pathways_work").text["en"]


def first_danger_phrase(lang: str) -> str:
    """A phrase from the staff's danger list for the language (bot/safety/<lang>.txt)."""
    lines = (ROOT / "bot" / "safety" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return next(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


@pytest.mark.parametrize("lang", ["ar", "fa", "ps", "ur"])
def test_right_to_left_answers_isolate_numbers_and_addresses_and_nothing_else(assistant, lang):
    person = new_person()
    assistant.say(person, WORK_VISA_NL[lang])
    reply = answer(assistant.say(person, first_danger_phrase(lang)))
    # The emergency numbers come first, each kept left-to-right inside the right-to-left text.
    numbers = library().profile("NL").emergency
    assert reply.startswith(translator(lang)("If you are in danger now, call:"))
    for entry in numbers:
        assert f"{LRI}{entry.number}{PDI} - " in reply
        assert f"{entry.number} - {entry.purpose[lang]}" in without_isolates(reply)
    # No other direction control anywhere, and every isolate is closed.
    assert {ch for ch in reply if ch in DIRECTION_MARKS} == {LRI, PDI}
    assert reply.count(LRI) == reply.count(PDI)


@pytest.mark.parametrize("lang", ["en", "bn", "fr", "es", "ti", "so"])
def test_left_to_right_answers_carry_no_direction_marks(assistant, lang):
    reply = answer(assistant.say(new_person(), WORK_VISA_NL[lang]))
    assert not {ch for ch in reply if ch in DIRECTION_MARKS}


@pytest.mark.parametrize("name", ["آلمان", "ጀርመን", "Jarmalka", "জার্মানি", "ألمانيا", "جرمنی", "Allemagne", "Alemania"])
def test_a_country_name_in_any_script_answers_the_pending_question(assistant, name):
    person = new_person()
    assistant.say(person, "how do i apply for asylum")
    reply = without_isolates(answer(assistant.say(person, name)))
    # A one-word reply keeps the conversation's language (English): Germany's asylum answer.
    assert reply.startswith(library().answer("DE", "pathways_protection").text["en"]), reply


# The words the welcome tells people to write to erase their data, in each language.
ERASE_WORDS = {"en": "DELETE MY DATA", "ar": "احذف بياناتي", "fa": "معلوماتم را پاک کن", "ps": "زما معلومات پاک کړه",
               "ur": "میرا ڈیٹا مٹا دیں", "bn": "আমার তথ্য মুছে দিন", "fr": "EFFACER MES DONNÉES",
               "es": "BORRAR MIS DATOS", "ti": "ሓበሬታይ ደምስሱ", "so": "XOGTAYDA TIRTIR"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_erase_words_of_the_welcome_ask_to_confirm_and_yes_erases_in_every_language(assistant, lang):
    from actions.reply import welcome

    _ = translator(lang)
    assert ERASE_WORDS[lang] in welcome(lang)
    person = new_person()
    asked = without_isolates(answer(assistant.say(person, ERASE_WORDS[lang])))
    confirm = _("This erases our conversation and everything I keep about you. Erase it?")
    assert asked.startswith(confirm), asked
    done = without_isolates(answer(assistant.say(person, _("Yes"))))
    assert done == _("Done: everything I kept about you is erased. You can write again at any time."), done
