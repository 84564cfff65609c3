"""`kiosk bench`: measure the kiosk's speed and memory figures and compare them with the targets."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HELP = "measure the speed and memory figures the kiosk is held to"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to a JSON file")
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller inputs (CI)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these figures (or areas)")
    parser.add_argument("--runs", type=int, default=5, help="fresh-process runs per median (default 5)")
    parser.add_argument("--list", action="store_true", help="list the figures and their targets")


def run(args: argparse.Namespace) -> int:
    from kiosk.bench import AREAS
    from kiosk.bench.registry import BenchOptions
    from kiosk.bench.runner import ROOT, figures, header, new_workdir, run_figures, write_json

    selected = figures(AREAS)
    if args.only:
        wanted = set(args.only)
        areas = wanted & set(AREAS)
        selected = [f for f in selected if f.name in wanted] + (figures(sorted(areas)) if areas else [])
        unknown = wanted - {f.name for f in figures(AREAS)} - set(AREAS)
        if unknown:
            print(f"kiosk bench: unknown figure or area: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
    if args.list:
        for f in selected:
            print(f"{f.name:<36} {'≤' if f.better == 'lower' else '≥'} {f.target:g} {f.unit}  {f.note}")
        return 0
    workdir = new_workdir()
    opts = BenchOptions(demo=ROOT / "assets", workdir=workdir, quick=args.quick,
                        runs=max(1, 3 if args.quick and args.runs == 5 else args.runs))
    print(header(), flush=True)
    try:
        results = run_figures(selected, opts)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    missed = [r for r in results if not r.ok]
    print(f"\n{len(results) - len(missed)} of {len(results)} figures within target")
    if args.json:
        write_json(args.json, results, opts)
        print(f"wrote {args.json}")
    return 0
