"""Survey results in aggregate: counts, means and written answers, with small groups held back.

A survey's results gather the responses to the page and to every translation of it, matching
questions by their position (their wording and field names may differ between languages).
They are given for everyone together and for each organisation unit. A group with fewer
responses than ``SURVEY_MIN_GROUP_SIZE`` shows nothing but that it is too small; and when the
small units together hold fewer responses than that, more units are held back, so that no
small group can be worked out by subtracting the units shown from the total. Written answers
appear only for everyone together, sorted alphabetically, never per unit.

:func:`tally` is the arithmetic, on plain values; :func:`wagtail_allyship.survey.results.
survey_results` reads a survey's responses from the database and hands them to it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

#: The values of a scale question, lowest first.
SCALE_VALUES = (1, 2, 3, 4, 5)

CHOICE_TYPES = ("radio", "dropdown", "checkboxes")
TEXT_TYPES = ("singleline", "multiline")

#: Groups the responses of units that are no longer in the list of units.
_OTHER_UNITS = uuid.UUID(int=0)


@dataclass(frozen=True)
class Question:
    """One question, at its position in the survey (the same in every translation)."""

    position: int
    label: str
    field_type: str
    choices: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """``"scale"``, ``"choice"`` or ``"text"``."""
        if self.field_type == "scale":
            return "scale"
        if self.field_type in CHOICE_TYPES:
            return "choice"
        return "text"

    @property
    def is_scale(self) -> bool:
        return self.kind == "scale"

    @property
    def is_choice(self) -> bool:
        return self.kind == "choice"

    @property
    def is_text(self) -> bool:
        return self.kind == "text"


@dataclass(frozen=True)
class Response:
    """One person's answers by question position, and the translation key of their unit."""

    unit_key: uuid.UUID | None
    answers: Mapping[int, Any]


@dataclass(frozen=True)
class Count:
    """How many people gave one answer, and their share of those who answered, in percent."""

    value: str
    number: int
    percent: int


@dataclass
class Tally:
    """One question's results in one group."""

    question: Question
    answered: int = 0
    counts: list[Count] = field(default_factory=list)
    mean: float | None = None
    answers: list[str] = field(default_factory=list)


@dataclass
class Group:
    """Everyone, or the respondents of one unit; without tallies when the group is held back."""

    name: str
    size: int
    unit_key: uuid.UUID | None = None
    is_overall: bool = False
    suppressed: bool = False
    tallies: list[Tally] = field(default_factory=list)

    def tally_for(self, question: Question) -> Tally | None:
        if self.suppressed:
            return None
        return next((t for t in self.tallies if t.question.position == question.position), None)


@dataclass
class Row:
    """One group's line in a question's table; ``tally`` is ``None`` when held back."""

    group: Group
    tally: Tally | None


@dataclass
class Section:
    """One question with its columns and a row per group, the way the results page shows it."""

    question: Question
    columns: list[str]
    rows: list[Row]
    answers: list[str]


@dataclass
class SurveyResults:
    questions: list[Question]
    overall: Group
    units: list[Group]
    min_group_size: int

    @property
    def groups(self) -> list[Group]:
        return [self.overall, *self.units]

    @property
    def total(self) -> int:
        return self.overall.size

    @property
    def sections(self) -> list[Section]:
        sections = []
        for question in self.questions:
            overall = self.overall.tally_for(question)
            if question.is_text:
                rows = [Row(self.overall, overall)]
            else:
                rows = [Row(group, group.tally_for(question)) for group in self.groups]
            columns = (
                [count.value for count in overall.counts]
                if overall is not None
                else _columns(question, [])
            )
            answers = overall.answers if overall is not None else []
            sections.append(Section(question, columns, rows, answers))
        return sections


def _columns(question: Question, extra: Iterable[str]) -> list[str]:
    if question.is_scale:
        return [str(value) for value in SCALE_VALUES]
    if question.is_choice:
        return [*question.choices, *sorted(set(extra) - set(question.choices), key=str.casefold)]
    return []


