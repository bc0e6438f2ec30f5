"""Right-to-left text that stays readable: phone numbers and web addresses inside Arabic, Dari,
Pashto or Urdu sentences.

In a right-to-left paragraph a number such as "088 043 0430" is shown with its groups in
reverse order and a URL's parts jump around. Display channels (web chat, messaging apps) get
each such left-to-right run wrapped in Unicode directional isolates (LRI ... PDI), which
every current browser and app honours. SMS gets no direction marks at all: many basic phones
show them as boxes, and each one costs a character of a 67-character UCS-2 part.
"""
import re

LRI, PDI = "\u2066", "\u2069"
# Every direction mark and embedding/override/isolate control.
_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# A left-to-right run: a web address, or a phone number / figure with its spaces, dashes and plus.
_LTR_RUN = re.compile(r"https?://\S+|\+?[0-9][0-9 \-/.:]*[0-9]|[0-9]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def isolate_ltr_runs(text: str) -> str:
    """Wraps each number and web address of a right-to-left text in LRI ... PDI."""
    return _LTR_RUN.sub(lambda match: f"{LRI}{match.group()}{PDI}", strip_controls(text))


def for_channel(text: str, right_to_left: bool, sms: bool) -> str:
    if sms or not right_to_left:
        return strip_controls(text)
    return isolate_ltr_runs(text)
