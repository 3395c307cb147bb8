"""O conteúdo inicial em português (same shape as every language module: see the package)."""

ACTIONS = {
    "listen": (
        "Ouvir as mulheres à sua volta",
        "Pergunte às mulheres com quem vive e trabalha o que as ajudaria, leve a sério o que "
        "lhe disserem e apoie-as da forma que elas escolherem.",
    ),
    "mentor": (
        "Ser mentor e padrinho",
        "Dedique tempo ao desenvolvimento de uma colega e use a sua posição para propor o "
        "nome dela para cargos, projetos e promoções.",
    ),
    "representation": (
        "Exigir painéis equilibrados",
        "Quando se prepara um painel, um conselho ou um júri de seleção, repare em quem falta e "
        "defenda que haja mulheres entre quem fala e quem decide.",
    ),
    "respect": (
        "Comunicar com respeito",
        "Deixe as pessoas acabarem de falar, ouça com atenção e atribua cada ideia a quem a teve.",
    ),
    "meetings": (
        "Conduzir reuniões inclusivas",
        "Dê a palavra a quem fala menos, distribua o tempo de intervenção e acolha as opiniões "
        "que divergem das do resto da sala.",
    ),
    "language": (
        "Escolher uma linguagem justa",
        "Deixe de lado as piadas, as alcunhas e as expressões que rebaixam as mulheres ou as "
        "reduzem a estereótipos.",
    ),
    "violent-content": (
        "Não partilhar conteúdos violentos",
        "Não partilhe, não dê «gosto» nem se ria de conteúdos que fazem a violência contra as "
        "mulheres parecer normal ou divertida.",
    ),
    "organisations": (
        "Apoiar as associações de mulheres",
        "Dê tempo, competências ou dinheiro a grupos locais que trabalham com e para as mulheres.",
    ),
    "intervene": (
        "Agir perante a violência",
        "Se presenciar abusos ou assédio, intervenha quando o puder fazer em segurança e "
        "denuncie pelos canais próprios.",
    ),
    "reflect": (
        "Refletir e continuar a aprender",
        "Olhe com honestidade para os seus próprios hábitos à procura de estereótipos de "
        "género e informe-se sobre a história do movimento pelos direitos das mulheres.",
    ),
    "policy": (
        "Contribuir para políticas mais justas",
        "Ajude a redigir e a defender políticas que façam avançar a igualdade, como licenças "
        "parentais partilhadas e regras firmes contra o assédio.",
    ),
    "parity": (
        "Apoiar as metas de paridade",
        "Apoie as metas da organização para um equilíbrio entre mulheres e homens no "
        "recrutamento e nas promoções, e ajude a cumpri-las.",
    ),
    "campaigns": (
        "Participar em campanhas de sensibilização",
        "Junte-se a campanhas, ou lance uma, que levem os colegas a falar da igualdade entre "
        "mulheres e homens e dos preconceitos que todos carregamos sem dar por isso.",
    ),
    "review": (
        "Rever o que já fazemos",
        "Analise regularmente as iniciativas de igualdade em curso, diga o que funciona e o "
        "que não funciona, e proponha melhorias.",
    ),
}

