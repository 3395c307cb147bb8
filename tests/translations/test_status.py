"""The "Translation status" report: every item of the programme in every language of the site.

Items are put in each state the way people put them there: nothing done (missing), a
translation started in wagtail-localize with some strings translated (in progress), a
translation finished and then the English changed (out of date), a translation finished
(up to date). The report is read as a coordinator would, through the admin.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.factories import TopicFactory, UserFactory
from tests.translations.test_po_roundtrip import start_translation
from wagtail_allyship.models import Topic
from wagtail_allyship.translations.status import (
    IN_PROGRESS,
    MISSING,
    OUT_OF_DATE,
    UP_TO_DATE,
    TranslationStatus,
)

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_allyship_translation_status")


def translate_every_string(translation: Translation) -> None:
    """What a translator does in the editor: every string gets its French text."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"FR {segment.string.data}"},
        )
    translation.save_target(publish=True)


def by_title(status: TranslationStatus) -> dict:
    return {row.title: row for row in status.rows}


@pytest.fixture
def items(locales):
    """One topic in each state, for French; Arabic has none of them."""
    made = {name: TopicFactory(name=name) for name in ("Nothing yet", "Started", "Done", "Changed")}
    started = start_translation(made["Started"], locales["fr"])
    segment = StringSegment.objects.filter(source=started.source).select_related("string").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["fr"],
        context=segment.context,
        data="Commencé",
    )
    translate_every_string(start_translation(made["Done"], locales["fr"]))
    changed = start_translation(made["Changed"], locales["fr"])
    translate_every_string(changed)
    # The English is edited in the admin after the translation was synced.
    return made


def edit_in_admin(client, topic: Topic, **changes) -> None:
    url = reverse(Topic.snippet_viewset.get_url_name("edit"), args=[topic.pk])
    data = {"name": topic.name, "description": topic.description, "order": topic.order, **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_each_item_in_each_language_has_its_state(admin_client, items, locales):
    edit_in_admin(admin_client, items["Changed"], description="New English wording.")
    rows = by_title(TranslationStatus())
    assert rows["Nothing yet"].state_in("fr") == MISSING
    assert rows["Started"].state_in("fr") == IN_PROGRESS
    assert 0 < rows["Started"].cells["fr"].percent < 100
    assert rows["Done"].state_in("fr") == UP_TO_DATE
    assert rows["Changed"].state_in("fr") == OUT_OF_DATE
    assert {row.state_in("ar") for row in rows.values()} == {MISSING}
    assert rows["Done"].state_in("en") == "", "the source has no state of its own"
    # Each cell leads to the action it needs.
    source = TranslationSource.objects.get(object_id=items["Changed"].translation_key)
    assert rows["Changed"].cells["fr"].url == reverse(
        "wagtail_localize:update_translations", args=[source.pk]
    )
    assert rows["Nothing yet"].cells["fr"].url.startswith("/admin/localize/submit/snippet/")


def test_syncing_asks_for_the_new_wording_then_the_item_is_up_to_date(admin_client, items):
    edit_in_admin(admin_client, items["Changed"], description="New English wording.")
    source = TranslationSource.objects.get(object_id=items["Changed"].translation_key)
    source.update_from_db()  # "Sync translated pages" in wagtail-localize
    row = by_title(TranslationStatus())["Changed"]
    assert row.state_in("fr") == IN_PROGRESS, "the new wording waits for its translation"
    translate_every_string(Translation.objects.get(source=source))
    assert by_title(TranslationStatus())["Changed"].state_in("fr") == UP_TO_DATE


def test_the_report_lists_filters_and_counts(coordinator_client, items):
    html = coordinator_client.get(URL).content.decode()
    for title in ("Nothing yet", "Started", "Done", "Changed"):
        assert title in html
    html = coordinator_client.get(URL, {"language": "fr", "state": "missing"}).content.decode()
    assert "Nothing yet" in html and "Done" not in html
    # The totals per language count what is listed.
    assert 'data-state="missing"' in html


def test_links_only_where_the_reader_may_act(client, superuser, items, coordinator):
    # The coordinator of the fixtures has no right to change topics: states, no links.
    client.force_login(coordinator)
    html = client.get(URL, {"kind": "Topic"}).content.decode()
    assert 'data-state="missing"' in html
    assert "/admin/localize/submit/" not in html
    client.force_login(superuser)
    html = client.get(URL, {"kind": "Topic"}).content.decode()
    assert "/admin/localize/submit/snippet/wagtail_allyship/topic/" in html


def test_unknown_filters_are_left_out_not_an_error(coordinator_client, items):
    response = coordinator_client.get(
        URL, {"language": "xx", "state": "<script>", "kind": "' OR 1=1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing yet" in html and "Done" in html
    assert "<script>" not in html


def test_export_has_a_column_per_language(coordinator_client, items):
    response = coordinator_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:3] == ["Content", "Kind", "Source language"]
    assert len(rows[0]) == 3 + 3  # English, French, Arabic
    started = next(row for row in rows if row[0] == "Started")
    assert started[4].startswith("In progress (") and started[5] == "Missing"


def test_only_coordinators_and_editors_see_it(client, items, coordinator):
    client.force_login(UserFactory(username="ally"))
    assert client.get(URL).status_code in (302, 403)
    client.force_login(UserFactory(username="no-rights", permissions=["wagtailadmin.access_admin"]))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Nothing yet" not in response.content.decode()
    client.force_login(coordinator)
    assert client.get(URL).status_code == 200


def test_queries_do_not_grow_with_the_content(coordinator_client, locales):
    def add_topics(start: int, stop: int) -> None:
        for n in range(start, stop):
            topic = TopicFactory(name=f"Topic {n:03d}")
            if n % 3 == 0:
                translate_every_string(start_translation(topic, locales["fr"]))

    def queries_of_the_report() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(URL).status_code == 200
        return len(queries)

    add_topics(0, 3)
    at_three = queries_of_the_report()
    add_topics(3, 60)
    assert queries_of_the_report() == at_three
