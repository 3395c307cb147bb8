"""El contenido inicial en español (same shape as every language module: see the package)."""

ACTIONS = {
    "listen": (
        "Escuchar a las mujeres de tu entorno",
        "Pregunta a las mujeres con las que vives y trabajas qué les ayudaría, toma en serio "
        "lo que te digan y apóyalas de la forma que ellas elijan.",
    ),
    "mentor": (
        "Orientar y patrocinar",
        "Dedica tiempo al desarrollo de una compañera y usa tu posición para proponer su "
        "nombre para puestos, proyectos y ascensos.",
    ),
    "representation": (
        "Pedir equipos y paneles equilibrados",
        "Cuando se prepare una mesa redonda, un comité o un tribunal de selección, fíjate en "
        "quién falta y defiende que haya mujeres entre quienes hablan y deciden.",
    ),
    "respect": (
        "Comunicarse con respeto",
        "Deja que los demás terminen de hablar, escucha de verdad y reconoce cada idea a quien "
        "la tuvo.",
    ),
    "meetings": (
        "Dirigir reuniones inclusivas",
        "Da la palabra a quienes hablan menos, reparte el tiempo de intervención y acoge las "
        "opiniones que se apartan de las del resto de la sala.",
    ),
    "language": (
        "Elegir un lenguaje justo",
        "Deja de lado los chistes, los apodos y las expresiones que menosprecian a las mujeres "
        "o las reducen a estereotipos.",
    ),
    "violent-content": (
        "No difundir contenidos violentos",
        "No compartas, no des «me gusta» ni te rías de contenidos que presentan la violencia "
        "contra las mujeres como algo normal o gracioso.",
    ),
    "organisations": (
        "Apoyar a las organizaciones de mujeres",
        "Aporta tiempo, conocimientos o dinero a los grupos locales que trabajan con y para las "
        "mujeres.",
    ),
    "intervene": (
        "Actuar ante la violencia",
        "Si presencias un abuso o un acoso, intervén cuando puedas hacerlo sin riesgo y "
        "denúncialo por los cauces establecidos.",
    ),
    "reflect": (
        "Reflexionar y seguir aprendiendo",
        "Revisa con honestidad tus propios hábitos en busca de estereotipos de género e "
        "infórmate sobre la historia del movimiento por los derechos de las mujeres.",
    ),
    "policy": (
        "Impulsar políticas más justas",
        "Ayuda a redactar y a defender políticas que hagan avanzar la igualdad, como los "
        "permisos parentales compartidos o normas firmes contra el acoso.",
    ),
    "parity": (
        "Respaldar los objetivos de paridad",
        "Apoya los objetivos de la organización para lograr un equilibrio entre mujeres y "
        "hombres en la contratación y los ascensos, y ayuda a cumplirlos.",
    ),
    "campaigns": (
        "Participar en campañas de sensibilización",
        "Súmate a campañas, o pon en marcha alguna, que lleven a tus colegas a hablar de la "
        "igualdad entre mujeres y hombres y de los sesgos que arrastramos sin darnos cuenta.",
    ),
    "review": (
        "Revisar lo que ya hacemos",
        "Analiza con regularidad las iniciativas de igualdad en marcha, di qué funciona y qué "
        "no, y propón mejoras.",
    ),
}