GLOSSARY = {
    "ally": (
        "Aliado",
        "<p>Pessoa que encara os direitos das mulheres como uma questão de direitos humanos e "
        "não como um assunto só das mulheres. No trabalho, um aliado repara na forma como o "
        "poder se revela no que diz e faz, e assume a sua parte de responsabilidade para o "
        "mudar.</p>",
    ),
    "gender": (
        "Género",
        "<p>Os papéis, comportamentos, atividades e características que uma sociedade, num "
        "dado momento, considera próprios das mulheres e dos homens, e as relações entre eles "
        "e entre elas. O género aprende-se, não é inato; varia de lugar para lugar e de época "
        "para época, e pode mudar. Determina o que se espera de uma pessoa, o que lhe é "
        "permitido fazer e o valor que lhe é dado, e cruza-se com a classe social, a origem "
        "étnica, a idade, a orientação sexual e outros fatores.</p>",
    ),
    "gender-equity": (
        "Equidade de género",
        "<p>Termo que as Nações Unidas evitam, preferindo <em>igualdade de género</em>. Julgar "
        "o que é «equitativo» depende muitas vezes do costume, da tradição ou da religião, e na "
        "prática isso tem jogado com frequência contra as mulheres. Desde a Conferência de "
        "Pequim de 1995, a ONU fala de igualdade, o que o Comité para a Eliminação da "
        "Discriminação contra as Mulheres confirmou na sua Recomendação Geral n.º 28 "
        "(2010).</p>",
    ),
    "gender-equality": (
        "Igualdade de género",
        "<p>O objetivo de que o sexo atribuído à nascença não determine os direitos, os "
        "deveres nem as oportunidades de ninguém, adulto ou criança. Igualdade não quer dizer "
        "uniformidade: contam as necessidades e as prioridades de mulheres e homens muito "
        "diferentes. É assunto dos homens tanto quanto das mulheres, uma questão de direitos "
        "humanos e um dos alicerces de um desenvolvimento duradouro.</p>",
    ),
    "gender-identity": (
        "Identidade de género",
        "<p>A forma como cada pessoa conhece e sente por dentro o seu próprio género. Há quem "
        "se saiba mulher e quem se saiba homem; outras pessoas reconhecem-se não binárias, de "
        "género fluido ou de outra forma.</p>",
    ),
    "gender-parity": (
        "Paridade de género",
        "<p>Uma contagem, mais do que um princípio: quantas mulheres há por cada homem num "
        "grupo, como os agentes de uma mesma categoria ou os membros de um conselho. As Nações "
        "Unidas fixam esta meta para o seu próprio pessoal, porque a sua Carta proíbe qualquer "
        "limite às funções que mulheres ou homens possam exercer.</p>",
    ),
    "intersectionality": (
        "Interseccionalidade",
        "<p>Olhar para a pessoa como um todo: o género é uma parte de quem ela é, a par da "
        "origem étnica, da classe social, da orientação sexual, da deficiência e de outros "
        "aspetos. Estas dimensões cruzam-se, pelo que duas mulheres podem enfrentar obstáculos "
        "muito diferentes, e as desvantagens podem acumular-se.</p>",
    ),
    "transgender": (
        "Transgénero",
        "<p>Palavra abrangente para as pessoas cujo género não é o que lhes foi atribuído à "
        "nascença. Quando este programa fala de mulheres ou de homens, inclui também as "
        "mulheres trans e os homens trans.</p>",
    ),
    "mentorship": (
        "Mentoria",
        "<p>Um colega com mais experiência (o mentor) encontra-se com alguém que está a começar "
        "(o mentorando) para partilhar o que aprendeu e ajudá-lo a crescer no trabalho e fora "
        "dele. Num programa de aliados, o mentor ajuda também a ultrapassar os obstáculos "
        "ligados ao género. Qualquer um deles pode ser de qualquer género, e o mentor não "
        "precisa de ser chefe de ninguém.</p>",
    ),
    "sponsorship": (
        "Apadrinhamento",
        "<p>Vai mais longe do que a mentoria: o padrinho ou a madrinha põe a sua própria "
        "influência ao serviço da carreira da pessoa apadrinhada, recomendando-a para "
        "promoções, trazendo-a para trabalhos de destaque e dando visibilidade ao que "
        "conquistou, com atenção aos obstáculos ligados ao género. Como a sua reputação fica "
        "associada aos progressos da pessoa apadrinhada, exige um compromisso mais "
        "profundo.</p>",
    ),
    "transforming-patriarchal-masculinities": (
        "Transformar as masculinidades patriarcais",
        "<p>As masculinidades patriarcais são ideias e práticas que põem o masculino acima do "
        "feminino e a autoridade dos homens acima da das mulheres, mantidas por normas, leis e "
        "instituições. A abordagem transformadora, seguida pelo HeForShe, pede aos homens que "
        "usem os privilégios que essas estruturas lhes dão para as desmontar: estando ao lado "
        "das mulheres, dando força à sua voz e questionando os estereótipos, e libertando-se "
        "também de normas que limitam os próprios homens.</p>",
    ),
}

