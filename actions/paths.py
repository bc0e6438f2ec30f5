"""Where the project's files are, so that every module finds them the same way."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
LOCALES_DIR = ROOT / "locales"
TOPICS_FILE = ROOT / "bot" / "topics.yml"
