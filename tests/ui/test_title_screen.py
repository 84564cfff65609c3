"""The title screen and the chooser, as a visitor meets them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Library, Subject
from kiosk.ui.attract_loop import AttractLoop, _fit_lines
from tests.ui.helpers import WindowFactory, find, make_subject, tap


def test_title_shows_subject_year_and_touch_to_begin(make_window: WindowFactory) -> None:
    """The title screen names the subject, its subtitle and period, and invites a touch."""
    window = make_window()
    assert window.screen_name() == "title"
    assert find(window, "titleHeading").text() == "Lenin Enrollment"
    assert find(window, "titleYear").text() == "1924–1925"
    assert "hundred thousand" in find(window, "titleSubtitle").text()
    assert find(window, "touchToBegin").text() == "Touch to begin"


def test_touch_to_begin_opens_the_first_tab(make_window: WindowFactory) -> None:
    """Tapping "Touch to begin" opens the exhibit on the subject's first tab."""
    window = make_window()
    tap(find(window, "touchToBegin"))
    assert window.screen_name() == "exhibit/texts"
    assert find(window, "exhibitScreen").isVisible()


def test_a_touch_anywhere_on_the_title_begins(make_window: WindowFactory) -> None:
    """Any touch on the title screen (outside the staff corner) begins the visit."""
    window = make_window()
    tap(find(window, "titleScreen"))
    assert window.screen_name().startswith("exhibit/")


def test_attract_loop_cycles_the_subject_pictures(make_window: WindowFactory, qtbot: Any,
                                                   subject: Subject) -> None:
    """The attract loop shows the subject's own pictures and moves on at its interval."""
    window = make_window(attract_interval_s=0.02)
    loop = find(window, "attractLoop")
    assert isinstance(loop, AttractLoop)
    assert loop.slide_count() == len(subject.images) + 1  # the pictures and the video poster
    with qtbot.waitSignal(loop.slide_changed, timeout=2000):
        pass
    assert loop.current_index() == 1


def test_reduced_motion_switches_without_a_fade(make_window: WindowFactory, qtbot: Any) -> None:
    """With reduced_motion the next slide appears at once instead of cross-fading."""
    window = make_window(attract_interval_s=0.02, reduced_motion=True)
    loop = find(window, "attractLoop")
    assert isinstance(loop, AttractLoop)
    with qtbot.waitSignal(loop.slide_changed, timeout=2000):
        pass
    assert not loop.is_fading()


def test_cross_fade_is_used_by_default(make_window: WindowFactory, qtbot: Any) -> None:
    """Without reduced_motion the next slide fades in."""
    window = make_window(attract_interval_s=0.05)
    loop = find(window, "attractLoop")
    assert isinstance(loop, AttractLoop)
    with qtbot.waitSignal(loop.slide_changed, timeout=2000):
        pass
    assert loop.is_fading()


def test_language_switch_on_the_title(make_window: WindowFactory) -> None:
    """Choosing Русский shows the title and the invitation in Russian."""
    window = make_window()
    tap(find(window, "languageButton_ru"))
    assert find(window, "titleHeading").text() == "Ленинский призыв"
    assert find(window, "touchToBegin").text() == "Коснитесь, чтобы начать"


def test_one_language_hides_the_switch(make_window: WindowFactory, subject: Subject,
                                       library: Library) -> None:
    """A subject offered in one language shows no language switch."""
    from dataclasses import replace

    only_en = replace(subject, languages=("en",))
    window = make_window(content=Library(library.root, (only_en,)))
    buttons = [w for w in window.findChildren(QWidget)
               if w.objectName().startswith("languageButton_") and w.isVisible()]
    assert buttons == []


def test_chooser_opens_the_chosen_subject(make_window: WindowFactory, library: Library,
                                          content_root: Path) -> None:
    """With several subjects the title screen is a chooser; tapping a card opens that subject."""
    second = make_subject(content_root, "nep", title="The New Economic Policy", with_media=False,
                          tabs=("texts", "charts"))
    window = make_window(content=Library(library.root, (*library.subjects, second)))
    find(window, "chooserScreen")
    tap(find(window, "subjectCard_nep"))
    assert window.screen_name() == "exhibit/texts"
    assert find(window, "exhibitTitle").text() == "The New Economic Policy"
    tap(find(window, "homeButton"))
    assert find(window, "chooserScreen").isVisible()


def test_no_content_shows_the_calm_unavailable_screen(make_window: WindowFactory,
                                                       tmp_path: Path) -> None:
    """With nothing usable the kiosk shows a calm notice, not an error."""
    window = make_window(content=Library(tmp_path, ()))
    assert window.screen_name() == "unavailable"
    assert find(window, "unavailableTitle").text() == "This exhibit is resting"


def test_a_long_credit_shows_whole_on_two_lines(qapp: Any) -> None:
    """A credit naming source, author and licence wraps onto a second line instead of being cut;
    only a credit longer than two lines ends in an ellipsis."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(20)
    fm = QFontMetrics(font)
    credit = 'Lewis Siegelbaum, "Lenin Enrollment", Seventeen Moments in Soviet History, CC BY-SA 4.0'
    width = fm.horizontalAdvance(credit) * 2 // 3
    lines = _fit_lines(fm, credit, width, 2).split("\n")
    assert len(lines) == 2 and " ".join(lines) == credit
    assert all(fm.horizontalAdvance(line) <= width for line in lines)
    longer = _fit_lines(fm, credit + " " + credit, width, 2).split("\n")
    assert len(longer) == 2 and longer[1].endswith("…")


def test_the_full_check_updates_the_title_screen_in_place(make_window: WindowFactory,
                                                           library: Library) -> None:
    """The media check after start brings the same subject with more detail: the title screen a
    visitor may be watching stays (its loop keeps its place), and the exhibit opened next shows
    the new detail."""
    window = make_window()
    title = find(window, "titleScreen")
    loop = find(window, "attractLoop")
    loop.advance()  # type: ignore[attr-defined]
    at = loop.current_index()  # type: ignore[attr-defined]
    subject = library.subjects[0]
    video = subject.videos[0]
    checked = replace(subject, videos=(replace(video, duration_s=754.0), *subject.videos[1:]))
    window.set_content(Library(library.root, (checked,)), [])
    assert find(window, "titleScreen") is title
    assert loop.current_index() == at  # type: ignore[attr-defined]
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_video"))
    rows = find(find(window, "tabPage_video"), "touchList")
    meta = rows.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)  # type: ignore[attr-defined]
    assert "12:34" in meta
