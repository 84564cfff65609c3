"""Accessibility as a visitor meets it: names and descriptions on every control in the visitor's
language, a sensible focus order, low reach, reduced motion, and read-aloud only where a voice
exists."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QWidget

from kiosk.core.model import Subject
from kiosk.ui.reader import speech
from kiosk.ui.tabs.base import TabContext
from kiosk.ui.tabs.texts import TextsTab
from tests.ui.helpers import METRICS, WindowFactory, find, tap

STAFF_ONLY = ("pinPad", "staffPanel")


def _controls(window: QWidget) -> list[QWidget]:
    out = []
    for w in window.findChildren(QWidget):
        if isinstance(w, (QAbstractButton, QAbstractSlider)) and w.isVisible() \
                and w.objectName() and not w.objectName().startswith("qt_"):
            parent: QWidget | None = w
            while parent is not None and parent.objectName() not in STAFF_ONLY:
                parent = parent.parentWidget()
            if parent is None:
                out.append(w)
    return out


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_control_has_a_name_and_description(make_window: WindowFactory, qtbot: Any,
                                                  language: str) -> None:
    """On the title and in every tab each visible control has an accessible name and
    description, in the visitor's language."""
    window = make_window()
    tap(find(window, f"languageButton_{language}"))
    missing: list[str] = []

    def check(where: str) -> None:
        for w in _controls(window):
            if not w.accessibleName() or not w.accessibleDescription():
                missing.append(f"{where}: {w.objectName()}")

    check("title")
    tap(find(window, "touchToBegin"))
    for tab in ("texts", "images", "video", "charts"):
        tap(find(window, f"tab_{tab}"))
        check(tab)
    assert missing == []
    if language == "ru":
        assert find(window, "homeButton").accessibleDescription() == "Вернуться к началу выставки"


def test_focus_runs_along_the_bar_from_left_to_right(make_window: WindowFactory) -> None:
    """Tab moves through Home, the tabs, the languages and the accessibility buttons in order."""
    window = make_window()
    tap(find(window, "touchToBegin"))
    wanted = ["homeButton", "tab_texts", "tab_images", "tab_video", "tab_charts",
              "languageButton_en", "languageButton_ru", "accessSmaller", "accessLarger",
              "accessContrast", "accessLowReach"]
    chain, w = [], find(window, "homeButton")
    for _ in range(200):
        if w.objectName() in wanted and w.objectName() not in chain:
            chain.append(w.objectName())
        w = w.nextInFocusChain()
    assert chain == wanted


def test_low_reach_brings_every_control_down(make_window: WindowFactory, qtbot: Any) -> None:
    """With low reach the reader's buttons, the viewer's Close and the film's controls all sit
    in the lower half of the screen."""
    window = make_window(low_reach=True)
    half = window.height() // 2

    def top(name: str, root: QWidget) -> int:
        w = find(root, name)
        return w.mapTo(window, w.rect().topLeft()).y()

    tap(find(window, "touchToBegin"))
    page = find(window, "tabPage_texts")
    assert top("readerLarger", page) > half and top("readerSmaller", page) > half
    tap(find(window, "tab_images"))
    page = find(window, "tabPage_images")
    grid = find(page, "galleryGrid")
    tap(grid.viewport(), grid.row_rect(0).center())  # type: ignore[attr-defined]
    assert top("viewerClose", page) > half
    tap(find(window, "tab_video"))
    page = find(window, "tabPage_video")
    assert top("videoPlay", page) > half
    tap(find(window, "accessLowReach"))  # the visitor can turn it off again
    tap(find(window, "tab_texts"))
    assert top("readerLarger", find(window, "tabPage_texts")) < half


def test_reduced_motion_stops_every_animation(make_window: WindowFactory, qtbot: Any) -> None:
    """Reduced motion: the attract loop switches without fading, charts appear at once."""
    window = make_window(reduced_motion=True)
    loop = find(window, "attractLoop")
    loop.advance()  # type: ignore[attr-defined]
    assert not loop.is_fading()  # type: ignore[attr-defined]
    tap(find(window, "touchToBegin"))
    tap(find(window, "tab_charts"))
    panel = find(window, "chartPanel")
    assert panel.plot() is not None and not panel.is_drawing_in()  # type: ignore[attr-defined]


