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
                    "-o", str(fresh), "--no-location", "actions"], cwd=ROOT, check=True, capture_output=True)
    assert msgids(fresh) == msgids(LOCALES_DIR / "messages.pot"), "run `make catalogues`"
    assert len(msgids(fresh)) > 20


def test_every_language_has_a_catalogue_with_every_sentence():
    template = msgids(LOCALES_DIR / "messages.pot")
    for lang in LANGUAGES:
        assert msgids(LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po") == template, lang
