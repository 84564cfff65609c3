"""What a long run is judged on: resident memory, live Qt objects, Python objects by type.

Sampled inside the kiosk process between visits (on the title screen, after deferred deletes have
run), so a slow leak shows as a trend over hundreds of visits rather than noise within one.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

TOP_TYPES = 30
MIN_TYPE_COUNT = 10  # types with fewer live objects are left out of a sample (noise)


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process (this one by default), from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def qobject_count(app: QApplication) -> int:
    """Live QObjects reachable from the application: every widget, and every descendant of every
    top-level object and of the application itself (timers, players, models, loaders).

    Objects are told apart by their C++ address (a wrapper's id() is reused once it is freed),
    and the walk goes through children() rather than findChildren(), which would tie a wrapper
    of every object found to the root and keep it alive after Qt deletes the object (a leak made
    by the measurement itself)."""
    import shiboken6

    seen: set[int] = set()

    def walk(obj: QObject) -> None:
        for child in obj.children():
            address = shiboken6.getCppPointer(child)[0]
            if address not in seen:
                seen.add(address)
                walk(child)

    for widget in QApplication.allWidgets():
        seen.add(shiboken6.getCppPointer(widget)[0])
    for root in (app, *QApplication.topLevelWidgets()):
        seen.add(shiboken6.getCppPointer(root)[0])
        walk(root)
    return len(seen)


def wrapper_count() -> int:
    """C++ objects that have a live Python wrapper (shiboken's own count)."""
    import shiboken6

    return len(shiboken6.getAllValidWrappers())


def python_types(top: int = TOP_TYPES, also: Iterable[str] = ()) -> tuple[int, dict[str, int]]:
    """All objects the collector tracks, and the counts of the most numerous types among them
    plus of the types named in ``also`` (those of earlier samples, so growth stays comparable)."""
    gc.collect()
    objects = gc.get_objects()
    counts = Counter(type(o).__qualname__ for o in objects)
    total = len(objects)
    del objects
    chosen = dict(counts.most_common(top))
    chosen.update({name: n for name, n in counts.items() if n >= MIN_TYPE_COUNT})
    for name in also:
        chosen[name] = counts.get(name, 0)
    return total, chosen


@dataclass
class Sample:
    visits: int  # visits finished when the sample was taken
    elapsed_s: float
    rss_mb: float
    qobjects: int
    wrappers: int
    pyobjects: int
    top_types: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def take_sample(app: QApplication, visits: int, elapsed_s: float, previous: Sample | None = None) -> Sample:
    pyobjects, top = python_types(also=previous.top_types if previous is not None else ())
    return Sample(visits=visits, elapsed_s=round(elapsed_s, 2), rss_mb=round(rss_mb(), 2),
                  qobjects=qobject_count(app), wrappers=wrapper_count(), pyobjects=pyobjects,
                  top_types=top)
