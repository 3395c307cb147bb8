"""Demo content for the resource hub: a "Resources" page with 45 resources, in three languages.

Every resource type, topic (the calendar starter's), audience and toolkit step has resources.
Documents, templates and branding assets come with a small generated file (PDF, Word or SVG)
so that downloading works offline; links and videos point at example.org addresses, so the
video pages show their plain link. Three resources are past their review date. Five resources
are left in English only, so that the French and Arabic hubs show the "not yet translated"
label, as they would while translators are still at work.

Everything is created once, under fixed translation keys: a second run changes nothing.
"""

from __future__ import annotations

import datetime
import io
import textwrap
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from wagtail_allyship.models import (
    OrganisationUnit,
    ResourceHubPage,
    ResourcePage,
    ResourceTopic,
    ResourceType,
    Topic,
)
from wagtail_allyship.starter import calendar as starter_calendar
from wagtail_allyship.starter.loader import starter_key
from wagtail_allyship.translations.translate import translate

from .demo_resource_images import ALT_STRINGS, card_image
from .demo_stories_calendar import demo_key

NATIONAL = "National Allyship Team"
NORTHSHIRE = "Northshire Police"
SOUTHVALE = "Southvale Police"

HUB_TITLE = "Resources"
HUB_INTRO = (
    "Templates, guides, courses and videos for allies, in one place. Filter by topic or type, "
    "or search. To suggest a new resource, write to the national team."
)


@dataclass(frozen=True)
class DemoResource:
    """One resource of the demo, with its French and Arabic title and summary."""

    key: str
    resource_type: str
    title: str
    summary: str
    topics: tuple[str, ...]
    audience: str
    step: int | None
    unit: str
    review_in_days: int  # from the day the demo is loaded; negative: the review is overdue
    duration: str = ""
    tags: tuple[str, ...] = ()
    url: str = ""  # external_url
    video: str = ""  # video_url
    file: str = ""  # "pdf", "docx" or "svg": a generated document to download
    fr: tuple[str, str] | None = None  # (title, summary); None: not translated yet
    ar: tuple[str, str] | None = None

    @property
    def slug(self) -> str:
        return slugify(self.title)[:80].strip("-")


DOC = ResourceType.DOCUMENT
LINK = ResourceType.LINK
VIDEO = ResourceType.VIDEO
SLIDES = ResourceType.PRESENTATION_TEMPLATE
TEMPLATE = ResourceType.DOCUMENT_TEMPLATE
BRANDING = ResourceType.BRANDING
TRAINING = ResourceType.TRAINING
GUIDE = ResourceType.GUIDE

LEARNING = "https://learning.example.org/courses/"
VIDEOS = "https://video.example.org/watch/"

