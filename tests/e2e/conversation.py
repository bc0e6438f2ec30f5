"""Reading the assistant's replies the way a person reads them."""
import uuid


from actions.i18n import LANGUAGES
from actions.reply import welcome

WELCOMES = {welcome(lang) for lang in LANGUAGES}


def texts(replies):
    """What the person reads after the welcome that opens a conversation (tests of the welcome
    read it with ``with_welcome``), not the signals for the channel (such as "erased")."""
    return [text for text in with_welcome(replies) if text not in WELCOMES]


def with_welcome(replies):
    return [reply["text"] for reply in replies if "text" in reply]


def answer(replies):
    """The REST channel sends each paragraph as its own message; the person reads them in order."""
    return "\n\n".join(texts(replies))


def without_welcome(text):
    """A chat app's single message: the welcome paragraph, if there is one, taken off."""
    first, _, rest = text.partition("\n\n")
    return rest if first in WELCOMES else text


def new_person():
    return f"person-{uuid.uuid4().hex[:8]}"
