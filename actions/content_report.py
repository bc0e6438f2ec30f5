"""`content report`: one HTML page that staff can look at instead of reading a log.

It shows, per country, which topics have an answer in which language (reviewed, machine
translation, outdated, English shown instead, or no answer), the files past their review
date, every warning of `content check`, and what the assistant counted without knowing
who asked (actions/statistics.py): requests to talk to a person, feedback per topic, and
questions it did not understand per language.
"""
from datetime import date
from pathlib import Path
from typing import Dict, List

from jinja2 import Environment, select_autoescape

from actions import statistics
from actions.check_content import sms_warnings
from actions.content_loader import GLOBAL, ContentInvalid, load_content
from actions.i18n import LANGUAGES, language_name
from actions.topics import information_topics

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content report {{ today }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 2rem; font-size: .85rem; }
th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: center; }
th.topic { text-align: left; font-weight: normal; }
.reviewed { background: #b7e4c7; } .machine { background: #fff3b0; } .outdated { background: #ffb4a2; }
.english { background: #e9ecef; } .none { background: #fff; color: #aaa; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .3rem; border: 1px solid #ccc; }
</style></head><body>
<h1>Content report</h1>
<p>Made on {{ today }} from <code>{{ root }}</code>. {{ answers }} answers in {{ countries|length }} country folders.</p>
{% if errors %}<h2>Errors: the assistant refuses this content</h2><ul>{% for e in errors %}<li><code>{{ e }}</code></li>{% endfor %}</ul>{% endif %}
<p class="legend"><span class="reviewed">reviewed</span><span class="machine">machine translation</span>
<span class="outdated">older than the English</span><span class="english">English shown</span><span class="none">no answer</span></p>
{% for country in countries %}
<h2 id="{{ country.code }}">{{ country.code }}</h2>
<table><tr><th class="topic">topic</th>{% for lang in languages %}<th title="{{ lang.name }}">{{ lang.code }}</th>{% endfor %}</tr>
{% for row in country.rows %}<tr><th class="topic">{{ row.topic }}{% if row.from_global %} <small>(global)</small>{% endif %}</th>
{% for cell in row.cells %}<td class="{{ cell }}">{{ marks[cell] }}</td>{% endfor %}</tr>{% endfor %}
</table>
{% endfor %}
<h2>Past their review date</h2>
{% if overdue %}<ul>{% for item in overdue %}<li><code>{{ item.path }}</code>: review by {{ item.review_by }} (last checked {{ item.last_reviewed }})</li>{% endfor %}</ul>
{% else %}<p>None.</p>{% endif %}
<h2>Requests to talk to a person</h2>
<p>Anonymous: the day, the country and language, and the topic asked before. The person was given the
information point's contact; nobody can be called back from here.</p>
{% if stats.handovers %}<table><tr><th>day</th><th>country</th><th>language</th><th>topic before</th></tr>
{% for h in stats.handovers %}<tr><td>{{ h.day }}</td><td>{{ h.country or "?" }}</td><td>{{ h.lang }}</td><td>{{ h.topic or "-" }}</td></tr>{% endfor %}
</table>{% else %}<p>None.</p>{% endif %}
<h2>Was this useful?</h2>
{% if stats.feedback %}<table><tr><th class="topic">topic</th><th>country</th><th>language</th><th>yes</th><th>no</th></tr>
{% for f in stats.feedback %}<tr><th class="topic">{{ f.topic }}</th><td>{{ f.country or "?" }}</td><td>{{ f.lang }}</td><td>{{ f.useful }}</td><td>{{ f.not_useful }}</td></tr>{% endfor %}
</table>{% else %}<p>No answers yet.</p>{% endif %}
<h2>Questions not understood</h2>
{% if stats.unanswered %}<table><tr><th>month</th><th>language</th><th>count</th></tr>
{% for u in stats.unanswered %}<tr><td>{{ u.month }}</td><td>{{ u.lang }}</td><td>{{ u.count }}</td></tr>{% endfor %}
</table>{% else %}<p>None.</p>{% endif %}
<h2>Outdated translations and other warnings</h2>
{% if warnings %}<ul>{% for w in warnings %}<li><code>{{ w.path }}:{{ w.line }}</code> {{ w.message }}</li>{% endfor %}</ul>
{% else %}<p>None.</p>{% endif %}
</body></html>
"""
_MARKS = {"reviewed": "✓", "machine": "M", "outdated": "!", "english": "en", "none": "·"}


def _cell(answer, lang: str) -> str:
    if answer is None:
        return "none"
    if lang == "en":
        return "reviewed"
    found = answer.text.translations.get(lang)
    if found is None:
        return "english"
    if found.outdated:
        return "outdated"
    return found.status


def write_report(root: Path, out: Path, today: date) -> int:
    errors: List[str] = []
    try:
        content = load_content(root, shown_relative_to=Path.cwd())
    except ContentInvalid as problems:
        errors = [str(error) for error in problems.errors]
        content = None
    countries: List[Dict] = []
    overdue, warnings = [], []
    if content is not None:
        codes = sorted(content.profiles, key=lambda code: (code == GLOBAL, code))
        for code in codes:
            rows = []
            for topic in information_topics():
                own = content.answers.get((code, topic))
                shared = content.answers.get((GLOBAL, topic)) if own is None and code != GLOBAL else None
                rows.append({"topic": topic, "from_global": own is None and shared is not None,
                             "cells": [_cell(own or shared, lang) for lang in LANGUAGES]})
            countries.append({"code": code, "rows": rows})
        reviews = [(a.path, a.review) for a in content.answers.values()] + \
                  [(p.path, p.review) for p in content.profiles.values()]
        overdue = [{"path": path, "review_by": r.review_by, "last_reviewed": r.last_reviewed}
                   for path, r in sorted(reviews) if r.review_by < today]
        warnings = content.warnings + sms_warnings(content, today)
    page = Environment(autoescape=select_autoescape(default=True)).from_string(_PAGE).render(
        today=today.isoformat(), root=root, answers=len(content.answers) if content else 0, countries=countries,
        languages=[{"code": lang, "name": language_name(lang)} for lang in LANGUAGES], marks=_MARKS,
        overdue=overdue, warnings=warnings, errors=errors, stats=statistics.summary())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    print(f"wrote {out}")
    return 1 if errors else 0
