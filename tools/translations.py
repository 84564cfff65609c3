#!/usr/bin/env python3
"""Keep the kiosk's gettext catalogs in step with the code.

    python tools/translations.py            # extract, update every .po, compile every .mo
    python tools/translations.py extract    # only write kiosk/resources/locale/kiosk.pot
    python tools/translations.py update     # .pot -> merge into each <lang>/LC_MESSAGES/kiosk.po
    python tools/translations.py compile    # each .po -> its .mo (committed beside it)
    python tools/translations.py check      # exit 1 if a msgid lacks a translation or a .mo is stale

The messages are found by reading the code's syntax tree (``tr("…", lang, context="…")``,
``ntr("…", "…", n, lang)`` and ``N_("…")`` in kiosk/ui): exact, and it understands the
``context=`` keyword, which Babel's own Python extractor cannot. Babel (test extra) reads, merges
and writes the catalogs and compiles them. Independent of the ``kiosk`` package: it needs no Qt.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kiosk" / "ui"
LOCALE_DIR = ROOT / "kiosk" / "resources" / "locale"
DOMAIN = "kiosk"
POT = LOCALE_DIR / f"{DOMAIN}.pot"
FUNCTIONS = {"tr": 1, "N_": 1, "ntr": 2}  # name -> how many leading msgid arguments


@dataclass(frozen=True)
class Message:
    msgid: str | tuple[str, str]  # (singular, plural) for counted phrases
    context: str | None
    file: str
    line: int


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def extract_file(path: Path) -> Iterator[Message]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    rel = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in FUNCTIONS:
            continue
        count = FUNCTIONS[_name(node.func)]
        args = node.args[:count]
        if len(args) < count or not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                        for a in args):
            if _name(node.func) != "tr" or not args or isinstance(args[0], ast.Constant):
                raise SystemExit(f"{rel}:{node.lineno}: the message must be a literal string")
            continue  # tr(variable, …): the text was marked with N_ where it is defined
        context = None
        for kw in node.keywords:
            if kw.arg == "context":
                if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str)):
                    raise SystemExit(f"{rel}:{node.lineno}: context must be a literal string")
                context = kw.value.value
        texts = [a.value for a in args]  # type: ignore[attr-defined]
        msgid = texts[0] if count == 1 else (texts[0], texts[1])
        yield Message(msgid, context, rel, node.lineno)


def extract(sources: Path = SOURCES) -> list[Message]:
    """Every message the UI code asks for, in file order."""
    found: list[Message] = []
    for path in sorted(sources.rglob("*.py")):
        found.extend(extract_file(path))
    return found


def _catalog_from_code():  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    template = Catalog(project="Exhibit Kiosk", version="0.1.0", charset="utf-8",
                       msgid_bugs_address="", copyright_holder="the Exhibit Kiosk project")
    for m in extract():
        template.add(m.msgid, None, [(m.file, m.line)], context=m.context)
    return template


def _fixed_dates(catalog) -> None:  # type: ignore[no-untyped-def]
    """Keep regenerated files identical when nothing changed (no timestamp churn)."""
    import datetime as dt

    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    catalog.creation_date = stamp
    catalog.revision_date = stamp


def _write_po(catalog, path: Path) -> None:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, include_previous=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def read_po(path: Path):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po as babel_read_po

    with path.open("rb") as fp:
        return babel_read_po(fp, domain=DOMAIN)


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compiled(po: Path) -> bytes:
    """What compiling ``po`` gives: the bytes its committed .mo must hold."""
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, read_po(po), use_fuzzy=False)
    return buf.getvalue()


def cmd_extract() -> None:
    template = _catalog_from_code()
    _fixed_dates(template)
    _write_po(template, POT)
    print(f"{POT.relative_to(ROOT)}: {len(template)} messages")


def cmd_update() -> None:
    template = read_po(POT)
    for po in po_files():
        catalog = read_po(po)
        catalog.update(template, no_fuzzy_matching=False)
        catalog.obsolete.clear()  # removed strings go; git keeps their history
        _fixed_dates(catalog)
        _write_po(catalog, po)
        missing = [m.id for m in catalog if m.id and (not _complete(m) or m.fuzzy)]
        print(f"{po.relative_to(ROOT)}: {len(missing)} to translate")


def cmd_compile() -> None:
    for po in po_files():
        po.with_suffix(".mo").write_bytes(compiled(po))
        print(f"{po.with_suffix('.mo').relative_to(ROOT)} written")


def _complete(message) -> bool:  # type: ignore[no-untyped-def]
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


def problems() -> list[str]:
    """Missing, fuzzy or untranslated messages, and stale .mo files."""
    found: list[str] = []
    wanted = {(m.msgid if isinstance(m.msgid, str) else m.msgid[0], m.context): m for m in extract()}
    for po in po_files():
        lang = po.parents[1].name
        catalog = read_po(po)
        for (msgid, context), m in wanted.items():
            entry = catalog.get(msgid, context=context)
            where = f"{m.file}:{m.line}"
            if entry is None:
                found.append(f"{lang}: {msgid!r} ({where}) is not in {po.name}: run update")
            elif entry.fuzzy or not _complete(entry):
                found.append(f"{lang}: {msgid!r} ({where}) has no translation")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(po):
            found.append(f"{lang}: {mo.name} is not what {po.name} compiles to: run compile")
    return found


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "all"
    if action in ("extract", "all"):
        cmd_extract()
    if action in ("update", "all"):
        cmd_update()
    if action in ("compile", "all"):
        cmd_compile()
    if action in ("check", "all"):
        issues = problems()
        for issue in issues:
            print(issue)
        return 1 if issues and action == "check" else 0
    if action not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
