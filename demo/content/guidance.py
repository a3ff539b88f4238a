"""Guidance for organisers, from the seed pages (English and Bulgarian) with a Romanian translation."""

from .markup import callout, document_list, heading, paragraph, steps

PREPARE = {
    "en": {
        "title": "Prepare your online collection system",
        "summary": "The three stages before you can collect statements of support online: "
        "choosing the software, finding a hosting provider, certifying the system.",
        "body": [
            paragraph(
                "In order to collect statements of support online, organisers must build an online "
                "collection system accessible through their website complying with the technical "
                "specifications set out in Implementing Regulation No 1179/2011. Organisers must "
                "then obtain the certification of their system by the competent authority in the "
                "member state where the data will be stored."
            ),
            steps(
                "There are therefore three stages in order to be able to collect online",
                [
                    (
                        "Choosing the software",
                        "To build their online collection system, organisers may choose to use the "
                        "software provided by the Commission, which already complies with the "
                        "relevant technical specifications, or develop their own software ensuring "
                        "that these requirements are met.",
                    ),
                    (
                        "Finding a hosting provider",
                        "Organisers must find a service provider to host their online collection "
                        "system, taking into account that the data collected must be stored on the "
                        "territory of an EU member state.",
                    ),
                    (
                        "Certifying the online collection system",
                        "Once the online collection system is set up, organisers must request the "
                        "system certification from the competent authority of the member state "
                        "where the hosting provider will store the collected data.",
                    ),
                ],
            ),
            heading("Choosing the software"),
            paragraph(
                "The open source software the Commission has developed is available free of charge "
                "and provides all the necessary functionalities to collect statements of support "
                "online, securely store signatories' data and export the data for verification by "
                "the competent national authorities."
            ),
            heading("Finding a hosting provider"),
            paragraph(
                "Organisers must ensure that the hosting provider – and in particular the servers "
                "used to host the online collection system – comply with the relevant requirements "
                "of the technical specifications."
            ),
            callout(
                "important",
                "Data stays in the European Union",
                "The statements of support must be stored on the territory of a member state. The "
                "authority of that member state certifies the system.",
            ),
        ],
    },
    "bg": {
        "title": "Създаване на система за събиране на изявления онлайн",
        "summary": "Трите етапа преди събирането на изявления за подкрепа онлайн: избор на "
        "софтуер, намиране на хостинг доставчик, удостоверяване на системата.",
        "body": [
            paragraph(
                "За да могат да събират изявления за подкрепа онлайн, организаторите трябва да "
                "създадат онлайн система, достъпна чрез техния уебсайт и отговаряща на техническите "
                "спецификации в Регламент за изпълнение № 1179/2011. След това организаторите "
                "трябва да получат удостоверение за своята система от компетентния орган в "
                "страната членка, където ще се съхраняват данните."
            ),
            steps(
                "Създаването на система за събиране на изявления онлайн може да се раздели на три "
                "етапа",
                [
                    (
                        "Избор на софтуер",
                        "За да изградят своята система за събиране на изявления онлайн, "
                        "организаторите могат да използват предоставяния от Комисията софтуер, "
                        "който отговаря на съответните технически спецификации, или да разработят "
                        "свой собствен софтуер, съобразен с тези изисквания.",
                    ),
                    (
                        "Намиране на хостинг доставчик",
                        "Организаторите трябва да намерят доставчик, който ще хоства тяхната "
                        "система за събиране онлайн, като имат предвид, че събраните данни трябва "
                        "да се съхраняват на територията на страна членка на ЕС.",
                    ),
                    (
                        "Удостоверяване на системата за събиране онлайн",
                        "След като системата за събиране онлайн бъде изградена, организаторите "
                        "трябва да поискат удостоверяването ѝ от компетентния орган на страната "
                        "членка, в която хостинг доставчикът ще съхранява събраните данни.",
                    ),
                ],
            ),
            heading("Избор на софтуер"),
            paragraph(
                "Разработеният от Комисията софтуер с отворен код е достъпен безплатно и осигурява "
                "цялата необходима функционалност за събиране на изявления за подкрепа онлайн, "
                "сигурно съхраняване на данните на поддръжниците и експортиране на данните за "
                "удостоверяване от компетентните национални органи."
            ),
            heading("Намиране на хостинг доставчик"),
            paragraph(
                "Организаторите трябва да гарантират, че хостинг доставчикът – и по-специално "
                "сървърите, на които се хоства системата за събиране онлайн – отговаря на "
                "съответните изисквания на техническите спецификации."
            ),
            callout(
                "important",
                "Данните остават в Европейския съюз",
                "Изявленията за подкрепа трябва да се съхраняват на територията на страна членка. "
                "Органът на тази страна членка удостоверява системата.",
            ),
        ],
    },
    "ro": {
        "title": "Pregătiți sistemul de colectare online",
        "summary": "Cele trei etape înainte de a putea colecta online declarații de susținere: "
        "alegerea software-ului, găsirea unui furnizor de găzduire, certificarea sistemului.",
        "body": [
            paragraph(
                "Pentru a colecta online declarații de susținere, organizatorii trebuie să creeze "
                "un sistem de colectare online, accesibil prin site-ul lor, care să respecte "
                "specificațiile tehnice prevăzute în Regulamentul de punere în aplicare "
                "nr. 1179/2011. Organizatorii trebuie apoi să obțină certificarea sistemului de la "
                "autoritatea competentă din statul membru în care vor fi stocate datele."
            ),
            steps(
                "Prin urmare, colectarea online presupune trei etape",
                [
                    (
                        "Alegerea software-ului",
                        "Pentru a-și construi sistemul de colectare online, organizatorii pot "
                        "folosi software-ul pus la dispoziție de Comisie, care respectă deja "
                        "specificațiile tehnice relevante, sau își pot dezvolta propriul "
                        "software, asigurându-se că aceste cerințe sunt îndeplinite.",
                    ),
                    (
                        "Găsirea unui furnizor de găzduire",
                        "Organizatorii trebuie să găsească un furnizor de servicii care să "
                        "găzduiască sistemul de colectare online, ținând seama de faptul că datele "
                        "colectate trebuie stocate pe teritoriul unui stat membru al UE.",
                    ),
                    (
                        "Certificarea sistemului de colectare online",
                        "După instalarea sistemului de colectare online, organizatorii trebuie să "
                        "solicite certificarea acestuia autorității competente din statul membru "
                        "în care furnizorul de găzduire va stoca datele colectate.",
                    ),
                ],
            ),
            heading("Alegerea software-ului"),
            paragraph(
                "Software-ul open source dezvoltat de Comisie este disponibil gratuit și oferă "
                "toate funcționalitățile necesare pentru colectarea online a declarațiilor de "
                "susținere, stocarea în siguranță a datelor semnatarilor și exportul datelor în "
                "vederea verificării de către autoritățile naționale competente."
            ),
            heading("Găsirea unui furnizor de găzduire"),
            paragraph(
                "Organizatorii trebuie să se asigure că furnizorul de găzduire – și în special "
                "serverele folosite pentru găzduirea sistemului de colectare online – respectă "
                "cerințele relevante ale specificațiilor tehnice."
            ),
            callout(
                "important",
                "Datele rămân în Uniunea Europeană",
                "Declarațiile de susținere trebuie stocate pe teritoriul unui stat membru. "
                "Autoritatea acelui stat membru certifică sistemul.",
            ),
        ],
    },
}