PROFILE = {
    "title": "O perfil do aliado",
    "slug": "perfil-do-aliado",
    "introduction": (
        "<p>Os aliados são colegas de qualquer posto ou função que escolheram defender a "
        "igualdade de género no trabalho. Este perfil apresenta os compromissos assumidos pela "
        "organização, o que procuramos num aliado e o que lhe pedimos que faça.</p>"
    ),
    "commitments": [
        "Reduzir o desequilíbrio de género nas chefias intermédias, sobretudo nos primeiros "
        "níveis de supervisão.",
        "Erradicar o sexismo e a misoginia onde quer que existam na nossa cultura.",
        "Publicar todos os anos informação sobre igualdade de género e dar conta dos progressos.",
    ],
    "qualities": [
        "procura conhecer identidades e vivências diferentes das suas, incluindo todas as "
        "formas de viver o género",
        "reconhece que existe um desequilíbrio de género no nosso pessoal e nas comunidades "
        "que servimos",
        "age para reduzir a desigualdade de género e faz da defesa da igualdade um gesto comum",
        "incentiva os colegas a agir também",
        "dá força à voz das mulheres e combate as desigualdades que enfrentam no dia a dia",
        "questiona ideias estreitas de masculinidade que prejudicam os homens e as pessoas de "
        "todos os géneros",
        "ajuda a mudar as políticas, os sistemas e as estruturas que travam a igualdade de "
        "género e outras formas de igualdade, como as ligadas à origem étnica ou à orientação "
        "sexual",
    ],
    "responsibilities": [
        "falar do programa com os colegas, nas reuniões de equipa e em eventos",
        "mostrar, no comportamento de todos os dias, que apoia a igualdade de género",
        "contestar comportamentos sexistas e misóginos, e denunciá-los",
        "ajudar a organização a cumprir os seus compromissos, por exemplo participando em projetos",
        "trabalhar com os outros aliados para que a rede aja em conjunto",
        "liderar ou apoiar as atividades dos aliados na sua própria unidade",
    ],
    "closing_note": (
        "<p>A maior parte do trabalho de um aliado acontece nos momentos comuns do dia de "
        "trabalho. As listas acima não são exaustivas: de vez em quando, pode ser pedido aos "
        "aliados que ajudem noutras tarefas que façam avançar os nossos compromissos.</p>"
    ),
    "button": "Inscrever-me como aliado",
}

TEMPLATE = {
    "title": "Seja um aliado: [FORCE NAME]",
    "slug": "modelo-de-artigo-de-recrutamento",
    "introduction": (
        "<p>O nosso programa de aliados convida colegas de todos os géneros a trabalhar lado a "
        "lado com as mulheres pela igualdade no trabalho. Ninguém está aqui para ser salvo: "
        "este trabalho é de todos.</p>"
        "<p>Os aliados não ficam a assistir de fora. Sempre que veem ou ouvem uma "
        "desigualdade, agem, ao lado das mulheres e uns com os outros.</p>"
    ),
    "video_title": "Porque precisamos de aliados: uma mensagem da responsável nacional do programa",
    "why": (
        "<h2>Porque é importante: [FORCE NAME]</h2>"
        "<p>Relatórios e casos recentes mostraram como o sexismo e a misoginia continuam "
        "comuns, e muitos de nós já os presenciámos ou sentimos na pele. Magoam quem é alvo "
        "deles, envenenam o ambiente de trabalho e abalam a confiança em toda a organização. "
        "A chamada «brincadeira» faz parte do problema.</p>"
        "<p>Os colegas falam-nos também de obstáculos à promoção, de pouco apoio à saúde das "
        "mulheres no trabalho e de acesso limitado a horários flexíveis. Os aliados podem "
        "ajudar em tudo isto.</p>"
        "<p>A igualdade também é boa para os homens. Ideias rígidas sobre o que um homem deve "
        "ser podem impedi-los de pedir ajuda, de conciliar o trabalho com a vida familiar ou "
        "de falar do que as experiências difíceis lhes deixaram.</p>"
    ),
    "button_label": "Inscreva-se como aliado: [FORCE NAME]",
    "button_text": "A inscrição demora poucos minutos, e pode sair quando quiser.",
    "contact_heading": "Tem perguntas?",
    "contact_text": (
        "<p>Se quiser aderir, ou preferir saber mais primeiro, [CONTACT NAME] pode falar-lhe "
        "do programa e dos seus recursos.</p>"
    ),
}

