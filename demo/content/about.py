"""Standard pages: about the citizens' initiative (with two seed projects), more information,
privacy and accessibility statements."""

from .markup import callout, heading, paragraph

ABOUT = {
    "en": {
        "title": "About the citizens' initiative",
        "intro": "A citizens' initiative lets one million citizens from at least seven member "
        "states invite the European Commission to propose a law.",
        "body": [
            paragraph(
                "Seven citizens living in seven different member states form an organisers' group "
                "and register the initiative. Once registered, they have twelve months to collect "
                "statements of support, on paper or online."
            ),
            paragraph(
                "Each statement counts for the member state of the signatory's nationality. Every "
                "member state has a minimum number of statements, proportional to its seats in the "
                "European Parliament."
            ),
            callout(
                "info",
                "Who can sign",
                "Any citizen of the European Union who has reached the age to vote in European "
                "Parliament elections – 16 in some member states, 17 in Greece, 18 elsewhere.",
            ),
        ],
    },
    "bg": {
        "title": "За гражданската инициатива",
        "intro": "Гражданската инициатива позволява на един милион граждани от поне седем "
        "държави членки да приканят Европейската комисия да предложи законодателство.",
        "body": [
            paragraph(
                "Седем граждани, живеещи в седем различни държави членки, образуват група от "
                "организатори и регистрират инициативата. След регистрацията те разполагат с "
                "дванадесет месеца, за да съберат изявления за подкрепа на хартия или онлайн."
            ),
            paragraph(
                "Всяко изявление се отчита за държавата членка на гражданството на "
                "поддръжника. Всяка държава членка има минимален брой изявления, пропорционален "
                "на местата ѝ в Европейския парламент."
            ),
            callout(
                "info",
                "Кой може да подпише",
                "Всеки гражданин на Европейския съюз, навършил възрастта за гласуване на "
                "изборите за Европейски парламент – 16 години в някои държави членки, 17 в "
                "Гърция, 18 в останалите.",
            ),
        ],
    },
    "ro": {
        "title": "Despre inițiativa cetățenească",
        "intro": "O inițiativă cetățenească permite unui milion de cetățeni din cel puțin șapte "
        "state membre să invite Comisia Europeană să propună un act legislativ.",
        "body": [
            paragraph(
                "Șapte cetățeni care locuiesc în șapte state membre diferite formează un grup de "
                "organizatori și înregistrează inițiativa. După înregistrare, au la dispoziție "
                "douăsprezece luni pentru a colecta declarații de susținere, pe hârtie sau online."
            ),
            paragraph(
                "Fiecare declarație contează pentru statul membru al cetățeniei semnatarului. "
                "Fiecare stat membru are un număr minim de declarații, proporțional cu numărul "
                "său de locuri în Parlamentul European."
            ),
            callout(
                "info",
                "Cine poate semna",
                "Orice cetățean al Uniunii Europene care a împlinit vârsta de vot la alegerile "
                "pentru Parlamentul European – 16 ani în unele state membre, 17 în Grecia, "
                "18 în celelalte.",
            ),
        ],
    },
}

