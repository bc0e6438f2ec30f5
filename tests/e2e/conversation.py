"""Reading the assistant's replies the way a person reads them."""
import uuid


def texts(replies):
    return [reply["text"] for reply in replies]


def answer(replies):
    """The REST channel sends each paragraph as its own message; the person reads them in order."""
    return "\n\n".join(texts(replies))


def new_person():
    return f"person-{uuid.uuid4().hex[:8]}"