RESOURCES: list[DemoResource] = [
    # documents ---------------------------------------------------------------------------
    DemoResource(
        "programme-overview",
        DOC,
        "Male allyship programme overview",
        "A four-page summary of the programme: why the service has allies, what an ally does "
        "and how the three steps fit together.",
        ("heforshe", "education"),
        "all",
        1,
        NATIONAL,
        300,
        duration="4 pages",
        tags=("induction",),
        file="pdf",
        fr=(
            "Présentation du programme des alliés masculins",
            "Un résumé de quatre pages du programme : pourquoi le service a des alliés, ce que "
            "fait un allié et comment s'enchaînent les trois étapes.",
        ),
        ar=(
            "نظرة عامة على برنامج الحلفاء من الرجال",
            "ملخص من أربع صفحات للبرنامج: لماذا يضم الجهاز حلفاء، وما الذي يفعله الحليف، وكيف "
            "تترابط الخطوات الثلاث.",
        ),
    ),
    DemoResource(
        "menopause-at-work",
        DOC,
        "Menopause at work: what colleagues can do",
        "Practical ways to support a colleague going through the menopause, from shift patterns "
        "to uniform and rest breaks.",
        ("menopause", "health"),
        "allies",
        2,
        NORTHSHIRE,
        -40,
        duration="6 pages",
        tags=("wellbeing",),
        file="pdf",
        fr=(
            "La ménopause au travail : ce que les collègues peuvent faire",
            "Des moyens concrets de soutenir une collègue en période de ménopause, des horaires "
            "de service à l'uniforme en passant par les pauses.",
        ),
        ar=(
            "انقطاع الطمث في العمل: ما يمكن للزملاء فعله",
            "طرق عملية لدعم زميلة تمر بمرحلة انقطاع الطمث، من أنماط المناوبات إلى الزي الرسمي "
            "وفترات الراحة.",
        ),
    ),
    DemoResource(
        "pay-gap-summary",
        DOC,
        "Gender pay gap report 2025: summary",
        "The headline figures of this year's pay gap report, what is behind them and the "
        "actions each force has committed to.",
        ("equal-pay",),
        "leaders",
        3,
        NATIONAL,
        200,
        duration="8 pages",
        tags=("leaders", "data"),
        file="pdf",
        fr=(
            "Rapport 2025 sur l'écart de rémunération entre les femmes et les hommes : synthèse",
            "Les principaux chiffres du rapport de cette année sur l'écart de rémunération, ce "
            "qui les explique et les actions auxquelles chaque force s'est engagée.",
        ),
        ar=(
            "تقرير فجوة الأجور بين الجنسين لعام 2025: ملخص",
            "الأرقام الرئيسية لتقرير فجوة الأجور لهذا العام، وما يقف وراءها، والإجراءات التي "
            "التزمت بها كل قوة.",
        ),
    ),
    DemoResource(
        "disclosure-of-abuse",
        DOC,
        "Responding when a colleague discloses domestic abuse",
        "What to say, what not to say and where to refer a colleague who tells you they are "
        "experiencing abuse at home.",
        ("gender-based-violence",),
        "all",
        2,
        SOUTHVALE,
        250,
        duration="3 pages",
        tags=("wellbeing",),
        file="pdf",
        fr=(
            "Réagir quand un collègue révèle des violences conjugales",
            "Ce qu'il faut dire, ce qu'il faut éviter et vers qui orienter un collègue qui vous "
            "confie subir des violences à la maison.",
        ),
        ar=(
            "كيف تتصرف عندما يخبرك زميل بتعرضه للعنف الأسري",
            "ما الذي تقوله وما الذي تتجنبه وإلى أين توجّه زميلًا يخبرك بأنه يتعرض للإساءة في المنزل.",
        ),
    ),
    DemoResource(
        "flexible-working-policy",
        DOC,
        "Flexible working policy in plain words",
        "The service's flexible working policy explained in two pages: who can ask, how "
        "requests are decided and how to appeal.",
        ("flexible-working", "families"),
        "all",
        None,
        NATIONAL,
        150,
        duration="2 pages",
        file="pdf",
        fr=(
            "La politique de travail flexible en termes simples",
            "La politique de travail flexible du service expliquée en deux pages : qui peut en "
            "faire la demande, comment les demandes sont tranchées et comment contester une "
            "décision.",
        ),
        ar=(
            "سياسة العمل المرن بلغة بسيطة",
            "سياسة العمل المرن في الجهاز مشروحة في صفحتين: من يحق له التقدم بطلب، وكيف يُبت في "
            "الطلبات، وكيف يُطعن في القرار.",
        ),
    ),
    DemoResource(
        "trans-inclusion-briefing",
        DOC,
        "Trans inclusion at work: a briefing for allies",
        "Terms, pronouns and how to challenge exclusion kindly, with the service's guidance on "
        "uniform, facilities and searches.",
        ("lgbtqia",),
        "allies",
        2,
        NORTHSHIRE,
        320,
        duration="5 pages",
        tags=("induction",),
        file="pdf",
    ),
    # links -------------------------------------------------------------------------------
    DemoResource(
        "heforshe-commitments",
        LINK,
        "HeForShe commitments",
        "The global HeForShe movement's page of commitments: ideas for your own pledge and what "
        "other organisations have promised.",
        ("heforshe",),
        "allies",
        1,
        NATIONAL,
        365,
        url="https://heforshe.example.org/commitments",
        fr=(
            "Les engagements HeForShe",
            "La page des engagements du mouvement mondial HeForShe : des idées pour votre propre "
            "engagement et ce que d'autres organisations ont promis.",
        ),
        ar=(
            "التزامات HeForShe",
            "صفحة الالتزامات لحركة HeForShe العالمية: أفكار لتعهّدك الخاص، وما وعدت به مؤسسات أخرى.",
        ),
    ),
    DemoResource(
        "employee-assistance",
        LINK,
        "Employee assistance programme",
        "Free, confidential advice for staff and their families, 24 hours a day, on money, "
        "health, relationships and work.",
        ("health", "families"),
        "all",
        None,
        NATIONAL,
        120,
        tags=("wellbeing",),
        url="https://eap.example.org/",
        fr=(
            "Programme d'aide aux employés",
            "Des conseils gratuits et confidentiels pour le personnel et leur famille, 24 heures "
            "sur 24, sur l'argent, la santé, les relations et le travail.",
        ),
        ar=(
            "برنامج مساعدة الموظفين",
            "استشارات مجانية وسرية للموظفين وعائلاتهم على مدار الساعة، في شؤون المال والصحة "
            "والعلاقات والعمل.",
        ),
    ),
    DemoResource(
        "womens-network",
        LINK,
        "Women's police network",
        "The staff network for women in the service: its events, its mentoring scheme and how "
        "allies can support its work.",
        ("mentoring", "education"),
        "allies",
        2,
        NORTHSHIRE,
        200,
        tags=("events",),
        url="https://womens-network.example.org/",
        fr=(
            "Réseau des femmes policières",
            "Le réseau du personnel féminin du service : ses événements, son programme de "
            "mentorat et la façon dont les alliés peuvent soutenir son action.",
        ),
        ar=(
            "شبكة الشرطيات",
            "شبكة الموظفات في الجهاز: فعالياتها وبرنامج الإرشاد فيها وكيف يمكن للحلفاء دعم عملها.",
        ),
    ),
    DemoResource(
        "violence-facts",
        LINK,
        "Facts and figures on violence against women",
        "Up-to-date international figures, useful when you introduce a talk or a campaign on "
        "gender-based violence.",
        ("gender-based-violence", "human-rights"),
        "leaders",
        1,
        NATIONAL,
        100,
        tags=("events", "communications"),
        url="https://data.example.org/violence-against-women",
        fr=(
            "Faits et chiffres sur la violence à l'égard des femmes",
            "Des chiffres internationaux à jour, utiles pour introduire une intervention ou une "
            "campagne sur les violences fondées sur le genre.",
        ),
        ar=(
            "حقائق وأرقام عن العنف ضد المرأة",
            "أرقام دولية محدّثة، مفيدة عند تقديم حديث أو حملة عن العنف القائم على النوع الاجتماعي.",
        ),
    ),
    DemoResource(
        "carers-leave",
        LINK,
        "Carers' leave and support",
        "How to take carers' leave, the carers' passport and the support group for staff who "
        "look after a relative.",
        ("families", "flexible-working"),
        "all",
        None,
        SOUTHVALE,
        180,
        tags=("wellbeing",),
        url="https://intranet.example.org/hr/carers",
        fr=(
            "Congé et soutien pour les proches aidants",
            "Comment prendre un congé de proche aidant, le passeport aidant et le groupe de "
            "soutien du personnel qui s'occupe d'un proche.",
        ),
        ar=(
            "إجازة مقدّمي الرعاية والدعم المتاح لهم",
            "كيفية الحصول على إجازة مقدّمي الرعاية، وجواز مقدّم الرعاية، ومجموعة الدعم للموظفين "
            "الذين يعتنون بقريب.",
        ),
    ),
    DemoResource(
        "lgbt-police-network",
        LINK,
        "LGBT+ police network",
        "The national network of LGBT+ officers and staff: contacts in each force, events and "
        "guidance for allies.",
        ("lgbtqia",),
        "allies",
        2,
        NATIONAL,
        250,
        tags=("events",),
        url="https://lgbt-network.example.org/",
    ),
    # videos ------------------------------------------------------------------------------
    DemoResource(
        "why-allies-matter",
        VIDEO,
        "Why allies matter: a message from the chief constable",
        "The chief constable explains why the service asks men to be allies and what she "
        "expects of leaders.",
        ("heforshe",),
        "all",
        1,
        NATIONAL,
        300,
        duration="4 minutes",
        tags=("induction", "leaders"),
        video=VIDEOS + "why-allies-matter",
        fr=(
            "Pourquoi les alliés comptent : un message de la cheffe de la police",
            "La cheffe de la police explique pourquoi le service demande aux hommes d'être des "
            "alliés et ce qu'elle attend des cadres.",
        ),
        ar=(
            "لماذا يهمّ الحلفاء: رسالة من قائدة الشرطة",
            "توضح قائدة الشرطة لماذا يطلب الجهاز من الرجال أن يكونوا حلفاء، وما الذي تنتظره من "
            "القيادات.",
        ),
    ),
    DemoResource(
        "speaking-up-at-briefing",
        VIDEO,
        "Speaking up in the briefing room",
        "Three short scenes of sexist remarks at a shift briefing, and three ways a colleague "
        "can respond without escalating.",
        ("gender-based-violence",),
        "allies",
        2,
        NORTHSHIRE,
        200,
        duration="9 minutes",
        tags=("meetings",),
        video=VIDEOS + "speaking-up-in-the-briefing-room",
        fr=(
            "Prendre la parole en salle de briefing",
            "Trois courtes scènes de remarques sexistes lors d'un briefing de relève, et trois "
            "façons pour un collègue de réagir sans envenimer la situation.",
        ),
        ar=(
            "التحدث في غرفة الإحاطة",
            "ثلاثة مشاهد قصيرة لتعليقات متحيزة ضد المرأة خلال إحاطة المناوبة، وثلاث طرق يمكن "
            "للزميل أن يرد بها دون تصعيد.",
        ),
    ),
    DemoResource(
        "mens-mental-health",
        VIDEO,
        "Men's mental health: three officers talk",
        "Three male officers talk about stress, trauma and the moment they asked for help.",
        ("health",),
        "all",
        None,
        SOUTHVALE,
        150,
        duration="12 minutes",
        tags=("wellbeing",),
        video=VIDEOS + "mens-mental-health",
        fr=(
            "La santé mentale des hommes : trois policiers témoignent",
            "Trois policiers parlent du stress, des traumatismes et du moment où ils ont demandé "
            "de l'aide.",
        ),
        ar=(
            "الصحة النفسية للرجال: ثلاثة ضباط يتحدثون",
            "يتحدث ثلاثة ضباط عن الضغط النفسي والصدمات واللحظة التي طلبوا فيها المساعدة.",
        ),
    ),
    DemoResource(
        "shared-parental-leave",
        VIDEO,
        "Shared parental leave: a father's story",
        "A detective sergeant on taking six months of shared parental leave, and what his team "
        "did to make it work.",
        ("families",),
        "all",
        3,
        NORTHSHIRE,
        220,
        duration="6 minutes",
        video=VIDEOS + "shared-parental-leave",
        fr=(
            "Le congé parental partagé : le témoignage d'un père",
            "Un sergent-détective raconte ses six mois de congé parental partagé et ce que son "
            "équipe a fait pour que cela fonctionne.",
        ),
        ar=(
            "إجازة الوالدين المشتركة: قصة أب",
            "رقيب تحقيق يروي تجربته في أخذ ستة أشهر من إجازة الوالدين المشتركة، وما فعله فريقه "
            "لإنجاحها.",
        ),
    ),
    DemoResource(
        "womens-day-panel",
        VIDEO,
        "Recording of the International Women's Day panel",
        "The service's panel for International Women's Day: four women leaders and two allies "
        "on careers in specialist units.",
        ("education", "global-events"),
        "all",
        1,
        NATIONAL,
        90,
        duration="55 minutes",
        tags=("events",),
        video=VIDEOS + "international-womens-day-panel",
        fr=(
            "Enregistrement de la table ronde de la Journée internationale des droits des femmes",
            "La table ronde du service pour la Journée internationale des droits des femmes : "
            "quatre dirigeantes et deux alliés parlent des carrières dans les unités "
            "spécialisées.",
        ),
        ar=(
            "تسجيل الندوة الخاصة باليوم الدولي للمرأة",
            "ندوة الجهاز بمناسبة اليوم الدولي للمرأة: أربع قياديات وحليفان يتحدثون عن المسارات "
            "المهنية في الوحدات المتخصصة.",
        ),
    ),
    # presentation templates --------------------------------------------------------------
    DemoResource(
        "introducing-allyship-slides",
        SLIDES,
        "Introducing allyship to your team: slide deck",
        "Ready-made slides for a 20-minute team talk on what allyship is, with speaker notes "
        "and space for local examples.",
        ("heforshe",),
        "allies",
        1,
        NATIONAL,
        200,
        duration="12 slides",
        tags=("induction", "meetings"),
        file="pdf",
        fr=(
            "Présenter le programme des alliés à votre équipe : diaporama",
            "Des diapositives prêtes à l'emploi pour une intervention de 20 minutes en équipe "
            "sur ce qu'est un allié, avec notes de l'orateur et place pour des exemples locaux.",
        ),
        ar=(
            "تعريف فريقك بمفهوم الحلفاء: عرض شرائح",
            "شرائح جاهزة لحديث مدته 20 دقيقة مع الفريق حول معنى أن تكون حليفًا، مع ملاحظات "
            "للمتحدث ومساحة لأمثلة محلية.",
        ),
    ),
    DemoResource(
        "menopause-session-slides",
        SLIDES,
        "Menopause awareness session: slides",
        "Slides for a lunchtime awareness session, reviewed by occupational health, with a "
        "quiz to open the discussion.",
        ("menopause",),
        "allies",
        2,
        SOUTHVALE,
        -60,
        duration="15 slides",
        tags=("wellbeing", "meetings"),
        file="pdf",
        fr=(
            "Séance de sensibilisation à la ménopause : diapositives",
            "Des diapositives pour une séance de sensibilisation à l'heure du déjeuner, relues "
            "par la médecine du travail, avec un quiz pour lancer la discussion.",
        ),
        ar=(
            "جلسة توعية حول انقطاع الطمث: شرائح",
            "شرائح لجلسة توعية في وقت الغداء، راجعتها إدارة الصحة المهنية، مع اختبار قصير لفتح "
            "النقاش.",
        ),
    ),
    DemoResource(
        "progress-to-the-board",
        SLIDES,
        "Reporting progress to the leadership board",
        "A short deck to present what your allies did this year, with charts you fill in from "
        "the pledge report.",
        ("equal-pay", "mentoring"),
        "leaders",
        3,
        NATIONAL,
        250,
        duration="8 slides",
        tags=("leaders", "data"),
        file="pdf",
        fr=(
            "Rendre compte des progrès au comité de direction",
            "Un court diaporama pour présenter ce que vos alliés ont fait cette année, avec des "
            "graphiques à remplir à partir du rapport des engagements.",
        ),
        ar=(
            "عرض التقدم على مجلس القيادة",
            "عرض قصير لتقديم ما أنجزه الحلفاء هذا العام، مع رسوم بيانية تملؤها من تقرير التعهّدات.",
        ),
    ),
    DemoResource(
        "sixteen-days-slides",
        SLIDES,
        "Sixteen days of activism: briefing slides",
        "Slides for shift briefings during the 16 days of activism, one for each day, with a "
        "fact and a question to discuss.",
        ("gender-based-violence", "global-events"),
        "all",
        2,
        NORTHSHIRE,
        120,
        duration="16 slides",
        tags=("events", "meetings"),
        file="pdf",
        fr=(
            "Seize jours d'activisme : diapositives de briefing",
            "Des diapositives pour les briefings de relève pendant les 16 jours d'activisme, une "
            "par jour, avec un fait et une question à discuter.",
        ),
        ar=(
            "ستة عشر يومًا من النشاط: شرائح إحاطة",
            "شرائح لإحاطات المناوبات خلال الأيام الستة عشر من النشاط، شريحة لكل يوم، مع معلومة "
            "وسؤال للنقاش.",
        ),
    ),
    DemoResource(
        "human-rights-slides",
        SLIDES,
        "Human rights and policing: discussion slides",
        "Slides linking equality at work to the service's duties under human rights law, for a "
        "45-minute workshop.",
        ("human-rights",),
        "leaders",
        3,
        SOUTHVALE,
        300,
        duration="20 slides",
        tags=("leaders",),
        file="pdf",
    ),
    # document templates ------------------------------------------------------------------
    DemoResource(
        "pledge-planning-template",
        TEMPLATE,
        "Pledge planning template",
        "A one-page plan for your pledge: what you will do, how, with whom, by when and how "
        "you will know it worked.",
        ("mentoring",),
        "allies",
        2,
        NATIONAL,
        330,
        duration="1 page",
        tags=("induction",),
        file="docx",
        fr=(
            "Modèle de planification de l'engagement",
            "Un plan d'une page pour votre engagement : ce que vous ferez, comment, avec qui, "
            "pour quand et comment vous saurez que cela a marché.",
        ),
        ar=(
            "نموذج لتخطيط التعهّد",
            "خطة من صفحة واحدة لتعهّدك: ما الذي ستفعله وكيف ومع من ومتى، وكيف ستعرف أنه نجح.",
        ),
    ),
    DemoResource(
        "mentoring-agreement",
        TEMPLATE,
        "Mentoring agreement",
        "A template that mentor and mentee fill in at their first meeting: goals, how often "
        "they meet and what stays confidential.",
        ("mentoring", "education"),
        "allies",
        2,
        NORTHSHIRE,
        210,
        duration="2 pages",
        file="docx",
        fr=(
            "Convention de mentorat",
            "Un modèle que le mentor et la personne mentorée remplissent lors de leur première "
            "rencontre : objectifs, fréquence des rencontres et ce qui reste confidentiel.",
        ),
        ar=(
            "اتفاقية إرشاد",
            "نموذج يملؤه المرشد والمتدرب في لقائهما الأول: الأهداف، وعدد مرات اللقاء، وما يبقى "
            "سريًا.",
        ),
    ),
    DemoResource(
        "flexible-working-request",
        TEMPLATE,
        "Flexible working request form with guidance",
        "The request form, with notes on what to include and a checklist for managers who "
        "decide on requests.",
        ("flexible-working",),
        "leaders",
        None,
        NATIONAL,
        160,
        duration="4 pages",
        tags=("leaders",),
        file="docx",
        fr=(
            "Formulaire de demande de travail flexible, avec conseils",
            "Le formulaire de demande, avec des indications sur ce qu'il faut y mettre et une "
            "liste de contrôle pour les cadres qui tranchent les demandes.",
        ),
        ar=(
            "استمارة طلب العمل المرن مع إرشادات",
            "استمارة الطلب، مع ملاحظات حول ما ينبغي تضمينه وقائمة تحقق للمديرين الذين يبتّون في "
            "الطلبات.",
        ),
    ),
    DemoResource(
        "awareness-day-event-plan",
        TEMPLATE,
        "Event plan for an awareness day",
        "Plan a stand, a talk or a coffee morning: the tasks, the people to ask, the budget and "
        "the messages, on one sheet.",
        ("global-events", "human-rights"),
        "allies",
        2,
        SOUTHVALE,
        140,
        duration="2 pages",
        tags=("events",),
        file="docx",
        fr=(
            "Plan d'événement pour une journée de sensibilisation",
            "Préparez un stand, une conférence ou un café-rencontre : les tâches, les personnes "
            "à solliciter, le budget et les messages, sur une seule feuille.",
        ),
        ar=(
            "خطة فعالية ليوم توعوي",
            "خطط لجناح أو محاضرة أو لقاء صباحي على القهوة: المهام، والأشخاص الذين تطلب منهم "
            "المساعدة، والميزانية، والرسائل، في ورقة واحدة.",
        ),
    ),
    DemoResource(
        "menopause-conversation-record",
        TEMPLATE,
        "Menopause support conversation record",
        "A confidential record for a manager and a colleague to agree adjustments at work and "
        "review them.",
        ("menopause", "health"),
        "leaders",
        2,
        NORTHSHIRE,
        260,
        duration="2 pages",
        tags=("wellbeing", "leaders"),
        file="docx",
        fr=(
            "Compte rendu d'entretien de soutien pendant la ménopause",
            "Un document confidentiel pour convenir, entre responsable et collègue, "
            "d'aménagements au travail et les réexaminer.",
        ),
        ar=(
            "سجل محادثة الدعم خلال انقطاع الطمث",
            "سجل سري يتفق فيه المدير والزميلة على التعديلات المطلوبة في العمل ويراجعانها.",
        ),
    ),
    DemoResource(
        "network-meeting-agenda",
        TEMPLATE,
        "Allies' network meeting agenda",
        "An agenda and minutes template for a local allies' network, with standing items on "
        "pledges, events and actions.",
        ("mentoring",),
        "allies",
        2,
        SOUTHVALE,
        190,
        duration="1 page",
        tags=("meetings",),
        file="docx",
    ),
    # branding ----------------------------------------------------------------------------
    DemoResource(
        "programme-logo",
        BRANDING,
        "Allyship programme logo",
        "The programme's logo for posters, slides and email signatures, with the rules on "
        "space and colour.",
        ("heforshe",),
        "editors",
        1,
        NATIONAL,
        400,
        tags=("communications",),
        file="svg",
        fr=(
            "Logo du programme des alliés",
            "Le logo du programme pour les affiches, les diapositives et les signatures "
            "électroniques, avec les règles d'espace et de couleur.",
        ),
        ar=(
            "شعار برنامج الحلفاء",
            "شعار البرنامج للملصقات والشرائح وتواقيع البريد الإلكتروني، مع قواعد المساحة والألوان.",
        ),
    ),
    DemoResource(
        "awareness-day-poster",
        BRANDING,
        "Poster template for awareness days",
        "An A4 poster in the programme's colours, with a space for your date, your message and "
        "a QR code.",
        ("global-events",),
        "editors",
        2,
        NATIONAL,
        180,
        duration="A4",
        tags=("events", "communications"),
        file="pdf",
        fr=(
            "Modèle d'affiche pour les journées de sensibilisation",
            "Une affiche A4 aux couleurs du programme, avec un espace pour votre date, votre "
            "message et un code QR.",
        ),
        ar=(
            "نموذج ملصق للأيام التوعوية",
            "ملصق بحجم A4 بألوان البرنامج مع مساحة لتاريخك ورسالتك ورمز QR.",
        ),
    ),
    DemoResource(
        "email-signature-banner",
        BRANDING,
        "Email signature banner",
        "A small banner for allies to add under their email signature, in two sizes.",
        ("heforshe",),
        "allies",
        1,
        NATIONAL,
        -10,
        duration="2 sizes",
        tags=("communications",),
        file="svg",
        fr=(
            "Bannière de signature électronique",
            "Une petite bannière que les alliés ajoutent sous leur signature électronique, en "
            "deux formats.",
        ),
        ar=(
            "شريط لتوقيع البريد الإلكتروني",
            "شريط صغير يضيفه الحلفاء أسفل توقيع بريدهم الإلكتروني، بحجمين.",
        ),
    ),
    DemoResource(
        "brand-colours-and-type",
        BRANDING,
        "Brand colours and type for the programme",
        "The colour codes, typefaces and contrast rules that keep the programme's material "
        "recognisable and readable.",
        ("heforshe",),
        "editors",
        None,
        NATIONAL,
        300,
        duration="3 pages",
        tags=("communications",),
        file="pdf",
        fr=(
            "Couleurs et typographie du programme",
            "Les codes couleur, les polices et les règles de contraste qui rendent les supports "
            "du programme reconnaissables et lisibles.",
        ),
        ar=(
            "ألوان البرنامج وخطوطه",
            "رموز الألوان والخطوط وقواعد التباين التي تجعل مواد البرنامج مميزة وسهلة القراءة.",
        ),
    ),
    # training courses --------------------------------------------------------------------
    DemoResource(
        "active-bystander",
        TRAINING,
        "Active bystander training",
        "A half-day course on noticing harassment and stepping in safely, with practice "
        "scenarios from police settings.",
        ("gender-based-violence",),
        "all",
        2,
        NATIONAL,
        240,
        duration="3 hours",
        tags=("induction",),
        url=LEARNING + "active-bystander",
        fr=(
            "Formation « témoin actif »",
            "Une formation d'une demi-journée pour repérer le harcèlement et intervenir en "
            "sécurité, avec des mises en situation tirées du contexte policier.",
        ),
        ar=(
            "تدريب المتفرّج الفاعل",
            "دورة مدتها نصف يوم حول ملاحظة التحرش والتدخل بأمان، مع سيناريوهات تطبيقية من بيئة "
            "العمل الشرطي.",
        ),
    ),
    DemoResource(
        "inclusive-leadership",
        TRAINING,
        "Inclusive leadership for sergeants and inspectors",
        "Four online modules on fair allocation of work, flexible rosters and spotting bias in "
        "appraisals.",
        ("education", "flexible-working"),
        "leaders",
        3,
        NATIONAL,
        280,
        duration="4 × 45 minutes",
        tags=("leaders",),
        url=LEARNING + "inclusive-leadership",
        fr=(
            "Leadership inclusif pour les sergents et les inspecteurs",
            "Quatre modules en ligne sur la répartition équitable du travail, les plannings "
            "flexibles et le repérage des biais dans les évaluations.",
        ),
        ar=(
            "القيادة الشاملة للرقباء والمفتشين",
            "أربع وحدات إلكترونية حول التوزيع العادل للعمل، وجداول المناوبات المرنة، واكتشاف "
            "التحيز في تقييمات الأداء.",
        ),
    ),
    DemoResource(
        "menopause-e-learning",
        TRAINING,
        "Menopause awareness e-learning",
        "A 30-minute module for every member of staff: symptoms, adjustments and how to start a "
        "conversation.",
        ("menopause",),
        "all",
        1,
        SOUTHVALE,
        200,
        duration="30 minutes",
        tags=("wellbeing", "induction"),
        url=LEARNING + "menopause-awareness",
        fr=(
            "Module en ligne de sensibilisation à la ménopause",
            "Un module de 30 minutes pour tout le personnel : symptômes, aménagements et comment "
            "engager la conversation.",
        ),
        ar=(
            "تعلّم إلكتروني للتوعية بانقطاع الطمث",
            "وحدة مدتها 30 دقيقة لجميع الموظفين: الأعراض، والتعديلات الممكنة، وكيف تبدأ الحديث.",
        ),
    ),
    DemoResource(
        "mentoring-skills",
        TRAINING,
        "Mentoring skills workshop",
        "A one-day workshop for new mentors: listening, giving feedback and helping a mentee "
        "prepare for a promotion board.",
        ("mentoring",),
        "allies",
        2,
        NORTHSHIRE,
        170,
        duration="1 day",
        url=LEARNING + "mentoring-skills",
        fr=(
            "Atelier sur les compétences de mentorat",
            "Un atelier d'une journée pour les nouveaux mentors : écouter, faire un retour et "
            "aider une personne mentorée à préparer un jury de promotion.",
        ),
        ar=(
            "ورشة مهارات الإرشاد",
            "ورشة عمل ليوم واحد للمرشدين الجدد: الإصغاء، وتقديم الملاحظات، ومساعدة المتدرب على "
            "الاستعداد للجنة الترقية.",
        ),
    ),
    DemoResource(
        "equality-law-essentials",
        TRAINING,
        "Equality law essentials",
        "An online course on the duties of equality law for everyone who manages people, with "
        "a short assessment.",
        ("human-rights", "equal-pay"),
        "leaders",
        None,
        NATIONAL,
        310,
        duration="90 minutes",
        tags=("leaders",),
        url=LEARNING + "equality-law-essentials",
        fr=(
            "L'essentiel du droit de l'égalité",
            "Un cours en ligne sur les obligations du droit de l'égalité pour toute personne qui "
            "encadre une équipe, avec une courte évaluation.",
        ),
        ar=(
            "أساسيات قانون المساواة",
            "دورة إلكترونية حول الواجبات التي يفرضها قانون المساواة على كل من يدير فريقًا، مع "
            "تقييم قصير.",
        ),
    ),
    DemoResource(
        "accessible-intranet-pages",
        TRAINING,
        "Writing accessible intranet pages",
        "A short course for intranet editors on plain language, headings, link text and "
        "alternative text for images.",
        ("education",),
        "editors",
        None,
        NATIONAL,
        220,
        duration="45 minutes",
        tags=("communications",),
        url=LEARNING + "accessible-intranet-pages",
    ),
    # guides ------------------------------------------------------------------------------
    DemoResource(
        "first-month-as-an-ally",
        GUIDE,
        "Your first month as an ally",
        "A step-by-step guide to your first weeks: signing up, making your pledge, finding your "
        "local network and having your first conversation.",
        ("heforshe", "mentoring"),
        "allies",
        1,
        NATIONAL,
        200,
        duration="10 minutes' read",
        tags=("induction",),
        file="pdf",
        fr=(
            "Votre premier mois en tant qu'allié",
            "Un guide pas à pas pour vos premières semaines : s'inscrire, prendre un engagement, "
            "trouver son réseau local et mener une première conversation.",
        ),
        ar=(
            "شهرك الأول كحليف",
            "دليل خطوة بخطوة لأسابيعك الأولى: التسجيل، وتقديم تعهّدك، والعثور على شبكتك "
            "المحلية، وبدء أول حديث.",
        ),
    ),
    DemoResource(
        "inclusive-meetings",
        GUIDE,
        "Running inclusive meetings",
        "How to chair a meeting so that everyone is heard: changing who speaks first, dealing "
        "with interruptions and crediting ideas.",
        ("education",),
        "leaders",
        2,
        SOUTHVALE,
        190,
        duration="5 minutes' read",
        tags=("meetings", "leaders"),
        url="https://intranet.example.org/guides/inclusive-meetings",
        fr=(
            "Animer des réunions inclusives",
            "Comment présider une réunion pour que chacun soit entendu : changer l'ordre de prise "
            "de parole, gérer les interruptions et attribuer les idées à leurs auteurs.",
        ),
        ar=(
            "إدارة اجتماعات شاملة",
            "كيف تترأس اجتماعًا يُسمع فيه صوت الجميع: تبديل من يتحدث أولًا، والتعامل مع "
            "المقاطعات، ونسب الأفكار إلى أصحابها.",
        ),
    ),
    DemoResource(
        "parents-and-carers",
        GUIDE,
        "Supporting colleagues who are parents and carers",
        "What a line manager and a team can do about shift patterns, emergencies at home and "
        "returning from leave.",
        ("families", "flexible-working"),
        "leaders",
        3,
        NORTHSHIRE,
        260,
        duration="8 minutes' read",
        tags=("wellbeing", "leaders"),
        file="pdf",
        fr=(
            "Soutenir les collègues parents et aidants",
            "Ce qu'un responsable et une équipe peuvent faire pour les horaires de service, les "
            "urgences familiales et le retour après un congé.",
        ),
        ar=(
            "دعم الزملاء من الآباء والأمهات ومقدّمي الرعاية",
            "ما يمكن للمدير المباشر والفريق فعله بشأن أنماط المناوبات وحالات الطوارئ المنزلية "
            "والعودة من الإجازة.",
        ),
    ),
    DemoResource(
        "talking-about-pay",
        GUIDE,
        "Talking about pay fairly",
        "How to discuss pay, overtime and allowances openly with your team, and what to do if "
        "you find an unexplained gap.",
        ("equal-pay",),
        "all",
        3,
        NATIONAL,
        230,
        duration="6 minutes' read",
        tags=("data",),
        url="https://intranet.example.org/guides/talking-about-pay",
        fr=(
            "Parler de rémunération en toute équité",
            "Comment parler ouvertement de salaire, d'heures supplémentaires et d'indemnités "
            "avec votre équipe, et que faire si vous découvrez un écart inexpliqué.",
        ),
        ar=(
            "الحديث عن الأجور بإنصاف",
            "كيف تناقش الأجور والعمل الإضافي والبدلات بصراحة مع فريقك، وما الذي تفعله إذا اكتشفت "
            "فجوة غير مبررة.",
        ),
    ),
    DemoResource(
        "lgbtqia-allies",
        GUIDE,
        "Being an ally to LGBTQIA+ colleagues",
        "Everyday actions that make a difference: using the right names and pronouns, "
        "challenging jokes and supporting the network.",
        ("lgbtqia", "human-rights"),
        "all",
        2,
        SOUTHVALE,
        270,
        duration="7 minutes' read",
        tags=("induction",),
        url="https://intranet.example.org/guides/lgbtqia-allies",
        fr=(
            "Être un allié des collègues LGBTQIA+",
            "Des gestes quotidiens qui font la différence : utiliser les bons prénoms et "
            "pronoms, contester les plaisanteries déplacées et soutenir le réseau.",
        ),
        ar=(
            "أن تكون حليفًا لزملائك من مجتمع الميم",
            "أفعال يومية تُحدث فرقًا: استخدام الأسماء والضمائر الصحيحة، والاعتراض على النكات "
            "المسيئة، ودعم الشبكة.",
        ),
    ),
    DemoResource(
        "keeping-your-network-going",
        GUIDE,
        "Keeping your local network going",
        "Lessons from forces whose networks lasted: sharing the chair, renewing members each "
        "year and reporting to leaders.",
        ("mentoring", "heforshe"),
        "allies",
        3,
        NATIONAL,
        210,
        duration="9 minutes' read",
        tags=("meetings", "leaders"),
        file="pdf",
        fr=(
            "Faire vivre votre réseau local",
            "Les leçons des forces dont le réseau a duré : partager la présidence, renouveler les "
            "membres chaque année et rendre compte aux dirigeants.",
        ),
        ar=(
            "الحفاظ على استمرارية شبكتك المحلية",
            "دروس من القوات التي استمرت شبكاتها: تقاسم الرئاسة، وتجديد الأعضاء كل عام، ورفع "
            "التقارير إلى القيادات.",
        ),
    ),
    DemoResource(
        "promotion-board-tips",
        GUIDE,
        "Preparing for a promotion board: tips to share",
        "Advice from board members that allies can pass on to colleagues applying for "
        "promotion, especially those who hesitate.",
        ("education", "mentoring"),
        "all",
        2,
        NORTHSHIRE,
        160,
        duration="5 minutes' read",
        url="https://intranet.example.org/guides/promotion-boards",
        fr=(
            "Préparer un jury de promotion : des conseils à partager",
            "Les conseils de membres de jurys que les alliés peuvent transmettre aux collègues "
            "candidats à une promotion, surtout à ceux qui hésitent.",
        ),
        ar=(
            "الاستعداد للجنة الترقية: نصائح للمشاركة",
            "نصائح من أعضاء لجان الترقية يمكن للحلفاء نقلها إلى الزملاء المتقدمين للترقية، ولا "
            "سيما المترددين منهم.",
        ),
    ),
]

