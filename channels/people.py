"""What the messaging channels keep about a person, and only that: under a keyed pseudonym of their
number, never the number itself.

- the pseudonym: HMAC-SHA256 of the number (or Telegram chat id) with a secret from the
  environment, so the tracker store, logs and statistics only ever see "sms-3f9c..." and
  nobody without the secret can go back from it to the number;
- whether they wrote STOP (kept in a small SQLite file, so it survives a restart);
- in memory only (one server worker; a restart forgets it): the rest of a long answer
  waiting for MORE, the options last offered (their payloads, and their titles for chat
  keyboards), options held back until the part that lists them was sent, and the language
  of the last reply. Erasing forgets all of it.
"""
import hashlib
import hmac
import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Dict, List, Optional


def pseudonym(number: str, secret: str, prefix: str = "sms") -> str:
    digest = hmac.new(secret.encode(), number.strip().encode(), hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:32]}"


class OptOuts:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("create table if not exists opted_out (person text primary key, since real)")

    def stop(self, person: str) -> None:
        with self._lock, self._db:
            self._db.execute("insert or replace into opted_out values (?, ?)", (person, time.time()))

    def start(self, person: str) -> None:
        with self._lock, self._db:
            self._db.execute("delete from opted_out where person = ?", (person,))

    def stopped(self, person: str) -> bool:
        with self._lock:
            return self._db.execute("select 1 from opted_out where person = ?", (person,)).fetchone() is not None


class Waiting:
    """Per person: the parts of an answer waiting for MORE, the payloads of numbered choices, and
    the language the assistant last answered in (for the channel's own words)."""

    def __init__(self, limit: int = 10000):
        self._parts: "OrderedDict[str, List[str]]" = OrderedDict()
        self._choices: "OrderedDict[str, List[str]]" = OrderedDict()
        self._titles: "OrderedDict[str, List[str]]" = OrderedDict()
        self._held: "OrderedDict[str, List[str]]" = OrderedDict()  # choices shown in a part not yet sent
        self._languages: "OrderedDict[str, str]" = OrderedDict()
        self._limit = limit

    def _put(self, store: OrderedDict, person: str, value) -> None:
        store[person] = value
        store.move_to_end(person)
        while len(store) > self._limit:
            store.popitem(last=False)

    def keep_parts(self, person: str, parts: List[str]) -> None:
        if parts:
            self._put(self._parts, person, parts)
        else:
            self._parts.pop(person, None)

    def next_part(self, person: str) -> Optional[str]:
        parts = self._parts.get(person)
        if not parts:
            return None
        part = parts.pop(0)
        if not parts:
            self._parts.pop(person, None)
            held = self._held.pop(person, None)
            if held:
                self._put(self._choices, person, held)  # the last part shows the options: now they count
        return part

    def holds_choices(self, person: str) -> bool:
        """Options wait at the end of an answer that waits for MORE."""
        return person in self._held

    def hold_choices(self, person: str) -> None:
        """The options are listed at the end of a cut answer: a number chooses one only once the
        part that shows them has been sent (before that, the person has not seen them)."""
        if not self._parts.get(person):
            return  # the whole answer, options included, has been sent
        held = self._choices.pop(person, None)
        self._titles.pop(person, None)
        if held:
            self._put(self._held, person, held)

    def keep_choices(self, person: str, payloads: List[str], titles: Optional[List[str]] = None) -> None:
        self._held.pop(person, None)
        if payloads:
            self._put(self._choices, person, payloads)
            self._put(self._titles, person, titles or [])
        else:
            self._choices.pop(person, None)
            self._titles.pop(person, None)

    def chosen_by_title(self, person: str, text: str) -> Optional[str]:
        """The payload of a keyboard button the person tapped (the app sends its title)."""
        return dict(zip(self._titles.get(person) or [], self._choices.get(person) or [])).get(text)

    def keep_language(self, person: str, lang: str) -> None:
        self._put(self._languages, person, lang)

    def language(self, person: str, default: str) -> str:
        return self._languages.get(person, default)

    def choices(self, person: str) -> List[str]:
        return list(self._choices.get(person) or [])

    def forget(self, person: str) -> None:
        """Everything kept about the person (they asked to be erased)."""
        for store in (self._parts, self._choices, self._titles, self._held, self._languages):
            store.pop(person, None)


class SeenMessages:
    """Twilio delivers a webhook again when it got no timely answer: the same MessageSid is
    handled once. Remembers the latest ``limit`` ids."""

    def __init__(self, limit: int = 50000):
        self._seen: "OrderedDict[str, None]" = OrderedDict()
        self._limit = limit

    def first_time(self, message_id: str) -> bool:
        if message_id in self._seen:
            return False
        self._seen[message_id] = None
        while len(self._seen) > self._limit:
            self._seen.popitem(last=False)
        return True


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
