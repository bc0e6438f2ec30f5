"""Loading content files: good files load, every kind of broken file is reported as file:line."""
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from actions.content_loader import ContentInvalid, load_content
from actions.paths import CONTENT_DIR

GLOBAL_COUNTRY = """\
country: global
last_reviewed: 2026-01-10
review_by: 2026-07-10
sources:
  - https://example.org/emergency
emergency_advice:
  en: Call the local emergency number.
info_point:
  name:
    en: Example Organisation
  url: https://example.org/offices
"""

NL_COUNTRY = """\
country: NL
last_reviewed: 2026-01-10
review_by: 2026-07-10
sources:
  - https://example.org/112
emergency:
  - number: "112"
    for:
      en: police, ambulance and fire brigade
info_point:
  name:
    en: Example Service
  phone: "088 043 0430"
"""

NL_WORK = """\
topic: pathways_work
last_reviewed: 2026-01-10
review_by: 2026-07-10
sources:
  - https://example.org/work
text:
  en: >
    Your employer applies
    for the permit.

    Check the register first.
notes: salary thresholds left out
"""


def write_tree(root: Path, files: dict) -> Path:
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "content"


def good_files() -> dict:
    return {"global/country.yml": GLOBAL_COUNTRY, "NL/country.yml": NL_COUNTRY, "NL/pathways_work.yml": NL_WORK}


def problems(tmp_path: Path, **changes) -> list:
    files = good_files()
    files.update({name.replace("__", "/") + ".yml": text for name, text in changes.items()})
    with pytest.raises(ContentInvalid) as raised:
        load_content(write_tree(tmp_path, files))
    return [str(error) for error in raised.value.errors]


def test_good_files_load_with_their_facts(tmp_path):
    content = load_content(write_tree(tmp_path, good_files()))
    answer = content.answers[("NL", "pathways_work")]
    assert answer.text["en"] == "Your employer applies for the permit.\n\nCheck the register first."
    assert answer.review.sources == ("https://example.org/work",)
    assert answer.review.last_reviewed == date(2026, 1, 10)
    assert answer.review.review_by == date(2026, 7, 10)
    profile = content.profiles["NL"]
    assert [(e.number, e.purpose["en"]) for e in profile.emergency] == [("112", "police, ambulance and fire brigade")]
    assert profile.info_point.phone == "088 043 0430"
    assert content.profiles["global"].emergency_advice["en"] == "Call the local emergency number."


def test_the_real_content_loads():
    content = load_content(CONTENT_DIR)
    assert {"NL", "PK", "global"} <= set(content.profiles)


def test_a_date_that_is_not_a_date_is_reported_on_its_line(tmp_path):
    bad = NL_WORK.replace("review_by: 2026-07-10", "review_by: next year")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        'content/NL/pathways_work.yml:3: review_by must be a date written YYYY-MM-DD, not "next year"']


def test_review_by_before_last_reviewed(tmp_path):
    bad = NL_WORK.replace("review_by: 2026-07-10", "review_by: 2025-07-10")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:3: review_by must come after last_reviewed"]


def test_last_reviewed_in_the_future(tmp_path):
    later = (date.today() + timedelta(days=30)).isoformat()
    bad = NL_WORK.replace("last_reviewed: 2026-01-10", f"last_reviewed: {later}").replace("2026-07-10", "2099-01-01")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:2: last_reviewed is in the future; write the day you checked the sources"]


def test_missing_sources(tmp_path):
    bad = NL_WORK.replace("sources:\n  - https://example.org/work\n", "")
    assert problems(tmp_path, NL__pathways_work=bad) == ["content/NL/pathways_work.yml:1: missing 'sources'"]


def test_a_source_that_is_not_a_web_address(tmp_path):
    bad = NL_WORK.replace("https://example.org/work", "ind website")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:5: source 'ind website' is not a web address starting with https:// (or http://)"]


def test_a_misspelt_field_gets_a_suggestion(tmp_path):
    bad = NL_WORK.replace("notes:", "notse:")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:12: unknown field 'notse'; did you mean 'notes'?"]