class _State:
    def __init__(self, name: str) -> None:
        self.name = name


class FakeVoice(QObject):
    """A text-to-speech engine with English and Russian voices that only remembers."""

    stateChanged = Signal(object)  # noqa: N815 - Qt's name

    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple[str, str]] = []
        self.locale = QLocale()
        self.stopped = 0

    def availableLocales(self) -> list[QLocale]:  # noqa: N802 - Qt's name
        return [QLocale("en_GB"), QLocale("ru_RU")]

    def setLocale(self, locale: QLocale) -> None:  # noqa: N802 - Qt's name
        self.locale = locale

    def say(self, text: str) -> None:
        self.said.append((text, self.locale.name()))
        self.stateChanged.emit(_State("Speaking"))

    def stop(self) -> None:
        self.stopped += 1
        self.stateChanged.emit(_State("Ready"))

    def finish(self) -> None:
        """The last word read."""
        self.stateChanged.emit(_State("Ready"))


def _texts_tab(qtbot: Any, subject: Subject, language: str) -> TextsTab:
    tab = TextsTab(subject, TabContext(METRICS, language))
    qtbot.addWidget(tab)
    tab.resize(1600, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_read_aloud_is_hidden_without_a_voice(qtbot: Any, subject: Subject) -> None:
    """With no text-to-speech engine (most kiosks) there is no read-aloud button, and no error."""
    tab = _texts_tab(qtbot, subject, "ru")
    assert not tab.findChild(QWidget, "readerReadAloud").isVisible()


def test_read_aloud_reads_the_article_in_the_visitors_language(
        qtbot: Any, subject: Subject, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a voice the button reads the shown article in Russian; a second tap stops it."""
    voice = FakeVoice()
    monkeypatch.setattr(speech, "shared_engine", lambda: voice)
    tab = _texts_tab(qtbot, subject, "ru")
    button = find(tab, "readerReadAloud")
    assert button.accessibleName() == "Читать вслух"
    tap(button)
    assert len(voice.said) == 1
    text, locale = voice.said[0]
    assert locale == "ru_RU" and text.startswith("Обзор.") and "на русском" in text
    tap(button)
    assert voice.stopped >= 1 and not tab.reader.is_reading()


def test_read_aloud_button_springs_back_when_the_reading_ends(
        qtbot: Any, subject: Subject, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the voice has read the last word, the button is no longer pressed."""
    voice = FakeVoice()
    monkeypatch.setattr(speech, "shared_engine", lambda: voice)
    tab = _texts_tab(qtbot, subject, "en")
    button = find(tab, "readerReadAloud")
    tap(button)
    assert button.isChecked() and tab.reader.is_reading()
    voice.finish()
    assert not button.isChecked() and not tab.reader.is_reading()
    tap(button)  # and it reads again from the start
    assert len(voice.said) == 2 and button.isChecked()


def test_read_aloud_needs_a_voice_for_the_language(
        qtbot: Any, subject: Subject, monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine without a voice for the visitor's language shows no button in that language."""
    voice = FakeVoice()
    monkeypatch.setattr(voice, "availableLocales", lambda: [QLocale("en_GB")])
    monkeypatch.setattr(speech, "shared_engine", lambda: voice)
    tab = _texts_tab(qtbot, subject, "ru")
    assert not tab.findChild(QWidget, "readerReadAloud").isVisible()
    tab.set_language("en")
    assert tab.findChild(QWidget, "readerReadAloud").isVisible()


def test_text_to_speech_is_not_loaded_at_start() -> None:
    """Starting the shell does not import QtTextToSpeech (it comes after the first paint)."""
    code = ("import sys, kiosk.ui.app, kiosk.ui.tabs.texts; "
            "print('PySide6.QtTextToSpeech' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         check=True)
    assert out.stdout.strip() == "False"