#: What every resource of a type says about using it (the body), with its translations.
TYPE_BODIES: dict[str, tuple[str, str, str]] = {
    DOC: (
        "Download the file and read it on screen or print it. If something in it is out of "
        "date, tell the unit that keeps it up to date.",
        "Téléchargez le fichier et lisez-le à l'écran ou imprimez-le. Si une information n'est "
        "plus à jour, prévenez l'unité qui en est responsable.",
        "نزّل الملف واقرأه على الشاشة أو اطبعه. وإذا وجدت فيه معلومة قديمة، فأبلغ الوحدة "
        "المسؤولة عن تحديثه.",
    ),
    LINK: (
        "This resource lives on another site. Some sites outside the intranet may ask you to "
        "sign in, or may not open on a force device.",
        "Cette ressource se trouve sur un autre site. Certains sites extérieurs à l'intranet "
        "peuvent vous demander de vous connecter, ou ne pas s'ouvrir sur un appareil du service.",
        "يوجد هذا المورد على موقع آخر. قد تطلب منك بعض المواقع الموجودة خارج الشبكة الداخلية "
        "تسجيل الدخول، أو قد لا تفتح على أجهزة الجهاز.",
    ),
    VIDEO: (
        "Watch it alone or show it at the start of a team meeting, then ask what struck people. "
        "Subtitles are available on the video's page.",
        "Regardez-la seul ou projetez-la au début d'une réunion d'équipe, puis demandez ce qui a "
        "marqué chacun. Des sous-titres sont disponibles sur la page de la vidéo.",
        "شاهده بمفردك أو اعرضه في بداية اجتماع الفريق، ثم اسأل الحاضرين عمّا لفت انتباههم. "
        "تتوفر ترجمة نصية على صفحة الفيديو.",
    ),
    SLIDES: (
        "Download the slides, replace the text in square brackets with your own examples and "
        "keep the programme's logo on the first slide. The speaker notes say what each slide is "
        "for.",
        "Téléchargez les diapositives, remplacez le texte entre crochets par vos propres "
        "exemples et gardez le logo du programme sur la première diapositive. Les notes de "
        "l'orateur expliquent le rôle de chaque diapositive.",
        "نزّل الشرائح، واستبدل النص الموجود بين قوسين معقوفين بأمثلتك الخاصة، واحتفظ بشعار "
        "البرنامج على الشريحة الأولى. توضح ملاحظات المتحدث الغرض من كل شريحة.",
    ),
    TEMPLATE: (
        "Download the template, save a copy and fill it in. Keep completed copies as your unit "
        "keeps other personal records.",
        "Téléchargez le modèle, enregistrez-en une copie et remplissez-la. Conservez les "
        "exemplaires remplis comme votre unité conserve les autres documents personnels.",
        "نزّل النموذج واحفظ نسخة منه واملأها. واحتفظ بالنسخ المكتملة كما تحتفظ وحدتك بالسجلات "
        "الشخصية الأخرى.",
    ),
    BRANDING: (
        "Use the file as it is: do not stretch it, change its colours or crop it. Ask the "
        "national team if you need another format.",
        "Utilisez le fichier tel quel : ne l'étirez pas, ne changez pas ses couleurs et ne le "
        "recadrez pas. Demandez à l'équipe nationale si vous avez besoin d'un autre format.",
        "استخدم الملف كما هو: لا تمطّه ولا تغيّر ألوانه ولا تقتطع منه. واطلب من الفريق الوطني "
        "إن احتجت إلى صيغة أخرى.",
    ),
    TRAINING: (
        "Book through the learning site with your line manager's agreement. The course counts "
        "towards your protected learning time.",
        "Inscrivez-vous sur le site de formation avec l'accord de votre responsable. La "
        "formation compte dans votre temps de formation protégé.",
        "سجّل عبر موقع التعلّم بعد موافقة مديرك المباشر. تُحتسب الدورة ضمن وقت التعلّم المخصص لك.",
    ),
    GUIDE: (
        "Read it before you need it, and come back to it when the situation arises. Allies who "
        "have tried the advice are happy to talk it through with you.",
        "Lisez-le avant d'en avoir besoin, et revenez-y le moment venu. Des alliés qui ont suivi "
        "ces conseils sont prêts à en parler avec vous.",
        "اقرأه قبل أن تحتاج إليه، وعُد إليه عندما يحين الوقت. يسعد الحلفاء الذين جرّبوا هذه "
        "النصائح بمناقشتها معك.",
    ),
}

