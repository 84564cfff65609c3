"""Checking and importing a fleet version, in a child process of the kiosk.

    python -m kiosk.core.fleet.worker prepare VERSION_DIR CONTENT_ROOT [--syncthing-config PATH]
    python -m kiosk.core.fleet.worker apply PREPARED_DIR CONTENT_ROOT

*prepare* (whenever a version's files have all arrived): asks Syncthing, where its API answers,
whether the folder is at 100 %; copies exactly the files the manifest lists (so Syncthing's
temporary and conflict files are never read) into the content root's `.fleet-incoming/`,
hashing each and comparing it with the manifest; and validates that copy as `kiosk import` would.
*apply* (at an idle moment): imports the checked copy with `kiosk import`'s verified, atomic swap.

A child, like the media check (kiosk.core.check_worker): hashing a hundred megabytes never
competes with the kiosk's interface for Python's lock, a file crafted to crash a decoder ends
only the child, and neither OpenSSL nor the decoders are loaded into the kiosk. The answer is one
JSON line on stdout: {"outcome": ..., "detail": ..., ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

from kiosk.core.findings import Finding, Severity
from kiosk.core.fleet.layout import MANIFEST
from kiosk.core.fleet.live import FLEET_VERSION_KEY
from kiosk.core.fleet.manifest import FleetManifest, ManifestError, read_manifest
from kiosk.core.fleet.tracker import INCOMING

PREPARED_RECORD = "prepared.json"  # beside the checked copy: the manifest and each file's stat
DISK_MARGIN_BYTES = 200_000_000


def answer(outcome: str, detail: str = "", **extra: Any) -> dict[str, Any]:
    return {"outcome": outcome, "detail": detail, **extra}


def findings_to_json(findings: list[Finding]) -> list[dict[str, object]]:
    return [f.to_json() for f in findings]


def findings_from_json(raw: object) -> list[Finding]:
    out = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(Finding(str(item["file"]), item.get("line"), Severity[str(item["severity"]).upper()],
                               str(item["message"]), str(item.get("hint", ""))))
        except (KeyError, TypeError, AttributeError):
            continue
    return out


# -- prepare --------------------------------------------------------------------------------------


def syncthing_says(version_dir: Path, config: Path | None) -> tuple[float | None, str]:
    """Syncthing's completion of the folder holding this version, or None with the reason."""
    from kiosk.core.fleet.syncthing import SyncthingUnavailable, local_api

    content = version_dir.parent.parent
    try:
        api = local_api(config)
        folder = api.folder_for(content)
        if folder is None:
            return None, f"Syncthing ({api.config}) has no folder at {content}"
        return api.completion(folder.id), f"Syncthing folder '{folder.id}'"
    except SyncthingUnavailable as exc:
        return None, str(exc)


