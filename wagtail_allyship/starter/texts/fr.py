"""Le contenu de départ en français (same shape as every language module: see the package)."""

ACTIONS = {
    "listen": (
        "Écouter les femmes qui vous entourent",
        "Demandez aux femmes avec qui vous vivez et travaillez ce qui les aiderait, prenez "
        "leurs réponses au sérieux et soutenez-les de la manière qu'elles choisissent.",
    ),
    "mentor": (
        "Accompagner et parrainer",
        "Consacrez du temps au développement d'une collègue et servez-vous de votre position "
        "pour proposer son nom pour des postes, des projets et des promotions.",
    ),
    "representation": (
        "Réclamer des tribunes équilibrées",
        "Quand on prépare une table ronde, un conseil ou un jury de recrutement, regardez qui "
        "manque et plaidez pour que des femmes y prennent la parole et y décident.",
    ),
    "respect": (
        "Communiquer avec respect",
        "Laissez les autres finir leurs phrases, écoutez vraiment et rendez chaque idée à la "
        "personne qui l'a eue.",
    ),
    "meetings": (
        "Animer des réunions inclusives",
        "Donnez la parole aux plus discrets, répartissez le temps de parole et accueillez les "
        "avis qui tranchent avec ceux du reste de la salle.",
    ),
    "language": (
        "Choisir des mots justes",
        "Renoncez aux blagues, aux surnoms et aux expressions qui rabaissent les femmes ou les "
        "enferment dans des stéréotypes.",
    ),
    "violent-content": (
        "Ne pas relayer de contenus violents",
        "Ne partagez pas, n'aimez pas et ne trouvez pas drôles les contenus qui banalisent la "
        "violence faite aux femmes ou la tournent en plaisanterie.",
    ),
    "organisations": (
        "Soutenir les associations de femmes",
        "Offrez du temps, des compétences ou de l'argent aux associations locales qui "
        "travaillent avec et pour les femmes.",
    ),
    "intervene": (
        "Agir face à la violence",
        "Si vous êtes témoin de violences ou de harcèlement, intervenez quand vous pouvez le "
        "faire sans danger et signalez les faits par les voies prévues.",
    ),
    "reflect": (
        "Se remettre en question et continuer d'apprendre",
        "Examinez honnêtement vos propres habitudes à la recherche de stéréotypes de genre, et "
        "renseignez-vous sur l'histoire du mouvement pour les droits des femmes.",
    ),
    "policy": (
        "Contribuer à des politiques plus justes",
        "Aidez à rédiger et à défendre des politiques qui font avancer l'égalité, comme un "
        "congé parental partagé ou des règles fermes contre le harcèlement.",
    ),
    "parity": (
        "Soutenir les objectifs de parité",
        "Appuyez les objectifs de l'organisation pour un équilibre entre femmes et hommes dans "
        "les recrutements et les promotions, et aidez à les atteindre.",
    ),
    "campaigns": (
        "Participer aux campagnes de sensibilisation",
        "Rejoignez ou lancez des campagnes qui amènent les collègues à parler d'égalité entre "
        "femmes et hommes et des préjugés que chacun porte sans s'en rendre compte.",
    ),
    "review": (
        "Faire le point sur l'existant",
        "Passez régulièrement en revue les initiatives d'égalité en place, dites ce qui "
        "fonctionne et ce qui ne fonctionne pas, et proposez des améliorations.",
    ),
}