def test_topic_must_match_the_file_name(tmp_path):
    bad = NL_WORK.replace("topic: pathways_work", "topic: pathways_study")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:1: topic is 'pathways_study' but the file is named pathways_work.yml; "
        "they must be the same"]


def test_a_file_named_after_no_topic(tmp_path):
    assert problems(tmp_path, NL__pathway_work=NL_WORK) == [
        "content/NL/pathway_work.yml:1: 'pathway_work' is not a topic id; did you mean pathways_work.yml?"]


def test_a_folder_that_is_no_country(tmp_path):
    assert problems(tmp_path, Holland__pathways_work=NL_WORK) == [
        "content/Holland/pathways_work.yml:1: folder 'Holland' is not a two-letter country code (NL, PK, ...) or 'global'"]


def test_broken_yaml_is_reported_on_the_broken_line(tmp_path):
    bad = NL_WORK.replace("sources:\n  - https", "sources:\n - https\n  foo: [")
    [error] = problems(tmp_path, NL__pathways_work=bad)
    assert error.startswith("content/NL/pathways_work.yml:6: not valid YAML")


def test_text_without_english(tmp_path):
    bad = NL_WORK.replace("  en: >", "  xx: >")
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:6: 'text' has no 'en' text; every answer needs one"]


def test_empty_text(tmp_path):
    bad = NL_WORK.split("text:")[0] + "text:\n  en: ''\n"
    assert problems(tmp_path, NL__pathways_work=bad) == [
        "content/NL/pathways_work.yml:7: the 'en' text of 'text' is empty"]


def test_an_emergency_number_that_is_no_number(tmp_path):
    bad = NL_COUNTRY.replace('number: "112"', "number: call the police")
    assert problems(tmp_path, NL__country=bad) == [
        "content/NL/country.yml:7: 'call the police' is not a phone number in emergency entry 1; write digits as "
        "dialled, in quotes"]


def test_a_country_without_emergency_numbers(tmp_path):
    bad = NL_COUNTRY.split("emergency:")[0] + "info_point:" + NL_COUNTRY.split("info_point:")[1]
    assert problems(tmp_path, NL__country=bad) == ["content/NL/country.yml:1: missing 'emergency'"]


def test_an_info_point_nobody_can_reach(tmp_path):
    bad = NL_COUNTRY.replace('  phone: "088 043 0430"\n', "")
    assert problems(tmp_path, NL__country=bad) == [
        "content/NL/country.yml:11: info_point needs a 'phone' or a 'url' so that a person can reach it"]


def test_a_country_folder_without_its_country_file(tmp_path):
    files = good_files()
    del files["NL/country.yml"]
    with pytest.raises(ContentInvalid) as raised:
        load_content(write_tree(tmp_path, files))
    assert [str(e) for e in raised.value.errors] == [
        "content/NL/country.yml:1: every folder needs a country.yml with its emergency numbers and information point"]


def test_every_problem_is_reported_at_once(tmp_path):
    bad_work = NL_WORK.replace("review_by: 2026-07-10", "review_by: soon")
    bad_country = NL_COUNTRY.replace("country: NL", "country: DE")
    errors = problems(tmp_path, NL__pathways_work=bad_work, NL__country=bad_country)
    assert len(errors) == 2
    assert "content/NL/country.yml:1: country is 'DE' but the folder is NL; they must be the same" in errors


def test_a_file_that_is_not_utf8(tmp_path):
    content = write_tree(tmp_path, good_files())
    (content / "NL" / "pathways_work.yml").write_bytes(NL_WORK.replace("Your", "J\xe9r\xf4me").encode("latin-1"))
    with pytest.raises(ContentInvalid) as raised:
        load_content(content)
    assert str(raised.value.errors[0]).startswith("content/NL/pathways_work.yml:1: the file is not UTF-8 text")


