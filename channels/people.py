"""What the messaging channels keep about a person, and only that: under a keyed pseudonym of their
number, never the number itself.

- the pseudonym: HMAC-SHA256 of the number (or Telegram chat id) with a secret from the
  environment, so the tracker store, logs and statistics only ever see "sms-3f9c..." and
  nobody without the secret can go back from it to the number;
- in a small SQLite file (CHANNEL_STATE_DB), so that a restart loses nothing: whether they
  wrote STOP; the rest of a long answer waiting for MORE, the options last offered (their
  payloads, and their titles for chat keyboards), options held back until the part that
  lists them was sent, and the language of the last reply (forgotten after a week without a
  message, and at once when the person has their data erased); the ids of the messages
  already handled (two days).
"""
import hashlib
import hmac
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

DAY = 86400.0


def pseudonym(number: str, secret: str, prefix: str = "sms") -> str:
    digest = hmac.new(secret.encode(), number.strip().encode(), hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:32]}"


class _Table:
    """One table of the channels' state file, safe to use from any thread."""

    def __init__(self, path: Path, name: str, columns: str, keep_for: float, time_column: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
        self._lock = threading.Lock()
        self._keep_for = keep_for
        self._prune_sql = f"delete from {name} where {time_column} < ?"
        self._pruned = 0.0
        with self._lock, self._db:
            self._db.execute("pragma journal_mode=wal")  # a commit without waiting for the disk each time
            self._db.execute("pragma synchronous=normal")
            self._db.execute(f"create table if not exists {name} ({columns})")

    def write(self, sql: str, args: Tuple[Any, ...]) -> int:
        now = time.time()
        with self._lock, self._db:
            changed = self._db.execute(sql, args).rowcount
            if now - self._pruned > 3600:  # what is past keeping goes, at most once an hour
                self._db.execute(self._prune_sql, (now - self._keep_for,))
                self._pruned = now
        return changed

    def read(self, sql: str, args: Tuple[Any, ...]) -> Optional[Tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchone()

    def fresh_since(self) -> float:
        return time.time() - self._keep_for


class OptOuts:
    """Who wrote STOP (until they write START): kept for as long as it holds."""

    def __init__(self, path: Path):
        self._table = _Table(path, "opted_out", "person text primary key, since real",
                             keep_for=float("inf"), time_column="since")

    def stop(self, person: str) -> None:
        self._table.write("insert or replace into opted_out values (?, ?)", (person, time.time()))

    def start(self, person: str) -> None:
        self._table.write("delete from opted_out where person = ?", (person,))

    def stopped(self, person: str) -> bool:
        return self._table.read("select 1 from opted_out where person = ?", (person,)) is not None


class Waiting:
    """Per person: the parts of an answer waiting for MORE, the payloads of numbered choices, and
    the language the assistant last answered in (for the channel's own words)."""

    def __init__(self, path: Path, keep_for: float = 7 * DAY):
        self._table = _Table(path, "waiting", "person text primary key, state text not null, updated real not null",
                             keep_for=keep_for, time_column="updated")

    def _state(self, person: str) -> Dict[str, Any]:
        row = self._table.read("select state from waiting where person = ? and updated >= ?",
                               (person, self._table.fresh_since()))
        return json.loads(row[0]) if row else {}

    def _change(self, person: str, **changes: Any) -> None:
        state = {key: value for key, value in {**self._state(person), **changes}.items() if value}
        if state:
            self._table.write("insert or replace into waiting values (?, ?, ?)",
                              (person, json.dumps(state, ensure_ascii=False), time.time()))
        else:
            self.forget(person)

    def keep_parts(self, person: str, parts: List[str]) -> None:
        self._change(person, parts=parts)

    def next_part(self, person: str) -> Optional[str]:
        state = self._state(person)
        parts = state.get("parts") or []
        if not parts:
            return None
        if len(parts) > 1:
            self._change(person, parts=parts[1:])
        elif state.get("held"):
            self._change(person, parts=[], held=[], choices=state["held"])  # the last part shows the options: now they count
        else:
            self._change(person, parts=[])
        return parts[0]

    def holds_choices(self, person: str) -> bool:
        """Options wait at the end of an answer that waits for MORE."""
        return bool(self._state(person).get("held"))

    def hold_choices(self, person: str) -> None:
        """The options are listed at the end of a cut answer: a number chooses one only once the
        part that shows them has been sent (before that, the person has not seen them)."""
        state = self._state(person)
        if state.get("parts"):
            self._change(person, held=state.get("choices") or [], choices=[], titles=[])
        # otherwise the whole answer, options included, has been sent

    def keep_choices(self, person: str, payloads: List[str], titles: Optional[List[str]] = None) -> None:
        self._change(person, held=[], choices=payloads, titles=(titles or []) if payloads else [])

    def chosen_by_title(self, person: str, text: str) -> Optional[str]:
        """The payload of a keyboard button the person tapped (the app sends its title)."""
        state = self._state(person)
        return dict(zip(state.get("titles") or [], state.get("choices") or [])).get(text)

    def keep_language(self, person: str, lang: str) -> None:
        self._change(person, language=lang)

    def language(self, person: str, default: str) -> str:
        return self._state(person).get("language") or default

    def choices(self, person: str) -> List[str]:
        return list(self._state(person).get("choices") or [])

    def forget(self, person: str) -> None:
        """Everything kept about the person (they asked to be erased)."""
        self._table.write("delete from waiting where person = ?", (person,))


class SeenMessages:
    """Twilio delivers a webhook again when it got no timely answer: the same MessageSid is
    handled once, also across a restart. Ids are kept for two days."""

    def __init__(self, path: Path, keep_for: float = 2 * DAY):
        self._table = _Table(path, "seen_messages", "id text primary key, at real not null",
                             keep_for=keep_for, time_column="at")

    def first_time(self, message_id: str) -> bool:
        return self._table.write("insert or ignore into seen_messages values (?, ?)", (message_id, time.time())) == 1


class PersonLocks:
    """One asyncio lock per person, so that their messages are handled in the order they came."""

    def __init__(self):
        self._locks: Dict[str, "object"] = {}

    def lock(self, person: str):
        import asyncio

        found = self._locks.get(person)
        if found is None:
            found = self._locks[person] = asyncio.Lock()
        return found
