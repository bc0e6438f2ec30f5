"""`content preview`: an answer exactly as the person receives it on a channel.

For SMS it shows each message as sent (after MORE for the next), with its encoding and
segment count; for WhatsApp and web chat the messages as the app shows them.
"""
from datetime import date
from pathlib import Path

from actions import bidi
from actions.content_loader import ContentInvalid, load_content
from actions.content_lookup import Library
from actions.i18n import LANGUAGES, is_right_to_left
from actions.respond import topic_reply
from actions.topics import information_topics
from channels.sms_text import encoding, sms_parts


def preview(root: Path, country: str, topic: str, lang: str, channel: str, budget: int, today: date) -> int:
    if lang not in LANGUAGES:
        print(f"'{lang}' is not a language the assistant speaks ({', '.join(LANGUAGES)})")
        return 2
    if topic not in information_topics() and topic != "emergency":
        print(f"'{topic}' is not a topic id (see bot/topics.yml) or emergency")
        return 2
    try:
        library = Library(load_content(root, shown_relative_to=Path.cwd()))
    except ContentInvalid as problems:
        print(problems)
        print("Fix these first (content check).")
        return 1
    code = None if country == "global" else country
    if code and not library.has_country(code):
        print(f"note: there is no folder for {country}; the person gets the global answer")
    item = library.answer(code, topic) if topic != "emergency" else None
    if topic != "emergency" and (item is None or item.country != (code or "global")):
        print(f"note: {country} has no {topic}.yml; this is what the person gets instead")
    text = topic_reply(library, code, topic, lang, today, sms=channel == "sms")
    print(f"{country} {topic}, language {lang}, channel {channel}")
    if channel == "sms":
        parts = sms_parts([text], lang, budget)
        for number, part in enumerate(parts, start=1):
            sent = encoding(part)
            when = "sent at once" if number == 1 else "sent after MORE"
            print(f"--- SMS {number} of {len(parts)} ({when}): {sent.name}, {sent.units} characters, "
                  f"{sent.segments} segment(s) ---")
            print(part)
        return 0
    shown = bidi.for_channel(text, is_right_to_left(lang), sms=False)
    if is_right_to_left(lang):
        print("(right to left; numbers and web addresses are wrapped in direction isolates)")
    print("--- message ---")
    print(shown)
    return 0


