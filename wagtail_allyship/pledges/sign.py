"""The pledge sign: an A4 sign with an ally's name, unit, programme and commitments (SVG).

Made on the server from plain values, with no font, image or script fetched from anywhere, so
that it prints and downloads the same on a closed network. Every text is escaped. Lines are
wrapped by a character count, since the server cannot measure text; each line is centred, so
that right-to-left scripts (``rtl=True``) read correctly with the same geometry. What the ally
wrote (his name, unit and commitments) keeps its own direction, whatever the sign's: an
English commitment on an Arabic sign ends with its full stop on the right, not the left.

Why SVG and not PDF: a PDF carries its own fonts, so the server would have to shape the text
(HarfBuzz, e.g. fpdf2 with uharfbuzz, or WeasyPrint with Pango) *and* ship a font for every
script an ally may write his commitments in: Arabic, but also any other the organisation
works in. An SVG leaves shaping and font fallback to the browser or viewer that opens it,
which already does both for every script installed on the machine; it is vector, so it
prints sharp on A4, and a browser's Print command saves it as PDF where one is wanted.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

#: A4 in tenths of a millimetre.
WIDTH, HEIGHT = 2100, 2970
#: Characters per line of a commitment; fewer lines fit as commitments grow longer.
WRAP = 38
#: The most lines one commitment may take; a longer text ends with an ellipsis.
MAX_LINES = 6


@dataclass(frozen=True)
class SignText:
    programme: str
    heading: str
    name: str
    unit: str
    commitments: tuple[str, ...]
    footer: str
    language: str
    rtl: bool = False


def wrapped(text: str, width: int = WRAP, lines: int = MAX_LINES) -> list[str]:
    """``text`` in lines of at most ``width`` characters, at most ``lines`` of them."""
    found = textwrap.wrap(" ".join(text.split()), width=width) or [""]
    if len(found) > lines:
        found = found[:lines]
        found[-1] = found[-1].rstrip(" .,;") + "…"
    return found


def text_direction(text: str) -> str | None:
    """The direction of ``text``, "ltr" or "rtl", from its first letter with a strong one.

    None when no letter has one (digits, punctuation): the sign's own direction applies.

    The rule of Unicode's bidirectional algorithm for a paragraph (P2, P3), applied to a
    user's text so that it is laid out in its own direction on a sign of the other one.
    """
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def _text(
    y: int,
    size: int,
    content: str,
    weight: str = "normal",
    fill: str = "#1f2937",
    direction: str | None = None,
) -> str:
    """One centred line; ``direction`` set for a user's text, else the sign's own applies."""
    own = f' direction="{direction}" unicode-bidi="embed"' if direction else ""
    return (
        f'<text x="{WIDTH // 2}" y="{y}" font-size="{size}" font-weight="{weight}" '
        f'fill="{fill}" text-anchor="middle"{own}>{escape(content)}</text>'
    )


def pledge_sign_svg(sign: SignText) -> str:
    """The sign as a standalone SVG document."""
    direction = "rtl" if sign.rtl else "ltr"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="210mm" height="297mm" role="img" xml:lang={quoteattr(sign.language)} '
        f'direction="{direction}" font-family="DejaVu Sans, Arial, sans-serif" '
        f"aria-label={quoteattr(sign.heading + ': ' + sign.name)}>",
        f'<rect x="60" y="60" width="{WIDTH - 120}" height="{HEIGHT - 120}" rx="40" '
        'fill="#ffffff" stroke="#1f4e8c" stroke-width="24"/>',
        _text(260, 70, sign.programme, "bold", "#1f4e8c"),
        _text(470, 110, sign.heading, "bold"),
        _text(640, 130, sign.name, "bold", "#1f4e8c", text_direction(sign.name)),
    ]
    if sign.unit:
        parts.append(_text(760, 64, sign.unit, direction=text_direction(sign.unit)))
    y = 960
    for number, commitment in enumerate(sign.commitments, start=1):
        parts.append(_text(y, 72, f"{number}.", "bold", "#1f4e8c"))
        y += 100
        own = text_direction(commitment)
        for line in wrapped(commitment):
            parts.append(_text(y, 68, line, direction=own))
            y += 90
        y += 70
    parts.append(_text(HEIGHT - 200, 48, sign.footer, "normal", "#4b5563"))
    parts.append("</svg>")
    return "\n".join(parts)