#: Lengths and durations, as translators would write them.
DURATIONS: dict[str, tuple[str, str]] = {
    "1 page": ("1 page", "صفحة واحدة"),
    "2 pages": ("2 pages", "صفحتان"),
    "3 pages": ("3 pages", "3 صفحات"),
    "4 pages": ("4 pages", "4 صفحات"),
    "6 pages": ("6 pages", "6 صفحات"),
    "8 pages": ("8 pages", "8 صفحات"),
    "4 minutes": ("4 minutes", "4 دقائق"),
    "6 minutes": ("6 minutes", "6 دقائق"),
    "9 minutes": ("9 minutes", "9 دقائق"),
    "12 minutes": ("12 minutes", "12 دقيقة"),
    "30 minutes": ("30 minutes", "30 دقيقة"),
    "55 minutes": ("55 minutes", "55 دقيقة"),
    "90 minutes": ("90 minutes", "90 دقيقة"),
    "4 × 45 minutes": ("4 × 45 minutes", "4 × 45 دقيقة"),
    "3 hours": ("3 heures", "3 ساعات"),
    "1 day": ("1 jour", "يوم واحد"),
    "8 slides": ("8 diapositives", "8 شرائح"),
    "12 slides": ("12 diapositives", "12 شريحة"),
    "15 slides": ("15 diapositives", "15 شريحة"),
    "16 slides": ("16 diapositives", "16 شريحة"),
    "2 sizes": ("2 formats", "حجمان"),
    "A4": ("A4", "A4"),
    "5 minutes' read": ("5 minutes de lecture", "قراءة في 5 دقائق"),
    "6 minutes' read": ("6 minutes de lecture", "قراءة في 6 دقائق"),
    "7 minutes' read": ("7 minutes de lecture", "قراءة في 7 دقائق"),
    "8 minutes' read": ("8 minutes de lecture", "قراءة في 8 دقائق"),
    "9 minutes' read": ("9 minutes de lecture", "قراءة في 9 دقائق"),
    "10 minutes' read": ("10 minutes de lecture", "قراءة في 10 دقائق"),
}


