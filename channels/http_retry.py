"""POSTing to a messaging API without blocking, trying again when it says "later".

429 and 5xx answers (and lost connections) are tried again with a growing pause, honouring
the API's own wait (Retry-After header, or Telegram's parameters.retry_after); any other
4xx will fail again and is returned at once.
"""
import asyncio
import logging
from typing import Any, Dict, Optional, Tuple

import aiohttp

logger = logging.getLogger(__name__)


async def post(session: aiohttp.ClientSession, url: str, attempts: int = 5, first_pause: float = 0.5,
               **request: Any) -> Tuple[int, Dict[str, Any]]:
    """(HTTP status, JSON body) of the last answer; status 0 if the API was never reached."""
    pause, status, payload = first_pause, 0, {}
    for attempt in range(1, attempts + 1):
        wait: Optional[float] = None
        try:
            async with session.post(url, **request) as answer:
                status = answer.status
                payload = await _json(answer)
                if status < 300 or (status != 429 and status < 500):
                    return status, payload
                wait = _seconds(answer.headers.get("Retry-After")) or _seconds(
                    (payload.get("parameters") or {}).get("retry_after"))
        except (aiohttp.ClientError, asyncio.TimeoutError) as problem:
            logger.warning("%s not reached (%s), attempt %d.", url.split("/")[2], type(problem).__name__, attempt)
        if attempt < attempts:
            await asyncio.sleep(wait if wait is not None else pause)
            pause *= 2
    return status, payload


async def _json(answer: aiohttp.ClientResponse) -> Dict[str, Any]:
    try:
        found = await answer.json(content_type=None)
        return found if isinstance(found, dict) else {}
    except (ValueError, aiohttp.ContentTypeError):
        return {}


def _seconds(value: Any) -> Optional[float]:
    try:
        return min(float(value), 30.0) if value is not None else None
    except (TypeError, ValueError):
        return None
