"""Reads the content when the action server starts (it imports every module of this package),
then keeps watching it for edits.

A broken content file then stops the start with every problem listed as file:line, instead
of failing later in the middle of a conversation.
"""
from actions.content_loader import ContentInvalid
from actions.content_lookup import store
from actions.places import find_city

try:
    store().watch()
    # The city index behind "legal aid in lahore" takes a moment to build: not in a person's turn.
    find_city("", store().library.countries_with_points())
except ContentInvalid as problems:
    # rasa-sdk logs an ImportError raised while it loads the actions and exits with code 1.
    raise ImportError(f"the content files have problems; nothing was loaded:\n{problems}") from problems
