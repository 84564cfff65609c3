"""subject.toml's order, draft and card keys, and the checks that keep docs and checker agreed."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.findings import Severity
from kiosk.core.loader import load_library
from tests.core.conftest import findings_for, only
from tests.core.packs import jpeg_bytes, make_pack


def _set(pack: Path, line: str) -> None:
    toml = (pack / "subject.toml").read_text(encoding="utf-8")
    (pack / "subject.toml").write_text(toml.replace('licence = "CC BY-SA 4.0"', f'licence = "CC BY-SA 4.0"\n{line}'),
                                       encoding="utf-8")


def test_order_puts_subjects_in_the_chooser_order(tmp_path: Path) -> None:
    """Subjects follow their `order` keys, then their folder names."""
    for name, order in (("alpha", None), ("beta", 2), ("gamma", 1)):
        pack = make_pack(tmp_path, name)
        if order is not None:
            _set(pack, f"order = {order}")
    assert [s.id for s in load_library(tmp_path).library.subjects] == ["gamma", "beta", "alpha"]


def test_a_draft_is_checked_but_never_shown(tmp_path: Path) -> None:
    """`draft = true` keeps a subject from visitors; the report still checks it and says why."""
    make_pack(tmp_path, "shown")
    draft = make_pack(tmp_path, "draft")
    _set(draft, "draft = true")
    (draft / "images" / "gone.ru.jpg").write_bytes(jpeg_bytes())
    result = load_library(tmp_path)
    assert [s.id for s in result.library.subjects] == ["shown"]
    assert [s.id for s in result.library.drafts] == ["draft"]
    notes = only(result.findings, "draft/subject.toml")
    assert any(f.severity is Severity.INFO and "draft" in f.message for f in notes)
    assert only(result.findings, "draft/images/gone.ru.jpg")  # checked like any other


def test_a_draft_that_is_not_true_or_false(pack: Path) -> None:
    """`draft = "yes"` is an error, and the subject stays hidden while in doubt."""
    _set(pack, 'draft = "yes"')
    result = load_library(pack)
    assert any("'draft' must be true or false" in f.message for f in result.errors)
    assert result.library.subjects == () and len(result.library.drafts) == 1


def test_the_card_picture_and_its_fallbacks(pack: Path) -> None:
    """The card is the `card` picture (in the visitor's language), else the first picture, else
    the first film's poster."""
    subject = load_library(pack).library.subjects[0]
    assert subject.card_picture("en").name == "one.jpg"  # type: ignore[union-attr]
    (pack / "images" / "two.ru.png").write_bytes((pack / "images" / "two.png").read_bytes())
    _set(pack, 'card = "images/two.png"')
    subject = load_library(pack).library.subjects[0]
    assert subject.card_picture("en").name == "two.png"  # type: ignore[union-attr]
    assert subject.card_picture("ru").name == "two.ru.png"  # type: ignore[union-attr]


def test_a_film_only_subject_gets_its_poster_on_the_card(pack: Path) -> None:
    """With no pictures, the card shows the first film's poster, never a placeholder."""
    for f in (pack / "images").iterdir():
        f.unlink()
    (pack / "images").rmdir()
    (pack / "video" / "clip.jpg").write_bytes(jpeg_bytes())
    subject = load_library(pack).library.subjects[0]
    assert subject.card_picture("ru").name == "clip.jpg"  # type: ignore[union-attr]


def test_a_card_outside_the_subject_is_never_opened(pack: Path) -> None:
    """`card = "../x.jpg"` is an error naming the line; the card falls back to the first picture."""
    _set(pack, 'card = "../elsewhere.jpg"')
    errors = only(findings_for(pack, Severity.ERROR), "subject.toml")
    assert errors and "leaves the folder" in errors[0].message and errors[0].line
    assert load_library(pack).library.subjects[0].card_picture("en").name == "one.jpg"  # type: ignore[union-attr]


def test_tabs_that_hide_content_say_so(pack: Path) -> None:
    """`tabs` without "video" hides the film: a warning on the `tabs` line names what is hidden."""
    _set(pack, 'tabs = ["texts", "images", "charts"]')
    [warning] = only(findings_for(pack, Severity.WARNING), "subject.toml")
    assert '"video"' in warning.message and "1 film" in warning.message and warning.line


def test_a_missing_subject_credit_is_a_warning(pack: Path) -> None:
    """A museum credits its sources: no `credit` is a warning, as docs/content.md says."""
    toml = (pack / "subject.toml").read_text(encoding="utf-8")
    (pack / "subject.toml").write_text(toml.replace('credit = "Test source, CC BY-SA 4.0"\n', ""), encoding="utf-8")
    assert any("no credit" in f.message for f in only(findings_for(pack, Severity.WARNING), "subject.toml"))


def test_names_with_spaces_and_accents_warn(tmp_path: Path) -> None:
    """A file or subject folder named with a space or an accent works, with a warning."""
    pack = make_pack(tmp_path, "Harbour Town")
    (pack / "images" / "Café crème.jpg").write_bytes(jpeg_bytes())
    found = findings_for(tmp_path, Severity.WARNING)
    assert only(found, "Harbour Town") and only(found, "Harbour Town/images/Café crème.jpg")
    assert "an accent" in only(found, "Harbour Town/images/Café crème.jpg")[0].message
