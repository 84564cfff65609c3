"""Opening every bad picture and film of the corpus in child processes: a crash is an exit code.

Files go to ``kiosk.reliability.media_probe`` in batches. The child names each file before it
opens it, so when a child dies the file that killed it is known; the rest of its batch then runs
in a fresh child. A child that stops answering is killed and its file reported as a hang.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.reliability.child import child_env

PER_FILE_LIMIT_S = {"image": 20.0, "video": 25.0}  # far above the child's own 5 s per film


@dataclass
class MediaOutcome:
    kind: str
    file: str
    outcome: str = ""
    ms: int = 0
    crashed: str = ""  # how the child died while this file was open ("" if it did not)

    @property
    def ok(self) -> bool:
        return not self.crashed


def _describe(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _run_batch(batch: list[tuple[str, Path]], workdir: Path) -> tuple[list[MediaOutcome], int]:
    """Run one child over ``batch``; returns the outcomes it reported and how many files it
    got through (the next one, if any, is the one it died on)."""
    out = workdir / "batch.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "kiosk.reliability.media_probe", "--out", str(out),
           *(f"{kind}:{path}" for kind, path in batch)]
    limit = sum(PER_FILE_LIMIT_S.get(kind, 20.0) for kind, _ in batch) + 15
    env = child_env(workdir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=workdir)
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    watchdog = threading.Timer(limit, kill)
    watchdog.start()
    outcomes: list[MediaOutcome] = []
    opened: tuple[str, str] | None = None
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith("open "):
                kind, _, name = line[5:].rstrip("\n").partition(" ")
                opened = (kind, name)
            elif line.startswith("done ") and opened is not None:
                rest = line[5:].rstrip("\n")[len(opened[1]) + 1:]
                ms, _, outcome = rest.partition(" ")
                outcomes.append(MediaOutcome(opened[0], opened[1], outcome, int(float(ms or 0))))
                opened = None
        code = proc.wait()
    finally:
        watchdog.cancel()
    if opened is not None or code != 0:
        how = "hung (killed after the time limit)" if killed.is_set() else _describe(code)
        if opened is not None:
            outcomes.append(MediaOutcome(opened[0], opened[1], crashed=how))
        elif len(outcomes) < len(batch):  # died before naming its next file (start-up)
            kind, path = batch[len(outcomes)]
            outcomes.append(MediaOutcome(kind, str(path), crashed=how + " (before opening)"))
    return outcomes, len(outcomes)


def probe_media(files: list[tuple[str, Path]], *, batch_size: int = 8) -> list[MediaOutcome]:
    """Open every (kind, path) in child processes; one outcome per file, in order."""
    results: list[MediaOutcome] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bad-media-") as tmp:
        workdir = Path(tmp)
        pending = list(files)
        while pending:
            batch = pending[:batch_size]
            outcomes, handled = _run_batch(batch, workdir)
            results.extend(outcomes)
            pending = pending[max(1, handled):]
    return results


def main(argv: list[str] | None = None) -> int:
    """python -m kiosk.reliability.bad_media [ROOT]: write the corpus (to ROOT or a temporary
    folder), open every bad picture and film, print one line per file; exit 1 on any crash."""
    from kiosk.reliability.corpus import write_corpus

    args = list(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-corpus-") as tmp:
        root = Path(args[0]) if args else Path(tmp) / "corpus"
        bad = write_corpus(root)
        files = [(b.media, root / b.file) for b in bad if b.media in ("image", "video")]
        results = probe_media(files)
        for r in results:
            print(f"{'CRASH ' + r.crashed if r.crashed else 'ok':<40} {r.kind:<6} {r.ms:>6} ms  "
                  f"{Path(r.file).name}: {r.outcome}")
        print(json.dumps({"files": len(results), "crashes": sum(1 for r in results if r.crashed)}))
        return 1 if any(r.crashed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