HOSTING = {
    "en": {
        "title": "Hosting of online collection systems by the Commission",
        "summary": "The Commission's temporary and optional offer to host online collection "
        "systems on its servers in Luxembourg.",
        "body": [
            paragraph(
                "The Commission's offer to host the online collection systems of the first "
                "proposed citizens' initiatives on its servers is temporary and optional. The "
                "measure was taken because of the difficulties many organisers faced in finding a "
                "suitable private hosting provider."
            ),
            paragraph(
                "Online collection systems hosted on the Commission's servers must use the "
                "Commission's open source software. Since the Commission's data centre is in "
                "Luxembourg, organisers who entrust the hosting of their system to the Commission "
                "must ask the competent Luxembourg authority – the Centre des Technologies de "
                "l'Information de l'Etat (CTIE) – to certify the system before they start "
                "collecting statements of support online."
            ),
            document_list(
                "The document package",
                [
                    "Hosting agreement (contract) signed by the Commission and the organisers",
                    "Security policy",
                    "Business impact assessment",
                    "Risk assessment and treatment",
                    "Statement of applicability",
                ],
            ),
            paragraph(
                "These documents concern only compliance with the technical specifications. The "
                "documents about the hosting environment and the software are prepared by the "
                "Commission and sent directly to the Luxembourg authority."
            ),
            callout(
                "info",
                "Meetings with organisers",
                "The Commission met the organisers of the first initiatives on 13 June, "
                "8 August, 7 September, 28 September and 20 November 2012.",
            ),
        ],
    },
    "bg": {
        "title": "Хостинг от Комисията на системи за събиране на изявления онлайн",
        "summary": "Временното и незадължително предложение на Комисията да хоства системите "
        "за събиране онлайн на своите сървъри в Люксембург.",
        "body": [
            paragraph(
                "Предложението на Комисията да хоства на своите сървъри системите за събиране на "
                "изявления онлайн на първите предложени граждански инициативи е временно и "
                "незадължително. Тази мярка бе предприета поради трудностите, с които множество "
                "организатори се сблъскват при намирането на подходящ частен доставчик на хостинг "
                "услуги."
            ),
            paragraph(
                "Системите за събиране на изявления онлайн, хоствани на сървърите на Комисията, "
                "трябва да използват софтуера с отворен код на Комисията. Тъй като центърът за "
                "данни на Комисията се намира в Люксембург, организаторите, които решат да поверят "
                "хостинга на своята система на Комисията, трябва да поискат от компетентния "
                "люксембургски орган – Centre des Technologies de l'Information de l'Etat (CTIE) – "
                "да издаде удостоверение за системата, преди да започнат събирането на изявления "
                "за подкрепа онлайн."
            ),
            document_list(
                "Пакетът от документи",
                [
                    "Споразумение за хостинг (договор), подписано от Комисията и организаторите",
                    "Политика за сигурност",
                    "Оценка на въздействието върху бизнеса",
                    "Оценка и отстраняване на риска",
                    "Декларация за приложимост",
                ],
            ),
            paragraph(
                "Тези документи се отнасят само до изискването за спазване на техническите "
                "спецификации. Документите относно хостинг средата и софтуера се изготвят от "
                "Комисията и се предоставят от нея директно на люксембургския орган."
            ),
            callout(
                "info",
                "Срещи с организаторите",
                "Комисията се срещна с организаторите на първите инициативи на 13 юни, "
                "8 август, 7 септември, 28 септември и 20 ноември 2012 г.",
            ),
        ],
    },
    "ro": {
        "title": "Găzduirea sistemelor de colectare online de către Comisie",
        "summary": "Oferta temporară și opțională a Comisiei de a găzdui sistemele de colectare "
        "online pe serverele sale din Luxemburg.",
        "body": [
            paragraph(
                "Oferta Comisiei de a găzdui pe serverele sale sistemele de colectare online ale "
                "primelor inițiative cetățenești propuse este temporară și opțională. Măsura a "
                "fost luată din cauza dificultăților întâmpinate de numeroși organizatori în "
                "găsirea unui furnizor privat de găzduire adecvat."
            ),
            paragraph(
                "Sistemele de colectare online găzduite pe serverele Comisiei trebuie să utilizeze "
                "software-ul open source al Comisiei. Deoarece centrul de date al Comisiei se află "
                "în Luxemburg, organizatorii care încredințează Comisiei găzduirea sistemului lor "
                "trebuie să solicite autorității luxemburgheze competente – Centre des "
                "Technologies de l'Information de l'Etat (CTIE) – certificarea sistemului înainte "
                "de a începe colectarea online a declarațiilor de susținere."
            ),
            document_list(
                "Pachetul de documente",
                [
                    "Acordul de găzduire (contract) semnat de Comisie și de organizatori",
                    "Politica de securitate",
                    "Evaluarea impactului asupra activității",
                    "Evaluarea și tratarea riscurilor",
                    "Declarația de aplicabilitate",
                ],
            ),
            paragraph(
                "Aceste documente privesc doar respectarea specificațiilor tehnice. Documentele "
                "privind mediul de găzduire și software-ul sunt pregătite de Comisie și transmise "
                "direct autorității luxemburgheze."
            ),
            callout(
                "info",
                "Întâlniri cu organizatorii",
                "Comisia s-a întâlnit cu organizatorii primelor inițiative la 13 iunie, "
                "8 august, 7 septembrie, 28 septembrie și 20 noiembrie 2012.",
            ),
        ],
    },
}

