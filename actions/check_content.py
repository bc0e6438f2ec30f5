"""Checks every content file and prints each problem as file:line: what is wrong.

    make check-content        (or: python -m actions.check_content [content folder])

Exits 1 when a file has a problem, so that a broken file never reaches the assistant.
Warnings (translations missing or older than the English) are printed too, but the
content is still served.
"""
import sys
from pathlib import Path

from actions.content_loader import ContentInvalid, load_content
from actions.paths import CONTENT_DIR


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]).resolve() if args else CONTENT_DIR
    try:
        content = load_content(root, shown_relative_to=Path.cwd())
    except ContentInvalid as problems:
        for error in problems.errors:
            print(error)
        print(f"{len(problems.errors)} problem(s) found; nothing was loaded.", file=sys.stderr)
        return 1
    for warning in content.warnings:
        print(f"{warning.path}:{warning.line}: warning: {warning.message}")
    print(f"content OK: {len(content.answers)} answers, {len(content.profiles)} country files, "
          f"{len(content.warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