OPEN_GOVERNMENT = {
    "en": {
        "title": "Civic platform for open government",
        "intro": "A Bulgarian NGO project on open data and open government, funded by the EEA "
        "Financial Mechanism's programme for non-governmental organisations in Bulgaria.",
        "body": [
            heading("Context"),
            paragraph(
                "New technologies and the concept of open data have changed how public "
                "institutions provide information to citizens. Today the question is not whether "
                "public information should be public, but whether it is accessible and easy to use."
            ),
            heading("Goal"),
            paragraph(
                "To raise awareness of open government and of the benefits of publishing public "
                "information in open formats, and to build the capacity of civil society "
                "organisations and media to work with this information in a digital environment."
            ),
            heading("Activities"),
            paragraph(
                "A mixed working group on open government; an assessment of open data practice in "
                "Bulgaria; an information campaign; a handbook on open data; training seminars on "
                "processing, analysing and visualising open data; the OpenDataExpo forum."
            ),
        ],
    },
    "bg": {
        "title": "Гражданска платформа за открито управление",
        "intro": "Проект на българска неправителствена организация за отворени данни и открито "
        "управление, финансиран по Програмата за подкрепа на неправителствените организации в "
        "България по Финансовия механизъм на Европейското икономическо пространство.",
        "body": [
            heading("Контекст"),
            paragraph(
                "Новите технологии и концепцията за отворени данни промениха начина, по който "
                "публичните институции предоставят информация на гражданите. Днес въпросът не е "
                "дали обществената информация трябва да е публична, а дали тя е достъпна и удобна "
                "за ползване."
            ),
            heading("Цел"),
            paragraph(
                "Да повиши информираността относно откритото управление и предимствата на "
                "предоставяне на публична информация в отворен формат и да изгради капацитет на "
                "гражданските организации и медиите за работа с тази информация в дигитална среда."
            ),
            heading("Дейности"),
            paragraph(
                "Смесена работна група за открито управление; оценка на практиката за отворени "
                "данни в България; информационна кампания; наръчник за работа с отворени данни; "
                "обучителни семинари за обработка, анализ и визуализация на отворени данни; "
                "форумът OpenDataExpo."
            ),
        ],
    },
    "ro": {
        "title": "Platformă civică pentru guvernare deschisă",
        "intro": "Un proiect al unei organizații neguvernamentale din Bulgaria privind datele "
        "deschise și guvernarea deschisă, finanțat prin programul pentru organizațiile "
        "neguvernamentale din Bulgaria al Mecanismului financiar al Spațiului Economic European.",
        "body": [
            heading("Context"),
            paragraph(
                "Noile tehnologii și conceptul de date deschise au schimbat modul în care "
                "instituțiile publice oferă informații cetățenilor. Astăzi întrebarea nu este dacă "
                "informațiile publice trebuie să fie publice, ci dacă sunt accesibile și ușor de "
                "folosit."
            ),
            heading("Obiectiv"),
            paragraph(
                "Creșterea gradului de conștientizare privind guvernarea deschisă și avantajele "
                "publicării informațiilor publice în formate deschise, precum și consolidarea "
                "capacității organizațiilor societății civile și a presei de a lucra cu aceste "
                "informații în mediul digital."
            ),
            heading("Activități"),
            paragraph(
                "Un grup de lucru mixt pentru guvernare deschisă; o evaluare a practicilor privind "
                "datele deschise în Bulgaria; o campanie de informare; un manual despre datele "
                "deschise; seminarii de formare privind prelucrarea, analiza și vizualizarea "
                "datelor deschise; forumul OpenDataExpo."
            ),
        ],
    },
}

