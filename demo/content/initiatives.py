"""Three fictional initiatives, clearly marked as demonstration data, and their topics."""

import datetime

from .markup import paragraph, rich

TOPICS = [
    {"slug": "environment", "en": "Environment", "bg": "Околна среда", "ro": "Mediu"},
    {"slug": "health", "en": "Health", "bg": "Здраве", "ro": "Sănătate"},
    {
        "slug": "digital",
        "en": "Digital society",
        "bg": "Цифрово общество",
        "ro": "Societatea digitală",
    },
    {"slug": "transport", "en": "Transport", "bg": "Транспорт", "ro": "Transport"},
]

ORGANISERS = [
    ("Maria Ivanova", "BG", "representative", "maria.ivanova@example.org"),
    ("Andrei Popescu", "RO", "substitute", "andrei.popescu@example.org"),
    ("Lena Schmidt", "DE", "member", ""),
    ("Claire Dubois", "FR", "member", ""),
    ("Giulia Rossi", "IT", "member", ""),
    ("Jan Kowalski", "PL", "member", ""),
    ("Eva Horváth", "HU", "member", ""),
]

CLEAN_AIR = {
    "record": {
        "name": "Clean air around every school (demo)",
        "registration_number": "DEMO(2026)000001",
        "registration_date": datetime.date(2026, 3, 10),
        "collection_start": datetime.date(2026, 6, 1),
        "collection_end": datetime.date(2027, 5, 31),
        "status": "collecting",
        "collection": "on_site",
        "organisers": ORGANISERS,
    },
    "slug": "clean-air-around-every-school",
    "topics": ["environment", "health"],
    "en": {
        "title": "Clean air around every school (demonstration)",
        "subject_matter": "We invite the Commission to propose limits on air pollution within "
        "300 metres of every school in the Union.",
        "objectives": rich(
            "Children breathe faster than adults and spend their days at school. We ask for "
            "binding limits for fine particles and nitrogen dioxide around schools, measured "
            "continuously and published openly.",
            "This initiative is fictional. It demonstrates signing on this site.",
        ),
        "annex": [
            paragraph(
                "Member states would map the air quality around schools within two years and act "
                "where the limits are exceeded: traffic calming, school streets, cleaner buses."
            )
        ],
    },
    "bg": {
        "title": "Чист въздух около всяко училище (демонстрация)",
        "subject_matter": "Призоваваме Комисията да предложи ограничения на замърсяването на "
        "въздуха в радиус от 300 метра около всяко училище в Съюза.",
        "objectives": rich(
            "Децата дишат по-учестено от възрастните и прекарват дните си в училище. Искаме "
            "задължителни пределни стойности за фините прахови частици и азотния диоксид около "
            "училищата, които да се измерват непрекъснато и да се публикуват открито.",
            "Тази инициатива е измислена. Тя показва подписването в този сайт.",
        ),
        "annex": [
            paragraph(
                "Държавите членки ще картографират качеството на въздуха около училищата в "
                "рамките на две години и ще предприемат мерки, където пределните стойности са "
                "превишени: успокояване на движението, училищни улици, по-чисти автобуси."
            )
        ],
    },
    "ro": {
        "title": "Aer curat în jurul fiecărei școli (demonstrație)",
        "subject_matter": "Invităm Comisia să propună limite pentru poluarea aerului pe o rază de "
        "300 de metri în jurul fiecărei școli din Uniune.",
        "objectives": rich(
            "Copiii respiră mai repede decât adulții și își petrec zilele la școală. Cerem valori "
            "limită obligatorii pentru particulele fine și dioxidul de azot în jurul școlilor, "
            "măsurate continuu și publicate deschis.",
            "Această inițiativă este fictivă. Ea demonstrează semnarea pe acest site.",
        ),
        "annex": [
            paragraph(
                "Statele membre ar cartografia calitatea aerului în jurul școlilor în doi ani și ar "
                "acționa acolo unde limitele sunt depășite: reducerea traficului, străzi școlare, "
                "autobuze mai curate."
            )
        ],
    },
}