GLOSSARY = {
    "ally": (
        "Allié",
        "<p>Personne qui considère les droits des femmes comme une question de droits humains "
        "et non comme l'affaire des seules femmes. Au travail, un allié remarque comment le "
        "pouvoir se manifeste dans ses paroles et ses actes, et prend sa part de responsabilité "
        "pour que cela change.</p>",
    ),
    "gender": (
        "Genre",
        "<p>Les rôles, comportements, activités et qualités qu'une société, à une époque "
        "donnée, juge appropriés pour les femmes et pour les hommes, ainsi que les rapports "
        "entre eux et entre elles. Le genre s'apprend, il n'est pas inné ; il varie d'un lieu "
        "et d'une époque à l'autre, et il peut évoluer. Il détermine ce que l'on attend d'une "
        "personne, ce qu'on lui permet de faire et la valeur qu'on lui accorde, et il se "
        "combine avec la classe sociale, l'origine, l'âge, l'orientation sexuelle et d'autres "
        "facteurs.</p>",
    ),
    "gender-equity": (
        "Équité de genre",
        "<p>Terme que les Nations Unies évitent et auquel elles préfèrent celui d'<em>égalité "
        "des genres</em>. Juger de ce qui est « équitable » revient souvent à s'en remettre à "
        "la coutume, à la tradition ou à la religion, ce qui, dans les faits, a souvent joué "
        "contre les femmes. Depuis la conférence de Pékin de 1995, l'ONU parle d'égalité, ce "
        "que le Comité pour l'élimination de la discrimination à l'égard des femmes a confirmé "
        "dans sa recommandation générale n° 28 (2010).</p>",
    ),
    "gender-equality": (
        "Égalité des genres",
        "<p>L'objectif que le sexe attribué à la naissance ne détermine ni les droits, ni les "
        "devoirs, ni les chances de quiconque, adulte comme enfant. Égalité ne veut pas dire "
        "uniformité : les besoins et les priorités de femmes et d'hommes très divers comptent "
        "tous. C'est l'affaire des hommes autant que celle des femmes, une question de droits "
        "humains et l'un des fondements d'un développement durable.</p>",
    ),
    "gender-identity": (
        "Identité de genre",
        "<p>La manière dont une personne connaît et ressent intimement son propre genre. "
        "Certaines personnes se savent femmes, d'autres hommes ; d'autres encore se "
        "reconnaissent non binaires, de genre fluide ou autrement.</p>",
    ),
    "gender-parity": (
        "Parité",
        "<p>Un décompte plutôt qu'un principe : le nombre de femmes pour un homme dans un "
        "groupe donné, par exemple les agents d'un même grade ou les membres d'un conseil. Les "
        "Nations Unies se fixent cet objectif pour leur propre personnel, au motif que leur "
        "Charte interdit de limiter l'accès des femmes ou des hommes à quelque fonction que ce "
        "soit.</p>",
    ),
    "intersectionality": (
        "Intersectionnalité",
        "<p>Regarder la personne dans son ensemble : le genre n'est qu'une part de ce qu'elle "
        "est, à côté de l'origine, de la classe sociale, de l'orientation sexuelle, du handicap "
        "et d'autres aspects encore. Ces dimensions se croisent, si bien que deux femmes peuvent "
        "se heurter à des obstacles très différents, et que les désavantages peuvent "
        "s'additionner.</p>",
    ),
    "transgender": (
        "Transgenre",
        "<p>Terme général qui désigne les personnes dont le genre n'est pas celui qui leur a été "
        "assigné à la naissance. Quand ce programme parle des femmes ou des hommes, il inclut "
        "les femmes trans et les hommes trans.</p>",
    ),
    "mentorship": (
        "Mentorat",
        "<p>Une ou un collègue plus expérimenté (le mentor) rencontre une personne qui débute "
        "(le mentoré) pour lui transmettre ce qu'il a appris et l'aider à progresser, au "
        "travail et au-delà. Dans un programme d'alliés, le mentor aide aussi à surmonter les "
        "obstacles liés au genre. L'un comme l'autre peuvent être de n'importe quel genre, et "
        "le mentor n'a pas besoin d'être un supérieur hiérarchique.</p>",
    ),
    "sponsorship": (
        "Parrainage",
        "<p>Va plus loin que le mentorat : le parrain ou la marraine met sa propre influence au "
        "service de la carrière de son ou sa protégée, en la recommandant pour une promotion, "
        "en l'associant à des projets en vue et en faisant connaître ses réussites, en restant "
        "attentif aux obstacles liés au genre. Comme sa réputation dépend des progrès de la "
        "personne parrainée, cet engagement est plus exigeant.</p>",
    ),
    "transforming-patriarchal-masculinities": (
        "Transformer les masculinités patriarcales",
        "<p>Les masculinités patriarcales sont des idées et des pratiques qui placent le "
        "masculin au-dessus du féminin et l'autorité des hommes au-dessus de celle des femmes, "
        "et que maintiennent des normes, des lois et des institutions. L'approche "
        "transformatrice, que suit HeForShe, demande aux hommes de mettre à profit les "
        "privilèges que leur donnent ces structures pour les démanteler : en se tenant aux "
        "côtés des femmes, en relayant leur parole et en remettant en cause les stéréotypes, "
        "mais aussi en se libérant de normes qui enferment également les hommes.</p>",
    ),
}

