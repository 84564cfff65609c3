"""`kiosk stats`: what visitors did, from the kiosk's local analytics database."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HELP = "summarise visits (per day, median length, most viewed items, video completion)"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-28") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_date, help="only visits from this date (YYYY-MM-DD)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write every visit to a CSV file")
    parser.add_argument("--database", type=Path, help="the analytics database (default: the platform data folder)")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.analytics import default_database, export_csv, summarise

    db = args.database or default_database()
    if not db.exists():
        print(f"no visits recorded yet ({db} does not exist)")
        return 0
    s = summarise(db, args.since)
    total = sum(n for _, n in s.visits_per_day)
    print(f"visits: {total}" + (f" since {args.since}" if args.since else ""))
    print(f"median visit: {s.median_visit_s:.0f} s")
    if s.visits_per_day:
        print("\nvisits per day")
        width = max(n for _, n in s.visits_per_day)
        for day, n in s.visits_per_day:
            print(f"  {day}  {n:5d}  {'#' * max(1, round(30 * n / width))}")
    for title, rows in (("most viewed items", s.top_items), ("tabs", s.tab_views), ("languages", s.languages)):
        if rows:
            print(f"\n{title}")
            for item, n in rows:
                print(f"  {n:5d}  {item}")
    if s.video_completion:
        print("\nvideo: plays, watched to the end")
        for item, n, share in s.video_completion:
            print(f"  {n:5d}  {share * 100:3.0f} %  {item}")
    if args.csv:
        rows = export_csv(db, args.csv, args.since)
        print(f"\nwrote {rows} visits to {args.csv}", file=sys.stderr)
    return 0
