"""The catalogues in locales/ hold every sentence the code says, so nothing is left untranslatable."""
import subprocess
import sys

from babel.messages.pofile import read_po

from actions.i18n import LANGUAGES
from actions.paths import LOCALES_DIR, ROOT


def msgids(path):
    with open(path, "rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def test_the_template_is_up_to_date_with_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(LOCALES_DIR / "babel.cfg"),
                    "-o", str(fresh), "--no-location", "actions", "channels"], cwd=ROOT, check=True, capture_output=True)
    assert msgids(fresh) == msgids(LOCALES_DIR / "messages.pot"), "run `make catalogues`"
    assert len(msgids(fresh)) > 20


def test_every_language_has_a_catalogue_with_every_sentence():
    template = msgids(LOCALES_DIR / "messages.pot")
    for lang in LANGUAGES:
        assert msgids(LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po") == template, lang


def catalogue(lang):
    with open(LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


def test_every_language_but_english_translates_every_message_keeping_its_placeholders():
    import re

    placeholder = re.compile(r"\{[a-z_]+\}")
    for lang in LANGUAGES:
        if lang == "en":
            continue
        for message in catalogue(lang):
            if not message.id:
                continue
            assert message.string and message.string.strip(), (lang, message.id)
            assert not message.fuzzy, (lang, message.id)
            assert sorted(placeholder.findall(message.string)) == sorted(placeholder.findall(message.id)), \
                (lang, message.id, message.string)


def test_the_word_each_language_gives_for_language_opens_the_language_menu():
    from bot.components.language_names import language_names

    for lang in LANGUAGES:
        word = {m.id: m.string for m in catalogue(lang)}["LANGUAGE"] or "LANGUAGE"
        assert language_names().is_menu_word(word), (lang, word)


def test_english_stays_in_latin_letters_where_the_person_must_type_it():
    for lang in LANGUAGES:
        for message in catalogue(lang):
            if message.id and "ENGLISH" in message.id and lang != "en":
                assert "ENGLISH" in message.string, (lang, message.string)