TOPICS = {
    "mentoring": (
        "Mentoria",
        "Ser mentor e padrinho de colegas, e ter quem nos oriente.",
    ),
    "menopause": (
        "Menopausa",
        "Apoio no trabalho às colegas que estão a passar pela menopausa.",
    ),
    "flexible-working": (
        "Trabalho flexível",
        "Tempo parcial, trabalho híbrido e horários flexíveis, e como os pôr ao alcance de "
        "todos os géneros.",
    ),
    "gender-based-violence": (
        "Violência de género",
        "Prevenir a violência, os abusos e o assédio contra mulheres e raparigas, e responder "
        "a eles.",
    ),
    "health": (
        "Saúde e bem-estar",
        "A saúde física e mental, incluindo a saúde mental dos homens.",
    ),
    "education": (
        "Formação e carreira",
        "A aprendizagem, as competências e as carreiras, sobretudo onde há poucas mulheres, "
        "como na ciência e na tecnologia.",
    ),
    "families": (
        "Famílias e cuidados",
        "A parentalidade, o cuidado de familiares e a sua partilha justa em casa e no trabalho.",
    ),
    "equal-pay": (
        "Igualdade salarial",
        "Eliminar a disparidade salarial entre mulheres e homens e valorizar o trabalho com "
        "justiça.",
    ),
    "lgbtqia": (
        "Inclusão LGBTQIA+",
        "Estar ao lado dos colegas lésbicas, gays, bissexuais, trans, queer, intersexo e "
        "assexuais.",
    ),
    "human-rights": (
        "Direitos humanos",
        "A igualdade como questão de direitos humanos, e a solidariedade para lá das fronteiras.",
    ),
    "heforshe": (
        "HeForShe",
        "O movimento HeForShe: homens e pessoas de todos os géneros que defendem a igualdade.",
    ),
    "global-events": (
        "Eventos internacionais",
        "Conferências e assembleias internacionais em que a igualdade de género está na agenda.",
    ),
}