GLOSSARY = {
    "ally": (
        "Aliado",
        "<p>Persona que entiende los derechos de las mujeres como una cuestión de derechos "
        "humanos y no como un asunto que solo incumbe a las mujeres. En el trabajo, un aliado "
        "se da cuenta de cómo el poder se manifiesta en lo que dice y hace, y asume su parte de "
        "responsabilidad para cambiarlo.</p>",
    ),
    "gender": (
        "Género",
        "<p>Los papeles, comportamientos, actividades y atributos que una sociedad, en un "
        "momento dado, considera apropiados para las mujeres y para los hombres, y las "
        "relaciones entre ellos y entre ellas. El género se aprende, no es innato; cambia de un "
        "lugar a otro y de una época a otra, y puede transformarse. Condiciona lo que se espera "
        "de una persona, lo que se le permite hacer y cómo se la valora, y actúa junto con la "
        "clase social, el origen étnico, la edad, la orientación sexual y otros factores.</p>",
    ),
    "gender-equity": (
        "Equidad de género",
        "<p>Término que las Naciones Unidas evitan y al que prefieren el de <em>igualdad de "
        "género</em>. Decidir qué es «equitativo» suele depender de la costumbre, la tradición "
        "o la religión, y en la práctica eso ha jugado a menudo en contra de las mujeres. Desde "
        "la Conferencia de Beijing de 1995, la ONU habla de igualdad, como confirmó el Comité "
        "para la Eliminación de la Discriminación contra la Mujer en su recomendación general "
        "n.º 28 (2010).</p>",
    ),
    "gender-equality": (
        "Igualdad de género",
        "<p>El objetivo de que el sexo asignado al nacer no determine los derechos, los "
        "deberes ni las oportunidades de nadie, sea adulto o menor. Igualdad no significa "
        "uniformidad: cuentan las necesidades y prioridades de mujeres y hombres muy diversos. "
        "Es tarea de los hombres tanto como de las mujeres, una cuestión de derechos humanos y "
        "uno de los pilares de un desarrollo sostenible.</p>",
    ),
    "gender-identity": (
        "Identidad de género",
        "<p>La forma en que cada persona conoce y vive por dentro su propio género. Hay quienes "
        "se saben mujeres y quienes se saben hombres; otras personas se reconocen no binarias, "
        "de género fluido o de otra manera.</p>",
    ),
    "gender-parity": (
        "Paridad de género",
        "<p>Un recuento más que un principio: cuántas mujeres hay por cada hombre en un grupo, "
        "como los agentes de un mismo rango o los miembros de un consejo. Las Naciones Unidas "
        "se fijan esta meta para su propio personal, porque su Carta prohíbe cualquier límite a "
        "los cargos que puedan ocupar mujeres u hombres.</p>",
    ),
    "intersectionality": (
        "Interseccionalidad",
        "<p>Mirar a la persona en su totalidad: el género es una parte de quién es, junto con "
        "el origen étnico, la clase social, la orientación sexual, la discapacidad y más. Estos "
        "aspectos se entrecruzan, de modo que dos mujeres pueden encontrarse con obstáculos muy "
        "distintos, y las desventajas pueden sumarse.</p>",
    ),
    "transgender": (
        "Transgénero",
        "<p>Palabra amplia para las personas cuyo género no es el que se les asignó al nacer. "
        "Cuando este programa habla de mujeres o de hombres, incluye también a las mujeres "
        "trans y a los hombres trans.</p>",
    ),
    "mentorship": (
        "Mentoría",
        "<p>Una persona con más trayectoria (el mentor o la mentora) se reúne con otra que "
        "empieza (la persona mentorizada) para compartir lo que ha aprendido y ayudarla a "
        "crecer en el trabajo y fuera de él. En un programa de aliados, quien ejerce la "
        "mentoría ayuda también con los obstáculos ligados al género. Ambas personas pueden ser "
        "de cualquier género, y el mentor no tiene por qué ser jefe de nadie.</p>",
    ),
    "sponsorship": (
        "Patrocinio profesional",
        "<p>Va más allá de la mentoría: quien patrocina pone su propia influencia al servicio "
        "de la carrera de la persona patrocinada, la recomienda para ascensos, la incorpora a "
        "proyectos de peso y da a conocer sus logros, atento a los obstáculos ligados al "
        "género. Como su reputación depende de los avances de la persona patrocinada, exige un "
        "compromiso más profundo.</p>",
    ),
    "transforming-patriarchal-masculinities": (
        "Transformar las masculinidades patriarcales",
        "<p>Las masculinidades patriarcales son ideas y prácticas que colocan lo masculino por "
        "encima de lo femenino y la autoridad de los hombres por encima de la de las mujeres, "
        "sostenidas por normas, leyes e instituciones. El enfoque transformador, que sigue "
        "HeForShe, pide a los hombres que usen los privilegios que esas estructuras les dan "
        "para desmontarlas: poniéndose del lado de las mujeres, amplificando su voz y "
        "cuestionando los estereotipos, y liberándose también de normas que limitan a los "
        "propios hombres.</p>",
    ),
}

