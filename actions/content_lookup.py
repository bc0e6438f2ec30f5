"""Finds the answer for a country and topic: the country's own file first, then the global one.

The content is read once at start (a broken file stops the start) and then kept live: the
action server watches the content folder, and an edit that passes every check is served
within a second; an edit with errors is refused, logged with its file:line, and the last
good content goes on being served.
"""
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Optional, Tuple

from actions.content_loader import GLOBAL, Answer, ContentInvalid, CountryProfile, LoadedContent, load_content
from actions.paths import CONTENT_DIR
from actions.service_directory import ServicePoint


class Library:
    def __init__(self, content: LoadedContent):
        self._content = content

    def answer(self, country: Optional[str], topic: str) -> Optional[Answer]:
        if country:
            own = self._content.answers.get((country, topic))
            if own:
                return own
        return self._content.answers.get((GLOBAL, topic))

    def has_global_answer(self, topic: str) -> bool:
        return (GLOBAL, topic) in self._content.answers

    def profile(self, country: Optional[str]) -> CountryProfile:
        """The country's emergency numbers and information point, or the global ones."""
        return self._content.profiles.get(country or GLOBAL) or self._content.profiles[GLOBAL]

    def has_country(self, country: Optional[str]) -> bool:
        return bool(country) and country in self._content.profiles

    def countries(self) -> Tuple[str, ...]:
        return tuple(sorted(code for code in self._content.profiles if code != GLOBAL))

    def countries_with_points(self) -> FrozenSet[str]:
        return frozenset(code for code, points in self._content.service_points.items() if points)

    def has_points_for(self, country: Optional[str], topic: str) -> bool:
        """Whether a place near the person can be looked up for ``topic`` (anywhere, if no country yet)."""
        return any(topic in point.serves for point in self.service_points(country))

    def service_points(self, country: Optional[str] = None) -> Tuple[ServicePoint, ...]:
        """The country's service points, or every country's when ``country`` is None."""
        if country:
            return tuple(self._content.service_points.get(country, ()))
        return tuple(point for points in self._content.service_points.values() for point in points)


logger = logging.getLogger(__name__)
# How often the watcher looks for edits, in seconds (an edit is live within about this long).
WATCH_INTERVAL = 0.5


def _stamp(root: Path) -> Tuple:
    """What changes when a file under ``root`` is added, removed or edited."""
    found = []
    for path in sorted(root.rglob("*")):
        try:
            info = path.stat()
        except FileNotFoundError:  # removed while we looked
            continue
        found.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(found)


class ContentStore:
    def __init__(self, root: Path):
        self.root = root
        self._stamp = _stamp(root)
        self.library = Library(load_content(root))
        self._watching = False

    def refresh(self) -> bool:
        """Loads the content again if a file changed; True when new content is now served."""
        stamp = _stamp(self.root)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            content = load_content(self.root)
        except ContentInvalid as problems:
            logger.error("Content change refused; the last good content is still served. Problems:\n%s", problems)
            return False
        self.library = Library(content)
        logger.info("Content reloaded: %d answers, %d country files.", len(content.answers), len(content.profiles))
        return True

    def watch(self) -> None:
        """Keeps the content live from now on (a daemon thread: it ends with the server)."""
        if self._watching:
            return
        self._watching = True

        def loop() -> None:
            while True:
                threading.Event().wait(WATCH_INTERVAL)
                try:
                    self.refresh()
                except Exception:  # never let a surprise stop the watching
                    logger.exception("Content watcher failed; will try again.")

        threading.Thread(target=loop, name="content-watcher", daemon=True).start()


@lru_cache(maxsize=1)
def store() -> ContentStore:
    """The content the assistant serves, read at first use; a broken file stops the start."""
    return ContentStore(CONTENT_DIR)


def library() -> Library:
    return store().library
