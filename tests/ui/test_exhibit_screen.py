"""The exhibit screen: tabs as large touch targets, Home always there, touch lists."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QPushButton, QScroller, QWidget

from kiosk.core.model import Library, Subject
from kiosk.ui.tabs import TabPage
from kiosk.ui.tabs.touch_list import TouchList
from tests.ui.helpers import METRICS, PORTRAIT, WindowFactory, find, tap


def _begin(window: QWidget) -> None:
    tap(find(window, "touchToBegin"))


def _tab_buttons(window: QWidget) -> list[QPushButton]:
    buttons = [b for b in window.findChildren(QPushButton)
               if b.objectName().startswith("tab_") and b.isVisible()]
    return sorted(buttons, key=lambda b: b.mapTo(window, b.rect().topLeft()).x())


def test_tabs_follow_the_subject_order(make_window: WindowFactory, subject: Subject,
                                       library: Library) -> None:
    """Tabs appear in subject.tabs order."""
    reordered = replace(subject, tabs=("charts", "texts", "video", "images"))
    window = make_window(content=Library(library.root, (reordered,)))
    _begin(window)
    assert [b.objectName() for b in _tab_buttons(window)] == [
        "tab_charts", "tab_texts", "tab_video", "tab_images"]
    assert window.screen_name() == "exhibit/charts"


def test_a_tab_without_content_is_hidden(make_window: WindowFactory, subject: Subject,
                                         library: Library) -> None:
    """A subject without videos shows no Video tab."""
    window = make_window(content=Library(library.root, (replace(subject, videos=()),)))
    _begin(window)
    assert [b.text() for b in _tab_buttons(window)] == ["Texts", "Images", "Charts"]


def test_touch_targets_are_at_least_10_mm_and_2_mm_apart(make_window: WindowFactory) -> None:
    """Tab buttons and Home are ≥10 mm (60 px floor) tall and wide, with ≥2 mm between tabs."""
    window = make_window()
    _begin(window)
    minimum = METRICS.target()
    home = find(window, "homeButton")
    buttons = _tab_buttons(window)
    for button in [home, *buttons]:
        assert button.height() >= minimum and button.width() >= minimum, button.objectName()
    for left, right in zip(buttons, buttons[1:]):
        gap = right.mapTo(window, right.rect().topLeft()).x() - left.mapTo(
            window, left.rect().topRight()).x()
        assert gap >= METRICS.px(2)


def test_each_tab_opens_and_home_is_always_visible(make_window: WindowFactory) -> None:
    """Every tab opens on a tap and shows Home; Home returns to the title screen."""
    window = make_window()
    _begin(window)
    for name in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{name}"))
        assert window.screen_name() == f"exhibit/{name}"
        assert find(window, f"tabPage_{name}").isVisible()
        assert find(window, "homeButton").isVisible()
    tap(find(window, "homeButton"))
    assert window.screen_name() == "title"


def test_portrait_keeps_every_tab_label_whole(make_window: WindowFactory) -> None:
    """On a portrait screen every tab label fits its button."""
    window = make_window(size=PORTRAIT)
    _begin(window)
    for button in _tab_buttons(window):
        assert button.fontMetrics().horizontalAdvance(button.text()) < button.width()


def test_a_1024_pixel_screen_keeps_every_button_on_it(make_window: WindowFactory, qtbot: Any) -> None:
    """On a 1024×768 projector or small classroom window the exhibit is not wider than the
    screen: the bar takes two rows and every button of it is in view, labels whole."""
    window = make_window(size=(1024, 768))
    _begin(window)

    def off_screen() -> list[str]:
        bar = [b for b in window.findChildren(QPushButton) if b.isVisible()
               and b.objectName().startswith(("tab_", "homeButton", "languageButton_", "access"))]
        assert len(bar) >= 9
        return [b.objectName() for b in bar
                if not window.rect().contains(b.rect().translated(b.mapTo(window, b.rect().topLeft())))
                or b.fontMetrics().horizontalAdvance(b.text()) >= b.width()]

    for name in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{name}"))
        qtbot.waitUntil(lambda: not off_screen(), timeout=2000)
        assert window.width() == 1024


def test_tapping_a_row_shows_that_item(make_window: WindowFactory) -> None:
    """Tapping the second article in the list shows it beside the list."""
    window = make_window()
    _begin(window)
    page = find(window, "tabPage_texts")
    touch_list = page.findChild(TouchList)
    assert touch_list is not None
    assert find(page, "detailTitle").text() == "Overview"
    tap(touch_list.viewport(), touch_list.row_rect(1).center())
    assert find(page, "detailTitle").text() == "The campaign"
    assert "Siegelbaum" in find(page, "detailMeta").text()


def test_images_list_shows_title_and_credit(make_window: WindowFactory) -> None:
    """Each gallery card carries its title and credit; the opened picture shows its caption."""
    window = make_window()
    _begin(window)
    tap(find(window, "tab_images"))
    page = find(window, "tabPage_images")
    touch_list = page.findChild(TouchList)
    assert touch_list is not None
    model = touch_list.model()
    assert model.rowCount() == 3
    text = model.index(0, 0).data(0x0B)  # Qt.AccessibleTextRole
    assert "Membership doubled" in text and "Made for the Exhibit Kiosk demo" in text
    tap(touch_list.viewport(), touch_list.row_rect(0).center())
    assert "446,089" in find(page, "viewerCaption").text()


def test_video_rows_say_silent_or_captioned(make_window: WindowFactory) -> None:
    """A video with sound lists its captions; one without sound is labelled silent."""
    window = make_window()
    _begin(window)
    tap(find(window, "tab_video"))
    touch_list = find(window, "tabPage_video").findChild(TouchList)
    assert touch_list is not None
    rows = [touch_list.model().index(i, 0).data(0x0B) for i in range(2)]
    assert "captions EN, RU" in rows[0] and "1:35" in rows[0]
    assert "silent" in rows[1]


def test_chart_figures_each_carry_a_source(make_window: WindowFactory) -> None:
    """The charts tab lists each figure, marks approximate ones and names the source."""
    window = make_window()
    _begin(window)
    tap(find(window, "tab_charts"))
    body = find(find(window, "tabPage_charts"), "detailBody").toPlainText()
    assert "446,089" in body and "≈ 1,000,000" in body
    assert "Source: Siegelbaum" in body


def test_lists_scroll_kinetically(make_window: WindowFactory) -> None:
    """Every tab's list has a kinetic scroller attached to its viewport."""
    window = make_window()
    _begin(window)
    for name in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{name}"))
        touch_list = find(window, f"tabPage_{name}").findChild(TouchList)
        assert touch_list is not None and QScroller.hasScroller(touch_list.viewport())


def test_language_switch_changes_tabs_and_content(make_window: WindowFactory) -> None:
    """Choosing Русский relabels the tabs and shows the Russian article."""
    window = make_window()
    _begin(window)
    tap(find(window, "languageButton_ru"))
    assert find(window, "tab_texts").text() == "Тексты"
    assert find(find(window, "tabPage_texts"), "detailTitle").text() == "Обзор"


def test_a_playing_tab_pauses_the_idle_reset(make_window: WindowFactory, clock: Any,
                                             qtbot: Any) -> None:
    """While a tab asks for it (a video playing), the visit does not time out."""
    window = make_window(idle_timeout_s=30)
    _begin(window)
    tap(find(window, "tab_video"))
    page = find(window, "tabPage_video")
    assert isinstance(page, TabPage)
    page.idle_pause_requested.emit(True)
    clock.advance(300)
    qtbot.wait(30)
    assert window.screen_name() == "exhibit/video"
    page.idle_pause_requested.emit(False)
    clock.advance(31)
    qtbot.waitUntil(lambda: window.screen_name() == "title")
