"""Checks every content file and prints each problem as file:line: what is wrong.

    content check        (or: make check-content; see actions/content_cli.py)

Exits 1 when a file has an error, so that a broken file never reaches the assistant.
Warnings are printed too, but the content is still served: translations missing or older
than the English, a review date passed, a source that is not https, a phone number not
valid for its country, an answer longer than 3 SMS parts in some language.
"""
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

from actions.bidi import strip_controls
from actions.content_loader import ContentError, ContentInvalid, LoadedContent, load_content
from actions.i18n import LANGUAGES
from actions.render import answer as render_answer
from channels.sms_text import encoding, plain

SMS_BUDGET = 3


def sms_warnings(content: LoadedContent, today: date) -> List[ContentError]:
    """Answers that take more than SMS_BUDGET parts as the person receives them by SMS."""
    found = []
    for item in content.answers.values():
        long = []
        for lang in LANGUAGES:
            sent = encoding(plain(strip_controls(render_answer(item, lang, today, sms=True))))
            if sent.segments > SMS_BUDGET:
                long.append(f"{lang} {sent.segments} ({sent.name}, {sent.units} characters)")
        if long:
            found.append(ContentError(item.path, item.line, (
                f"longer than {SMS_BUDGET} SMS parts with the source line, so the rest waits for MORE: "
                f"{', '.join(long)}; shorten the text")))
    return found


def check(root: Path, today: Optional[date] = None) -> int:
    today = today or date.today()
    try:
        content = load_content(root, shown_relative_to=Path.cwd())
    except ContentInvalid as problems:
        for error in problems.errors:
            print(error)
        print(f"{len(problems.errors)} problem(s) found; nothing was loaded.", file=sys.stderr)
        return 1
    warnings = content.warnings + sms_warnings(content, today)
    for warning in warnings:
        print(f"{warning.path}:{warning.line}: warning: {warning.message}")
    print(f"content OK: {len(content.answers)} answers, {len(content.profiles)} country files, "
          f"{len(warnings)} warning(s)")
    return 0


