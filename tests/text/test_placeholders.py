"""The token engine on its own: plain functions over strings, no database."""

from wagtail_allyship.text import placeholders as p

VALUES = {
    "FORCE NAME": "Essex Police",
    "CONTACT NAME": "Jo Bloggs",
    "CONTACT EMAIL": "",
    "SIGN-UP LINK": "https://intranet.example.org/join?a=1&b=2",
}


class TestFinding:
    def test_finds_tokens_in_order_once(self):
        text = "[FORCE NAME] needs you. Ask [CONTACT NAME] at [FORCE NAME]."
        assert p.find_tokens(text) == ["FORCE NAME", "CONTACT NAME"]

    def test_what_counts_as_a_token(self):
        assert p.find_tokens("[SIGN-UP LINK] [UNIT SHORT NAME] [HQ 2]") == [
            "SIGN-UP LINK",
            "UNIT SHORT NAME",
            "HQ 2",
        ]
        assert p.find_tokens("see [1], [note] or [Force Name] or [ FORCE]") == []

    def test_names_are_checked(self):
        assert p.is_token_name("OPT-OUT LINK")
        assert not p.is_token_name("Region")
        assert not p.is_token_name("2ND")
        assert not p.is_token_name("TWO  SPACES")

    def test_unknown_tokens_are_reported_in_order(self):
        texts = ["Welcome to [FORCE NAM]", "Write to [CONTACT EMIAL] or [FORCE NAME]"]
        assert p.unknown_tokens(texts, p.DEFAULT_TOKENS) == ["FORCE NAM", "CONTACT EMIAL"]
        assert p.unknown_tokens(["[FORCE NAME]"], p.DEFAULT_TOKENS) == []

    def test_missing_values(self):
        names = ["FORCE NAME", "CONTACT EMAIL", "UNIT SHORT NAME"]
        assert p.missing_values(names, VALUES) == ["CONTACT EMAIL", "UNIT SHORT NAME"]
        assert p.missing_values(["FORCE NAME"], {"FORCE NAME": "   "}) == ["FORCE NAME"]

    def test_dropped_tokens(self):
        original = ["Join [FORCE NAME]", "Ask [CONTACT NAME]"]
        assert p.dropped_tokens(original, ["Rejoignez [FORCE NAME]", "Demandez"]) == [
            "CONTACT NAME"
        ]
        assert p.dropped_tokens(original, ["[CONTACT NAME] puis [FORCE NAME]"]) == []
        assert p.dropped_tokens(original, ["[FORCE NAM] [CONTACT NAME]"]) == ["FORCE NAME"]

    def test_strings_in_stream_data_skip_bookkeeping(self):
        raw = [
            {"type": "rich_text", "value": "<p>[FORCE NAME]</p>", "id": "abc"},
            {"type": "cta", "value": {"label": "Join", "page": 3, "link": ""}, "id": "def"},
        ]
        assert list(p.strings_in(raw)) == ["<p>[FORCE NAME]</p>", "Join", ""]

    def test_describe_tokens(self):
        assert p.describe_tokens(["FORCE NAME", "CONTACT NAME"]) == "[CONTACT NAME], [FORCE NAME]"


class TestFilling:
    def test_fill_text_leaves_tokens_without_value(self):
        text = "[FORCE NAME]: write to [CONTACT EMAIL]"
        assert p.fill_text(text, VALUES) == "Essex Police: write to [CONTACT EMAIL]"

    def test_fill_text_does_not_escape(self):
        assert p.fill_text("[FORCE NAME]", {"FORCE NAME": "A & B"}) == "A & B"

    def test_fill_html_escapes_values(self):
        values = {"FORCE NAME": "<script>alert(1)</script>"}
        result = p.fill_html("<p>Join [FORCE NAME]</p>", values)
        assert result == "<p>Join &lt;script&gt;alert(1)&lt;/script&gt;</p>"
        assert "<script>" not in result

    def test_fill_html_in_attributes_escapes_quotes(self):
        values = {"SIGN-UP LINK": 'https://x.example/" onmouseover="alert(1)'}
        result = p.fill_html('<a href="[SIGN-UP LINK]">go</a>', values)
        assert result == '<a href="https://x.example/&quot; onmouseover=&quot;alert(1)">go</a>'

    def test_fill_html_ampersands_in_urls(self):
        result = p.fill_html('<a href="[SIGN-UP LINK]">[SIGN-UP LINK]</a>', VALUES)
        assert result.count("join?a=1&amp;b=2") == 2

    def test_highlight_marks_text_but_not_attributes(self):
        markup = '<p>Join [FORCE NAME]</p><a href="[SIGN-UP LINK]">sign up</a>'
        result = p.fill_html(markup, {}, highlight=True)
        assert result == (
            '<p>Join <mark class="allyship-placeholder">[FORCE NAME]</mark></p>'
            '<a href="[SIGN-UP LINK]">sign up</a>'
        )

    def test_highlight_only_where_no_value(self):
        result = p.fill_html("[FORCE NAME] / [CONTACT EMAIL]", VALUES, highlight=True)
        assert result == 'Essex Police / <mark class="allyship-placeholder">[CONTACT EMAIL]</mark>'

    def test_empty_input(self):
        assert p.fill_html("", VALUES) == ""
        assert p.fill_text(None, VALUES) == ""
        assert p.find_tokens(None) == []
