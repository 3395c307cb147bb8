"""The hub's query-string logic, without a database."""

from wagtail_allyship.resources.facets import (
    MAX_SEARCH_LENGTH,
    HubQuery,
    Problem,
    clean_search,
    column_counts,
    facet_values,
    parse_query,
)

VALID = {"topic": {"1", "2"}, "type": {"guide", "video"}, "step": {"1"}, "tag": {"induction"}}


def test_values_are_kept_in_order_without_repeats():
    query, problems = parse_query({"type": ["video", "guide", "video"], "topic": ["2"]}, VALID)
    assert query.values("type") == ("video", "guide")
    assert query.values("topic") == ("2",)
    assert problems == []


def test_unknown_values_are_dropped_and_reported():
    query, problems = parse_query({"topic": ["1", "999"], "audience": ["aliens"]}, VALID)
    assert query.values("topic") == ("1",)
    assert query.values("audience") == ()
    assert problems == [Problem("topic", "999"), Problem("audience", "aliens")]


def test_search_is_cleaned_and_cut():
    assert clean_search("  flexible\x00\tworking \u200b ") == "flexible working"
    assert len(clean_search("x" * 1000)) == MAX_SEARCH_LENGTH
    query, problems = parse_query({"q": ["<script>alert(1)</script>\r\n"]}, VALID)
    assert query.search == "<script>alert(1)</script>"
    assert problems == []


def test_sort_defaults_follow_the_search():
    assert parse_query({}, VALID)[0].sort == "newest"
    assert parse_query({"q": ["mentoring"]}, VALID)[0].sort == "relevance"
    assert parse_query({"sort": ["relevance"]}, VALID)[0].sort == "newest"
    assert parse_query({"sort": ["title"], "q": ["x"]}, VALID)[0].sort == "title"
    query, problems = parse_query({"sort": ["random"]}, VALID)
    assert query.sort == "newest" and problems == [Problem("sort", "random")]


def test_urls_keep_the_state_and_reset_the_page():
    query = HubQuery(
        selected={"type": ("guide",), "topic": ("1", "2")}, search="a&b", sort="relevance", page="3"
    )
    assert query.url() == "?topic=1&topic=2&type=guide&q=a%26b"
    assert query.url(page=2) == "?topic=1&topic=2&type=guide&q=a%26b&page=2"
    assert query.url(type=()) == "?topic=1&topic=2&q=a%26b"
    assert HubQuery().url() == "?"
    assert HubQuery(sort="title").url() == "?sort=title"
    assert query.is_filtered and not HubQuery().is_filtered


def test_facet_values_hide_empty_choices_unless_chosen():
    values = facet_values([("a", "A"), ("b", "B"), ("c", "C")], {"a": 3}, {"c"})
    assert [(v.value, v.count, v.selected) for v in values] == [("a", 3, False), ("c", 0, True)]


def test_column_counts_skip_their_own_choice():
    rows = [
        ({"type": "guide", "audience": "allies"}, 3),
        ({"type": "guide", "audience": "leaders"}, 2),
        ({"type": "video", "audience": "allies"}, 1),
        ({"type": "video", "audience": None}, 4),
    ]
    counts, total = column_counts(rows, {})
    assert counts == {"type": {"guide": 5, "video": 5}, "audience": {"allies": 4, "leaders": 2}}
    assert total == 10
    counts, total = column_counts(rows, {"audience": ["allies"]})
    assert counts["type"] == {"guide": 3, "video": 1}
    assert counts["audience"] == {"allies": 4, "leaders": 2}
    assert total == 4
    counts, total = column_counts(rows, {"audience": ["allies"], "type": ["video"]})
    assert counts["type"] == {"guide": 3, "video": 1}
    assert counts["audience"] == {"allies": 1}
    assert total == 1
