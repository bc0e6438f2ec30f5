"""The numbered menus (bot/menus.yml): the main menu of topic groups, each group's topics,
the journey-stage question, and the short follow-ups after an answer.

Every menu is said twice over: as numbered lines in the text (what an SMS or a basic phone
shows; the SMS channel maps a number back to its option) and as buttons with the same
titles (what chat apps show). A menu has at most ``MAX_OPTIONS`` options; 0 always goes back
to the main menu.
"""
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, List, Optional, Tuple

import yaml

from actions.paths import BOT_DIR
from actions.topics import information_topics, topic_group
from actions.i18n import translator

MAX_OPTIONS = 6
STAGES = ("before_departure", "on_the_way", "arrived")
TALK_TO_HUMAN = "talk_to_human"
Translate = Callable[[str], str]


@dataclass(frozen=True)
class Option:
    label: str
    payload: str


@lru_cache(maxsize=1)
def _config() -> Dict:
    with open(BOT_DIR / "menus.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def groups() -> Tuple[str, ...]:
    return tuple(_config()["groups"])


def topic_stages(topic: str) -> Tuple[str, ...]:
    return tuple(_config()["topics"][topic]["stages"])


def follow_up_topics(topic: str) -> Tuple[str, ...]:
    return tuple(_config()["topics"].get(topic, {}).get("follow_ups", ()))


def feedback_every_sms() -> int:
    return int(_config()["feedback_every_sms"])


def payload(intent: str, **entities: str) -> str:
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{intent}"


def group_labels(_: Translate) -> Dict[str, str]:
    return {
        "pathways": _("Legal ways to go"),
        "rights": _("Your rights"),
        "risks": _("Risks and scams"),
        "services": _("Where to get help"),
        "tracing": _("Find family"),
    }


def topic_labels(_: Translate) -> Dict[str, str]:
    """Short names of the topics for menus: a few words each, every character costs on SMS."""
    return {
        "pathways_overview": _("All legal ways"),
        "pathways_work": _("Work"),
        "pathways_study": _("Study"),
        "pathways_family": _("Join family"),
        "pathways_visa_process": _("Visa: how to apply"),
        "pathways_qualifications": _("Diplomas"),
        "pathways_protection": _("Asylum"),
        "pathways_return": _("Going home"),
        "rights_overview": _("Rights and duties"),
        "rights_registration": _("Registration, permits"),
        "rights_work": _("Rights at work"),
        "rights_complaints": _("Complaints"),
        "rights_health": _("Health care"),
        "rights_education": _("School, language"),
        "rights_housing": _("Housing"),
        "rights_children": _("Children alone"),
        "rights_gbv": _("Violence: support"),
        "risks_irregular": _("Irregular travel"),
        "risks_smuggling": _("Smugglers"),
        "risks_trafficking": _("Trafficking"),
        "risks_recruitment_fraud": _("Fake job offers"),
        "services_info_point": _("Information points"),
        "services_legal_aid": _("Free legal help"),
        "services_health": _("Clinics"),
        "services_shelter": _("Shelters"),
        "services_consulate": _("Consulates"),
        "tracing_family": _("Lost family"),
        "tracing_missing_migrant": _("Missing on the route"),
    }


def stage_labels(_: Translate) -> Dict[str, str]:
    return {
        "before_departure": _("At home, planning to go"),
        "on_the_way": _("On the way"),
        "arrived": _("Arrived in the country"),
    }


@dataclass
class Menu:
    """A question and its numbered options (and, as a last line, "0 Main menu" where it helps)."""
    title: str
    options: List[Option]
    back: Optional[str] = None  # the "0 Main menu" line
    listed: bool = True  # one numbered line per option; False: the title already numbers them

    def text(self) -> str:
        numbered = [f"{number} {option.label}" for number, option in enumerate(self.options, start=1)]
        lines = [self.title] + (numbered if self.listed else [])
        return "\n".join(lines + ([self.back] if self.back else []))

    def buttons(self) -> List[Dict[str, str]]:
        return [{"title": option.label, "payload": option.payload} for option in self.options]


def back(_: Translate) -> str:
    # TRANSLATORS: keep the 0: the person writes 0 to see the main menu again.
    return _("0 Main menu")


def carry_on(_: Translate) -> str:
    """What the person can do next when nothing more is asked of them."""
    # TRANSLATORS: keep the 0: the person writes 0 to see the main menu.
    return _("OK. Write your question, or 0 for the menu.")


def main_menu(lang: str) -> Menu:
    _ = translator(lang)
    labels = group_labels(_)
    options = [Option(labels[group], payload("menu", group=group)) for group in groups()]
    options.append(Option(_("Talk to a person"), payload(TALK_TO_HUMAN)))
    return Menu(_("Reply with a number:"), options)


def group_topics(group: str) -> List[str]:
    return [topic for topic in information_topics() if topic_group(topic) == group]


def needs_stage(group: str) -> bool:
    """A group with more topics than fit one menu shows those of the person's stage first."""
    return len(group_topics(group)) > MAX_OPTIONS


def group_menu(group: str, lang: str, stage: Optional[str], page: int = 1) -> Menu:
    _ = translator(lang)
    topics = group_topics(group)
    if stage in STAGES:
        topics = sorted(topics, key=lambda topic: stage not in topic_stages(topic))  # stable: keeps the order
    labels = topic_labels(_)
    if len(topics) > MAX_OPTIONS:
        shown = MAX_OPTIONS - 1
        pages = [topics[:shown], topics[shown:]]
        topics = pages[min(page, len(pages)) - 1]
    options = [Option(labels[topic], payload(topic)) for topic in topics]
    if len(group_topics(group)) > MAX_OPTIONS and page == 1:
        options.append(Option(_("More"), payload("menu", group=group, page="2")))
    return Menu(group_labels(_)[group] + ":", options, back(_))


def stage_question(lang: str) -> Menu:
    _ = translator(lang)
    labels = stage_labels(_)
    return Menu(_("Where are you now?"), [Option(labels[stage], payload("choose_country", stage=stage))
                                          for stage in STAGES], back(_))


def follow_ups(topic: str, lang: str, feedback: bool) -> Menu:
    """After an answer: "Was this useful? 1 Yes 2 No" when asked, the related topics, and 0."""
    _ = translator(lang)
    labels = topic_labels(_)
    options: List[Option] = []
    lines: List[str] = []
    if feedback:
        options = [Option(_("Yes"), payload("feedback", useful="yes")),
                   Option(_("No"), payload("feedback", useful="no"))]
        lines.append(_("Was this useful? {yes} {no}").format(yes=f"1 {options[0].label}", no=f"2 {options[1].label}"))
    related = [Option(labels[topic], payload(topic)) for topic in follow_up_topics(topic)]
    numbered = [f"{len(options) + index} {option.label}" for index, option in enumerate(related, start=1)]
    options.extend(related)
    lines.append("  ".join(numbered + [back(_)]))
    return Menu("\n".join(lines), options, listed=False)
