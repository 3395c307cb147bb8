"""The session feedback's one short question set, the same for every session.

Three questions, kept short on purpose: how useful the session was (a scale from 1 to 5),
whether the person will do something differently (yes, maybe, no), and what would make the
next one better (a few words, optional). Answers are stored by the question's name; the
results use the survey's arithmetic (:func:`wagtail_allyship.survey.tally.tally`), which reads
them by position.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail_allyship.survey.tally import Question

#: The stored name of each question, in the order they are asked.
USEFUL, CHANGE, BETTER = "useful", "change", "better"
NAMES = (USEFUL, CHANGE, BETTER)

#: The choices of "will you do something differently", as stored, with their labels.
CHANGE_CHOICES = (("yes", _("Yes")), ("maybe", _("Maybe")), ("no", _("No")))

#: The longest answer to the written question, in characters.
MAX_TEXT = 500


def labels() -> dict[str, str]:
    return {
        USEFUL: _("How useful was the session for you?"),
        CHANGE: _("Will you do something differently at work after it?"),
        BETTER: _("What would make the next session better?"),
    }


def questions() -> list[Question]:
    """The questions in the survey's terms, worded in the active language."""
    text = labels()
    return [
        Question(0, str(text[USEFUL]), "scale"),
        Question(1, str(text[CHANGE]), "radio", tuple(value for value, _label in CHANGE_CHOICES)),
        Question(2, str(text[BETTER]), "multiline"),
    ]


def by_position(answers: dict) -> dict[int, object]:
    """Stored answers (by name) as the survey's arithmetic reads them (by position)."""
    answers = answers if isinstance(answers, dict) else {}
    return {position: answers.get(name) for position, name in enumerate(NAMES)}


def choice_label(value: str) -> str:
    return str(dict(CHANGE_CHOICES).get(value, value))
