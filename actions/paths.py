"""Where the project's files are, so that every module finds them the same way."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CONTENT_DIR lets an operator serve content kept elsewhere (and tests serve broken content).
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR", ROOT / "content")).resolve()
LOCALES_DIR = ROOT / "locales"
BOT_DIR = ROOT / "bot"
TOPICS_FILE = BOT_DIR / "topics.yml"
