"""The gettext catalogs: every interface string used in the code has a Russian translation, and
the committed .mo files are exactly what their .po files compile to."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("babel")
_spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("translations", translations)  # dataclasses look their module up
_spec.loader.exec_module(translations)


def test_the_code_asks_for_messages() -> None:
    """The extractor finds the interface strings, with their contexts and plural forms."""
    found = {(m.msgid, m.context) for m in translations.extract()}
    assert ("Touch to begin", None) in found
    assert ("Texts", "tab") in found
    assert any(isinstance(msgid, tuple) for msgid, _ in found)


def test_every_message_has_a_russian_translation_and_the_mo_is_current() -> None:
    """No msgid without a Russian translation (or fuzzy); each .mo equals its compiled .po."""
    assert translations.po_files(), "no catalogs"
    assert translations.problems() == []


def test_the_template_lists_what_the_code_uses() -> None:
    """kiosk.pot has exactly the code's messages (run tools/translations.py after editing)."""
    template = translations.read_po(translations.POT)
    in_template = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    in_code = {(m.msgid if isinstance(m.msgid, str) else m.msgid[0], m.context)
               for m in translations.extract()}
    assert in_template == in_code


def test_russian_plurals_follow_the_number() -> None:
    """The stdlib reads the compiled catalog: 1 секунду, 3 секунды, 5 секунд, 21 секунду."""
    mo = ROOT / "kiosk/resources/locale/ru/LC_MESSAGES/kiosk.mo"
    with mo.open("rb") as fp:
        cat = gettext.GNUTranslations(fp)
    one, many = "The exhibit starts over in {n} second.", "The exhibit starts over in {n} seconds."
    forms = [cat.ngettext(one, many, n).format(n=n) for n in (1, 3, 5, 21)]
    assert [f.split()[-1] for f in forms] == ["секунду.", "секунды.", "секунд.", "секунду."]
