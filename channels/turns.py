"""One turn of the assistant for a channel that answers in the background: the person's
message in, the assistant's texts and buttons out."""
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage


async def take_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], text: str, person: str,
                    channel: str, metadata: Dict[str, Any]) -> Tuple[List[str], List[Dict[str, Any]]]:
    collector = CollectingOutputChannel()
    await on_new_message(UserMessage(text, collector, person, input_channel=channel, metadata=metadata))
    texts = [m["text"] for m in collector.messages if m.get("text")]
    buttons = [button for m in collector.messages for button in (m.get("buttons") or [])]
    return texts, buttons
