"""French and Arabic wording of the demo's allyship content, keyed by the English source text.

Text not listed here keeps its English wording in the translation (wagtail-localize's
fallback), as it would while translators are still at work.
"""

import re

from wagtail_allyship.starter import step1 as starter

GLOSSARY_INTRO = (
    "Words we use when we talk about gender equality and allyship, with the public sources "
    "they come from."
)


def paragraphs(html: str) -> list[str]:
    """The text of each paragraph or heading of starter rich text, as translators see it."""
    return re.findall(r"<(?:p|h2)>(.*?)</(?:p|h2)>", html)


INTRO = paragraphs(starter.TEMPLATE_INTRODUCTION)
WHY = paragraphs(starter.TEMPLATE_WHY)

FRENCH = {
    # Pages
    starter.PROFILE_TITLE: "Le profil de l'allié",
    "Glossary": "Glossaire",
    GLOSSARY_INTRO: (
        "Les mots que nous employons pour parler d'égalité des genres et d'alliés, avec leurs "
        "sources publiques."
    ),
    paragraphs(starter.PROFILE_INTRODUCTION)[0]: (
        "Les alliés sont des collègues de tout grade et de toute fonction qui ont choisi de "
        "défendre l'égalité des genres au travail. Ce profil présente les engagements de "
        "l'organisation, ce que nous attendons d'un allié et ce qu'on lui demande de faire."
    ),
    starter.PROFILE_COMMITMENTS[0]: (
        "Réduire le déséquilibre entre femmes et hommes dans l'encadrement intermédiaire, "
        "surtout aux premiers niveaux."
    ),
    starter.PROFILE_COMMITMENTS[1]: (
        "Éliminer le sexisme et la misogynie partout où ils existent dans notre culture."
    ),
    starter.PROFILE_COMMITMENTS[2]: (
        "Publier chaque année des données sur l'égalité des genres et rendre compte des progrès."
    ),
    starter.PROFILE_QUALITIES[0]: (
        "s'informe sur des identités et des vécus différents des siens, y compris toutes les "
        "formes de genre"
    ),
    starter.PROFILE_QUALITIES[1]: (
        "reconnaît le déséquilibre entre les genres dans nos effectifs et dans les populations "
        "que nous servons"
    ),
    starter.PROFILE_QUALITIES[2]: (
        "agit pour réduire les inégalités de genre et fait de l'engagement pour l'égalité une "
        "chose ordinaire"
    ),
    starter.PROFILE_QUALITIES[3]: "encourage ses collègues à agir eux aussi",
    starter.PROFILE_QUALITIES[4]: (
        "fait entendre la voix des femmes et s'attaque aux inégalités qu'elles rencontrent au "
        "quotidien"
    ),
    starter.PROFILE_QUALITIES[5]: (
        "remet en cause les visions étroites de la masculinité, qui nuisent aussi aux hommes et "
        "à toutes les personnes"
    ),
    starter.PROFILE_QUALITIES[6]: (
        "aide à changer les politiques, systèmes et structures qui freinent l'égalité des genres "
        "et d'autres formes d'égalité, liées par exemple à l'origine ou à l'orientation sexuelle"
    ),
    starter.PROFILE_RESPONSIBILITIES[0]: (
        "parler du programme avec ses collègues, en réunion d'équipe et lors d'événements"
    ),
    starter.PROFILE_RESPONSIBILITIES[1]: (
        "montrer son soutien à l'égalité des genres dans son comportement de tous les jours"
    ),
    starter.PROFILE_RESPONSIBILITIES[
        2
    ]: "dénoncer et signaler les comportements sexistes et misogynes",
    starter.PROFILE_RESPONSIBILITIES[3]: (
        "aider l'organisation à tenir ses engagements, par exemple dans des projets"
    ),
    starter.PROFILE_RESPONSIBILITIES[4]: (
        "travailler avec les autres alliés pour que le réseau agisse d'une seule voix"
    ),
    starter.PROFILE_RESPONSIBILITIES[
        5
    ]: "animer ou soutenir les actions d'alliés dans sa propre unité",
    starter.PROFILE_BUTTON: "M'inscrire comme allié",
    # Recruitment article (template and local versions)
    starter.TEMPLATE_TITLE: "Devenez allié : [FORCE NAME]",
    "Become an ally in Northshire Police": "Devenez allié : [FORCE NAME]",
    "Become an ally in Southvale Police": "Devenez allié : [FORCE NAME]",
    INTRO[0]: (
        "Notre programme d'alliés invite les collègues de tous les genres à agir aux côtés des "
        "femmes pour l'égalité au travail. Personne n'est à sauver : ce travail est l'affaire de "
        "tous."
    ),
    WHY[0]: "Pourquoi c'est important : [FORCE NAME]",
    starter.TEMPLATE_BUTTON["label"]: "M'inscrire comme allié : [FORCE NAME]",
    starter.TEMPLATE_BUTTON["text"]: (
        "L'inscription prend quelques minutes et vous pouvez vous retirer à tout moment."
    ),
    starter.TEMPLATE_CONTACT["heading"]: "Des questions ?",
    paragraphs(starter.TEMPLATE_CONTACT["text"])[0]: (
        "Pour vous inscrire, ou pour en savoir plus d'abord, adressez-vous à [CONTACT NAME], qui "
        "vous présentera le programme et ses ressources."
    ),
    starter.TEMPLATE_VIDEO["title"]: (
        "Pourquoi nous avons besoin d'alliés : le message du responsable national du programme"
    ),
    # Actions
    "Listen to the women around you": "Écouter les femmes qui vous entourent",
    "Mentor and sponsor": "Accompagner et parrainer",
    "Push for balanced line-ups": "Demander des tribunes équilibrées",
    "Communicate with respect": "Communiquer avec respect",
    "Run inclusive meetings": "Animer des réunions inclusives",
    "Choose fair language": "Choisir un langage équitable",
    "Do not pass on violent content": "Ne pas relayer de contenus violents",
    "Support women's organisations": "Soutenir les associations de femmes",
    "Act when you witness violence": "Agir face à la violence",
    "Reflect and keep learning": "Réfléchir et continuer d'apprendre",
    "Shape fairer policies": "Façonner des politiques plus justes",
    "Back parity targets": "Soutenir les objectifs de parité",
    "Take part in awareness campaigns": "Participer aux campagnes de sensibilisation",
    "Review what we already do": "Évaluer ce qui existe déjà",
    # Glossary
    "Ally": "Allié",
    "Gender": "Genre",
    "Gender equity": "Équité de genre",
    "Gender equality": "Égalité des genres",
    "Gender identity": "Identité de genre",
    "Gender parity": "Parité",
    "Intersectionality": "Intersectionnalité",
    "Transgender": "Transgenre",
    "Mentorship": "Mentorat",
    "Sponsorship": "Parrainage",
    "Transforming patriarchal masculinities": "Transformer les masculinités patriarcales",
}

