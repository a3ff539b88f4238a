"""The home page, the section index pages, news, the contact page and the site identity."""

import datetime

from .markup import paragraph, rich

IDENTITY = {
    "en": {
        "site_name": "Citizens' Initiatives",
        "tagline": "Find, support and organise citizens' initiatives",
        "footer_text": rich(
            "A demonstration site. The initiatives marked as demonstrations are fictional."
        ),
    },
    "bg": {
        "site_name": "Граждански инициативи",
        "tagline": "Открийте, подкрепете и организирайте граждански инициативи",
        "footer_text": rich(
            "Демонстрационен сайт. Инициативите, отбелязани като демонстрации, са измислени."
        ),
    },
    "ro": {
        "site_name": "Inițiative cetățenești",
        "tagline": "Găsiți, susțineți și organizați inițiative cetățenești",
        "footer_text": rich(
            "Site demonstrativ. Inițiativele marcate ca demonstrații sunt fictive."
        ),
    },
}

HOME = {
    "en": {
        "title": "Citizens' initiatives",
        "intro": rich(
            "With one million signatures from at least seven member states, citizens can invite "
            "the European Commission to propose a law. Find an initiative to support, or learn "
            "how to organise your own."
        ),
    },
    "bg": {
        "title": "Граждански инициативи",
        "intro": rich(
            "С един милион подписа от поне седем държави членки гражданите могат да приканят "
            "Европейската комисия да предложи законодателство. Открийте инициатива, която да "
            "подкрепите, или научете как да организирате своя."
        ),
    },
    "ro": {
        "title": "Inițiative cetățenești",
        "intro": rich(
            "Cu un milion de semnături din cel puțin șapte state membre, cetățenii pot invita "
            "Comisia Europeană să propună un act legislativ. Găsiți o inițiativă pe care să o "
            "susțineți sau aflați cum să o organizați pe a dumneavoastră."
        ),
    },
}

INITIATIVE_INDEX = {
    "en": {
        "title": "Find an initiative",
        "intro": rich("Every initiative on this site, with its progress toward the thresholds."),
    },
    "bg": {
        "title": "Открийте инициатива",
        "intro": rich("Всички инициативи в този сайт и напредъкът им към праговете."),
    },
    "ro": {
        "title": "Găsiți o inițiativă",
        "intro": rich("Toate inițiativele de pe acest site și progresul lor față de praguri."),
    },
}

GUIDANCE_INDEX = {
    "en": {
        "title": "Organise an initiative",
        "intro": rich("What organisers need to know before they collect statements of support."),
    },
    "bg": {
        "title": "Организиране на инициатива",
        "intro": rich(
            "Какво трябва да знаят организаторите, преди да събират изявления за подкрепа."
        ),
    },
    "ro": {
        "title": "Organizați o inițiativă",
        "intro": rich(
            "Ce trebuie să știe organizatorii înainte de a colecta declarații de susținere."
        ),
    },
}

NEWS_INDEX = {
    "en": {"title": "News", "intro": rich("News about citizens' initiatives and this site.")},
    "bg": {"title": "Новини", "intro": rich("Новини за гражданските инициативи и този сайт.")},
    "ro": {"title": "Știri", "intro": rich("Știri despre inițiativele cetățenești și acest site.")},
}

