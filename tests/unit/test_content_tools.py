"""The staff tools: every warning of `content check`, `content preview` on SMS, `content report`."""

from datetime import date

import pytest

from actions.content_cli import main as content
from channels.sms_text import encoding, plain
from tests.unit.test_content_loader import GLOBAL_COUNTRY, NL_COUNTRY, NL_WORK, write_tree



def tree(tmp_path, **changes):
    files = {"global/country.yml": GLOBAL_COUNTRY, "NL/country.yml": NL_COUNTRY, "NL/pathways_work.yml": NL_WORK}
    files.update({name.replace("__", "/") + ".yml": text for name, text in changes.items()})
    return write_tree(tmp_path, files)


def check_output(root, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code = content(["--content", str(root), "check"])
    return code, capsys.readouterr().out


def test_each_warning_kind_is_reported_with_its_line_and_a_fix(tmp_path, capsys, monkeypatch):
    work = NL_WORK.replace("https://example.org/work", "http://example.org/work").replace(
        "review_by: 2026-07-10", "review_by: 2026-02-01")
    country = NL_COUNTRY.replace('phone: "088 043 0430"', 'phone: "12345"')
    long_text = "Your employer applies for the permit and must be a recognised sponsor. " * 8
    long = NL_WORK.replace("topic: pathways_work", "topic: pathways_study").replace(
        "Your employer applies\n    for the permit.", long_text)
    code, out = check_output(tree(tmp_path, NL__pathways_work=work, NL__country=country, NL__pathways_study=long),
                             capsys, monkeypatch, tmp_path)
    assert code == 0  # warnings do not stop the content
    assert "content/NL/pathways_work.yml:5: warning: source 'http://example.org/work' is not https" in out
    assert "content/NL/pathways_work.yml:3: warning: review_by 2026-02-01 has passed" in out
    assert "content/NL/country.yml:13: warning: '12345' in info_point is not a valid phone number in NL" in out
    assert "content/NL/pathways_work.yml:6: warning: 'text' has no translation in: ar, fa, ps, ur, bn, fr, es, ti, so" in out
    assert "content/NL/pathways_study.yml:6: warning: longer than 3 SMS parts with the source line" in out
    assert "en 5 (GSM-7, 701 characters)" in out


def test_an_error_makes_the_check_fail_with_file_and_line(tmp_path, capsys, monkeypatch):
    code, out = check_output(tree(tmp_path, NL__pathways_work=NL_WORK.replace("review_by: 2026-07-10", "review_by: x")),
                             capsys, monkeypatch, tmp_path)
    assert code == 1
    assert 'content/NL/pathways_work.yml:3: review_by must be a date written YYYY-MM-DD, not "x"' in out


def test_a_valid_number_from_abroad_and_a_short_emergency_number_pass(tmp_path, capsys, monkeypatch):
    country = NL_COUNTRY.replace('phone: "088 043 0430"', 'phone: "+31 88 043 0430"')
    _, out = check_output(tree(tmp_path, NL__country=country), capsys, monkeypatch, tmp_path)
    assert "not a valid phone number" not in out


def test_preview_sms_in_a_gsm7_language_shows_encoding_and_segments(capsys):
    assert content(["preview", "NL", "pathways_work", "--lang", "en", "--channel", "sms"]) == 0
    out = capsys.readouterr().out
    assert "--- SMS 1 of" in out and "GSM-7" in out
    assert "From outside the EU/EEA" in out


def test_preview_sms_in_a_right_to_left_language_is_ucs2_without_direction_marks(capsys):
    assert content(["preview", "NL", "pathways_work", "--lang", "ar", "--channel", "sms", "--budget", "3"]) == 0
    out = capsys.readouterr().out
    assert "UCS-2" in out and "sent after MORE" in out
    assert not any(ch in out for ch in "\u200e\u200f\u2066\u2067\u2068\u2069")
    for block in out.split("--- SMS ")[1:]:
        header, _, body = block.partition("---\n")
        assert int(header.split("characters, ")[1].split(" ")[0]) <= 3
        assert encoding(body.rstrip("\n")).segments <= 3


def test_preview_for_whatsapp_isolates_numbers_in_right_to_left_text(capsys):
    assert content(["preview", "NL", "emergency", "--lang", "fa", "--channel", "whatsapp"]) == 0
    assert "\u2066112\u2069" in capsys.readouterr().out


def test_report_is_a_page_with_the_coverage_matrix_and_the_reviews_due(tmp_path, capsys, monkeypatch):
    work = NL_WORK.replace("review_by: 2026-07-10", "review_by: 2026-02-01")
    out = tmp_path / "report.html"
    monkeypatch.chdir(tmp_path)
    assert content(["--content", str(tree(tmp_path, NL__pathways_work=work)), "report", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<h2 id="NL">NL</h2>' in page
    assert "content/NL/pathways_work.yml</code>: review by 2026-02-01" in page
    assert 'class="english"' in page and 'class="none"' in page


def test_sms_counting_matches_the_networks():
    assert encoding("a" * 160).segments == 1 and encoding("a" * 161).segments == 2
    assert encoding("a" * 306).segments == 2 and encoding("a" * 307).segments == 3
    assert encoding("€" * 80).units == 160 and encoding("€" * 81).segments == 2
    assert encoding("ب" * 70).segments == 1 and encoding("ب" * 71).segments == 2 and encoding("ب" * 135).segments == 3
    assert plain("“Hello” – it’s\u00a0here") == '"Hello" - it\'s here'
    assert encoding(plain("está aquí")).name == "GSM-7"
    assert plain("آلمان á") == "آلمان á"  # Arabic script is UCS-2 anyway: nothing is lost


def test_the_real_content_passes_the_check(capsys):
    assert content(["check"]) == 0
    assert "content OK" in capsys.readouterr().out


def test_on_sms_the_source_is_the_site_only_elsewhere_the_whole_address():
    from actions.render import source_shown

    url = "https://www.government.nl/topics/immigration/what-permits-do-foreign-workers-need"
    assert source_shown(url, sms=True) == "government.nl"
    assert source_shown(url, sms=False) == url


def test_report_shows_what_was_counted_without_anyone_s_identity(tmp_path, monkeypatch):
    from actions import statistics

    monkeypatch.setenv("STATS_DB", str(tmp_path / "stats.db"))
    statistics.record_handover("NL", "ar", "pathways_work", date(2026, 11, 23))
    for useful in (True, True, False):
        statistics.count_feedback("rights_work", "fa", "DE", useful)
    statistics.count_unanswered("ti", date(2026, 11, 23))
    out = tmp_path / "report.html"
    monkeypatch.chdir(tmp_path)
    assert content(["--content", str(tree(tmp_path)), "report", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<td>2026-11-23</td><td>NL</td><td>ar</td><td>pathways_work</td>" in page
    assert '<th class="topic">rights_work</th><td>DE</td><td>fa</td><td>2</td><td>1</td>' in page
    assert "<td>2026-11</td><td>ti</td><td>1</td>" in page
    # Nothing in the database can lead back to a person: no sender, no words, no time of day.
    tables = {table: [column.name for column in statistics.metadata.tables[table].columns]
              for table in statistics.metadata.tables}
    assert tables == {"feedback": ["topic", "lang", "country", "useful", "not_useful"],
                      "unanswered": ["lang", "month", "count"],
                      "handover_requests": ["id", "day", "country", "lang", "topic"]}


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_counts_made_at_the_same_moment_are_all_kept(database, tmp_path, monkeypatch):
    """The action server counts from several threads at once; none may be lost or fail."""
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import nullcontext

    from actions import statistics
    from tests.postgres import postgresql

    server = postgresql() if database == "postgresql" else nullcontext(f"sqlite:///{tmp_path / 'stats.db'}")
    with server as url:
        monkeypatch.setenv("STATS_DB_URL", url)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda n: statistics.count_feedback("risks_smuggling", "ps", "AF", n % 3 != 0), range(60)))
            list(pool.map(lambda _: statistics.count_unanswered("so", date(2026, 11, 23)), range(40)))
        counted = statistics.summary()
        statistics.engine().dispose()
    assert counted.feedback == [{"topic": "risks_smuggling", "lang": "ps", "country": "AF", "useful": 40,
                                 "not_useful": 20}]
    assert counted.unanswered == [{"lang": "so", "month": "2026-11", "count": 40}]