ARABIC = {
    # Pages
    starter.PROFILE_TITLE: "الملف التعريفي لدور الحليف",
    "Glossary": "مسرد المصطلحات",
    GLOSSARY_INTRO: (
        "الكلمات التي نستخدمها عند الحديث عن المساواة بين الجنسين والتحالف، مع مصادرها العامة."
    ),
    paragraphs(starter.PROFILE_INTRODUCTION)[0]: (
        "الحلفاء زملاء من كل الرتب والوظائف اختاروا الدفاع عن المساواة بين الجنسين في العمل. "
        "يعرض هذا الملف التزامات المؤسسة، وما نبحث عنه في الحليف، وما يُطلب من الحلفاء القيام به."
    ),
    starter.PROFILE_COMMITMENTS[0]: (
        "تقليص عدم التوازن بين الجنسين في الإدارة الوسطى، ولا سيما في المستويات الأولى من الإشراف."
    ),
    starter.PROFILE_COMMITMENTS[1]: (
        "القضاء على التمييز على أساس الجنس وكراهية النساء أينما وُجدا في ثقافتنا."
    ),
    starter.PROFILE_COMMITMENTS[2]: (
        "نشر معلومات عن المساواة بين الجنسين كل عام والإبلاغ عن التقدم المحرز."
    ),
    starter.PROFILE_QUALITIES[0]: (
        "يتعرّف على هويات وتجارب تختلف عن تجربته، بما في ذلك كل أشكال النوع الاجتماعي"
    ),
    starter.PROFILE_QUALITIES[1]: (
        "يقرّ بوجود خلل في التوازن بين الجنسين في قوتنا العاملة وفي المجتمعات التي نخدمها"
    ),
    starter.PROFILE_QUALITIES[2]: (
        "يعمل على الحد من عدم المساواة بين الجنسين ويجعل الوقوف مع المساواة أمرًا عاديًا"
    ),
    starter.PROFILE_QUALITIES[3]: "يشجّع زملاءه على العمل أيضًا",
    starter.PROFILE_QUALITIES[4]: "يرفع أصوات النساء ويتصدّى لأوجه عدم المساواة التي يواجهنها يوميًا",
    starter.PROFILE_QUALITIES[5]: (
        "يتحدّى المفاهيم الضيقة للرجولة التي تضر بالرجال وبالناس من كل الأجناس"
    ),
    starter.PROFILE_QUALITIES[6]: (
        "يساعد على تغيير السياسات والأنظمة والهياكل التي تعيق المساواة بين الجنسين وأشكال "
        "المساواة الأخرى، مثل العرق والأصل والتوجه الجنسي"
    ),
    starter.PROFILE_RESPONSIBILITIES[
        0
    ]: "التحدث عن البرنامج مع الزملاء وفي اجتماعات الفريق والفعاليات",
    starter.PROFILE_RESPONSIBILITIES[1]: "إظهار دعم المساواة بين الجنسين في السلوك اليومي",
    starter.PROFILE_RESPONSIBILITIES[2]: "التصدي للسلوك المتحيز جنسيًا والكاره للنساء والإبلاغ عنه",
    starter.PROFILE_RESPONSIBILITIES[3]: (
        "مساعدة المؤسسة على الوفاء بالتزاماتها، مثلًا من خلال العمل في المشاريع"
    ),
    starter.PROFILE_RESPONSIBILITIES[4]: "العمل مع الحلفاء الآخرين حتى تعمل الشبكة يدًا واحدة",
    starter.PROFILE_RESPONSIBILITIES[5]: "قيادة أنشطة الحلفاء في وحدته أو دعمها",
    starter.PROFILE_BUTTON: "سجّل حليفًا",
    # Recruitment article (template and local versions)
    starter.TEMPLATE_TITLE: "كن حليفًا في [FORCE NAME]",
    "Become an ally in Northshire Police": "كن حليفًا في [FORCE NAME]",
    "Become an ally in Southvale Police": "كن حليفًا في [FORCE NAME]",
    INTRO[0]: (
        "يدعو برنامج الحلفاء لدينا الزملاء من كل الأجناس إلى العمل جنبًا إلى جنب مع النساء من "
        "أجل المساواة في العمل. لا أحد هنا بحاجة إلى إنقاذ: العمل مسؤوليتنا جميعًا."
    ),
    WHY[0]: "لماذا يهم ذلك في [FORCE NAME]",
    starter.TEMPLATE_BUTTON["label"]: "سجّل حليفًا في [FORCE NAME]",
    starter.TEMPLATE_BUTTON["text"]: "يستغرق التسجيل بضع دقائق ويمكنك الانسحاب في أي وقت.",
    starter.TEMPLATE_CONTACT["heading"]: "أسئلة؟",
    paragraphs(starter.TEMPLATE_CONTACT["text"])[0]: (
        "للانضمام، أو لمعرفة المزيد أولًا، تواصل مع [CONTACT NAME] ليعرّفك بالبرنامج وموارده."
    ),
    starter.TEMPLATE_VIDEO["title"]: "لماذا نحتاج إلى حلفاء: رسالة من المسؤول الوطني عن البرنامج",
    # Actions
    "Listen to the women around you": "استمع إلى النساء من حولك",
    "Mentor and sponsor": "كن مرشدًا وراعيًا",
    "Push for balanced line-ups": "طالب بتشكيلات متوازنة",
    "Communicate with respect": "تواصل باحترام",
    "Run inclusive meetings": "أدر اجتماعات شاملة",
    "Choose fair language": "اختر لغة منصفة",
    "Do not pass on violent content": "لا تنشر المحتوى العنيف",
    "Support women's organisations": "ادعم منظمات النساء",
    "Act when you witness violence": "تصرّف عندما تشهد عنفًا",
    "Reflect and keep learning": "تأمّل وواصل التعلّم",
    "Shape fairer policies": "ساهم في سياسات أكثر إنصافًا",
    "Back parity targets": "ادعم أهداف التكافؤ",
    "Take part in awareness campaigns": "شارك في حملات التوعية",
    "Review what we already do": "راجع ما نقوم به بالفعل",
    # Glossary
    "Ally": "حليف",
    "Gender": "نوع اجتماعي",
    "Gender equity": "إنصاف بين الجنسين",
    "Gender equality": "مساواة بين الجنسين",
    "Gender identity": "هوية جنسانية",
    "Gender parity": "تكافؤ بين الجنسين",
    "Intersectionality": "تقاطعية",
    "Transgender": "عابر جنسيًا",
    "Mentorship": "إرشاد",
    "Sponsorship": "رعاية مهنية",
    "Transforming patriarchal masculinities": "تحويل الذكوريات الأبوية",
}

STRINGS = {"fr": FRENCH, "ar": ARABIC}