NEWS = [
    {
        "slug": "online-collection-opens",
        "date": datetime.date(2026, 6, 1),
        "en": {
            "title": "Signing opens for “Clean air around every school”",
            "summary": "The demonstration initiative now collects statements of support on this "
            "site, encrypted with the organisers' key.",
            "body": [paragraph("Citizens of every member state can sign in their own language.")],
        },
        "bg": {
            "title": "Започна подписването за „Чист въздух около всяко училище“",
            "summary": "Демонстрационната инициатива вече събира изявления за подкрепа в този "
            "сайт, криптирани с ключа на организаторите.",
            "body": [
                paragraph("Гражданите на всяка държава членка могат да подпишат на своя език.")
            ],
        },
        "ro": {
            "title": "A început semnarea pentru „Aer curat în jurul fiecărei școli”",
            "summary": "Inițiativa demonstrativă colectează acum declarații de susținere pe acest "
            "site, criptate cu cheia organizatorilor.",
            "body": [paragraph("Cetățenii din fiecare stat membru pot semna în propria limbă.")],
        },
    },
    {
        "slug": "guide-certification",
        "date": datetime.date(2026, 4, 20),
        "en": {
            "title": "New guide: certifying your online collection system",
            "summary": "A step-by-step guide to what the national authority checks.",
            "body": [paragraph("Read it in the section Organise an initiative.")],
        },
        "bg": {
            "title": "Ново ръководство: удостоверяване на системата за събиране онлайн",
            "summary": "Ръководство стъпка по стъпка за това какво проверява националният орган.",
            "body": [paragraph("Прочетете го в раздела Организиране на инициатива.")],
        },
        "ro": {
            "title": "Ghid nou: certificarea sistemului de colectare online",
            "summary": "Un ghid pas cu pas despre ce verifică autoritatea națională.",
            "body": [paragraph("Îl găsiți în secțiunea Organizați o inițiativă.")],
        },
    },
    {
        "slug": "site-in-three-languages",
        "date": datetime.date(2026, 3, 2),
        "en": {
            "title": "The site now speaks Bulgarian and Romanian",
            "summary": "Every page is available in English, Bulgarian and Romanian.",
            "body": [paragraph("Choose your language at the top of any page.")],
        },
        "bg": {
            "title": "Сайтът вече е на български и румънски",
            "summary": "Всяка страница е достъпна на английски, български и румънски.",
            "body": [paragraph("Изберете езика си в горната част на всяка страница.")],
        },
        "ro": {
            "title": "Site-ul este acum disponibil în bulgară și română",
            "summary": "Fiecare pagină este disponibilă în engleză, bulgară și română.",
            "body": [paragraph("Alegeți limba în partea de sus a oricărei pagini.")],
        },
    },
    {
        "slug": "collection-closed-commuting",
        "date": datetime.date(2025, 5, 2),
        "en": {
            "title": "Collection closed for “Safe cross-border commuting”",
            "summary": "The organisers are preparing the statements for the national authorities.",
            "body": [paragraph("Thank you to everyone who signed.")],
        },
        "bg": {
            "title": "Приключи събирането за „Безопасно трансгранично пътуване до работа“",
            "summary": "Организаторите подготвят изявленията за националните органи.",
            "body": [paragraph("Благодарим на всички, които подписаха.")],
        },
        "ro": {
            "title": "S-a încheiat colectarea pentru „Navetă transfrontalieră în siguranță”",
            "summary": "Organizatorii pregătesc declarațiile pentru autoritățile naționale.",
            "body": [paragraph("Mulțumim tuturor celor care au semnat.")],
        },
    },
]

CONTACT = {
    "en": {
        "title": "Contact",
        "intro": rich("Questions about an initiative or about this site? Write to us."),
        "thank_you_text": rich("Thank you. We have received your message and will reply."),
        "subject": "Message from the citizens' initiatives site",
        "fields": [
            ("Your name", "singleline", "", True),
            ("Your email address", "email", "We use it only to reply to you.", True),
            ("Your message", "multiline", "", True),
        ],
    },
    "bg": {
        "title": "За контакти",
        "intro": rich("Въпроси за инициатива или за този сайт? Пишете ни."),
        "thank_you_text": rich("Благодарим ви. Получихме съобщението ви и ще отговорим."),
        "subject": "Съобщение от сайта за граждански инициативи",
        "fields": [
            ("Вашето име", "singleline", "", True),
            ("Вашият имейл адрес", "email", "Използваме го само за да ви отговорим.", True),
            ("Вашето съобщение", "multiline", "", True),
        ],
    },
    "ro": {
        "title": "Contact",
        "intro": rich("Întrebări despre o inițiativă sau despre acest site? Scrieți-ne."),
        "thank_you_text": rich("Vă mulțumim. Am primit mesajul dumneavoastră și vom răspunde."),
        "subject": "Mesaj de pe site-ul inițiativelor cetățenești",
        "fields": [
            ("Numele dumneavoastră", "singleline", "", True),
            (
                "Adresa dumneavoastră de e-mail",
                "email",
                "O folosim doar pentru a vă răspunde.",
                True,
            ),
            ("Mesajul dumneavoastră", "multiline", "", True),
        ],
    },
}