def test_the_worked_examples_in_the_staff_guide_are_valid(tmp_path):
    import re

    guide = (CONTENT_DIR / "README.md").read_text(encoding="utf-8")
    examples = dict(re.findall(r"`content/(\S+\.yml)`[^\n]*:\n\n```yaml\n(.*?)```", guide, flags=re.S))
    assert set(examples) == {"NL/pathways_work.yml", "NL/country.yml"}
    files = {"global/country.yml": GLOBAL_COUNTRY, **examples}
    content = load_content(write_tree(tmp_path, files))
    assert ("NL", "pathways_work") in content.answers


# --- translations ------------------------------------------------------------------------

def with_translation(lang: str, entry: str) -> str:
    return NL_WORK.replace("notes:", f"  {lang}:\n" + textwrap.indent(textwrap.dedent(entry), "    ") + "notes:")


def current_hash() -> str:
    from actions.content_loader import source_hash

    return source_hash("Your employer applies for the permit.\n\nCheck the register first.")


def load_with(tmp_path, work_text):
    files = good_files()
    files["NL/pathways_work.yml"] = work_text
    return load_content(write_tree(tmp_path, files))


def test_a_machine_translation_of_the_current_text_is_served_and_says_so(tmp_path):
    from actions import render

    work = with_translation("fr", f"""\
        text: Votre employeur demande le permis.
        source: {current_hash()}
        status: machine
        """)
    answer = load_with(tmp_path, work).answers[("NL", "pathways_work")]
    assert answer.text["fr"] == "Votre employeur demande le permis."
    assert render.translation_notes(answer.text, "fr") == ["Traduction automatique, pas encore vérifiée par une personne."]
    assert render.translation_notes(answer.text, "en") == []


def test_a_reviewed_translation_needs_its_reviewer_and_date(tmp_path):
    work = with_translation("fr", f"""\
        text: Votre employeur demande le permis.
        source: {current_hash()}
        status: reviewed
        """)
    assert problems(tmp_path, NL__pathways_work=work) == [
        "content/NL/pathways_work.yml:12: the 'fr' translation of 'text' is reviewed, so it needs reviewed_by",
        "content/NL/pathways_work.yml:12: the 'fr' translation of 'text' is reviewed, so it needs reviewed_on"]


def test_a_translation_without_source_fingerprint_or_status_is_refused_with_the_fingerprint_to_write(tmp_path):
    work = with_translation("fr", "text: Votre employeur demande le permis.\n")
    assert problems(tmp_path, NL__pathways_work=work) == [
        "content/NL/pathways_work.yml:12: the 'fr' translation of 'text' needs status: machine (not yet checked "
        "by a person) or status: reviewed (with reviewed_by and reviewed_on)",
        f"content/NL/pathways_work.yml:12: the 'fr' translation of 'text' needs source: {current_hash()}, "
        "the fingerprint of the English text it was made from"]


def test_a_translation_of_an_older_english_text_is_flagged_and_offers_the_english(tmp_path):
    from actions import render

    work = with_translation("ar", """\
        text: صاحب العمل يطلب التصريح.
        source: 0123456789
        status: reviewed
        reviewed_by: Amina
        reviewed_on: 2026-02-01
        """)
    content = load_with(tmp_path, work)
    answer = content.answers[("NL", "pathways_work")]
    assert answer.text.get("ar").outdated
    assert [str(w) for w in content.warnings if "older English" in w.message] == [
        "content/NL/pathways_work.yml:14: the 'ar' translation of 'text' was made from an older English text; "
        f"update the translation, then write source: {current_hash()} (and status: reviewed once a person "
        "checked it)"]
    [note] = render.translation_notes(answer.text, "ar")
    assert "ENGLISH" in note


def test_missing_translations_are_warnings_not_errors(tmp_path):
    content = load_content(write_tree(tmp_path, good_files()))
    assert ("NL", "pathways_work") in content.answers
    assert any(str(w).startswith("content/NL/pathways_work.yml:6: 'text' has no translation in: ar, fa, ps")
               for w in content.warnings)
