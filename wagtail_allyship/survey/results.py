"""A survey's results: its responses read from the database in a fixed number of queries.

The responses to the page and to every translation of it are read, their answers mapped onto
the questions and choices of the page being reported on (matched by position: wording and
field names may differ between languages), and handed to
:func:`wagtail_allyship.survey.tally.tally`.
"""

from __future__ import annotations

import uuid

from wagtail.models import Locale

from wagtail_allyship.conf import get_setting
from wagtail_allyship.survey.models import FeedbackSurveyPage, SurveyQuestion, SurveyResponse
from wagtail_allyship.survey.tally import CHOICE_TYPES, Question, Response, SurveyResults, tally
from wagtail_allyship.units.models import OrganisationUnit


def min_group_size() -> int:
    return get_setting("SURVEY_MIN_GROUP_SIZE")


def questions_by_page(page) -> dict[int, list[SurveyQuestion]]:
    """The questions of ``page`` and of each of its translations, in order, by page id."""
    page_ids = FeedbackSurveyPage.objects.filter(translation_key=page.translation_key).values_list(
        "pk", flat=True
    )
    fields_by_page: dict[int, list[SurveyQuestion]] = {pk: [] for pk in page_ids}
    for question in SurveyQuestion.objects.filter(page_id__in=list(fields_by_page)).order_by(
        "page_id", "sort_order", "pk"
    ):
        fields_by_page[question.page_id].append(question)
    return fields_by_page


def reported_questions(page, fields: list[SurveyQuestion], builder) -> list[Question]:
    return [
        Question(
            position,
            question.label,
            question.field_type,
            tuple(value for value, _label in builder.get_formatted_field_choices(question))
            if question.field_type in CHOICE_TYPES
            else (),
        )
        for position, question in enumerate(fields)
    ]


def answer_readers(fields_by_page, questions: list[Question], builder) -> dict[int, list]:
    """How each translation's stored answers map onto the positions and choices reported."""
    readers = {}
    for pk, fields in fields_by_page.items():
        reader = []
        for position, question in enumerate(fields[: len(questions)]):
            renamed = {}
            if question.field_type in CHOICE_TYPES:
                own = [value for value, _label in builder.get_formatted_field_choices(question)]
                target = questions[position].choices
                renamed = {value: target[i] for i, value in enumerate(own) if i < len(target)}
            reader.append((position, question.clean_name, renamed))
        readers[pk] = reader
    return readers


def read_answer(value, renamed: dict):
    if not renamed or value is None:
        return value
    if isinstance(value, list):
        return [renamed.get(v, v) for v in value]
    return renamed.get(value, value)


def responses_of(readers: dict[int, list]) -> list[Response]:
    rows = SurveyResponse.objects.filter(page_id__in=list(readers)).values_list(
        "page_id", "unit_key", "form_data"
    )
    responses = []
    for page_id, unit_key, data in rows.iterator():
        data = data if isinstance(data, dict) else {}
        answers = {
            position: read_answer(data.get(name), renamed)
            for position, name, renamed in readers.get(page_id, [])
        }
        responses.append(Response(unit_key, answers))
    return responses


def unit_names() -> list[tuple[uuid.UUID, str]]:
    """Every unit once, named in the default language where it has a copy, sorted by name."""
    default_locale_id = Locale.get_default().pk
    names: dict[uuid.UUID, str] = {}
    in_default: set[uuid.UUID] = set()
    for key, name, locale_id in OrganisationUnit.objects.values_list(
        "translation_key", "name", "locale_id"
    ).order_by("locale_id", "pk"):
        if locale_id == default_locale_id:
            names[key] = name
            in_default.add(key)
        elif key not in in_default:
            names.setdefault(key, name)
    return sorted(names.items(), key=lambda item: (item[1].casefold(), item[1]))


def survey_results(page) -> SurveyResults:
    """The results of ``page`` and its translations, in a fixed number of queries.

    Questions are worded as on ``page``; units are named in the site's default language.
    """
    fields_by_page = questions_by_page(page)
    builder = page.form_builder([])
    questions = reported_questions(page, fields_by_page.get(page.pk, []), builder)
    readers = answer_readers(fields_by_page, questions, builder)
    return tally(questions, responses_of(readers), unit_names(), min_group_size())