E_GOVERNET = {
    "en": {
        "title": "BG-RO E-GoverNet",
        "intro": "A cross-border platform for administrative services between Bulgaria and "
        "Romania, built in Bulgarian, Romanian and English (Interreg V-A Romania-Bulgaria, "
        "project ROBG-168, April 2017 to April 2019).",
        "body": [
            heading("Goal"),
            paragraph(
                "To encourage long-term cooperation between public authorities by creating an "
                "innovative tool for better coordination between public and private stakeholders "
                "in the cross-border region."
            ),
            heading("Target groups"),
            paragraph(
                "Municipalities and regional administrations; non-governmental organisations of "
                "every kind in the cross-border region; private companies; local communities."
            ),
            heading("Expected results"),
            paragraph(
                "Cooperation agreements between administrations, municipalities, county councils "
                "and NGOs; the BG-RO E-GoverNet network; a survey of public services; a strategy "
                "for better public services; an information-sharing platform."
            ),
        ],
    },
    "bg": {
        "title": "BG-RO E-GoverNet",
        "intro": "Трансгранична платформа за административни услуги между България и Румъния "
        "на три езика – български, румънски и английски (Interreg V-A Румъния-България, проект "
        "ROBG-168, април 2017 – април 2019 г.).",
        "body": [
            heading("Цел"),
            paragraph(
                "Насърчаване на дългосрочното сътрудничество между публичните власти чрез "
                "създаване на иновативен инструмент за по-добра координация между "
                "заинтересованите страни от публичния и частния сектор в трансграничния регион."
            ),
            heading("Целеви групи"),
            paragraph(
                "Общини и областни администрации; неправителствени организации от всички видове "
                "в трансграничния регион; частни фирми; местни общности."
            ),
            heading("Очаквани резултати"),
            paragraph(
                "Споразумения за сътрудничество между администрации, общини, окръжни съвети и "
                "НПО; мрежата BG-RO E-GoverNet; проучване на публичните услуги; стратегия за "
                "по-добри публични услуги; платформа за обмен на информация."
            ),
        ],
    },
    "ro": {
        "title": "BG-RO E-GoverNet",
        "intro": "O platformă transfrontalieră pentru servicii administrative între Bulgaria și "
        "România, realizată în bulgară, română și engleză (Interreg V-A România-Bulgaria, "
        "proiectul ROBG-168, aprilie 2017 – aprilie 2019).",
        "body": [
            heading("Obiectiv"),
            paragraph(
                "Încurajarea cooperării pe termen lung între autoritățile publice prin crearea "
                "unui instrument inovator pentru o mai bună coordonare între actorii publici și "
                "privați din regiunea transfrontalieră."
            ),
            heading("Grupuri țintă"),
            paragraph(
                "Primării și administrații regionale; organizații neguvernamentale de toate "
                "tipurile din regiunea transfrontalieră; firme private; comunități locale."
            ),
            heading("Rezultate așteptate"),
            paragraph(
                "Acorduri de cooperare între administrații, primării, consilii județene și ONG-uri; "
                "rețeaua BG-RO E-GoverNet; un studiu al serviciilor publice; o strategie pentru "
                "servicii publice mai bune; o platformă de schimb de informații."
            ),
        ],
    },
}

MORE_INFORMATION = {
    "en": {
        "title": "More information",
        "intro": "The rules, your rights and how this site is run.",
        "body": [
            paragraph(
                "The citizens' initiative is governed by Regulation (EU) 2019/788. Online "
                "collection systems follow the technical specifications of Implementing "
                "Regulation (EU) 2019/1799."
            ),
        ],
    },
    "bg": {
        "title": "Още информация",
        "intro": "Правилата, вашите права и как се поддържа този сайт.",
        "body": [
            paragraph(
                "Гражданската инициатива се урежда от Регламент (ЕС) 2019/788. Системите за "
                "събиране онлайн следват техническите спецификации на Регламент за изпълнение "
                "(ЕС) 2019/1799."
            ),
        ],
    },
    "ro": {
        "title": "Mai multe informații",
        "intro": "Regulile, drepturile dumneavoastră și modul în care funcționează acest site.",
        "body": [
            paragraph(
                "Inițiativa cetățenească este reglementată de Regulamentul (UE) 2019/788. "
                "Sistemele de colectare online respectă specificațiile tehnice din Regulamentul de "
                "punere în aplicare (UE) 2019/1799."
            ),
        ],
    },
}