CERTIFICATION = {
    "en": {
        "title": "Certifying the online collection system",
        "summary": "What the competent national authority checks before you may collect.",
        "body": [
            paragraph(
                "Once the online collection system is set up, organisers must request its "
                "certification from the competent authority of the member state where the data "
                "will be stored – for example the CTIE in Luxembourg or the BSI in Germany."
            ),
            steps(
                "",
                [
                    (
                        "Prepare the documentation",
                        "Describe the system, its security policy, the risk assessment and how it "
                        "meets each technical specification.",
                    ),
                    (
                        "Submit the request",
                        "Send the request and the documentation to the competent authority of the "
                        "member state where the data is stored.",
                    ),
                    (
                        "Publish the certificate",
                        "Once certified, publish a copy of the certificate on the website of the "
                        "online collection system before collecting.",
                    ),
                ],
            ),
            callout(
                "tip",
                "Plan ahead",
                "The authority has one month to issue the certificate: request it well before "
                "the day you want to start collecting.",
            ),
        ],
    },
    "bg": {
        "title": "Удостоверяване на системата за събиране онлайн",
        "summary": "Какво проверява компетентният национален орган, преди да можете да събирате "
        "изявления.",
        "body": [
            paragraph(
                "След като системата за събиране онлайн бъде изградена, организаторите трябва да "
                "поискат удостоверяването ѝ от компетентния орган на страната членка, в която ще "
                "се съхраняват данните – например CTIE в Люксембург или BSI в Германия."
            ),
            steps(
                "",
                [
                    (
                        "Подгответе документацията",
                        "Опишете системата, политиката ѝ за сигурност, оценката на риска и начина, "
                        "по който тя отговаря на всяка техническа спецификация.",
                    ),
                    (
                        "Подайте искането",
                        "Изпратете искането и документацията до компетентния орган на страната "
                        "членка, в която се съхраняват данните.",
                    ),
                    (
                        "Публикувайте удостоверението",
                        "След удостоверяването публикувайте копие от удостоверението на уебсайта "
                        "на системата за събиране онлайн, преди да започнете събирането.",
                    ),
                ],
            ),
            callout(
                "tip",
                "Планирайте навреме",
                "Органът разполага с един месец, за да издаде удостоверението: поискайте го "
                "много преди деня, в който искате да започнете събирането.",
            ),
        ],
    },
    "ro": {
        "title": "Certificarea sistemului de colectare online",
        "summary": "Ce verifică autoritatea națională competentă înainte de a putea colecta.",
        "body": [
            paragraph(
                "După instalarea sistemului de colectare online, organizatorii trebuie să solicite "
                "certificarea acestuia autorității competente din statul membru în care vor fi "
                "stocate datele – de exemplu CTIE în Luxemburg sau BSI în Germania."
            ),
            steps(
                "",
                [
                    (
                        "Pregătiți documentația",
                        "Descrieți sistemul, politica sa de securitate, evaluarea riscurilor și "
                        "modul în care respectă fiecare specificație tehnică.",
                    ),
                    (
                        "Depuneți cererea",
                        "Trimiteți cererea și documentația autorității competente din statul "
                        "membru în care sunt stocate datele.",
                    ),
                    (
                        "Publicați certificatul",
                        "După certificare, publicați o copie a certificatului pe site-ul "
                        "sistemului de colectare online înainte de a începe colectarea.",
                    ),
                ],
            ),
            callout(
                "tip",
                "Planificați din timp",
                "Autoritatea are la dispoziție o lună pentru a emite certificatul: solicitați-l "
                "cu mult înainte de ziua în care doriți să începeți colectarea.",
            ),
        ],
    },
}
