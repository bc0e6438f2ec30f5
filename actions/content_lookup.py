"""Finds the answer for a country and topic: the country's own file first, then the global one."""
from functools import lru_cache
from typing import Optional, Tuple

from actions.content_loader import GLOBAL, Answer, CountryProfile, LoadedContent, load_content
from actions.paths import CONTENT_DIR


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


@lru_cache(maxsize=1)
def library() -> Library:
    """The content the action server serves, read once at start; a broken file stops the start."""
    return Library(load_content(CONTENT_DIR))