PRIVACY = {
    "en": {
        "title": "Privacy statement",
        "intro": "What happens to the data you give when you support an initiative.",
        "body": [
            paragraph(
                "When you sign, your statement of support is encrypted on our server with the "
                "organisers' public key before it is stored. Nobody who "
                "operates or breaks into this server can read it; only the organisers, who keep "
                "the private key offline, can decrypt it to hand it to the national authority."
            ),
            paragraph(
                "Your data is used only to verify your statement of support, and it is destroyed "
                "one month after the initiative is submitted to the Commission, or at the latest "
                "when the deadline set by the regulation passes."
            ),
            paragraph(
                "We keep no analytics, no advertising cookies and no copy of your data in logs or "
                "emails. The only cookies are the ones the site needs to protect its forms."
            ),
        ],
    },
    "bg": {
        "title": "Декларация за поверителност",
        "intro": "Какво се случва с данните, които предоставяте, когато подкрепяте инициатива.",
        "body": [
            paragraph(
                "Когато подпишете, вашето изявление за подкрепа се криптира на нашия сървър с "
                "публичния ключ на организаторите, преди да бъде съхранено. Никой, който "
                "поддържа или проникне в този сървър, не може да го прочете; само организаторите, "
                "които пазят частния ключ извън сървъра, могат да го декриптират, за да го "
                "предадат на националния орган."
            ),
            paragraph(
                "Данните ви се използват само за проверка на изявлението ви за подкрепа и се "
                "унищожават един месец след представянето на инициативата пред Комисията или "
                "най-късно при изтичането на срока, определен в регламента."
            ),
            paragraph(
                "Не използваме анализи, рекламни бисквитки и не пазим копие от данните ви в "
                "дневници или имейли. Единствените бисквитки са тези, от които сайтът се нуждае, "
                "за да защити формулярите си."
            ),
        ],
    },
    "ro": {
        "title": "Declarație de confidențialitate",
        "intro": "Ce se întâmplă cu datele pe care le furnizați atunci când susțineți o inițiativă.",
        "body": [
            paragraph(
                "Când semnați, declarația dumneavoastră de susținere este criptată pe serverul "
                "nostru cu cheia publică a organizatorilor înainte de a fi stocată. Nimeni care "
                "administrează sau pătrunde în acest server nu o poate citi; doar organizatorii, "
                "care păstrează cheia privată în afara serverului, o pot decripta pentru a o "
                "transmite autorității naționale."
            ),
            paragraph(
                "Datele dumneavoastră sunt folosite doar pentru verificarea declarației de "
                "susținere și sunt distruse la o lună după prezentarea inițiativei Comisiei sau "
                "cel târziu la expirarea termenului stabilit de regulament."
            ),
            paragraph(
                "Nu folosim instrumente de analiză, module cookie publicitare și nu păstrăm copii "
                "ale datelor dumneavoastră în jurnale sau e-mailuri. Singurele module cookie sunt "
                "cele de care site-ul are nevoie pentru a-și proteja formularele."
            ),
        ],
    },
}

ACCESSIBILITY = {
    "en": {
        "title": "Accessibility statement",
        "intro": "This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at "
        "level AA.",
        "body": [
            paragraph(
                "Every page works with a keyboard and a screen reader, on small screens and "
                "without JavaScript. Forms say what went wrong next to each field and in a "
                "summary at the top, and keep what you typed."
            ),
            paragraph(
                "The picture test that shows a person is signing has an audio alternative. If "
                "anything on this site is hard to use, please tell us through the contact page."
            ),
        ],
    },
    "bg": {
        "title": "Декларация за достъпност",
        "intro": "Този сайт се стреми да отговаря на Насоките за достъпност на уеб съдържанието "
        "(WCAG) 2.1 на ниво AA.",
        "body": [
            paragraph(
                "Всяка страница работи с клавиатура и екранен четец, на малки екрани и без "
                "JavaScript. Формулярите показват какво е сгрешено до всяко поле и в обобщение "
                "в началото и запазват въведеното от вас."
            ),
            paragraph(
                "Тестът с картинка, който показва, че подписва човек, има звукова алтернатива. "
                "Ако нещо в този сайт е трудно за използване, моля, съобщете ни чрез страницата "
                "за контакти."
            ),
        ],
    },
    "ro": {
        "title": "Declarație de accesibilitate",
        "intro": "Acest site urmărește să respecte Ghidul de accesibilitate a conținutului web "
        "(WCAG) 2.1 la nivelul AA.",
        "body": [
            paragraph(
                "Fiecare pagină funcționează cu tastatura și cu un cititor de ecran, pe ecrane mici "
                "și fără JavaScript. Formularele arată ce nu este în regulă lângă fiecare câmp și "
                "într-un rezumat la început și păstrează ce ați scris."
            ),
            paragraph(
                "Testul cu imagine care arată că semnează o persoană are o alternativă audio. Dacă "
                "ceva de pe acest site este greu de folosit, vă rugăm să ne spuneți prin pagina de "
                "contact."
            ),
        ],
    },
}
