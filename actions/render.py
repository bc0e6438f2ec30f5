"""Turns content into the words a person receives: channel-neutral text, one paragraph per line block.

Channels (REST, SMS, messaging apps) decide how to split or join paragraphs; this module
decides what is said and in which order.
"""
from datetime import date
from urllib.parse import urlparse
from typing import List, Optional

from babel.numbers import format_decimal

from actions.content_loader import Answer, CountryProfile, LocalText
from actions.i18n import DEFAULT_LANGUAGE, cldr_locale, country_name, format_day, translator
from actions.service_directory import Nearby


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


def source_shown(url: str, sms: bool) -> str:
    """The source as the person sees it: the whole address, or on SMS only the site ("ind.nl"):
    a basic phone cannot open a link, and a 130-character address costs two UCS-2 parts."""
    if not sms:
        return url
    site = urlparse(url).netloc
    return site[4:] if site.startswith("www.") else site


def answer(item: Answer, lang: str, today: date, sms: bool = False) -> str:
    _ = translator(lang)
    lines = [in_language(item.text, lang), ""]
    lines.extend(translation_notes(item.text, lang))
    if today > item.review.review_by:
        lines.append(_("This was last checked on {date} and may be out of date.").format(
            date=format_day(item.review.last_reviewed, lang)))
    lines.append(_("Source: {url}").format(url=source_shown(item.review.sources[0], sms)))
    lines.append(_("Checked on {date}").format(date=format_day(item.review.last_reviewed, lang)))
    return "\n".join(lines)


def info_point(profile: CountryProfile, lang: str, sms: bool = False) -> str:
    """Where to ask a person; on SMS the phone number alone when there is one (a basic phone
    cannot open a link, and the address costs a part)."""
    _ = translator(lang)
    point = profile.info_point
    contact = point.phone if sms and point.phone else " ".join(part for part in (point.phone, point.url) if part)
    return _("You can ask {name}: {contact}").format(name=in_language(point.name, lang), contact=contact)


def talk_to_person(profile: CountryProfile, lang: str, sms: bool = False) -> str:
    """Where a person answers: the information point, and when, if its page says so."""
    _ = translator(lang)
    hours = profile.info_point.hours
    if hours is not None:
        when = _("A person answers there: {hours}.").format(hours=in_language(hours, lang))
    else:
        when = _("I do not have their opening hours yet; they answer when their office is open.")
    return "\n".join([_("I am an automated assistant. To talk to a person:"), info_point(profile, lang, sms), when])


def no_answer(country: Optional[str], profile: CountryProfile, lang: str, sms: bool = False) -> str:
    _ = translator(lang)
    if country:
        first = _("I do not have checked information on this for {country} yet.").format(
            country=country_name(country, lang))
    else:
        first = _("I do not have checked information on this yet.")
    return "\n".join([first, info_point(profile, lang, sms)])


def emergency(profile: CountryProfile, country: Optional[str], lang: str, kind: Optional[str] = None) -> str:
    """The numbers to call, from the country file, with the hotline for this kind of danger
    (violence, trafficking, a child alone, self-harm) where the country has one; general
    advice when we have no numbers."""
    _ = translator(lang)
    if profile.emergency:
        lines: List[str] = [_("If you are in danger now, call:")]
        numbers = list(profile.emergency)
        hotline = profile.hotlines.get(kind or "")
        if hotline is not None and hotline.number not in {entry.number for entry in numbers}:
            numbers.append(hotline)
        lines.extend(f"{entry.number} - {in_language(entry.purpose, lang)}" for entry in numbers)
        return "\n".join(lines)
    if country:
        follow = _("I do not have checked emergency numbers for {country} yet.").format(
            country=country_name(country, lang))
    else:
        follow = _("Tell me which country you are in and I will give you its emergency number.")
    return "\n".join([in_language(profile.emergency_advice, lang), follow])


# A point known only by its city, this close to the person, is shown as "in <city>".
NEAR_CENTRE_KM = 15


def nearby(found: List[Nearby], place: Optional[str], lang: str) -> str:
    """The nearest service points: name, how far, phone, hours and languages spoken."""
    _ = translator(lang)
    if not found:
        if place:
            return _("I have no checked places for this near {place} yet.").format(place=place)
        return _("I have no checked places for this near you yet.")
    if place:
        lines = [_("Nearest places to {place}:").format(place=place)]
    else:
        lines = [_("Nearest places to you:")]
    names = cldr_locale(lang).languages
    for number, item in enumerate(found, start=1):
        point = item.point
        if item.exact:
            where = _("{km} km").format(km=format_decimal(round(item.km, 1), locale=cldr_locale(lang)))
        elif item.km < NEAR_CENTRE_KM:
            where = _("in {city}").format(city=point.city)  # no address to measure to: say the city
        else:
            where = _("{km} km (to the centre of {city})").format(
                km=format_decimal(round(item.km), locale=cldr_locale(lang)), city=point.city)
        lines.append(f"{number}. {point.name} - {where}")
        details = [part for part in (point.phone, point.hours) if part]
        if point.languages:
            details.append(", ".join(names.get(code, code) for code in point.languages))
        if details:
            lines.append("; ".join(details))
    return "\n".join(lines)