PROFILE = {
    "title": "El perfil del aliado",
    "slug": "perfil-del-aliado",
    "introduction": (
        "<p>Los aliados son colegas de cualquier rango o función que han decidido defender la "
        "igualdad de género en el trabajo. Este perfil recoge los compromisos de la "
        "organización, lo que buscamos en un aliado y lo que le pedimos que haga.</p>"
    ),
    "commitments": [
        "Reducir el desequilibrio de género en los mandos intermedios, sobre todo en los "
        "primeros niveles de supervisión.",
        "Erradicar el sexismo y la misoginia allí donde existan en nuestra cultura.",
        "Publicar cada año información sobre igualdad de género e informar de los avances.",
    ],
    "qualities": [
        "se interesa por identidades y experiencias distintas de las suyas, incluidas todas "
        "las formas de vivir el género",
        "reconoce que existe un desequilibrio de género en nuestra plantilla y en las "
        "comunidades a las que servimos",
        "actúa para reducir la desigualdad de género y hace de la defensa de la igualdad algo "
        "cotidiano",
        "anima a sus colegas a actuar también",
        "amplifica la voz de las mujeres y combate las desigualdades que afrontan en su día a día",
        "cuestiona las ideas estrechas de la masculinidad, que perjudican a los hombres y a "
        "las personas de cualquier género",
        "ayuda a cambiar las políticas, los sistemas y las estructuras que frenan la igualdad "
        "de género y otras formas de igualdad, como las relacionadas con el origen étnico o la "
        "orientación sexual",
    ],
    "responsibilities": [
        "hablar del programa con sus colegas, en las reuniones de equipo y en los eventos",
        "mostrar su apoyo a la igualdad de género en su comportamiento diario",
        "plantar cara a los comportamientos sexistas y misóginos, y denunciarlos",
        "ayudar a la organización a cumplir sus compromisos, por ejemplo participando en proyectos",
        "trabajar con los demás aliados para que la red actúe de forma unida",
        "liderar o apoyar las actividades de los aliados en su propia unidad",
    ],
    "closing_note": (
        "<p>La mayor parte del trabajo de un aliado ocurre en los momentos corrientes de la "
        "jornada. Las listas anteriores no son exhaustivas: de vez en cuando se puede pedir a "
        "los aliados que colaboren en otras tareas que hagan avanzar nuestros "
        "compromisos.</p>"
    ),
    "button": "Hazte aliado",
}

TEMPLATE = {
    "title": "Hazte aliado: [FORCE NAME]",
    "slug": "plantilla-de-articulo-de-captacion",
    "introduction": (
        "<p>Nuestro programa de aliados invita a colegas de todos los géneros a trabajar codo "
        "con codo con las mujeres por la igualdad en el trabajo. Aquí no se trata de rescatar "
        "a nadie: es una tarea que compartimos.</p>"
        "<p>Los aliados no miran desde la barrera. Cada vez que ven u oyen una desigualdad, "
        "actúan, junto a las mujeres y entre ellos.</p>"
    ),
    "video_title": "Por qué necesitamos aliados: un mensaje de la responsable nacional del "
    "programa",
    "why": (
        "<h2>Por qué importa: [FORCE NAME]</h2>"
        "<p>Informes y casos recientes han mostrado lo extendidos que siguen estando el "
        "sexismo y la misoginia, y muchas y muchos de nosotros lo hemos visto o sufrido. Hace "
        "daño a quien lo recibe, enrarece el ambiente de trabajo y mina la confianza en toda la "
        "organización. Las llamadas «bromas» forman parte del problema.</p>"
        "<p>Nuestros colegas también nos hablan de obstáculos para ascender, de poco apoyo a la "
        "salud de las mujeres en el trabajo y de un acceso limitado a la flexibilidad laboral. "
        "Los aliados pueden ayudar en todo ello.</p>"
        "<p>La igualdad también es buena para los hombres. Las ideas rígidas sobre cómo debe "
        "ser un hombre pueden impedirles pedir ayuda, conciliar el trabajo y la vida familiar o "
        "hablar de lo que les han dejado las experiencias duras.</p>"
    ),
    "button_label": "Inscríbete como aliado: [FORCE NAME]",
    "button_text": "Inscribirte te llevará unos minutos, y puedes darte de baja cuando quieras.",
    "contact_heading": "¿Tienes preguntas?",
    "contact_text": (
        "<p>Si quieres unirte, o prefieres saber más antes, [CONTACT NAME] puede contarte cómo "
        "funciona el programa y qué recursos ofrece.</p>"
    ),
}