OPEN_DATA = {
    "record": {
        "name": "Public data open by default (demo)",
        "registration_number": "DEMO(2025)000002",
        "registration_date": datetime.date(2025, 9, 15),
        "collection_start": datetime.date(2026, 1, 15),
        "collection_end": datetime.date(2027, 1, 14),
        "status": "collecting",
        "collection": "external",
        "external_system_url": "https://citizens-initiative.europa.eu/",
        "external_counts": {
            "BG": 14210,
            "RO": 26115,
            "DE": 41020,
            "FR": 30544,
            "IT": 18200,
            "ES": 12903,
            "PL": 9320,
            "NL": 8120,
            "AT": 15020,
            "GR": 6034,
        },
        "organisers": ORGANISERS,
    },
    "slug": "public-data-open-by-default",
    "topics": ["digital"],
    "en": {
        "title": "Public data open by default (demonstration)",
        "subject_matter": "We invite the Commission to propose that public bodies publish the "
        "data they hold in open, machine-readable formats by default.",
        "objectives": rich(
            "Open data lets citizens, journalists and civil society organisations follow public "
            "decisions and build useful services. We ask for a right to reuse public data, free "
            "of charge, with only the exceptions that protect personal data and security.",
            "This initiative is fictional. It demonstrates collection on an external system.",
        ),
        "annex": [],
    },
    "bg": {
        "title": "Отворени по подразбиране публични данни (демонстрация)",
        "subject_matter": "Призоваваме Комисията да предложи публичните органи да публикуват "
        "данните, с които разполагат, по подразбиране в отворени, машинночетими формати.",
        "objectives": rich(
            "Отворените данни позволяват на гражданите, журналистите и гражданските организации "
            "да следят публичните решения и да създават полезни услуги. Искаме право на безплатно "
            "повторно използване на публичните данни само с изключенията, които защитават "
            "личните данни и сигурността.",
            "Тази инициатива е измислена. Тя показва събиране във външна система.",
        ),
        "annex": [],
    },
    "ro": {
        "title": "Date publice deschise în mod implicit (demonstrație)",
        "subject_matter": "Invităm Comisia să propună ca organismele publice să publice în mod "
        "implicit datele pe care le dețin în formate deschise, care pot fi citite automat.",
        "objectives": rich(
            "Datele deschise permit cetățenilor, jurnaliștilor și organizațiilor societății "
            "civile să urmărească deciziile publice și să creeze servicii utile. Cerem dreptul de "
            "a reutiliza gratuit datele publice, cu singurele excepții care protejează datele "
            "personale și securitatea.",
            "Această inițiativă este fictivă. Ea demonstrează colectarea pe un sistem extern.",
        ),
        "annex": [],
    },
}

SAFE_COMMUTING = {
    "record": {
        "name": "Safe cross-border commuting (demo)",
        "registration_number": "DEMO(2024)000003",
        "registration_date": datetime.date(2024, 2, 5),
        "collection_start": datetime.date(2024, 5, 1),
        "collection_end": datetime.date(2025, 4, 30),
        "status": "closed",
        "collection": "on_site",
        "organisers": ORGANISERS,
    },
    "slug": "safe-cross-border-commuting",
    "topics": ["transport"],
    "en": {
        "title": "Safe cross-border commuting (demonstration)",
        "subject_matter": "We invited the Commission to propose common safety standards for "
        "cross-border bus and rail links used by commuters.",
        "objectives": rich(
            "Thousands of people cross a border to work every day, for example over the Danube "
            "between Ruse and Giurgiu. Their journeys should be as safe and reliable as any "
            "domestic one.",
            "This initiative is fictional. Its collection period has ended.",
        ),
        "annex": [],
    },
    "bg": {
        "title": "Безопасно трансгранично пътуване до работа (демонстрация)",
        "subject_matter": "Призовахме Комисията да предложи общи стандарти за безопасност на "
        "трансграничните автобусни и железопътни връзки, използвани от пътуващите до работа.",
        "objectives": rich(
            "Хиляди хора всеки ден пресичат граница, за да отидат на работа, например по Дунав "
            "между Русе и Гюргево. Пътуванията им трябва да са толкова безопасни и надеждни, "
            "колкото всяко вътрешно пътуване.",
            "Тази инициатива е измислена. Периодът за събиране е приключил.",
        ),
        "annex": [],
    },
    "ro": {
        "title": "Navetă transfrontalieră în siguranță (demonstrație)",
        "subject_matter": "Am invitat Comisia să propună standarde comune de siguranță pentru "
        "legăturile transfrontaliere de autobuz și tren folosite de navetiști.",
        "objectives": rich(
            "Mii de oameni trec zilnic o frontieră pentru a merge la muncă, de exemplu peste "
            "Dunăre între Giurgiu și Ruse. Călătoriile lor ar trebui să fie la fel de sigure și "
            "de fiabile ca oricare călătorie internă.",
            "Această inițiativă este fictivă. Perioada sa de colectare s-a încheiat.",
        ),
        "annex": [],
    },
}

INITIATIVES = [CLEAN_AIR, OPEN_DATA, SAFE_COMMUTING]

SIGNING_PAGE = {
    "en": {
        "title": "Sign the initiative",
        "intro": rich(
            "Signing takes about a minute. Choose the member state of your nationality: it decides "
            "which details the form asks for."
        ),
    },
    "bg": {
        "title": "Подпишете инициативата",
        "intro": rich(
            "Подписването отнема около минута. Изберете държавата членка на вашето гражданство: "
            "от нея зависи кои данни се изискват във формуляра."
        ),
    },
    "ro": {
        "title": "Semnați inițiativa",
        "intro": rich(
            "Semnarea durează aproximativ un minut. Alegeți statul membru al cetățeniei "
            "dumneavoastră: de acesta depind datele cerute în formular."
        ),
    },
}

# The demo key's passphrase is public on purpose: the demo key protects fictional data only.
DEMO_KEY_PASSPHRASE = "demonstration passphrase"  # noqa: S105