# generated files ------------------------------------------------------------------------


def _pdf_text(text: str) -> str:
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(title: str, pages: list[list[tuple[bool, str]]], landscape: bool = False) -> bytes:
    """A small valid PDF (1.4) in Helvetica: one page per list of ``(bold, text)`` lines."""
    width, height = (842, 595) if landscape else (595, 842)
    objects: list[bytes] = []
    page_ids = [5 + 2 * n for n in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for number, lines in enumerate(pages):
        text, y = [], height - 72
        for bold, line in lines:
            font, size = ("/F1", 18) if bold else ("/F2", 12)
            text.append(f"BT {font} {size} Tf 56 {y} Td ({_pdf_text(line)}) Tj ET")
            y -= size + 8
        stream = "\n".join(text).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {page_ids[number] + 1} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info = _pdf_text(title)
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info << /Title ({info}) >> >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode("latin-1")
    )
    return out.getvalue()


def docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    """A minimal valid Word document (Office Open XML), with fixed dates so it never changes."""
    from xml.sax.saxutils import escape

    bold = '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>'
    body = "".join(
        f'<w:p><w:r>{bold if n == 0 else ""}<w:t xml:space="preserve">{escape(text)}</w:t>'
        "</w:r></w:p>"
        for n, text in enumerate([title, *paragraphs])
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


def svg_bytes(title: str) -> bytes:
    """A simple programme mark: two overlapping circles and the title (an accessible SVG)."""
    from xml.sax.saxutils import escape

    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160" '
        f'role="img" aria-labelledby="t"><title id="t">{escape(title)}</title>'
        '<rect width="480" height="160" fill="#ffffff"/>'
        '<circle cx="70" cy="80" r="50" fill="#5b2a86"/>'
        '<circle cx="120" cy="80" r="50" fill="#1b6f5a" fill-opacity="0.85"/>'
        '<text x="190" y="92" font-family="Arial, sans-serif" font-size="30" fill="#1f1f1f">'
        "Allies for equality</text></svg>\n"
    ).encode()