DATES = {
    "wef-2025": (
        "Reunião anual do Fórum Económico Mundial",
        "Líderes empresariais e políticos reúnem-se em Davos. Uma ocasião para perguntar o que "
        "os responsáveis do nosso próprio setor estão a fazer pela paridade.",
    ),
    "education-day": (
        "Dia Internacional da Educação",
        "A educação como direito de todas as raparigas e rapazes. Os aliados podem contar o "
        "que os estudos lhes deram e apoiar os colegas que estão a estudar.",
    ),
    "fgm-zero-tolerance": (
        "Dia Internacional da Tolerância Zero à Mutilação Genital Feminina",
        "Um dia para levantar a voz contra a mutilação genital feminina e apoiar as pessoas e "
        "os grupos que trabalham para lhe pôr fim.",
    ),
    "women-girls-science": (
        "Dia Internacional das Mulheres e Raparigas na Ciência",
        "Celebra as mulheres na ciência e pergunta porque tão poucas raparigas a escolhem. Os "
        "aliados podem ser mentores e propor cientistas como oradoras.",
    ),
    "womens-day": (
        "Dia Internacional da Mulher",
        "A data mais conhecida do ano para a igualdade de género. Pergunte às mulheres com "
        "quem trabalha o que as ajudaria, e passe à ação.",
    ),
    "csw69": (
        "CSW69 / Pequim+30",
        "A Comissão sobre o Estatuto da Mulher da ONU reúne-se na sua 69.ª sessão, trinta anos "
        "depois da Declaração e Plataforma de Ação de Pequim.",
    ),
    "health-day": (
        "Dia Mundial da Saúde",
        "Um dia sobre a saúde para todos. Um bom momento para falar da saúde das mulheres no "
        "trabalho, incluindo a menopausa.",
    ),
    "mother-earth-day": (
        "Dia Internacional da Mãe Terra",
        "Um dia pelo planeta. As alterações climáticas atingem mais as mulheres e as raparigas; "
        "os aliados podem trazer isso para a conversa.",
    ),
    "girls-in-ict": (
        "Dia Internacional das Raparigas nas TIC",
        "Incentiva raparigas e jovens mulheres a seguir carreiras tecnológicas. Assinala-se na "
        "quarta quinta-feira de abril, por isso confirme a data todos os anos.",
    ),
    "families-day": (
        "Dia Internacional das Famílias",
        "As famílias em todas as suas formas. Uma oportunidade para falar de licenças "
        "parentais e da partilha dos cuidados em casa.",
    ),
    "idahobit": (
        "Dia Internacional contra a Homofobia, a Transfobia e a Bifobia",
        "Um dia para estar ao lado dos colegas LGBTQIA+ e falar contra a discriminação.",
    ),
    "parents-day": (
        "Dia Mundial dos Pais",
        "Homenageia mães e pais de todo o mundo. Os aliados podem mostrar que cuidar também é "
        "trabalho de homens e usar a flexibilidade de horário que têm.",
    ),
    "fathers-day-us": (
        "Dia do Pai (Estados Unidos)",
        "Os pais e o papel que desempenham. Nos Estados Unidos, calha no terceiro domingo de "
        "junho, por isso confirme a data todos os anos.",
    ),
    "youth-day": (
        "Dia Internacional da Juventude",
        "Os jovens e o seu futuro. Pense nas jovens mulheres que estão a começar na nossa "
        "organização e em como lhes abrir portas.",
    ),
    "womens-equality-day": (
        "Dia da Igualdade das Mulheres (Estados Unidos)",
        "Assinala o dia em que as norte-americanas conquistaram o direito de voto, em 1920. Uma "
        "lembrança de que esses direitos foram ganhos com a ajuda de aliados.",
    ),
    "unga79": (
        "Abertura da 79.ª sessão da Assembleia Geral da ONU",
        "Líderes mundiais reúnem-se para a nova sessão da Assembleia Geral, com a igualdade de "
        "género entre os temas em cima da mesa.",
    ),
    "equal-pay-day": (
        "Dia Internacional da Igualdade Salarial",
        "Salário igual para trabalho de igual valor. Um bom dia para olhar para os nossos "
        "próprios números da disparidade salarial e perguntar o que está a ser feito.",
    ),
    "heforshe-anniversary": (
        "Aniversário do HeForShe",
        "O aniversário do movimento HeForShe. Partilhe o que os aliados daqui fizeram ao longo "
        "do ano e convide outras pessoas a juntar-se.",
    ),
    "heforshe-summit-10": (
        "Cimeira dos 10 anos do HeForShe",
        "Dez anos de HeForShe: uma cimeira que olha para o que mudou e para o que os aliados "
        "ainda têm por fazer.",
    ),
    "mental-health-day": (
        "Dia Mundial da Saúde Mental",
        "Saúde mental para todos. Ideias rígidas de masculinidade impedem muitos homens de "
        "pedir ajuda; os aliados podem tornar mais fácil falar.",
    ),
    "girl-child-day": (
        "Dia Internacional da Rapariga",
        "Os direitos das raparigas e os obstáculos que enfrentam. Os aliados podem apoiar a "
        "mentoria e os estágios para raparigas.",
    ),
    "cop29": (
        "Abertura da Conferência das Nações Unidas sobre Alterações Climáticas (COP29)",
        "Os governos reúnem-se para chegar a acordo sobre a ação climática. A voz das mulheres "
        "e o efeito das alterações climáticas nas suas vidas fazem parte do debate.",
    ),
    "mens-day": (
        "Dia Internacional do Homem",
        "Um dia sobre a saúde dos homens, os modelos positivos e as relações entre os géneros. "
        "Um momento natural para convidar homens a tornarem-se aliados.",
    ),
    "evaw-day": (
        "Dia Internacional para a Eliminação da Violência contra as Mulheres",
        "Um dia para dizer que a violência contra as mulheres nunca é aceitável e para "
        "indicar aos colegas onde encontrar ajuda.",
    ),
    "16-days": (
        "16 Dias de Ativismo contra a Violência de Género",
        "Dezasseis dias de campanha, do dia contra a violência sobre as mulheres ao Dia dos "
        "Direitos Humanos. Planeie uma ação visível para cada semana.",
    ),
    "human-rights-day": (
        "Dia dos Direitos Humanos",
        "Assinala a Declaração Universal dos Direitos Humanos. Os direitos das mulheres são "
        "direitos humanos.",
    ),
    "human-solidarity-day": (
        "Dia Internacional da Solidariedade Humana",
        "Um dia pela união para lá das diferenças, e um bom fecho para o ano dos aliados.",
    ),
}

LOCATIONS = {
    "Davos, Switzerland": "Davos (Suíça)",
    "United Nations Headquarters, New York": "Sede das Nações Unidas, Nova Iorque",
    "Baku, Azerbaijan": "Baku (Azerbaijão)",
}

CALENDAR = {
    "title": "Calendário dos aliados",
    "slug": "calendario-dos-aliados",
    "introduction": (
        "<p>Datas ao longo do ano que dão aos aliados um pretexto para iniciar uma conversa, "
        "partilhar um recurso ou organizar um evento. Acrescente-as ao seu calendário com um "
        "clique.</p>"
    ),
}
