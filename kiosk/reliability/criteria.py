"""The pass criteria of the soak and the monkey, as figures with targets. Qt-free.

The child processes report raw samples and counts; these functions turn them into the figures
`kiosk soak` and `kiosk monkey` print (in kiosk bench's table style) and write to JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.bench.registry import Figure, Result

RSS_GROWTH_PCT = 5.0
RSS_GROWTH_MB = 50.0
OBJECT_GROWTH_PCT = 2.0
MAX_STALL_MS = 250.0
# A small steady leak (a wrapper or two per visit) hides in the 2 % of all objects; no one type may
# grow by more than this many objects per 100 visits after the warm-up.
TYPE_GROWTH_PER_100_VISITS = 20.0
TYPE_GROWTH_NOISE = 25  # objects a type may come and go by between two samples (caches, timers)
# A tap on Home that brought no title and was tapped again (a visitor would): a rare lost tap is
# reported with what was under the finger; more than this share of visits is a defect.
HOME_RETAPS_PCT = 1.0


def _figure(name: str, target: float, unit: str, note: str = "", better: str = "lower") -> Figure:
    return Figure(name, target, unit, lambda _opts: 0.0, better=better, note=note)  # type: ignore[arg-type]


def growth_pct(before: float, after: float) -> float:
    return (after - before) / before * 100 if before else 0.0


def baseline_index(samples: Sequence[Mapping[str, Any]], warmup: int) -> int:
    """The first sample taken once the warm-up visits are over."""
    for i, sample in enumerate(samples):
        if sample["visits"] >= warmup:
            return i
    return len(samples) - 1


def soak_summary(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The figures of a soak run, from what soak_run wrote."""
    samples = raw.get("samples") or []
    out: dict[str, Any] = {
        "visits": raw.get("record", {}).get("visits", 0),
        "visits_planned": raw.get("visits_planned", 0),
        "warmup": raw.get("warmup", 0),
        "exceptions": raw.get("observer", {}).get("exceptions", 0),
        "resets_ok": raw.get("record", {}).get("resets_ok", 0),
        "resets_ok_pct": 0.0,
        "driver_failures": len(raw.get("failures", [])),
        "home_retaps": len(raw.get("record", {}).get("home_retaps", [])),
    }
    if out["visits"]:
        out["resets_ok_pct"] = out["resets_ok"] / out["visits"] * 100
    if samples:
        first, last = samples[0], samples[-1]
        base = samples[baseline_index(samples, out["warmup"])]
        out.update({
            "rss_start_mb": first["rss_mb"],
            "rss_warm_mb": base["rss_mb"],
            "rss_end_mb": last["rss_mb"],
            "rss_growth_mb": round(last["rss_mb"] - base["rss_mb"], 2),
            "rss_growth_pct": round(growth_pct(base["rss_mb"], last["rss_mb"]), 3),
            "qobjects_warm": base["qobjects"],
            "qobjects_end": last["qobjects"],
            "qobjects_growth_pct": round(growth_pct(base["qobjects"], last["qobjects"]), 3),
            "pyobjects_warm": base["pyobjects"],
            "pyobjects_end": last["pyobjects"],
            "pyobjects_growth_pct": round(growth_pct(base["pyobjects"], last["pyobjects"]), 3),
            "wrappers_growth_pct": round(growth_pct(base["wrappers"], last["wrappers"]), 3),
            "measured_visits": last["visits"] - base["visits"],
            "type_growth": type_growth(base.get("top_types", {}), last.get("top_types", {})),
        })
        grown = {n: d for n, d in out["type_growth"].items() if d > 0}
        worst = max(grown, key=grown.__getitem__, default="")
        visits = out["measured_visits"]
        out["type_growth_worst"] = worst
        beyond_noise = max(0, grown[worst] - TYPE_GROWTH_NOISE) if worst else 0
        out["type_growth_per_100_visits"] = round(beyond_noise / visits * 100, 2) if visits else 0.0
    return out


