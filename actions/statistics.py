"""Anonymous counts for staff: what helped, what was not understood, who asked for a person.

Nothing here can lead back to a person: no sender id, no message text, no time finer than
the day. Feedback is counted per topic, language and country; questions the assistant did
not understand are counted per language and month; a request to talk to a person is one
row with its day, country, language and the topic asked before. The content report
(``content report``) shows them.

The database is an SQLite file (STATS_DB, default var/stats.db) or any SQLAlchemy URL
(STATS_DB_URL). Writes are a few milliseconds; the actions make them off the event loop.
"""
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert, select, update
from sqlalchemy.engine import Engine

from actions.paths import ROOT

metadata = MetaData()

feedback = Table(
    "feedback", metadata,
    Column("topic", String(64), primary_key=True),
    Column("lang", String(8), primary_key=True),
    Column("country", String(8), primary_key=True),  # "" when the person gave no country
    Column("useful", Integer, nullable=False, default=0),
    Column("not_useful", Integer, nullable=False, default=0),
)
unanswered = Table(
    "unanswered", metadata,
    Column("lang", String(8), primary_key=True),
    Column("month", String(7), primary_key=True),  # 2026-11
    Column("count", Integer, nullable=False, default=0),
)
handover_requests = Table(
    "handover_requests", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", Date, nullable=False),
    Column("country", String(8), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("topic", String(64), nullable=False),  # the last topic asked, "" if none
)


def database_url() -> str:
    url = os.environ.get("STATS_DB_URL")
    if url:
        return url
    path = os.environ.get("STATS_DB", str(ROOT / "var" / "stats.db"))
    return f"sqlite:///{path}"


def engine(url: Optional[str] = None) -> Engine:
    return _engine(url or database_url())


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    made = create_engine(url, future=True)
    metadata.create_all(made)
    return made


def _count(table: Table, keys: dict, column: str, url: Optional[str] = None) -> None:
    """Adds one to ``column`` of the row with ``keys``, making the row if it is new."""
    where = [table.c[name] == value for name, value in keys.items()]
    with engine(url).begin() as connection:
        changed = connection.execute(update(table).where(*where).values({column: table.c[column] + 1}))
        if changed.rowcount == 0:
            row = {name: 0 for name in table.c.keys() if name not in keys}  # the other counters
            connection.execute(insert(table).values({**row, **keys, column: 1}))


def count_feedback(topic: str, lang: str, country: Optional[str], useful: bool, url: Optional[str] = None) -> None:
    _count(feedback, {"topic": topic, "lang": lang, "country": country or ""}, "useful" if useful else "not_useful", url)


def count_unanswered(lang: str, today: date, url: Optional[str] = None) -> None:
    _count(unanswered, {"lang": lang, "month": today.strftime("%Y-%m")}, "count", url)


def record_handover(country: Optional[str], lang: str, topic: Optional[str], today: date,
                    url: Optional[str] = None) -> None:
    with engine(url).begin() as connection:
        connection.execute(insert(handover_requests).values(
            day=today, country=country or "", lang=lang, topic=topic or ""))


@dataclass(frozen=True)
class Summary:
    feedback: List[dict]
    unanswered: List[dict]
    handovers: List[dict]


def summary(url: Optional[str] = None) -> Summary:
    with engine(url).connect() as connection:
        def rows(query) -> List[dict]:
            return [dict(row._mapping) for row in connection.execute(query)]

        return Summary(
            feedback=rows(select(feedback).order_by(feedback.c.topic, feedback.c.country, feedback.c.lang)),
            unanswered=rows(select(unanswered).order_by(unanswered.c.month.desc(), unanswered.c.lang)),
            handovers=rows(select(handover_requests).order_by(handover_requests.c.day.desc(),
                                                              handover_requests.c.id.desc())),
        )