def file_for(data: DemoResource) -> tuple[str, bytes]:
    """The file name and content of a resource's document."""
    if data.file == "docx":
        fields = ["[Name]", "[Unit]", "[Date]", "[What you will do]", "[How you will know]"]
        return f"{data.slug}.docx", docx_bytes(data.title, [data.summary, *fields])
    if data.file == "svg":
        return f"{data.slug}.svg", svg_bytes(data.title)
    # As many pages or slides as the resource says it has (a page otherwise), up to 20.
    count = min(int(data.duration.split()[0]) if data.duration[:1].isdigit() else 1, 20)
    slides = data.resource_type == SLIDES
    first = [
        *((True, line) for line in textwrap.wrap(data.title, 48)),
        *((False, line) for line in textwrap.wrap(data.summary, 80)),
        (False, "Allyship programme: example content."),
    ]
    pages = [first] + [
        [(True, f"{'Slide' if slides else 'Page'} {n} of {count}"), (False, "[Your text here]")]
        for n in range(2, count + 1)
    ]
    return f"{data.slug}.pdf", pdf_bytes(data.title, pages, landscape=slides)


def demo_document(data: DemoResource):
    """The resource's Wagtail document, created once (and its file written once)."""
    Document = get_document_model()
    document = Document.objects.filter(title=data.title).first()
    if document is not None:
        return document
    filename, content = file_for(data)
    document = Document(title=data.title)
    storage = document.file.storage
    name = f"documents/{filename}"
    # The media folder outlives databases (tests, a fresh demo): a file a previous run wrote is
    # reused, and one from an older version of this module replaced, so names never change.
    if storage.exists(name):
        with storage.open(name, "rb") as existing:
            if existing.read() != content:
                storage.delete(name)
    if not storage.exists(name):
        name = storage.save(name, ContentFile(content))
    document.file.name = name
    document._set_document_file_metadata()
    document.file.close()
    document.save()
    return document