PROFILE = {
    "title": "Le profil de l'allié",
    "slug": "profil-de-l-allie",
    "introduction": (
        "<p>Les alliés sont des collègues de tout grade et de toute fonction qui ont choisi de "
        "défendre l'égalité des genres au travail. Ce profil présente les engagements pris par "
        "l'organisation, les qualités que nous attendons d'un allié et ce que nous lui "
        "demandons de faire.</p>"
    ),
    "commitments": [
        "Réduire le déséquilibre entre femmes et hommes dans l'encadrement intermédiaire, "
        "surtout aux premiers niveaux d'encadrement.",
        "Éliminer le sexisme et la misogynie partout où ils subsistent dans notre culture.",
        "Publier chaque année des données sur l'égalité des genres et rendre compte des "
        "progrès accomplis.",
    ],
    "qualities": [
        "s'intéresse à des identités et à des vécus différents des siens, y compris à toutes "
        "les expressions du genre",
        "reconnaît le déséquilibre entre les genres dans nos effectifs et dans la population "
        "que nous servons",
        "agit pour réduire les inégalités de genre et fait de l'engagement pour l'égalité un "
        "geste ordinaire",
        "incite ses collègues à s'engager à leur tour",
        "fait entendre la voix des femmes et s'attaque aux inégalités qu'elles rencontrent au "
        "quotidien",
        "remet en cause les visions étroites de la masculinité, qui nuisent aux hommes comme "
        "aux personnes de tout genre",
        "aide à faire évoluer les politiques, les systèmes et les structures qui freinent "
        "l'égalité des genres et d'autres formes d'égalité, liées par exemple à l'origine ou à "
        "l'orientation sexuelle",
    ],
    "responsibilities": [
        "parler du programme autour de lui, en réunion d'équipe et lors d'événements",
        "montrer par son comportement de tous les jours qu'il soutient l'égalité des genres",
        "réagir face aux comportements sexistes et misogynes, et les signaler",
        "aider l'organisation à tenir ses engagements, par exemple en participant à des projets",
        "travailler avec les autres alliés pour que le réseau agisse d'une seule voix",
        "animer ou soutenir les actions des alliés dans sa propre unité",
    ],
    "closing_note": (
        "<p>L'essentiel du rôle d'allié se joue dans les moments ordinaires du travail. Les "
        "listes ci-dessus ne sont pas exhaustives : il peut arriver qu'on demande aux alliés "
        "de contribuer à d'autres tâches qui font avancer nos engagements.</p>"
    ),
    "button": "Devenir allié",
}

TEMPLATE = {
    "title": "[FORCE NAME] : devenez allié",
    "slug": "modele-article-de-recrutement",
    "introduction": (
        "<p>Notre programme d'alliés invite les collègues de tous les genres à agir aux côtés "
        "des femmes pour l'égalité au travail. Il ne s'agit de sauver personne : ce travail, "
        "nous le partageons.</p>"
        "<p>Les alliés ne restent pas spectateurs. Chaque fois qu'ils voient ou entendent une "
        "inégalité, ils agissent, avec les femmes et entre eux.</p>"
    ),
    "video_title": "Pourquoi nous avons besoin d'alliés : le message de la responsable "
    "nationale du programme",
    "why": (
        "<h2>[FORCE NAME] : pourquoi c'est important</h2>"
        "<p>Des rapports et des affaires récents ont montré à quel point le sexisme et la "
        "misogynie restent répandus, et beaucoup d'entre nous en ont été témoins ou l'ont "
        "subi. Ils blessent la personne visée, dégradent l'ambiance de travail et entament la "
        "confiance dans toute l'organisation. Ce qu'on appelle « chambrer » fait partie du "
        "problème.</p>"
        "<p>Des collègues nous parlent aussi d'obstacles à la promotion, d'un soutien "
        "insuffisant à la santé des femmes au travail et d'un accès limité au travail flexible. "
        "Sur tous ces points, les alliés peuvent aider.</p>"
        "<p>L'égalité profite aussi aux hommes. Des idées figées sur ce que doit être un homme "
        "peuvent les empêcher de demander de l'aide, de concilier vie professionnelle et vie "
        "familiale ou de parler de ce que des expériences difficiles leur ont fait.</p>"
    ),
    "button_label": "[FORCE NAME] : m'inscrire comme allié",
    "button_text": "L'inscription prend quelques minutes, et vous pouvez vous retirer à tout "
    "moment.",
    "contact_heading": "Des questions ?",
    "contact_text": (
        "<p>Pour vous inscrire, ou pour en savoir plus avant de vous décider, adressez-vous à "
        "[CONTACT NAME], qui vous présentera le programme et ses ressources.</p>"
    ),
}

