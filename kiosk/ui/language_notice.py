"""What a visitor is told when a subject is not offered in the language they chose.

The words are the kiosk's own (gettext), in the visitor's language; each content language has its
own sentence, because languages decline the name of another language ("только на английском").
"""

from __future__ import annotations

from kiosk.core.model import Subject
from kiosk.ui.i18n import N_, language_name, tr

ONLY_IN: dict[str, str] = {
    "en": N_("This subject is in English only"),
    "ru": N_("This subject is in Russian only"),
    "de": N_("This subject is in German only"),
    "fr": N_("This subject is in French only"),
    "es": N_("This subject is in Spanish only"),
    "uk": N_("This subject is in Ukrainian only"),
    "it": N_("This subject is in Italian only"),
    "pl": N_("This subject is in Polish only"),
}
SHOWN_IN: dict[str, str] = {
    "en": N_("This subject is not offered in your language: it is shown in English"),
    "ru": N_("This subject is not offered in your language: it is shown in Russian"),
    "de": N_("This subject is not offered in your language: it is shown in German"),
    "fr": N_("This subject is not offered in your language: it is shown in French"),
    "es": N_("This subject is not offered in your language: it is shown in Spanish"),
    "uk": N_("This subject is not offered in your language: it is shown in Ukrainian"),
    "it": N_("This subject is not offered in your language: it is shown in Italian"),
    "pl": N_("This subject is not offered in your language: it is shown in Polish"),
}
ONLY_IN_OTHER = N_("This subject is only in {language}")
SHOWN_IN_OTHER = N_("This subject is not offered in your language: it is shown in {language}")


def language_notice(subject: Subject, language: str) -> str:
    """'' when the subject is offered in ``language``; otherwise the sentence saying in which
    language its content is shown, written in ``language``."""
    if subject.offers(language):
        return ""
    shown = subject.default_language
    if len(subject.languages) == 1:
        if shown in ONLY_IN:
            return tr(ONLY_IN[shown], language)
        return tr(ONLY_IN_OTHER, language, language=language_name(shown))
    if shown in SHOWN_IN:
        return tr(SHOWN_IN[shown], language)
    return tr(SHOWN_IN_OTHER, language, language=language_name(shown))