def _scale_value(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number in SCALE_VALUES and str(number) == str(value).strip() else None


def _chosen(value: Any) -> list[str]:
    """The options picked in one answer to a choice question (several for checkboxes)."""
    if value is None:
        return []
    values = value if isinstance(value, list | tuple) else [value]
    return [str(v) for v in values if str(v).strip()]


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _percent(number: int, of: int) -> int:
    return round(100 * number / of) if of else 0


def _tally_question(
    question: Question, responses: Sequence[Response], columns: list[str], with_text: bool
) -> Tally:
    tally = Tally(question)
    answers = [response.answers.get(question.position) for response in responses]
    if question.is_scale:
        values = [v for v in map(_scale_value, answers) if v is not None]
        counter = Counter(str(v) for v in values)
        tally.answered = len(values)
        tally.mean = sum(values) / len(values) if values else None
    elif question.is_choice:
        chosen = [_chosen(answer) for answer in answers]
        counter = Counter(value for values in chosen for value in values)
        tally.answered = sum(1 for values in chosen if values)
    else:
        texts = [t for t in map(_text, answers) if t]
        counter = Counter()
        tally.answered = len(texts)
        if with_text:
            tally.answers = sorted(texts, key=lambda text: (text.casefold(), text))
    tally.counts = [
        Count(column, counter[column], _percent(counter[column], tally.answered))
        for column in columns
    ]
    return tally


def _answer_columns(questions: Sequence[Question], responses: Sequence[Response]) -> dict:
    """Each question's columns: the scale, or the choices offered and any others given."""
    extra: dict[int, set[str]] = {q.position: set() for q in questions if q.is_choice}
    for response in responses:
        for position, values in extra.items():
            values.update(_chosen(response.answers.get(position)))
    return {q.position: _columns(q, extra.get(q.position, ())) for q in questions}


def _by_unit(responses: Sequence[Response], known: set) -> dict[uuid.UUID | None, list[Response]]:
    """Responses by unit key; units no longer listed share one key, no unit is ``None``."""
    by_unit: dict[uuid.UUID | None, list[Response]] = {}
    for response in responses:
        key = response.unit_key
        if key is not None and key not in known:
            key = _OTHER_UNITS
        by_unit.setdefault(key, []).append(response)
    return by_unit


def _unit_groups(units, by_unit) -> list[tuple[Group, uuid.UUID | None]]:
    """A group per listed unit, then the two catch-all groups when they have responses."""
    members = [(Group(name, 0, unit_key=key), key) for key, name in units]
    if by_unit.get(_OTHER_UNITS):
        members.append((Group(str(_("Units no longer listed")), 0), _OTHER_UNITS))
    if by_unit.get(None):
        members.append((Group(str(_("Not registered in a unit")), 0), None))
    for group, key in members:
        group.size = len(by_unit.get(key, ()))
    return members


def tally(
    questions: Sequence[Question],
    responses: Sequence[Response],
    units: Sequence[tuple[uuid.UUID, str]],
    min_group_size: int,
) -> SurveyResults:
    """Results of ``responses`` overall and per unit, holding back groups that are too small.

    ``units`` are the units to report on, as (translation key, name), in the order to show
    them; responses from a unit not among them, and from people in no unit, form two more
    groups at the end (when there are any).
    """
    columns = _answer_columns(questions, responses)
    by_unit = _by_unit(responses, {key for key, _name in units})
    overall = Group(str(_("All respondents")), len(responses), is_overall=True)
    members = _unit_groups(units, by_unit)
    groups = [group for group, _key in members]

    overall.suppressed = overall.size < min_group_size
    for group in groups:
        group.suppressed = overall.suppressed or group.size < min_group_size
    _hold_back_complements(groups, min_group_size)

    if not overall.suppressed:
        overall.tallies = [
            _tally_question(q, responses, columns[q.position], with_text=True) for q in questions
        ]
    for group, key in members:
        if not group.suppressed:
            group.tallies = [
                _tally_question(q, by_unit[key], columns[q.position], with_text=False)
                for q in questions
                if not q.is_text
            ]
    return SurveyResults(list(questions), overall, groups, min_group_size)


def _hold_back_complements(groups: list[Group], min_group_size: int) -> None:
    """Hold back more groups while the held-back ones together are too small to show.

    Otherwise the total minus the groups shown would give the answers of a small group.
    The smallest groups shown are held back first, as they say least.
    """
    hidden = sum(group.size for group in groups if group.suppressed)
    shown = sorted((g for g in groups if not g.suppressed), key=lambda g: (g.size, g.name))
    while 0 < hidden < min_group_size and shown:
        group = shown.pop(0)
        group.suppressed = True
        hidden += group.size