def type_growth(before: Mapping[str, int], after: Mapping[str, int], top: int = 8) -> dict[str, int]:
    """The Python types that grew most between two samples (of the most numerous types)."""
    names = set(before) | set(after)  # samples list every type with 10 or more objects
    deltas = {n: after.get(n, 0) - before.get(n, 0) for n in names}
    return dict(sorted(((n, d) for n, d in deltas.items() if d), key=lambda kv: -abs(kv[1]))[:top])


def soak_results(summary: Mapping[str, Any]) -> list[Result]:
    """Each soak criterion as a bench Result, for the table and the JSON."""
    measured = "rss_growth_pct" in summary and summary.get("measured_visits", 0) > 0

    def value(key: str) -> float | None:
        return float(summary[key]) if measured and key in summary else None

    error = "" if measured else "no samples after the warm-up"
    visits = summary.get("visits", 0)
    planned = summary.get("visits_planned", 0) or visits
    rows = [
        Result(_figure("soak_rss_growth_pct", RSS_GROWTH_PCT, "%", "RSS growth after the warm-up"),
               value("rss_growth_pct"), error),
        Result(_figure("soak_rss_growth_mb", RSS_GROWTH_MB, "MB"), value("rss_growth_mb"), error),
        Result(_figure("soak_qobjects_growth_pct", OBJECT_GROWTH_PCT, "%", "live QObjects"),
               value("qobjects_growth_pct"), error),
        Result(_figure("soak_pyobjects_growth_pct", OBJECT_GROWTH_PCT, "%", "gc-tracked Python objects"),
               value("pyobjects_growth_pct"), error),
        Result(_figure("soak_type_growth_per_100_visits", TYPE_GROWTH_PER_100_VISITS, "objects",
                       f"the Python type that grew most: {summary.get('type_growth_worst') or 'none'}"),
               value("type_growth_per_100_visits"), error),
        Result(_figure("soak_exceptions", 0, ""), float(summary.get("exceptions", 0))),
        Result(_figure("soak_resets_ok_pct", 100, "%", better="higher"),
               float(summary.get("resets_ok_pct", 0.0)) if visits else None,
               "" if visits else "no visit finished"),
        Result(_figure("soak_visits_done_pct", 100, "%", better="higher"),
               visits / planned * 100 if planned else 0.0),
        Result(_figure("soak_home_retaps_pct", HOME_RETAPS_PCT, "%",
                       "Home tapped twice (a lost tap); a run under 100 visits counts as 100"),
               summary.get("home_retaps", 0) / max(visits, 100) * 100 if visits else None,
               "" if visits else "no visit finished"),
    ]
    return rows


def monkey_results(raw: Mapping[str, Any]) -> list[Result]:
    obs = raw.get("observer", {})
    events = raw.get("events_done", 0)
    planned = raw.get("events_planned", 0) or events
    return [
        Result(_figure("monkey_exceptions", 0, ""), float(obs.get("exceptions", 0))),
        Result(_figure("monkey_new_windows", 0, "", "dialogs, menus, popups, other windows"),
               float(len(raw.get("new_windows", [])))),
        Result(_figure("monkey_not_full_screen", 0, "checks"), float(raw.get("not_full_screen", 0))),
        Result(_figure("monkey_max_stall_ms", MAX_STALL_MS, "ms", "longest heartbeat gap beyond its interval"),
               float(raw.get("max_stall_ms", 0.0))),
        Result(_figure("monkey_staff_panel_opened", 0, "", "the PIN must not be stumbled into"),
               float(obs.get("staff_opened", 0))),
        Result(_figure("monkey_events_done_pct", 100, "%", better="higher"),
               events / planned * 100 if planned else 0.0),
    ]


def all_ok(results: Sequence[Result]) -> bool:
    return all(r.ok for r in results)
