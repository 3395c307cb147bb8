"""French and Arabic wording of the demo's own step 1 content, keyed by the English source text.

The starter content (actions, glossary terms, role profile, recruitment template, calendar)
brings its own translations; this covers what the demo adds: the glossary page and the two
forces' local versions of the recruitment template, whose text is the template's.
"""

from wagtail_allyship.starter import catalogue

GLOSSARY_INTRO = (
    "Words we use when we talk about gender equality and allyship, with the public sources "
    "they come from."
)

#: The local versions' titles, filled in with the force's name in English.
LOCAL_TITLES = ("Become an ally in Northshire Police", "Become an ally in Southvale Police")


def local_version_strings(language: str) -> dict[str, str]:
    """A local version says what the template says: the starter's translation of it."""
    strings = catalogue.translations("en", language, "page:recruitment-template")
    title = catalogue.texts(language, "page:recruitment-template")[0][0]
    return {**strings, **dict.fromkeys(LOCAL_TITLES, title)}


FRENCH = {
    "Glossary": "Glossaire",
    GLOSSARY_INTRO: (
        "Les mots que nous employons pour parler d'égalité des genres et d'alliés, avec leurs "
        "sources publiques."
    ),
    **local_version_strings("fr"),
}

ARABIC = {
    "Glossary": "مسرد المصطلحات",
    GLOSSARY_INTRO: (
        "الكلمات التي نستخدمها عند الحديث عن المساواة بين الجنسين والتحالف، مع مصادرها العامة."
    ),
    **local_version_strings("ar"),
}

STRINGS = {"fr": FRENCH, "ar": ARABIC}