TOPICS = {
    "mentoring": ("Mentorat", "Accompagner et parrainer des collègues, et être accompagné."),
    "menopause": (
        "Ménopause",
        "Le soutien au travail des collègues qui traversent la ménopause.",
    ),
    "flexible-working": (
        "Travail flexible",
        "Temps partiel, travail hybride et horaires aménagés, et comment les rendre accessibles "
        "à tous les genres.",
    ),
    "gender-based-violence": (
        "Violences fondées sur le genre",
        "Prévenir les violences, les abus et le harcèlement envers les femmes et les filles, et "
        "y répondre.",
    ),
    "health": (
        "Santé et bien-être",
        "La santé physique et mentale, y compris la santé mentale des hommes.",
    ),
    "education": (
        "Éducation et carrières",
        "La formation, les compétences et les carrières, surtout là où les femmes sont peu "
        "nombreuses, comme les sciences et les technologies.",
    ),
    "families": (
        "Familles et aidants",
        "La parentalité, le soin aux proches et leur juste partage, à la maison comme au travail.",
    ),
    "equal-pay": (
        "Égalité salariale",
        "Réduire l'écart de rémunération entre femmes et hommes et reconnaître le travail à sa "
        "juste valeur.",
    ),
    "lgbtqia": (
        "Inclusion LGBTQIA+",
        "Soutenir les collègues lesbiennes, gays, bisexuels, trans, queers, intersexes et "
        "asexuels.",
    ),
    "human-rights": (
        "Droits humains",
        "L'égalité comme question de droits humains, et la solidarité par-delà les frontières.",
    ),
    "heforshe": (
        "HeForShe",
        "Le mouvement HeForShe : des hommes et des personnes de tout genre qui s'engagent pour "
        "l'égalité.",
    ),
    "global-events": (
        "Événements internationaux",
        "Les conférences et assemblées internationales où l'égalité des genres est à l'ordre du "
        "jour.",
    ),
}