# loading --------------------------------------------------------------------------------


def load_resources(home: Page, locales: dict[str, Locale]) -> ResourceHubPage:
    """The resource hub and its resources under ``home`` (English), translated; returns the hub.

    The hub and the resources with French and Arabic wording are translated into the other
    ``locales``. The resources without are added last, so that they are the newest and come
    first on the French and Arabic hubs, with their "not yet translated" label.
    """
    key = demo_key("resources")
    hub = ResourceHubPage.objects.filter(translation_key=key, locale=home.locale).first()
    if hub is None:
        hub = home.add_child(
            instance=ResourceHubPage(
                translation_key=key,
                title=HUB_TITLE,
                slug="resources",
                introduction=f"<p>{HUB_INTRO}</p>",
                show_in_menus=True,
            )
        )
        hub.save_revision().publish()
    topics = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(
            locale=home.locale,
            translation_key__in=[starter_key(f"topic:{k}") for k, *_ in starter_calendar.TOPICS],
        )
    }
    units = {unit.name: unit for unit in OrganisationUnit.objects.filter(locale=home.locale)}
    existing = {
        page.translation_key: page
        for page in ResourcePage.objects.filter(
            locale=home.locale, translation_key__in=[resource_key(d) for d in RESOURCES]
        )
    }

    def get_or_load(data: DemoResource) -> ResourcePage:
        return existing.get(resource_key(data)) or load_resource(hub, data, topics, units)

    translated = [get_or_load(data) for data in RESOURCES if data.fr and data.ar]
    for code, locale in locales.items():
        if locale.pk == home.locale_id:
            continue
        for obj in [hub, *translated]:
            if not obj.has_translation(locale):
                translate(obj, locale, STRINGS[code])
    for data in RESOURCES:
        if not (data.fr and data.ar):
            get_or_load(data)
    return hub