def prepare(version_dir: Path, root: Path, *, syncthing_config: Path | None = None,
            ask_syncthing: bool = True) -> dict[str, Any]:
    try:
        manifest = read_manifest(version_dir / MANIFEST)
    except ManifestError as exc:
        return answer("corrupt", str(exc))
    if ask_syncthing:
        percent, where = syncthing_says(version_dir, syncthing_config)
        if percent is not None and percent < 100.0:
            return answer("waiting", f"every file is here, but {where} is at {percent:.1f} %: waiting for it "
                                     "to finish", syncthing=percent)
    else:
        percent, where = None, "not asked"
    free = shutil.disk_usage(root).free
    if free < 2 * manifest.total_bytes + DISK_MARGIN_BYTES:
        return answer("failed", f"not enough disk space in {root}: {manifest.total_bytes / 1e6:.0f} MB to copy "
                                f"twice, {free / 1e6:.0f} MB free")
    incoming = root / INCOMING / manifest.version
    shutil.rmtree(incoming, ignore_errors=True)
    copy = incoming / manifest.subject
    try:
        result = _copy_checked(version_dir / manifest.subject, copy, manifest)
        if result is not None:
            shutil.rmtree(incoming, ignore_errors=True)
            return result
        from kiosk.core.loader import validate

        findings = validate(copy)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            shutil.rmtree(incoming, ignore_errors=True)
            first = errors[0]
            where_line = f"{first.file}" + (f", line {first.line}" if first.line else "")
            return answer("refused", f"the content has {len(errors)} error{'s' if len(errors) != 1 else ''} "
                                     f"({where_line}: {first.message})", findings=findings_to_json(findings))
        (incoming / PREPARED_RECORD).write_text(json.dumps({
            "manifest": manifest.to_json(), "stat": _stat_map(copy, manifest),
        }), encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(incoming, ignore_errors=True)
        return answer("failed", f"copying the version failed: {exc.strerror or exc}")
    return answer("ready", f"{len(manifest.files)} files checked against the manifest ({where}: "
                           f"{'not asked' if percent is None else f'{percent:.0f} %'})", prepared=str(copy),
                  findings=findings_to_json(findings))


def _copy_checked(source: Path, target: Path, manifest: FleetManifest) -> dict[str, Any] | None:
    """Copy the manifest's files and compare each; an answer when one is missing or differs."""
    from kiosk.core.importer import _copy_and_hash

    for rel in sorted(manifest.files):
        want = manifest.files[rel]
        src = source / rel
        try:
            st = os.lstat(src)
        except FileNotFoundError:
            return answer("waiting", f"{manifest.subject}/{rel} has not arrived yet")
        if not stat.S_ISREG(st.st_mode):
            return answer("corrupt", f"{manifest.subject}/{rel} is not a plain file (a link or a folder)")
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        size, sha = _copy_and_hash(src, dst)
        if (size, sha) != (want.size, want.sha256):
            how = (f"{size} bytes where the manifest says {want.size}" if size != want.size else
                   f"SHA-256 {sha[:12]}…, the manifest's {want.sha256[:12]}…")
            return answer("corrupt", f"{manifest.subject}/{rel} differs from the published manifest ({how}): "
                                     "the version is not used", file=f"{manifest.subject}/{rel}")
    return None


def _stat_map(copy: Path, manifest: FleetManifest) -> dict[str, list[int]]:
    out = {}
    for rel in manifest.files:
        st = os.lstat(copy / rel)
        out[rel] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return out


# -- apply ----------------------------------------------------------------------------------------


def apply(prepared: Path, root: Path) -> dict[str, Any]:
    from kiosk.core.importer import ImportError_, ImportRefused, ImportTransaction, clean_stale_staging

    incoming = prepared.parent
    try:
        record = json.loads((incoming / PREPARED_RECORD).read_text(encoding="utf-8"))
        manifest_json = record["manifest"]
        expected = {rel: entry["sha256"] for rel, entry in manifest_json["files"].items()}
        stats = record["stat"]
    except (OSError, ValueError, KeyError, TypeError):
        shutil.rmtree(incoming, ignore_errors=True)
        return answer("failed", "the checked copy is incomplete; it is made again")
    for rel, was in stats.items():
        try:
            st = os.lstat(prepared / rel)
        except OSError:
            st = None
        if st is None or [st.st_size, st.st_mtime_ns, st.st_ino] != was:
            shutil.rmtree(incoming, ignore_errors=True)
            return answer("failed", f"the checked copy of {rel} changed before it was imported; it is made again")
    clean_stale_staging(root)
    try:
        version = ImportTransaction(prepared, root, record_extra={
            FLEET_VERSION_KEY: manifest_json["version"],
            "fleet_published_at": manifest_json.get("published_at", ""),
            "fleet_published_by": manifest_json.get("published_by", ""),
            "fleet_content_sha256": manifest_json.get("content_sha256", ""),
        }).run()
    except ImportRefused as refused:
        return answer("refused", "the import found errors in the content",
                      findings=findings_to_json(refused.findings))
    except (ImportError_, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return answer("failed", f"the import stopped: {reason}; the content on show is unchanged")
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    if _imported_hashes(version.path) != expected:  # cannot happen short of a failing disk
        from kiosk.core.importer import rollback

        rollback(root, version.subject)
        return answer("failed", "the imported copy does not match the manifest; the version before it is "
                                "shown again")
    return answer("applied", f"imported as {version.version}", local_version=version.version)


def _imported_hashes(version_dir: Path) -> dict[str, str]:
    from kiosk.core.importer import RECORD

    try:
        sha = json.loads((version_dir / RECORD).read_text(encoding="utf-8")).get("sha256", {})
        return {str(k): str(v) for k, v in sha.items()}
    except (OSError, ValueError, AttributeError):
        return {}


# -- the command line -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.core.fleet.worker")
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("version_dir", type=Path)
    p.add_argument("root", type=Path)
    p.add_argument("--syncthing-config", type=Path)
    p.add_argument("--no-syncthing", action="store_true")
    a = sub.add_parser("apply")
    a.add_argument("prepared", type=Path)
    a.add_argument("root", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.step == "prepare":
            result = prepare(args.version_dir, args.root, syncthing_config=args.syncthing_config,
                             ask_syncthing=not args.no_syncthing)
        else:
            result = apply(args.prepared, args.root)
    except Exception as exc:  # noqa: BLE001 - the kiosk reads an answer, never a traceback
        import traceback

        traceback.print_exc()
        result = answer("failed", f"the fleet worker failed ({exc.__class__.__name__}: {exc})")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