TOPICS = {
    "mentoring": (
        "Mentoría",
        "Orientar y patrocinar a colegas, y recibir mentoría.",
    ),
    "menopause": (
        "Menopausia",
        "Apoyo en el trabajo a las compañeras que atraviesan la menopausia.",
    ),
    "flexible-working": (
        "Trabajo flexible",
        "Jornada parcial, trabajo híbrido y horarios flexibles, y cómo hacer que funcionen para "
        "todos los géneros.",
    ),
    "gender-based-violence": (
        "Violencia de género",
        "Prevenir la violencia, el abuso y el acoso contra mujeres y niñas, y responder a ellos.",
    ),
    "health": (
        "Salud y bienestar",
        "La salud física y mental, incluida la salud mental de los hombres.",
    ),
    "education": (
        "Formación y carrera profesional",
        "El aprendizaje, las competencias y las carreras, sobre todo allí donde hay pocas "
        "mujeres, como en la ciencia y la tecnología.",
    ),
    "families": (
        "Familias y cuidados",
        "La crianza, el cuidado de otras personas y su reparto justo en casa y en el trabajo.",
    ),
    "equal-pay": (
        "Igualdad salarial",
        "Cerrar la brecha salarial de género y valorar el trabajo con justicia.",
    ),
    "lgbtqia": (
        "Inclusión LGBTQIA+",
        "Apoyar a las compañeras y compañeros lesbianas, gais, bisexuales, trans, queer, "
        "intersexuales y asexuales.",
    ),
    "human-rights": (
        "Derechos humanos",
        "La igualdad como cuestión de derechos humanos, y la solidaridad más allá de las "
        "fronteras.",
    ),
    "heforshe": (
        "HeForShe",
        "El movimiento HeForShe: hombres y personas de todos los géneros que defienden la "
        "igualdad.",
    ),
    "global-events": (
        "Eventos internacionales",
        "Conferencias y asambleas internacionales en las que la igualdad de género está en la "
        "agenda.",
    ),
}

