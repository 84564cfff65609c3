"""The shell's own words, in the languages the demo content offers; English is the fallback.

Content text comes from the content pack; only the kiosk's buttons and notices live here.
"""

from __future__ import annotations

_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "touch_to_begin": "Touch to begin",
        "choose_subject": "Touch a subject to begin",
        "tab.texts": "Texts",
        "tab.images": "Images",
        "tab.video": "Video",
        "tab.charts": "Charts",
        "home": "Home",
        "still_there": "Still there?",
        "still_there_body": "Touch anywhere to keep exploring.",
        "restart_in": "The exhibit starts over in {n} s.",
        "source": "Source: {source}",
        "by": "By {author}",
        "silent": "silent",
        "captions": "captions {langs}",
        "transcript": "transcript",
        "line_chart": "Line chart",
        "bar_chart": "Bar chart",
        "series_count": "{n} series",
        "points": "{n} figures",
        "approximate": "≈ approximate",
        "unavailable_title": "This exhibit is resting",
        "unavailable_body": "Please come back soon, or ask a member of staff.",
        "language": "Language",
        "text_size": "Larger text",
        # -- video player (issue 5) --
        "video.play": "Play",
        "video.pause": "Pause",
        "video.back": "Back 10 seconds",
        "video.forward": "Forward 10 seconds",
        "video.captions": "Captions",
        "video.transcript": "Transcript",
        "video.mute": "Mute",
        "video.volume": "Volume",
        "video.position": "Position in the film",
        "video.error_title": "This film cannot be shown",
        "video.error_body": "Its file seems to be damaged. Please choose another film; staff have been told.",
        "video.truncated_title": "This film stops early",
        "video.truncated_body": "Part of its file is missing. Please choose another film; staff have been told.",
        # -- reader and gallery (issue 4) --
        "reader.smaller": "Smaller text",
        "reader.larger": "Larger text",
        "reader.page_up": "Scroll up",
        "reader.page_down": "Scroll down",
        "viewer.close": "Close",
        "viewer.previous": "Previous",
        "viewer.next": "Next",
        "viewer.zoom_in": "Zoom in",
        "viewer.zoom_out": "Zoom out",
        "viewer.fit": "Fit",
        "viewer.position": "{n} of {total}",
        "viewer.unavailable": "This picture cannot be shown.",
        # Charts tab (issue 6)
        "chart.touch_hint": "Touch a point or bar to see its source",
        "chart.approximate_figure": "≈ An approximate figure: the source gives no exact number.",
        "chart.unknown_between": "Dashed line: the figures between these dates are not known.",
        "chart.key_approximate": "Hollow marker, hatched bar or ≈: an approximate figure.",
        "chart.close": "Close",
        "chart.none": "There are no charts to show for this subject.",
        "source_in_brackets": "(source: {source})",
    },
    "ru": {
        "touch_to_begin": "Коснитесь, чтобы начать",
        "choose_subject": "Выберите тему",
        "tab.texts": "Тексты",
        "tab.images": "Изображения",
        "tab.video": "Видео",
        "tab.charts": "Графики",
        "home": "В начало",
        "still_there": "Вы ещё здесь?",
        "still_there_body": "Коснитесь экрана, чтобы продолжить.",
        "restart_in": "Выставка начнётся заново через {n} с.",
        "source": "Источник: {source}",
        "by": "Автор: {author}",
        "silent": "без звука",
        "captions": "субтитры {langs}",
        "transcript": "расшифровка",
        "line_chart": "Линейный график",
        "bar_chart": "Столбчатая диаграмма",
        "series_count": "рядов: {n}",
        "points": "значений: {n}",
        "approximate": "≈ приблизительно",
        "unavailable_title": "Выставка временно недоступна",
        "unavailable_body": "Пожалуйста, загляните позже или обратитесь к сотруднику.",
        "language": "Язык",
        "text_size": "Крупный текст",
        # -- video player (issue 5) --
        "video.play": "Смотреть",
        "video.pause": "Пауза",
        "video.back": "Назад на 10 секунд",
        "video.forward": "Вперёд на 10 секунд",
        "video.captions": "Субтитры",
        "video.transcript": "Текст",
        "video.mute": "Без звука",
        "video.volume": "Громкость",
        "video.position": "Место в фильме",
        "video.error_title": "Этот фильм не удаётся показать",
        "video.error_body": "Похоже, файл повреждён. Выберите другой фильм; сотрудники уже знают.",
        "video.truncated_title": "Фильм обрывается",
        "video.truncated_body": "Часть файла отсутствует. Выберите другой фильм; сотрудники уже знают.",
        # -- reader and gallery (issue 4) --
        "reader.smaller": "Мельче",
        "reader.larger": "Крупнее",
        "reader.page_up": "Прокрутить вверх",
        "reader.page_down": "Прокрутить вниз",
        "viewer.close": "Закрыть",
        "viewer.previous": "Назад",
        "viewer.next": "Вперёд",
        "viewer.zoom_in": "Увеличить",
        "viewer.zoom_out": "Уменьшить",
        "viewer.fit": "Целиком",
        "viewer.position": "{n} из {total}",
        "viewer.unavailable": "Это изображение не удаётся показать.",
        # Вкладка «Графики» (задача 6)
        "chart.touch_hint": "Коснитесь точки или столбца, чтобы увидеть источник",
        "chart.approximate_figure": "≈ Приблизительное значение: точной цифры в источнике нет.",
        "chart.unknown_between": "Пунктир: данных за промежуточные даты нет.",
        "chart.key_approximate": "Полый маркер, штриховка или ≈ — приблизительное значение.",
        "chart.close": "Закрыть",
        "chart.none": "Для этой темы нет графиков.",
        "source_in_brackets": "(источник: {source})",
    },
}

# What each language calls itself, for the language switch.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "uk": "Українська",
    "it": "Italiano",
    "pl": "Polski",
}


def tr(key: str, language: str, **values: object) -> str:
    """The shell string ``key`` in ``language`` (English when it has no translation)."""
    table = _STRINGS.get(language, {})
    text = table.get(key) or _STRINGS["en"][key]
    return text.format(**values) if values else text


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code.upper())