def resource_key(data: DemoResource):
    return demo_key(f"resource:{data.key}")


def load_resource(
    hub: ResourceHubPage, data: DemoResource, topics: dict, units: dict
) -> ResourcePage:
    image, alt = card_image(data.key)
    resource = ResourcePage(
        translation_key=resource_key(data),
        image=image,
        image_alt=alt,
        image_is_decorative=image is not None and not alt,
        title=data.title,
        slug=data.slug,
        resource_type=data.resource_type,
        summary=data.summary,
        body=f"<p>{TYPE_BODIES[data.resource_type][0]}</p>",
        document=demo_document(data) if data.file else None,
        external_url=data.url,
        video_url=data.video,
        audience=data.audience,
        toolkit_step=data.step,
        duration=data.duration,
        owner_unit=units[data.unit],
        review_date=timezone.localdate() + datetime.timedelta(days=data.review_in_days),
    )
    resource.topic_links = [
        ResourceTopic(
            topic=topics[starter_key(f"topic:{name}")], sort_order=order, locale=hub.locale
        )
        for order, name in enumerate(data.topics)
    ]
    if data.tags:
        resource.tags.add(*data.tags)
    resource.locale = hub.locale
    resource.full_clean(exclude=["path", "depth", "slug"])
    hub.add_child(instance=resource)
    resource.save_revision().publish()
    return resource


def _strings(index: int) -> dict[str, str]:
    """Source text to translation, for French (``index`` 0) or Arabic (1)."""
    language = ("fr", "ar")[index]
    strings = {
        HUB_TITLE: ("Ressources", "الموارد")[index],
        HUB_INTRO: (
            "Modèles, guides, formations et vidéos pour les alliés, au même endroit. Filtrez par "
            "thème ou par type, ou lancez une recherche. Pour proposer une nouvelle ressource, "
            "écrivez à l'équipe nationale.",
            "نماذج وأدلة ودورات ومقاطع فيديو للحلفاء في مكان واحد. صفِّ النتائج حسب الموضوع أو "
            "النوع، أو ابحث. لاقتراح مورد جديد، راسل الفريق الوطني.",
        )[index],
    }
    for english, *translations in TYPE_BODIES.values():
        strings[english] = translations[index]
    for english, translations in DURATIONS.items():
        strings[english] = translations[index]
    for data in RESOURCES:
        wording = getattr(data, language)
        if wording:
            strings[data.title], strings[data.summary] = wording
    strings.update(ALT_STRINGS[language])
    return strings


STRINGS = {"fr": _strings(0), "ar": _strings(1)}