DATES = {
    "wef-2025": (
        "Reunión anual del Foro Económico Mundial",
        "Líderes empresariales y políticos se reúnen en Davos. Un buen momento para preguntar "
        "qué hacen por la paridad los responsables de nuestro propio sector.",
    ),
    "education-day": (
        "Día Internacional de la Educación",
        "La educación como derecho de todas las niñas y todos los niños. Los aliados pueden "
        "contar lo que estudiar les aportó y apoyar a los colegas que se están formando.",
    ),
    "fgm-zero-tolerance": (
        "Día Internacional de Tolerancia Cero con la Mutilación Genital Femenina",
        "Un día para alzar la voz contra la mutilación genital femenina y apoyar a las "
        "personas y organizaciones que trabajan para acabar con ella.",
    ),
    "women-girls-science": (
        "Día Internacional de la Mujer y la Niña en la Ciencia",
        "Reconoce a las mujeres científicas y se pregunta por qué tan pocas niñas eligen la "
        "ciencia. Los aliados pueden ejercer de mentores y proponer a científicas como "
        "ponentes.",
    ),
    "womens-day": (
        "Día Internacional de la Mujer",
        "La fecha más conocida del año para la igualdad de género. Pregunta a las mujeres con "
        "las que trabajas qué les ayudaría, y actúa en consecuencia.",
    ),
    "csw69": (
        "CSW69 / Beijing+30",
        "La Comisión de la Condición Jurídica y Social de la Mujer de la ONU celebra su 69.º "
        "período de sesiones, treinta años después de la Declaración y Plataforma de Acción de "
        "Beijing.",
    ),
    "health-day": (
        "Día Mundial de la Salud",
        "Un día dedicado a la salud para todas las personas. Buen momento para hablar de la "
        "salud de las mujeres en el trabajo, menopausia incluida.",
    ),
    "mother-earth-day": (
        "Día Internacional de la Madre Tierra",
        "Un día por el planeta. El cambio climático golpea con más fuerza a mujeres y niñas; "
        "los aliados pueden llevar esa realidad a la conversación.",
    ),
    "girls-in-ict": (
        "Día Internacional de las Niñas en las TIC",
        "Anima a niñas y jóvenes a dedicarse a la tecnología. Se celebra el cuarto jueves de "
        "abril, así que comprueba la fecha cada año.",
    ),
    "families-day": (
        "Día Internacional de las Familias",
        "Las familias en todas sus formas. Una ocasión para hablar de los permisos parentales "
        "y del reparto de los cuidados en casa.",
    ),
    "idahobit": (
        "Día Internacional contra la Homofobia, la Transfobia y la Bifobia",
        "Un día para mostrar apoyo a los colegas LGBTQIA+ y alzar la voz contra la discriminación.",
    ),
    "parents-day": (
        "Día Mundial de las Madres y los Padres",
        "Un homenaje a madres y padres de todo el mundo. Los aliados pueden demostrar que "
        "cuidar también es cosa de hombres y aprovechar la flexibilidad laboral que tienen.",
    ),
    "fathers-day-us": (
        "Día del Padre (Estados Unidos)",
        "Los padres y el papel que desempeñan. En Estados Unidos se celebra el tercer domingo "
        "de junio, así que comprueba la fecha cada año.",
    ),
    "youth-day": (
        "Día Internacional de la Juventud",
        "La gente joven y su futuro. Piensa en las jóvenes que empiezan en nuestra "
        "organización y en cómo abrirles puertas.",
    ),
    "womens-equality-day": (
        "Día de la Igualdad de la Mujer (Estados Unidos)",
        "Recuerda el día en que las estadounidenses conquistaron el voto, en 1920. Un "
        "recordatorio de que esos derechos se ganaron con ayuda de aliados.",
    ),
    "unga79": (
        "Apertura del 79.º período de sesiones de la Asamblea General de la ONU",
        "Líderes de todo el mundo se reúnen en el nuevo período de sesiones de la Asamblea "
        "General, con la igualdad de género entre los temas sobre la mesa.",
    ),
    "equal-pay-day": (
        "Día Internacional de la Igualdad Salarial",
        "Igual salario por trabajo de igual valor. Un buen día para mirar nuestras propias "
        "cifras de brecha salarial y preguntar qué se está haciendo al respecto.",
    ),
    "heforshe-anniversary": (
        "Aniversario de HeForShe",
        "El cumpleaños del movimiento HeForShe. Cuenta lo que los aliados de aquí han hecho "
        "durante el año e invita a otras personas a sumarse.",
    ),
    "heforshe-summit-10": (
        "Cumbre del décimo aniversario de HeForShe",
        "Diez años de HeForShe: una cumbre para repasar lo que ha cambiado y mirar lo que aún "
        "les queda por hacer a los aliados.",
    ),
    "mental-health-day": (
        "Día Mundial de la Salud Mental",
        "Salud mental para todas las personas. Las ideas rígidas sobre la masculinidad impiden "
        "a muchos hombres pedir ayuda; los aliados pueden facilitar que se hable del tema.",
    ),
    "girl-child-day": (
        "Día Internacional de la Niña",
        "Los derechos de las niñas y los obstáculos que encuentran. Los aliados pueden apoyar "
        "la mentoría y las prácticas para chicas.",
    ),
    "cop29": (
        "Inauguración de la Conferencia de la ONU sobre el Cambio Climático (COP29)",
        "Los gobiernos se reúnen para acordar medidas contra el cambio climático. La voz de "
        "las mujeres y el efecto del clima en sus vidas forman parte del debate.",
    ),
    "mens-day": (
        "Día Internacional del Hombre",
        "Un día sobre la salud de los hombres, los modelos positivos y las relaciones entre "
        "los géneros. Una ocasión natural para invitar a los hombres a hacerse aliados.",
    ),
    "evaw-day": (
        "Día Internacional de la Eliminación de la Violencia contra la Mujer",
        "Un día para decir que la violencia contra las mujeres nunca es aceptable y para "
        "indicar a los colegas dónde encontrar ayuda.",
    ),
    "16-days": (
        "16 días de activismo contra la violencia de género",
        "Dieciséis días de campaña, desde el día contra la violencia hacia las mujeres hasta "
        "el Día de los Derechos Humanos. Planifica una acción visible para cada semana.",
    ),
    "human-rights-day": (
        "Día de los Derechos Humanos",
        "Conmemora la Declaración Universal de Derechos Humanos. Los derechos de las mujeres "
        "son derechos humanos.",
    ),
    "human-solidarity-day": (
        "Día Internacional de la Solidaridad Humana",
        "Un día para la unidad por encima de las diferencias, y un buen cierre para el año de "
        "los aliados.",
    ),
}

LOCATIONS = {
    "Davos, Switzerland": "Davos (Suiza)",
    "United Nations Headquarters, New York": "Sede de las Naciones Unidas, Nueva York",
    "Baku, Azerbaijan": "Bakú (Azerbaiyán)",
}

CALENDAR = {
    "title": "Calendario de aliados",
    "slug": "calendario-de-aliados",
    "introduction": (
        "<p>Fechas repartidas por el año que dan a los aliados un motivo para iniciar una "
        "conversación, compartir un recurso u organizar un evento. Añádelas a tu propio "
        "calendario con un clic.</p>"
    ),
}
