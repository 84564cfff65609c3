"""`kiosk soak`: a day of visitors in minutes, through the real kiosk, with memory watched."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "run the real kiosk through thousands of scripted visits and check it does not leak or fail"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--visits", type=int, default=2000, help="visits to run (default 2,000)")
    parser.add_argument("--warmup", type=int, default=None,
                        help="visits before memory is measured (default 200; a quarter of short runs)")
    parser.add_argument("--sample-every", type=int, default=100, metavar="N",
                        help="sample memory and objects every N visits (default 100)")
    parser.add_argument("--seed", type=int, default=1924, help="what the visitors do is chosen from this")
    parser.add_argument("--content", type=Path, default=None, help="content root (default: the demo)")
    parser.add_argument("--idle-timeout", type=float, default=None, metavar="SECONDS",
                        help="the kiosk's idle timeout during the soak (default 0.45)")
    parser.add_argument("--parts", default=None, metavar="LIST",
                        help="only these parts of each visit, to narrow down a leak: read,look,watch,chart")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to a JSON file")


def run(args: argparse.Namespace) -> int:
    from kiosk.reliability.criteria import all_ok, soak_results, soak_summary
    from kiosk.reliability.report import finish_run, print_figures, run_in_child

    child_args = ["--visits", str(args.visits), "--sample-every", str(max(1, args.sample_every)),
                  "--seed", str(args.seed)]
    if args.warmup is not None:
        child_args += ["--warmup", str(args.warmup)]
    if args.content is not None:
        child_args += ["--content", str(args.content.resolve())]
    if args.idle_timeout is not None:
        child_args += ["--idle-timeout", str(args.idle_timeout)]
    if args.parts:
        child_args += ["--parts", args.parts]
    # Generous: a visit takes about 1.5 s here; a hung kiosk is killed and reported.
    ran = run_in_child("soak", "kiosk.reliability.soak_run", child_args, timeout_s=600 + args.visits * 10)
    if ran is None:
        return 1
    child, elapsed = ran
    summary = soak_summary(child.data)
    results = soak_results(summary)
    failures = child.data.get("failures", [])
    problems = child.data.get("record", {}).get("reset_problems", [])
    observer = child.data.get("observer", {})
    print_figures(results, [*(f"{f['where']}: {f['message']}" for f in failures), *problems,
                            *observer.get("exception_texts", []), *observer.get("qt_critical_texts", [])])
    retaps = child.data.get("record", {}).get("home_retaps", [])
    if retaps:
        print(f"\nHome needed a second tap {len(retaps)} times:")
        for line in retaps:
            print(f"  {line}")
    ok = all_ok(results) and child.returncode == 0 and not failures
    print(f"\n{summary['visits']} visits in {elapsed:.0f} s ({child.how_it_ended()}); "
          f"RSS {summary.get('rss_start_mb', 0):.0f} → {summary.get('rss_warm_mb', 0):.0f} (warm) → "
          f"{summary.get('rss_end_mb', 0):.0f} MB; {'PASSED' if ok else 'FAILED'}")
    return finish_run(child, results, ok, elapsed, args.json, {
        **summary,
        "samples": child.data.get("samples", []),
        "record": child.data.get("record", {}),
        "observer": observer,
        "failures": failures,
    })
