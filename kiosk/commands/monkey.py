"""`kiosk monkey`: random touches, drags, pinches and keys on the real kiosk; it must stay up,
locked and responsive."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "hammer the real kiosk with random touches and keys and check it stays locked and alive"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=int, default=100_000, help="random events to deliver (default 100,000)")
    parser.add_argument("--seed", type=int, default=1924, help="the same seed gives the same events")
    parser.add_argument("--content", type=Path, default=None, help="content root (default: the demo)")
    parser.add_argument("--idle-timeout", type=float, default=None, metavar="SECONDS",
                        help="the kiosk's idle timeout during the run (default 1)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to a JSON file")


def run(args: argparse.Namespace) -> int:
    from kiosk.reliability.criteria import all_ok, monkey_results
    from kiosk.reliability.report import finish_run, print_figures, run_in_child

    child_args = ["--events", str(args.events), "--seed", str(args.seed)]
    if args.content is not None:
        child_args += ["--content", str(args.content.resolve())]
    if args.idle_timeout is not None:
        child_args += ["--idle-timeout", str(args.idle_timeout)]
    ran = run_in_child("monkey", "kiosk.reliability.monkey_run", child_args,
                       timeout_s=600 + args.events * 0.05)
    if ran is None:
        return 1
    child, elapsed = ran
    data = child.data
    results = monkey_results(data)
    observer = data.get("observer", {})
    notes = [*observer.get("exception_texts", []), *observer.get("qt_critical_texts", []),
             *data.get("new_windows", []), *data.get("not_full_screen_texts", [])]
    if data.get("failure"):
        notes.insert(0, f"{data['failure']['where']}: {data['failure']['message']}")
    if data.get("window_closed"):
        notes.insert(0, "the kiosk window closed")
    print_figures(results, notes)
    print(f"  worst stall during: {' | '.join(data.get('max_stall_during', []))}")
    ok = all_ok(results) and child.returncode == 0 and not data.get("failure") and not data.get("window_closed")
    print(f"\n{data.get('events_done', 0)} events in {elapsed:.0f} s ({child.how_it_ended()}); "
          f"PIN pad opened {observer.get('pin_opened', 0)} times, {observer.get('resets', 0)} idle resets, "
          f"{observer.get('keys_refused', 0)} keys refused; {'PASSED' if ok else 'FAILED'}")
    return finish_run(child, results, ok, elapsed, args.json, {
        "events": data.get("events_done", 0),
        "exceptions": observer.get("exceptions", 0),
        "max_stall_ms": data.get("max_stall_ms"),
        **{k: v for k, v in data.items() if k != "observer"},
        "observer": observer,
    })
