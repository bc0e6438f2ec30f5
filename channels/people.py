"""What the messaging channels keep about a person, and only that: under a keyed pseudonym of their
number, never the number itself.

- the pseudonym: HMAC-SHA256 of the number (or Telegram chat id) with a secret from the
  environment, so the tracker store, logs and statistics only ever see "sms-3f9c..." and
  nobody without the secret can go back from it to the number;
- whether they wrote STOP; the rest of a long answer waiting for MORE, the options last
  offered (their payloads, and their titles for chat keyboards), options held back until the
  part that lists them was sent, and the language of the last reply (forgotten after a week
  without a message, and at once when the person has their data erased); the ids of the
  messages already handled (two days).

All of it is held in memory and written to a small SQLite file (CHANNEL_STATE_DB) by a
thread of its own, so that the event loop never waits for the disk and a restart loses
nothing: a server reads the file back when it starts.
"""
import atexit
import hashlib
import hmac
import json
import logging
import queue
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

logger = logging.getLogger(__name__)

DAY = 86400.0


def pseudonym(number: str, secret: str, prefix: str = "sms") -> str:
    digest = hmac.new(secret.encode(), number.strip().encode(), hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:32]}"


class Kept:
    """A table of entries by key, each forgotten ``keep_for`` seconds after it was last set:
    read from memory, written to the SQLite file in the background."""

    def __init__(self, path: Path, name: str, keep_for: float = float("inf")):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._name, self._keep_for = name, keep_for
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        with self._db:
            self._db.execute("pragma journal_mode=wal")
            self._db.execute(f"create table if not exists {name} (key text primary key, value text not null, "
                             "at real not null)")
            rows = self._db.execute(f"select key, value, at from {name} where at >= ?", (self._since(),)).fetchall()
        self._entries: Dict[str, Tuple[float, Any]] = {key: (at, json.loads(value)) for key, value, at in rows}
        self._cleared = 0.0  # the first write also clears what is past keeping
        self._writes: "queue.Queue[Tuple[str, Tuple[Any, ...]]]" = queue.Queue()
        threading.Thread(target=self._write_queued, name=f"{name}-writer", daemon=True).start()
        atexit.register(self.flush)

    def _since(self) -> float:
        return time.time() - self._keep_for

    def get(self, key: str, default: Any = None) -> Any:
        at, value = self._entries.get(key, (0.0, default))
        return value if at >= self._since() else default

    def set(self, key: str, value: Any) -> None:
        now = time.time()
        self._entries[key] = (now, value)
        self._writes.put((f"insert or replace into {self._name} values (?, ?, ?)",
                          (key, json.dumps(value, ensure_ascii=False), now)))
        if now - self._cleared > 3600:  # what is past keeping goes, at most once an hour
            self._cleared, since = now, self._since()
            self._entries = {key: entry for key, entry in self._entries.items() if entry[0] >= since}
            self._writes.put((f"delete from {self._name} where at < ?", (since,)))

    def add(self, key: str, value: Any = True) -> bool:
        """Sets ``key`` unless it is there already; whether it was new."""
        if self.get(key) is not None:
            return False
        self.set(key, value)
        return True

    def pop(self, key: str) -> None:
        self._entries.pop(key, None)
        self._writes.put((f"delete from {self._name} where key = ?", (key,)))

    def flush(self) -> None:
        """Waits until everything set so far is in the file."""
        self._writes.join()

    def _write_queued(self) -> None:
        while True:
            batch = [self._writes.get()]
            while len(batch) < 500:
                try:
                    batch.append(self._writes.get_nowait())
                except queue.Empty:
                    break
            try:
                with self._db:
                    for sql, args in batch:
                        self._db.execute(sql, args)
            except sqlite3.Error:
                logger.exception("Could not write the channels' state to its file; it is still kept in memory.")
            finally:
                for _ in batch:
                    self._writes.task_done()


