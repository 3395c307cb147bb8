"""Starter content for step 1 of a programme: actions, glossary, role profile, recruitment template.

The wording is the project's own; the facts (which actions, which terms, which public sources)
follow the HeForShe Male Allyship Toolkit (2024). Every object has a fixed translation key, so
loading twice, or into another language, never makes duplicates: an object that is already
there is left exactly as editors have changed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page

from wagtail_allyship.glossary.models import GlossaryTerm
from wagtail_allyship.profile.models import ActionKind, AllyAction, AllyRoleProfilePage
from wagtail_allyship.recruitment.models import RecruitmentArticlePage
from wagtail_allyship.starter.loader import LoadResult, load_page, load_snippet

UN_WOMEN_ECA_ACTIONS = (
    "UN Women (Europe and Central Asia office), 2021: what men can do for women's rights",
    "https://eca.unwomen.org/en/digital-library/publications/2021/2/"
    "9-ways-for-men-to-become-allies-in-the-fight-for-womens-human-rights",
)

#: key, title, description. Ten everyday actions, in the toolkit's order.
EVERYDAY_ACTIONS = [
    (
        "listen",
        "Listen to the women around you",
        "Ask the women you live and work with what would help, take what they say seriously, "
        "and back them up in the way they choose.",
    ),
    (
        "mentor",
        "Mentor and sponsor",
        "Give time to a female colleague's development, and use your standing to put her name "
        "forward for roles, projects and promotion.",
    ),
    (
        "representation",
        "Push for balanced line-ups",
        "When a panel, a board or an interview is being planned, look at who is missing and "
        "argue for women as speakers and decision-makers.",
    ),
    (
        "respect",
        "Communicate with respect",
        "Let people finish, listen properly, and name the person whose idea it was.",
    ),
    (
        "meetings",
        "Run inclusive meetings",
        "Bring quieter voices in, share out the speaking time, and welcome views that differ "
        "from the rest of the room.",
    ),
    (
        "language",
        "Choose fair language",
        "Drop the jokes, nicknames and phrases that put women down or reduce them to stereotypes.",
    ),
    (
        "violent-content",
        "Do not pass on violent content",
        "Do not share, like or laugh at material that makes violence against women look normal "
        "or funny.",
    ),
    (
        "organisations",
        "Support women's organisations",
        "Give time, skills or money to local groups that work with and for women.",
    ),
    (
        "intervene",
        "Act when you witness violence",
        "If you see abuse or harassment, step in when it is safe to do so, and report it "
        "through the proper channels.",
    ),
    (
        "reflect",
        "Reflect and keep learning",
        "Look honestly at your own habits for gender stereotypes, and read about the history "
        "of the women's rights movement.",
    ),
]

#: key, title, description. Four actions for structural change.
STRUCTURAL_ACTIONS = [
    (
        "policy",
        "Shape fairer policies",
        "Help draft, and argue for, policies that move equality forward, such as shared "
        "parental leave and firm rules against harassment.",
    ),
    (
        "parity",
        "Back parity targets",
        "Support the organisation's goals for an even balance of women and men in recruitment "
        "and promotion, and help to meet them.",
    ),
    (
        "campaigns",
        "Take part in awareness campaigns",
        "Join or start campaigns that get colleagues discussing fairness between women and "
        "men, and the biases people carry without noticing.",
    ),
    (
        "review",
        "Review what we already do",
        "Look at the current equality initiatives regularly, say what works and what does "
        "not, and propose improvements.",
    ),
]

OSAGI = (
    "UN Women (OSAGI): the glossary of gender mainstreaming terms",
    "https://www.un.org/womenwatch/osagi/conceptsandefinitions.htm",
)
OHCHR = (
    "UN Human Rights Office (OHCHR): on trans people's rights",
    "https://www.ohchr.org/en/sexual-orientation-and-gender-identity/transgender-people",
)
HBR = (
    "Harvard Business Review, 2021: mentors and sponsors compared",
    "https://hbr.org/2021/10/whats-the-difference-between-a-mentor-and-a-sponsor",
)

#: slug, term, definition (HTML), (source title, source URL).
GLOSSARY = [
    (
        "ally",
        "Ally",
        "<p>Someone who treats women's rights as a question of human rights rather than a "
        "matter for women alone. At work, an ally notices how power shows in what he says and "
        "does, and takes his share of responsibility for changing it.</p>",
        (
            "UN Women (Europe and Central Asia office), 2020: men as allies, in nine points",
            "https://eca.unwomen.org/en/news/stories/2020/9/"
            "9-ways-men-can-become-allies-for-equal-rights",
        ),
    ),
    (
        "gender",
        "Gender",
        "<p>The roles, behaviour, activities and traits that a society, at a given time, thinks "
        "fitting for women and for men, and the relations between and among them. Gender is "
        "learned rather than inborn, differs from place to place and from one period to "
        "another, and can change. It shapes what is expected of a person, what they are "
        "allowed to do and how they are valued, and it works together with class, race, age, "
        "sexual orientation and other factors.</p>",
        OSAGI,
    ),
    (
        "gender-equity",
        "Gender equity",
        "<p>A term the United Nations avoids in favour of <em>gender equality</em>. Judging "
        "what is 'equitable' tends to rest on custom, tradition or religion, and in practice "
        "this has often worked against women. Since the Beijing conference of 1995 the UN has "
        "used 'equality', and the CEDAW Committee confirmed this in its General recommendation "
        "No. 28 (2010).</p>",
        (
            "UN Women (OSAGI) glossary, and the CEDAW Committee's General recommendation "
            "No. 28 (2010)",
            OSAGI[1],
        ),
    ),
    (
        "gender-equality",
        "Gender equality",
        "<p>The aim that a person's sex at birth should settle none of their rights, duties or "
        "chances in life, for adults and children alike. Equal does not mean identical: the "
        "differing needs and priorities of many kinds of women and men all count. It is "
        "men's business as much as women's, a matter of human rights, and one of the "
        "foundations of development that lasts.</p>",
        OSAGI,
    ),
    (
        "gender-identity",
        "Gender identity",
        "<p>How a person knows and feels their own gender from the inside. Some people know "
        "themselves as women, some as men; others as non-binary, as gender-fluid, or in "
        "another way.</p>",
        OHCHR,
    ),
    (
        "gender-parity",
        "Gender parity",
        "<p>A count rather than a principle: how many women there are for every man in a "
        "group, such as the officers of one rank or the members of a board. The United "
        "Nations sets itself this target for its own staff, on the basis that its Charter "
        "bars any limit on which roles women or men may hold.</p>",
        (
            "UN Women: parity among the UN's own staff",
            "https://www.unwomen.org/en/how-we-work/gender-parity-in-the-united-nations",
        ),
    ),
    (
        "intersectionality",
        "Intersectionality",
        "<p>Looking at the whole person: gender is one part of who someone is, alongside "
        "race, class, sexual orientation, disability and more. These overlap, so two women "
        "can meet quite different barriers, and the disadvantages can pile up.</p>",
        (
            "UN Women, 2022: an easy-read guide to intersectionality",
            "https://www.unwomen.org/sites/default/files/2022-03/"
            "Intersectionality-resource-guide-and-toolkit-easy-to-read-en.pdf",
        ),
    ),
    (
        "transgender",
        "Transgender",
        "<p>A broad word for people whose gender is not the one recorded for them when they "
        "were born. When this programme talks about women or about men, it means trans women "
        "and trans men too.</p>",
        OHCHR,
    ),
    (
        "mentorship",
        "Mentorship",
        "<p>A colleague further along (the mentor) meets a newer one (the mentee) to share "
        "what they have learned and help them grow at work and beyond. In an allyship "
        "programme the mentor also helps with the obstacles that come with gender. Either "
        "can be of any gender, and a mentor does not have to manage anyone.</p>",
        HBR,
    ),
    (
        "sponsorship",
        "Sponsorship",
        "<p>Goes further than mentoring: the sponsor spends their own influence on the "
        "protégé's career, recommending them for promotion, bringing them onto high-profile "
        "work and making their achievements seen, with attention to barriers linked to gender. "
        "Because the sponsor's reputation rides on the protégé's progress, it asks for a "
        "deeper commitment.</p>",
        HBR,
    ),
    (
        "transforming-patriarchal-masculinities",
        "Transforming patriarchal masculinities",
        "<p>Patriarchal masculinities are ideas and practices that rank masculinity above "
        "femininity and men's authority above women's, held in place by norms, laws and "
        "institutions. The transforming approach, which HeForShe follows, asks men to use the "
        "privilege those structures give them to take the structures apart: by standing with "
        "women, amplifying their voices and challenging stereotypes, and by freeing themselves "
        "from norms that limit men too.</p>",
        ("HeForShe Male Allyship Toolkit (2024)", ""),
    ),
]

PROFILE_TITLE = "The ally role profile"
PROFILE_INTRODUCTION = (
    "<p>Allies are colleagues of any rank or role who have chosen to stand up for gender "
    "equality at work. This profile sets out what the organisation has promised, what we look "
    "for in an ally, and what allies are asked to do.</p>"
)
PROFILE_COMMITMENTS = [
    "Reduce the gender imbalance in middle management, above all at the first levels of "
    "supervision.",
    "Root out sexism and misogyny wherever they exist in our culture.",
    "Publish information on gender equality every year and report on progress.",
]
PROFILE_QUALITIES = [
    "learns about identities and experiences unlike their own, including every form of gender",
    "accepts that there is a gender imbalance in our workforce and in the communities we serve",
    "acts to reduce gender inequality and makes standing up for equality an ordinary thing to do",
    "encourages colleagues to act as well",
    "amplifies women's voices and tackles the inequalities they meet day to day",
    "challenges narrow ideas of masculinity that harm men as well as people of every gender",
    "helps change policies, systems and structures that hold back gender equality and other "
    "kinds of equality, such as race, ethnicity and sexual orientation",
]
PROFILE_RESPONSIBILITIES = [
    "talk about the programme with colleagues, at team meetings and at events",
    "show support for gender equality in their everyday behaviour",
    "challenge sexist and misogynistic behaviour, and report it",
    "help the organisation meet its commitments, for example through project work",
    "work with other allies so that the network acts as one",
    "lead or support allyship activity in their own unit",
]
PROFILE_CLOSING_NOTE = (
    "<p>Most of an ally's work happens in ordinary moments at work. The lists above are not "
    "complete: now and then allies may be asked to help with other tasks that move our "
    "commitments forward.</p>"
)
PROFILE_BUTTON = "Sign up as an ally"

TEMPLATE_TITLE = "Become an ally in [FORCE NAME]"
TEMPLATE_INTRODUCTION = (
    "<p>Our allyship programme invites colleagues of every gender to work side by side with "
    "women for equality at work. Nobody is being rescued here: we all share the work.</p>"
    "<p>Allies do not watch from the sidelines. Whenever they see or hear inequality, they "
    "act, alongside women and alongside one another.</p>"
)
TEMPLATE_WHY = (
    "<h2>Why it matters in [FORCE NAME]</h2>"
    "<p>Recent reports and cases have shown how common sexism and misogyny still are, and many "
    "of us have seen or felt it. It hurts the person on the receiving end, sours the workplace "
    "and damages trust in the whole organisation. So-called banter is part of the "
    "problem.</p>"
    "<p>Colleagues also tell us about barriers to promotion, too little support for women's "
    "health at work, and limited access to flexible working. Allies can help with all of "
    "these.</p>"
    "<p>Equality is good for men too. Rigid ideas of what a man should be can stop men asking "
    "for help, balancing work and home, or talking about what hard experiences have done to "
    "them.</p>"
)
TEMPLATE_VIDEO = {
    "url": "https://www.youtube.com/watch?v=MN6nKkHphwI",
    "title": "Why we need allies: a message from the programme's national lead",
    "transcript": "",
}
TEMPLATE_BUTTON = {
    "label": "Sign up as an ally in [FORCE NAME]",
    "text": "Signing up takes a few minutes, and you can leave at any time.",
    "link": "[SIGN-UP LINK]",
    "page": None,
}
TEMPLATE_CONTACT = {
    "heading": "Questions?",
    "text": "<p>If you would like to join, or want to know more first, [CONTACT NAME] can "
    "tell you about the programme and its resources.</p>",
    "show_unit_contact": True,
}


@dataclass
class StarterResult(LoadResult):
    """What a load created and what it found already there."""

    actions: list[AllyAction] = field(default_factory=list)
    terms: list[GlossaryTerm] = field(default_factory=list)
    profile: AllyRoleProfilePage | None = None
    template: RecruitmentArticlePage | None = None


@transaction.atomic
def load_starter(
    locale: Locale,
    parent: Page | None = None,
    publish: bool = False,
    sign_up_url: str = "",
    show_in_menus: bool = False,
) -> StarterResult:
    """Load the starter set into ``locale``; pages go under ``parent`` (skipped if ``None``).

    Pages are drafts unless ``publish``. With ``sign_up_url``, the role profile gets a
    sign-up button that leads there.
    """
    result = StarterResult()
    for kind, actions in (
        (ActionKind.EVERYDAY, EVERYDAY_ACTIONS),
        (ActionKind.STRUCTURAL, STRUCTURAL_ACTIONS),
    ):
        for order, (key, title, description) in enumerate(actions, start=1):
            source = UN_WOMEN_ECA_ACTIONS if kind == ActionKind.EVERYDAY else ("", "")
            result.actions.append(
                load_snippet(
                    AllyAction,
                    f"action:{key}",
                    locale,
                    result,
                    kind=kind,
                    title=title,
                    description=description,
                    order=order,
                    source_title=source[0],
                    source_url=source[1],
                )
            )
    for slug, term, definition, (source_title, source_url) in GLOSSARY:
        result.terms.append(
            load_snippet(
                GlossaryTerm,
                f"term:{slug}",
                locale,
                result,
                term=term,
                slug=slug,
                definition=definition,
                source_title=source_title,
                source_url=source_url,
            )
        )
    if parent is None:
        return result
    result.profile = load_page(
        AllyRoleProfilePage,
        "page:role-profile",
        parent,
        publish,
        result,
        title=PROFILE_TITLE,
        slug="ally-role-profile",
        show_in_menus=show_in_menus,
        introduction=PROFILE_INTRODUCTION,
        commitments=[("commitment", text) for text in PROFILE_COMMITMENTS],
        qualities=[("quality", text) for text in PROFILE_QUALITIES],
        responsibilities=[("responsibility", text) for text in PROFILE_RESPONSIBILITIES],
        closing_note=PROFILE_CLOSING_NOTE,
        call_to_action_label=PROFILE_BUTTON if sign_up_url else "",
        call_to_action_url=sign_up_url,
    )
    result.template = load_page(
        RecruitmentArticlePage,
        "page:recruitment-template",
        parent,
        publish,
        result,
        title=TEMPLATE_TITLE,
        slug="recruitment-article-template",
        # A template is for editors to copy: staff never meet it in a menu.
        show_in_menus=False,
        body=[
            ("rich_text", TEMPLATE_INTRODUCTION),
            ("video", TEMPLATE_VIDEO),
            ("rich_text", TEMPLATE_WHY),
            ("call_to_action", TEMPLATE_BUTTON),
            ("contact", TEMPLATE_CONTACT),
        ],
    )
    return result
