"""The fleet's figures: from `kiosk publish` to every kiosk showing the version, on real Syncthing
daemons and real kiosks on loopback; and what a kiosk spends watching a folder that does not change.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from kiosk.bench.registry import BenchOptions, Figure, median
from kiosk.bench.runner import run_probe

SUBJECT = "fleet-bench"
FULL_MB, QUICK_MB = 100, 20
_SHOWN = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO kiosk\.fleet: fleet: (\S+) (\S+) is on show")
_VERSION_SHOWN = re.compile(r"fleet: (\S+) (\S+): current")


def _log_time(text: str) -> float:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S,%f").timestamp()


def _shown_at(log: str, subject: str, fleet_version: str) -> float | None:
    """When the kiosk's log says the subject's version imported from `fleet_version` is on show."""
    local = None
    for line in log.splitlines():
        m = _VERSION_SHOWN.search(line)
        if m and m.group(1) == subject and m.group(2) == fleet_version and "on show as " in line:
            local = line.rsplit("on show as ", 1)[1].strip()
        m = _SHOWN.match(line)
        if m and local and m.group(2) == subject and m.group(3) == local:
            return _log_time(m.group(1))
    return None


def publish_to_all_kiosks_s(opts: BenchOptions) -> float:
    """Median seconds from `kiosk publish` starting to both kiosks showing the new version."""
    from kiosk.reliability.fleet_lab import FleetLab, make_subject
    from kiosk.reliability.syncthing_node import wait_until

    megabytes = opts.n(FULL_MB, QUICK_MB)
    images = megabytes // 4
    samples: list[float] = []
    lab = FleetLab(opts.workdir / "fleet-lab", kiosks=2, idle_timeout_s=1.0)
    try:
        lab.setup()
        wait_until(lambda: all(k.status() for k in lab.kiosks), 60, "both kiosks to write a first status")
        for run in range(opts.n(3, 1)):
            source = make_subject(opts.workdir / f"src{run}", SUBJECT, f"bench-{run}", images=images,
                                  image_bytes=4_000_000)
            started = time.time()
            version = lab.publish(source)
            published = time.time() - started
            shown: dict[str, float] = {}

            def all_shown() -> bool:
                for kiosk in lab.kiosks:
                    if kiosk.kiosk_id not in shown:
                        at = _shown_at(kiosk.log_text(), SUBJECT, version)
                        if at is not None:
                            shown[kiosk.kiosk_id] = at
                return len(shown) == len(lab.kiosks)

            wait_until(all_shown, 300, f"both kiosks to show {version}", interval_s=0.2)
            samples.append(max(shown.values()) - started)
            size = sum(p.stat().st_size for p in source.rglob("*") if p.is_file()) / 1e6
            print(f"  fleet run {run + 1}: {size:.0f} MB; kiosk publish took {published:.1f} s; on show "
                  + ", ".join(f"{k} after {t - started:.1f} s" for k, t in sorted(shown.items())), flush=True)
    finally:
        lab.close()
    return median(samples)


def watch_cpu_s_per_h(opts: BenchOptions) -> float:
    seconds = opts.n(600, 20)
    out = run_probe("kiosk.bench.fleet_probe", "watch", str(opts.workdir / "fleet-watch"), str(seconds),
                    timeout=seconds + 120)
    print(f"  fleet watch: {out['window_cpu_ms']:.1f} ms of CPU in {out['window_s']:.0f} s, {out['looks']:.0f} looks "
          f"at the folder ({out['look_cpu_ms']:.2f} ms each, {out['looks_per_h']:.0f} an hour)", flush=True)
    return out["fleet_watch_cpu_s_per_h"]


def status_cpu_s_per_h(opts: BenchOptions) -> float:
    out = run_probe("kiosk.bench.fleet_probe", "status", str(opts.workdir / "fleet-status"), str(opts.n(50, 10)))
    print(f"  fleet status: {out['status_write_ms']:.1f} ms a write, {out['status_write_with_picture_ms']:.0f} ms "
          f"with the title screen's picture ({out['png_bytes'] / 1000:.0f} kB)", flush=True)
    return out["fleet_status_cpu_s_per_h"]


FIGURES = [
    Figure("fleet_publish_to_all_kiosks_s", 20, "s", publish_to_all_kiosks_s,
           note="kiosk publish of a 100 MB subject (quick: 20 MB) to both of two kiosks showing it, "
                "real Syncthing on loopback"),
    Figure("fleet_watch_cpu_s_per_h", 1, "CPU s/h", watch_cpu_s_per_h,
           note="a kiosk watching an unchanged fleet folder, over 10 minutes (quick: 20 s), scaled"),
    Figure("fleet_status_cpu_s_per_h", 1, "CPU s/h", status_cpu_s_per_h,
           note="writing its status every 3 minutes, with the title screen's picture hourly"),
]
