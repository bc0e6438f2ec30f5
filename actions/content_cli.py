"""The staff tool for content files: check them, preview an answer as a person receives it, report.

    content check                                   every problem as file:line, warnings too
    content preview NL pathways_work --lang ar --channel sms
    content report [--out var/content-report.html]  a page to look at: coverage, reviews due

(`make check-content` and `make content-report` run the same.)
"""
import argparse
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

from actions.paths import CONTENT_DIR


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="content", description="Check, preview and report on the content files.")
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="the content folder (default: content/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every file; exit 1 if there is an error")
    preview = commands.add_parser("preview", help="show an answer exactly as the person receives it")
    preview.add_argument("country", help="ISO code of the country folder (NL, PK, ...) or global")
    preview.add_argument("topic", help="topic id from bot/topics.yml, or emergency")
    preview.add_argument("--lang", default="en", help="language code (en, ar, fa, ps, ur, bn, fr, es, ti, so)")
    preview.add_argument("--channel", choices=("sms", "whatsapp", "web"), default="sms")
    preview.add_argument("--budget", type=int, default=3, help="SMS segments per message (default 3)")
    report = commands.add_parser("report", help="write an HTML page: coverage, reviews due, outdated translations")
    report.add_argument("--out", type=Path, default=Path("var") / "content-report.html")
    args = parser.parse_args(argv)

    if args.command == "check":
        from actions.check_content import check
        return check(args.content.resolve())
    if args.command == "preview":
        from actions.content_preview import preview as show
        return show(args.content.resolve(), args.country, args.topic, args.lang, args.channel, args.budget, date.today())
    from actions.content_report import write_report
    return write_report(args.content.resolve(), args.out, date.today())


if __name__ == "__main__":
    sys.exit(main())