class _KeptTable:
    def __init__(self, kept: Kept):
        self._kept = kept

    def flush(self) -> None:
        """Waits until everything set so far is in the file."""
        self._kept.flush()


class OptOuts(_KeptTable):
    """Who wrote STOP (until they write START)."""

    def __init__(self, path: Path):
        super().__init__(Kept(path, "opted_out"))

    def stop(self, person: str) -> None:
        self._kept.set(person, time.time())

    def start(self, person: str) -> None:
        self._kept.pop(person)

    def stopped(self, person: str) -> bool:
        return self._kept.get(person) is not None


class Waiting(_KeptTable):
    """Per person: the parts of an answer waiting for MORE, the payloads of numbered choices, and
    the language the assistant last answered in (for the channel's own words)."""

    def __init__(self, path: Path, keep_for: float = 7 * DAY):
        super().__init__(Kept(path, "waiting", keep_for))

    def _state(self, person: str) -> Dict[str, Any]:
        return dict(self._kept.get(person) or {})

    def _change(self, person: str, **changes: Any) -> None:
        state = {key: value for key, value in {**self._state(person), **changes}.items() if value}
        if state:
            self._kept.set(person, state)
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
            # the last part shows the options: now they count
            self._change(person, parts=[], held=[], choices=state["held"])
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

    def language(self, person: str, default: Optional[str] = None) -> Optional[str]:
        return self._state(person).get("language") or default

    def choices(self, person: str) -> List[str]:
        return list(self._state(person).get("choices") or [])

    def forget(self, person: str) -> None:
        """Everything kept about the person (they asked to be erased)."""
        self._kept.pop(person)


class Pace:
    """How fast one person may write and still be answered. A phone stuck in a loop, or an
    auto-reply that answers each of our SMS, must not cost thousands of paid messages.

    Every message counts, answered or not. Over ``per_minute`` in the last minute, or
    ``per_day`` in the last day, a message is not answered; the person is told so once a day
    for each limit (a loop gets no reply to feed it). A person who waits a minute is answered
    again. The channels always handle STOP and danger words, whatever the pace. In memory:
    a restart forgets the counts."""

    MINUTE, DAY = "minute", "day"

    def __init__(self, per_minute: int, per_day: int):
        self._per_minute, self._per_day = per_minute, per_day
        self._times: Dict[str, List[float]] = {}
        self._told: Dict[Tuple[str, str], float] = {}
        self._swept = time.monotonic()

    def over(self, person: str, now: Optional[float] = None) -> Tuple[Optional[str], bool]:
        """Counts a message of ``person``: the limit it is over (None: answer it), and whether
        to tell them."""
        now = time.monotonic() if now is None else now
        times = [t for t in self._times.get(person, []) if t > now - DAY][-self._per_day:] + [now]
        self._times[person] = times
        self._sweep(now)
        if len(times) > self._per_day:
            limit: Optional[str] = self.DAY
        elif sum(1 for t in times if t > now - 60) > self._per_minute:
            limit = self.MINUTE
        else:
            return None, False
        told = self._told.get((person, limit))
        tell = told is None or told <= now - DAY
        if tell:
            self._told[(person, limit)] = now
        return limit, tell

    def _sweep(self, now: float) -> None:
        if now - self._swept < 3600:
            return
        self._swept = now
        self._times = {person: times for person, times in self._times.items() if times[-1] > now - DAY}
        self._told = {key: at for key, at in self._told.items() if at > now - DAY}


class SeenMessages(_KeptTable):
    """Twilio delivers a webhook again when it got no timely answer: the same MessageSid is
    handled once, also across a restart. Ids are kept for two days."""

    def __init__(self, path: Path, keep_for: float = 2 * DAY):
        super().__init__(Kept(path, "seen_messages", keep_for))

    def first_time(self, message_id: str) -> bool:
        return self._kept.add(message_id)


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
