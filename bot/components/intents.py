"""Putting an intent first when a rule (a keyword, a lone country name) is surer than the classifier."""
from typing import Any, Dict, List, Optional, Tuple


def put_first(name: str, intent: Optional[Dict[str, Any]],
              ranking: Optional[List[Dict[str, Any]]]) -> Tuple[Dict[str, Any], List[Dict[str, Any]]]:
    """The new intent and a ranking that keeps the classifier's view of the rest, in order."""
    rest = [entry for entry in (ranking or ([intent] if intent else [])) if entry.get("name") != name]
    chosen = {"name": name, "confidence": 1.0}
    return chosen, [chosen] + rest