DATES = {
    "wef-2025": (
        "Réunion annuelle du Forum économique mondial",
        "Dirigeants économiques et politiques se retrouvent à Davos. L'occasion de demander ce "
        "que font les responsables de notre propre secteur pour la parité.",
    ),
    "education-day": (
        "Journée internationale de l'éducation",
        "L'éducation, un droit pour chaque fille et chaque garçon. Les alliés peuvent raconter "
        "ce que les études leur ont apporté et soutenir les collègues en formation.",
    ),
    "fgm-zero-tolerance": (
        "Journée internationale de la tolérance zéro à l'égard des mutilations génitales féminines",
        "Une journée pour dénoncer les mutilations génitales féminines et soutenir les "
        "personnes et les associations qui luttent pour y mettre fin.",
    ),
    "women-girls-science": (
        "Journée internationale des femmes et des filles de science",
        "Elle met à l'honneur les femmes scientifiques et interroge le faible nombre de filles "
        "qui choisissent les sciences. Les alliés peuvent accompagner des collègues et proposer "
        "des scientifiques comme intervenantes.",
    ),
    "womens-day": (
        "Journée internationale des droits des femmes",
        "La date la plus connue de l'année pour l'égalité des genres. Demandez aux femmes avec "
        "qui vous travaillez ce qui les aiderait, puis passez aux actes.",
    ),
    "csw69": (
        "CSW69 / Pékin+30",
        "La Commission de la condition de la femme de l'ONU tient sa 69e session, trente ans "
        "après la Déclaration et le Programme d'action de Pékin.",
    ),
    "health-day": (
        "Journée mondiale de la santé",
        "Une journée consacrée à la santé pour tous. Le bon moment pour parler de la santé des "
        "femmes au travail, ménopause comprise.",
    ),
    "mother-earth-day": (
        "Journée internationale de la Terre nourricière",
        "Une journée pour la planète. Le changement climatique frappe d'abord les femmes et les "
        "filles : les alliés peuvent le rappeler dans la discussion.",
    ),
    "girls-in-ict": (
        "Journée internationale des jeunes filles dans le secteur des TIC",
        "Elle encourage les filles et les jeunes femmes à choisir les métiers du numérique. "
        "Elle a lieu le quatrième jeudi d'avril : vérifiez la date chaque année.",
    ),
    "families-day": (
        "Journée internationale des familles",
        "Les familles sous toutes leurs formes. L'occasion de parler du congé parental et du "
        "partage des tâches à la maison.",
    ),
    "idahobit": (
        "Journée internationale contre l'homophobie, la transphobie et la biphobie",
        "Une journée pour se montrer solidaire des collègues LGBTQIA+ et dénoncer les "
        "discriminations.",
    ),
    "parents-day": (
        "Journée mondiale des parents",
        "Elle rend hommage aux parents du monde entier. Les alliés peuvent montrer que "
        "s'occuper des siens est aussi l'affaire des hommes, et profiter de la souplesse "
        "d'horaires dont ils disposent.",
    ),
    "fathers-day-us": (
        "Fête des pères (États-Unis)",
        "Les pères et le rôle qu'ils jouent. Aux États-Unis, elle tombe le troisième dimanche "
        "de juin : vérifiez la date chaque année.",
    ),
    "youth-day": (
        "Journée internationale de la jeunesse",
        "Les jeunes et leur avenir. Pensez aux jeunes femmes qui débutent dans notre "
        "organisation et à la manière de leur ouvrir des portes.",
    ),
    "womens-equality-day": (
        "Journée de l'égalité des femmes (États-Unis)",
        "Elle commémore le jour où les Américaines ont obtenu le droit de vote, en 1920. Un "
        "rappel que ces droits ont été conquis avec l'aide d'alliés.",
    ),
    "unga79": (
        "Ouverture de la 79e session de l'Assemblée générale des Nations Unies",
        "Les dirigeants du monde se réunissent pour la nouvelle session de l'Assemblée "
        "générale, où l'égalité des genres figure parmi les sujets abordés.",
    ),
    "equal-pay-day": (
        "Journée internationale de l'égalité de rémunération",
        "Un salaire égal pour un travail de valeur égale. Une bonne journée pour examiner nos "
        "propres chiffres d'écart salarial et demander ce qui est fait pour le réduire.",
    ),
    "heforshe-anniversary": (
        "Anniversaire de HeForShe",
        "L'anniversaire du mouvement HeForShe. Faites connaître ce que les alliés d'ici ont "
        "accompli dans l'année, et invitez d'autres collègues à les rejoindre.",
    ),
    "heforshe-summit-10": (
        "Sommet des dix ans de HeForShe",
        "Dix ans de HeForShe : un sommet pour mesurer le chemin parcouru et ce qui reste à "
        "faire pour les alliés.",
    ),
    "mental-health-day": (
        "Journée mondiale de la santé mentale",
        "La santé mentale pour tous. Des idées figées sur la masculinité empêchent beaucoup "
        "d'hommes de demander de l'aide ; les alliés peuvent faciliter la parole.",
    ),
    "girl-child-day": (
        "Journée internationale de la fille",
        "Les droits des filles et les obstacles qu'elles rencontrent. Les alliés peuvent "
        "soutenir le mentorat et les stages d'observation destinés aux filles.",
    ),
    "cop29": (
        "Ouverture de la Conférence des Nations Unies sur les changements climatiques (COP29)",
        "Les gouvernements se réunissent pour s'accorder sur l'action climatique. La voix des "
        "femmes et l'effet du changement climatique sur leur vie font partie du débat.",
    ),
    "mens-day": (
        "Journée internationale des hommes",
        "Une journée consacrée à la santé des hommes, aux modèles positifs et aux relations "
        "entre les genres. Un moment tout trouvé pour inviter des hommes à devenir alliés.",
    ),
    "evaw-day": (
        "Journée internationale pour l'élimination de la violence à l'égard des femmes",
        "Une journée pour affirmer que la violence envers les femmes n'est jamais acceptable, "
        "et pour indiquer aux collègues où trouver de l'aide.",
    ),
    "16-days": (
        "16 jours d'activisme contre la violence fondée sur le genre",
        "Seize jours de mobilisation, de la journée contre la violence à l'égard des femmes à "
        "la Journée des droits de l'homme. Prévoyez une action visible chaque semaine.",
    ),
    "human-rights-day": (
        "Journée des droits de l'homme",
        "Elle marque l'adoption de la Déclaration universelle des droits de l'homme. Les "
        "droits des femmes sont des droits humains.",
    ),
    "human-solidarity-day": (
        "Journée internationale de la solidarité humaine",
        "Une journée pour l'unité par-delà les différences, qui clôt bien l'année des alliés.",
    ),
}

LOCATIONS = {
    "Davos, Switzerland": "Davos (Suisse)",
    "United Nations Headquarters, New York": "Siège de l'ONU, New York",
    "Baku, Azerbaijan": "Bakou (Azerbaïdjan)",
}

CALENDAR = {
    "title": "Calendrier des alliés",
    "slug": "calendrier-des-allies",
    "introduction": (
        "<p>Des dates, tout au long de l'année, qui offrent aux alliés une occasion d'engager la "
        "conversation, de partager une ressource ou d'organiser un événement. Ajoutez-les à "
        "votre agenda en un clic.</p>"
    ),
}
