"""Turns content into the words a person receives: channel-neutral text, one paragraph per line block.

Channels (REST, SMS, messaging apps) decide how to split or join paragraphs; this module
decides what is said and in which order.
"""
from datetime import date
from typing import List, Optional

from actions.content_loader import Answer, CountryProfile, LocalText
from actions.i18n import DEFAULT_LANGUAGE, country_name, format_day, translator


def in_language(text: LocalText, lang: str) -> str:
    return text.get(lang).text


def translation_notes(text: LocalText, lang: str) -> List[str]:
    """One short line when the person reads a machine translation or one older than the English."""
    if lang == DEFAULT_LANGUAGE or lang not in text.translations:
        return []
    _ = translator(lang)
    shown = text.get(lang)
    if shown.outdated:
        # TRANSLATORS: keep ENGLISH in Latin letters: the person writes it to switch to English.
        return [_("The English text has changed since this translation. Write ENGLISH to read the English.")]
    if shown.status == "machine":
        return [_("Machine translation, not yet checked by a person.")]
    return []


def answer(item: Answer, lang: str, today: date) -> str:
    _ = translator(lang)
    lines = [in_language(item.text, lang), ""]
    lines.extend(translation_notes(item.text, lang))
    if today > item.review.review_by:
        lines.append(_("This was last checked on {date} and may be out of date.").format(
            date=format_day(item.review.last_reviewed, lang)))
    lines.append(_("Source: {url}").format(url=item.review.sources[0]))
    lines.append(_("Checked on {date}").format(date=format_day(item.review.last_reviewed, lang)))
    return "\n".join(lines)


def info_point(profile: CountryProfile, lang: str) -> str:
    _ = translator(lang)
    point = profile.info_point
    contact = " ".join(part for part in (point.phone, point.url) if part)
    return _("You can ask {name}: {contact}").format(name=in_language(point.name, lang), contact=contact)


def no_answer(country: Optional[str], profile: CountryProfile, lang: str) -> str:
    _ = translator(lang)
    if country:
        first = _("I do not have checked information on this for {country} yet.").format(
            country=country_name(country, lang))
    else:
        first = _("I do not have checked information on this yet.")
    return "\n".join([first, info_point(profile, lang)])


def emergency(profile: CountryProfile, country: Optional[str], lang: str) -> str:
    """The numbers to call, from the country file; general advice when we have none."""
    _ = translator(lang)
    if profile.emergency:
        lines: List[str] = [_("If you are in danger now, call:")]
        lines.extend(f"{entry.number} - {in_language(entry.purpose, lang)}" for entry in profile.emergency)
        return "\n".join(lines)
    if country:
        follow = _("I do not have checked emergency numbers for {country} yet.").format(
            country=country_name(country, lang))
    else:
        follow = _("Tell me which country you are in and I will give you its emergency number.")
    return "\n".join([in_language(profile.emergency_advice, lang), follow])
