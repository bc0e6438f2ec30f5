"""Anonymous counts for staff: what helped, what was not understood, who asked for a person.

Nothing here can lead back to a person: no sender id, no message text, no time finer than
the day. Feedback is counted per topic, language and country; questions the assistant did
not understand are counted per language and month; a request to talk to a person is one
row with its day, country, language and the topic asked before. The content report
(``content report``) shows them.

The database is an SQLite file (STATS_DB, default var/stats.db) or any SQLAlchemy URL
(STATS_DB_URL) of SQLite or PostgreSQL. Writes are a few milliseconds; the actions make them off the event loop.
"""
import os
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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


_MAKING = threading.Lock()  # the actions count from several threads: the tables are made once


def engine() -> Engine:
    with _MAKING:
        return _engine(database_url())


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    made = create_engine(url, future=True)
    metadata.create_all(made)
    return made


def _count(table: Table, keys: dict, column: str) -> None:
    """Adds one to ``column`` of the row with ``keys``, making the row if it is new: one
    statement, so two counts of a new row at once cannot collide (SQLite and PostgreSQL)."""
    database = engine()
    upsert = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}[database.dialect.name]
    row = {name: 0 for name in table.c.keys() if name not in keys}  # the other counters
    statement = upsert(table).values({**row, **keys, column: 1})
    with database.begin() as connection:
        connection.execute(statement.on_conflict_do_update(index_elements=list(keys),
                                                           set_={column: table.c[column] + 1}))


def count_feedback(topic: str, lang: str, country: Optional[str], useful: bool) -> None:
    _count(feedback, {"topic": topic, "lang": lang, "country": country or ""}, "useful" if useful else "not_useful")


def count_unanswered(lang: str, today: date) -> None:
    _count(unanswered, {"lang": lang, "month": today.strftime("%Y-%m")}, "count")


def record_handover(country: Optional[str], lang: str, topic: Optional[str], today: date) -> None:
    with engine().begin() as connection:
        connection.execute(insert(handover_requests).values(
            day=today, country=country or "", lang=lang, topic=topic or ""))


@dataclass(frozen=True)
class Summary:
    feedback: List[dict]
    unanswered: List[dict]
    handovers: List[dict]


def summary() -> Summary:
    with engine().connect() as connection:
        def rows(query) -> List[dict]:
            return [dict(row._mapping) for row in connection.execute(query)]

        return Summary(
            feedback=rows(select(feedback).order_by(feedback.c.topic, feedback.c.country, feedback.c.lang)),
            unanswered=rows(select(unanswered).order_by(unanswered.c.month.desc(), unanswered.c.lang)),
            handovers=rows(select(handover_requests).order_by(handover_requests.c.day.desc(),
                                                              handover_requests.c.id.desc())),
        )
