"""The demo's job descriptions in Czech, German, Portuguese, Greek and Tagalog.

Our own translations of the English text in ``generate.py``, clause for clause, so every
language's job description has the same numbered sections. The source documents the project
started from (``../shared/seeds``) showed what a real job description holds in these languages;
none of their sentences is used here.
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "cs": {
        "roles": {
            "head-of-sales": {
                "title": "Vedoucí obchodního oddělení",
                "category": "Vedoucí zaměstnanci",
                "appointed_by": "Generální ředitel",
                "education": "Vysokoškolské vzdělání ekonomického, obchodního nebo technického směru",
                "summary": "Řídí obchodní oddělení: s vedením stanoví plán prodeje, rozdělí ho mezi "
                "týmy a manažery a odpovídá za tržby, marže a pohledávky.",
            },
            "key-account-manager": {
                "title": "Key account manažer",
                "category": "Vedoucí zaměstnanci",
                "appointed_by": "Generální ředitel na návrh vedoucího obchodního oddělení",
                "education": "Vysokoškolské vzdělání ekonomického nebo obchodního směru",
                "summary": "Má na starosti vztahy s největšími klienty společnosti, vede tým "
                "obchodních manažerů a odpovídá za plán prodeje týmu.",
            },
            "account-manager": {
                "title": "Obchodní manažer",
                "category": "Vedoucí zaměstnanci",
                "appointed_by": "Vedoucí obchodního oddělení",
                "education": "Vyšší odborné nebo vysokoškolské vzdělání ekonomického nebo "
                "obchodního směru",
                "summary": "Vyhledává, získává a udržuje klienty svěřeného portfolia, plní osobní "
                "plán prodeje a dbá na to, aby klienti platili včas.",
            },
        },
        "general": {
            "head-of-sales": [
                "Vedoucí obchodního oddělení patří do kategorie vedoucích zaměstnanců.",
                "Vedoucího obchodního oddělení jmenuje do funkce a odvolává z ní příkazem "
                "generální ředitel.",
                "Vedoucí obchodního oddělení je přímo podřízen generálnímu řediteli.",
                "Po dobu nepřítomnosti přebírá jeho povinnosti key account manažer určený "
                "příkazem, a to spolu s příslušnými právy a odpovědností.",
                "Pozice vyžaduje vysokoškolské vzdělání ekonomického, obchodního nebo technického "
                "směru a nejméně pět let praxe v obchodě, z toho tři roky ve vedení týmu.",
                "Při své práci se řídí právními předpisy, stanovami společnosti, příkazy "
                "generálního ředitele, obchodní politikou a tímto popisem pracovního místa.",
            ],
            "key-account-manager": [
                "Key account manažer patří do kategorie vedoucích zaměstnanců.",
                "Key account manažera jmenuje a odvolává příkazem generální ředitel na návrh "
                "vedoucího obchodního oddělení.",
                "Key account manažer je podřízen vedoucímu obchodního oddělení a vede obchodní "
                "manažery svého týmu.",
                "Po dobu nepřítomnosti přebírá jeho povinnosti obchodní manažer týmu, kterého "
                "určí vedoucí obchodního oddělení, se stejnými právy a odpovědností.",
                "Pozice vyžaduje vysokoškolské vzdělání ekonomického nebo obchodního směru a "
                "nejméně tři roky práce s firemními klienty.",
                "Při své práci se řídí právními předpisy, vnitřními předpisy společnosti, "
                "obchodní politikou, příkazy vedoucího obchodního oddělení a tímto popisem "
                "pracovního místa.",
            ],
            "account-manager": [
                "Obchodní manažer patří do kategorie vedoucích zaměstnanců.",
                "Obchodního manažera jmenuje a odvolává příkazem vedoucí obchodního oddělení.",
                "Obchodní manažer je podřízen key account manažerovi, který vede tým.",
                "Po dobu nepřítomnosti pro nemoc nebo dovolenou přebírá jeho povinnosti kolega "
                "určený vedoucím týmu, který za ně po tu dobu odpovídá.",
                "Pozice vyžaduje vyšší odborné nebo vysokoškolské vzdělání ekonomického nebo "
                "obchodního směru a nejméně rok praxe v prodeji nebo péči o zákazníky.",
                "Při své práci se řídí právními předpisy, vnitřními předpisy společnosti, "
                "obchodní politikou a tímto popisem pracovního místa.",
            ],
        },
        "knowledge_common": [
            "Právní předpisy upravující obchod, smlouvy a ochranu osobních údajů.",
            "Výrobky a služby společnosti: sortiment, třídění, ceny a použití.",
            "Základy marketingu, tržní ekonomiky a fungování trhů společnosti.",
            "Obchodní etiketu a pravidla jednání s klienty.",
            "Základy psychologie a mezilidské komunikace.",
            "Cenovou, slevovou a úvěrovou politiku společnosti.",
            "Kancelářský software a databázi klientů společnosti.",
        ],
        "knowledge_extra": {
            "head-of-sales": [
                "Plánování a předpovídání prodeje a rozbor jeho výsledků.",
                "Teorii řízení: stanovení cílů, delegování a hodnocení lidí.",
            ],
            "key-account-manager": [
                "Jak nakupují velcí klienti: kdo rozhoduje, výběrová řízení a rámcové smlouvy.",
                "Vedení týmu ke zlepšení a hodnocení jeho výsledků.",
            ],
            "account-manager": [
                "Metody vyhledávání nových klientů a plánování telefonátů a návštěv.",
            ],
        },
        "duties": {
            "head-of-sales": [
                "S vedením připravuje roční plán prodeje a rozpisuje ho na týmové a osobní cíle "
                "po měsících.",
                "Organizuje práci obchodního oddělení a určuje její priority.",
                "Každý měsíc porovnává výsledky týmů s plánem a dohaduje nápravná opatření.",
                "Schvaluje ceny, slevy a platební podmínky nad rámec limitů týmů.",
                "Schvaluje smlouvy s novými klíčovými klienty a jejich prodloužení.",
                "Sleduje pohledávky celé společnosti a vede vymáhání velkých dlužných částek.",
                "Připravuje pro vedení čtvrtletní výsledky prodeje, roční prognózu a zprávy o "
                "stavu.",
                "Sleduje trh a přístup konkurence ke klientům a navrhuje změny obchodní politiky.",
                "Přijímá, školí a hodnotí key account manažery a podílí se na výběru obchodních "
                "manažerů.",
                "Řeší reklamace, které týmy nedokázaly vyřešit.",
            ],
            "key-account-manager": [
                "Buduje a udržuje dlouhodobé vztahy s klíčovými klienty portfolia.",
                "Plní plán prodeje týmu a osobní plán u klíčových klientů.",
                "Vyjednává rámcové smlouvy a jejich prodloužení a dohlíží, aby obě strany "
                "dodržovaly jejich podmínky.",
                "V rámci schválených limitů připravuje nabídky a cenové návrhy pro klíčové "
                "klienty.",
                "Plánuje telefonáty a návštěvy týmu po týdnech a kontroluje, že se uskuteční.",
                "Každý měsíc hodnotí výsledky každého obchodního manažera a pomáhá mu dosáhnout "
                "cílů.",
                "Před první smlouvou prověřuje spolehlivost a bonitu nových klientů.",
                "Sleduje pohledávky klientů týmu a při prodlení faktury zahajuje vymáhání.",
                "Udržuje aktuální historii prodejů, smluv a reklamací každého klíčového klienta.",
                "Přijímá reklamace klíčových klientů, zjišťuje jejich příčinu a dohlíží na "
                "vyřešení.",
                "Připravuje čtvrtletní výsledky týmu a roční prognózu.",
                "Informuje vedoucího obchodního oddělení o stavu klíčových klientů a o rizicích.",
            ],
            "account-manager": [
                "Vyhledává nové klienty: zjišťuje jejich potřeby a finanční situaci a plánuje, "
                "jak je oslovit.",
                "Představuje výrobky společnosti telefonicky, e-mailem, při návštěvách, na "
                "veletrzích a prezentacích.",
                "Vede první jednání se zájemci a připravuje nabídky v rámci schválených cen a "
                "slev.",
                "Připravuje smlouvy s novými klienty a prodloužení se stávajícími a předkládá je "
                "ke schválení.",
                "Plní osobní plán prodeje, plán aktivních klientů a plán nových klientů.",
                "Vede týdenní rozpis telefonátů a návštěv u klientů portfolia.",
                "Prověřuje spolehlivost a bonitu klientů a dodržuje jejich úvěrové limity.",
                "Dbá na to, aby klienti platili v plné výši a včas, a řeší každou fakturu po "
                "splatnosti.",
                "Vyřizuje vratky a odmítnutí zboží a zjišťuje jejich důvody.",
                "Přijímá reklamace, eviduje je a sleduje je až do vyřešení.",
                "Udržuje úplnou databázi klientů: kontakty, smlouvy, objednávky, platby a "
                "kontakty s klientem.",
                "Sleduje nabídky konkurence klientům portfolia a hlásí, co se mění.",
                "Radí klientům, jak výrobky a služby společnosti co nejlépe využít.",
                "Připravuje čtvrtletní výsledky prodeje a roční prognózu za portfolio.",
            ],
        },
        "rights_common": [
            "Dostávat od ostatních útvarů informace a doklady potřebné pro svou práci.",
            "Navrhovat zlepšení práce oddělení a obchodní politiky.",
            "Účastnit se projednávání rozhodnutí, která se týkají jeho práce.",
            "Mít pracovní podmínky a vybavení, které práce vyžaduje.",
            "Rozvíjet odborné znalosti ve školeních hrazených společností.",
        ],
        "rights_extra": {
            "head-of-sales": [
                "Podepisovat dokumenty v rozsahu pravomocí svěřených generálním ředitelem.",
                "Navrhovat odměny a sankce pro zaměstnance oddělení.",
            ],
            "key-account-manager": [
                "Ukládat obchodním manažerům týmu úkoly v rámci tohoto popisu pracovního místa.",
                "Poskytovat klíčovým klientům slevy do limitů schválených vedoucím obchodního "
                "oddělení.",
            ],
            "account-manager": [
                "Poskytovat slevy do limitů schválených pro tuto pozici.",
            ],
        },
        "responsibility": [
            "Za neplnění nebo nedbalé plnění povinností podle tohoto popisu pracovního místa, "
            "v mezích pracovního práva.",
            "Za přestupky spáchané při výkonu práce, v mezích právních předpisů.",
            "Za škodu způsobenou společnosti, v mezích pracovního a občanského práva.",
            "Za vyzrazení obchodního tajemství nebo osobních údajů klientů.",
        ],
    },
    "de": {
        "roles": {
            "head-of-sales": {
                "title": "Leiter der Vertriebsabteilung",
                "category": "Führungskräfte",
                "appointed_by": "Geschäftsführer",
                "education": "Hochschulabschluss in Wirtschaft, Betriebswirtschaft oder Technik",
                "summary": "Leitet die Vertriebsabteilung: legt mit der Geschäftsleitung den "
                "Absatzplan fest, verteilt ihn auf Teams und Manager und verantwortet Umsatz, "
                "Margen und Forderungen.",
            },
            "key-account-manager": {
                "title": "Key-Account-Manager",
                "category": "Führungskräfte",
                "appointed_by": "Geschäftsführer auf Vorschlag des Leiters der Vertriebsabteilung",
                "education": "Hochschulabschluss in Wirtschaft oder Betriebswirtschaft",
                "summary": "Betreut die Beziehungen zu den größten Kunden des Unternehmens, führt "
                "ein Team von Account-Managern und verantwortet den Absatzplan des Teams.",
            },
            "account-manager": {
                "title": "Account-Manager",
                "category": "Führungskräfte",
                "appointed_by": "Leiter der Vertriebsabteilung",
                "education": "Fachhochschul- oder Hochschulabschluss in Wirtschaft oder "
                "Betriebswirtschaft",
                "summary": "Gewinnt, betreut und hält die Kunden eines zugewiesenen Portfolios, "
                "erfüllt den persönlichen Absatzplan und sorgt dafür, dass Kunden pünktlich "
                "zahlen.",
            },
        },
        "general": {
            "head-of-sales": [
                "Der Leiter der Vertriebsabteilung gehört zur Kategorie der Führungskräfte.",
                "Der Leiter der Vertriebsabteilung wird durch Anordnung des Geschäftsführers "
                "ernannt und abberufen.",
                "Der Leiter der Vertriebsabteilung ist dem Geschäftsführer unmittelbar "
                "unterstellt.",
                "Bei Abwesenheit übernimmt ein per Anordnung bestimmter Key-Account-Manager die "
                "Aufgaben mitsamt den zugehörigen Rechten und der Verantwortung.",
                "Die Stelle setzt einen Hochschulabschluss in Wirtschaft, Betriebswirtschaft oder "
                "Technik und mindestens fünf Jahre im Vertrieb voraus, davon drei in der "
                "Teamleitung.",
                "Grundlage der Arbeit sind die Gesetze, die Satzung des Unternehmens, die "
                "Anordnungen des Geschäftsführers, die Vertriebsrichtlinie und diese "
                "Stellenbeschreibung.",
            ],
            "key-account-manager": [
                "Der Key-Account-Manager gehört zur Kategorie der Führungskräfte.",
                "Der Key-Account-Manager wird durch Anordnung des Geschäftsführers auf Vorschlag "
                "des Leiters der Vertriebsabteilung ernannt und abberufen.",
                "Der Key-Account-Manager ist dem Leiter der Vertriebsabteilung unterstellt und "
                "führt die Account-Manager seines Teams.",
                "Bei Abwesenheit übernimmt ein vom Leiter der Vertriebsabteilung bestimmter "
                "Account-Manager des Teams die Aufgaben mit denselben Rechten und derselben "
                "Verantwortung.",
                "Die Stelle setzt einen Hochschulabschluss in Wirtschaft oder Betriebswirtschaft "
                "und mindestens drei Jahre Arbeit mit Firmenkunden voraus.",
                "Grundlage der Arbeit sind die Gesetze, die internen Regeln des Unternehmens, "
                "die Vertriebsrichtlinie, die Anordnungen des Leiters der Vertriebsabteilung und "
                "diese Stellenbeschreibung.",
            ],
            "account-manager": [
                "Der Account-Manager gehört zur Kategorie der Führungskräfte.",
                "Der Account-Manager wird durch Anordnung des Leiters der Vertriebsabteilung "
                "ernannt und abberufen.",
                "Der Account-Manager ist dem Key-Account-Manager unterstellt, der das Team leitet.",
                "Bei Abwesenheit durch Krankheit oder Urlaub übernimmt ein vom Teamleiter "
                "bestimmter Kollege die Aufgaben und trägt für diese Zeit die Verantwortung.",
                "Die Stelle setzt einen Fachhochschul- oder Hochschulabschluss in Wirtschaft "
                "oder Betriebswirtschaft und mindestens ein Jahr im Vertrieb oder Kundendienst "
                "voraus.",
                "Grundlage der Arbeit sind die Gesetze, die internen Regeln des Unternehmens, "
                "die Vertriebsrichtlinie und diese Stellenbeschreibung.",
            ],
        },
        "knowledge_common": [
            "Gesetze und Vorschriften zu Handel, Verträgen und dem Schutz personenbezogener Daten.",
            "Die Produkte und Leistungen des Unternehmens: Sortiment, Einteilung, Preise und "
            "Verwendung.",
            "Grundlagen des Marketings, der Marktwirtschaft und der Märkte des Unternehmens.",
            "Geschäftsetikette und die Regeln der Verhandlung mit Kunden.",
            "Grundlagen der Psychologie und der zwischenmenschlichen Kommunikation.",
            "Die Preis-, Rabatt- und Kreditpolitik des Unternehmens.",
            "Bürosoftware und die Kundendatenbank des Unternehmens.",
        ],
        "knowledge_extra": {
            "head-of-sales": [
                "Absatzplanung, Prognosen und die Analyse der Vertriebsergebnisse.",
                "Führungslehre: Ziele setzen, delegieren und Mitarbeiter beurteilen.",
            ],
            "key-account-manager": [
                "Wie Großkunden einkaufen: Entscheider, Ausschreibungen und Rahmenverträge.",
                "Coaching und die Bewertung der Ergebnisse eines Teams.",
            ],
            "account-manager": [
                "Methoden der Neukundengewinnung und der Planung von Anrufen und Besuchen.",
            ],
        },
        "duties": {
            "head-of-sales": [
                "Erstellt mit der Geschäftsleitung den Jahresabsatzplan und teilt ihn in "
                "monatliche Team- und Einzelziele auf.",
                "Organisiert die Arbeit der Vertriebsabteilung und legt ihre Prioritäten fest.",
                "Prüft jeden Monat die Ergebnisse jedes Teams gegen den Plan und vereinbart "
                "Korrekturmaßnahmen.",
                "Genehmigt Preise, Rabatte und Zahlungsbedingungen über die Grenzen der Teams "
                "hinaus.",
                "Genehmigt Verträge mit neuen Schlüsselkunden und deren Verlängerungen.",
                "Überwacht die Forderungen des ganzen Unternehmens und leitet das Inkasso großer "
                "überfälliger Beträge.",
                "Erstellt die Quartalsergebnisse, die Jahresprognose und die Statusberichte für "
                "die Geschäftsleitung.",
                "Beobachtet den Markt und das Vorgehen der Wettbewerber gegenüber Kunden und "
                "schlägt Änderungen der Vertriebsrichtlinie vor.",
                "Stellt Key-Account-Manager ein, schult und beurteilt sie und wirkt bei der "
                "Einstellung von Account-Managern mit.",
                "Klärt Reklamationen, die die Teams nicht klären konnten.",
            ],
            "key-account-manager": [
                "Baut langfristige Beziehungen zu den Schlüsselkunden des Portfolios auf und "
                "pflegt sie.",
                "Erfüllt den Absatzplan des Teams und den persönlichen Plan für Schlüsselkunden.",
                "Verhandelt Rahmenverträge und deren Verlängerungen und achtet darauf, dass beide "
                "Seiten die Bedingungen einhalten.",
                "Erstellt Angebote und Preisvorschläge für Schlüsselkunden innerhalb der "
                "genehmigten Grenzen.",
                "Plant die Anrufe und Besuche des Teams Woche für Woche und prüft, dass sie "
                "stattfinden.",
                "Bespricht jeden Monat die Ergebnisse jedes Account-Managers und hilft ihm, "
                "seine Ziele zu erreichen.",
                "Prüft vor dem ersten Vertrag die Zuverlässigkeit und Bonität neuer Kunden.",
                "Überwacht die Forderungen der Kunden des Teams und leitet das Inkasso ein, wenn "
                "eine Rechnung überfällig ist.",
                "Hält die Historie der Umsätze, Verträge und Reklamationen jedes Schlüsselkunden "
                "aktuell.",
                "Nimmt Reklamationen von Schlüsselkunden entgegen, ermittelt ihre Ursache und "
                "sorgt für ihre Erledigung.",
                "Erstellt die Quartalsergebnisse und die Jahresprognose des Teams.",
                "Berichtet dem Leiter der Vertriebsabteilung über die Lage der Schlüsselkunden "
                "und über Risiken.",
            ],
            "account-manager": [
                "Sucht neue Kunden: ermittelt ihren Bedarf und ihre finanzielle Lage und plant, "
                "wie sie angesprochen werden.",
                "Stellt die Produkte des Unternehmens per Telefon, E-Mail, bei Besuchen, auf "
                "Messen und in Präsentationen vor.",
                "Führt erste Gespräche mit Interessenten und erstellt Angebote innerhalb der "
                "genehmigten Preise und Rabatte.",
                "Bereitet Verträge mit Neukunden und Verlängerungen mit Bestandskunden vor und "
                "lässt sie genehmigen.",
                "Erfüllt den persönlichen Absatzplan, den Plan für aktive Kunden und den Plan für "
                "Neukunden.",
                "Führt einen Wochenplan der Anrufe und Besuche bei den Kunden des Portfolios.",
                "Prüft die Zuverlässigkeit und Bonität der Kunden und hält ihre Kreditlimits ein.",
                "Sorgt dafür, dass Kunden vollständig und pünktlich zahlen, und verfolgt jede "
                "überfällige Rechnung.",
                "Bearbeitet Retouren und Annahmeverweigerungen und klärt ihre Gründe.",
                "Nimmt Reklamationen entgegen, erfasst sie und verfolgt sie bis zur Erledigung.",
                "Hält die Kundendatenbank vollständig: Kontakte, Verträge, Aufträge, Zahlungen "
                "und Kundenkontakte.",
                "Beobachtet die Angebote der Wettbewerber an die Kunden des Portfolios und "
                "meldet Veränderungen.",
                "Berät Kunden, wie sie die Produkte und Leistungen des Unternehmens am besten "
                "nutzen.",
                "Erstellt die Quartalsergebnisse und die Jahresprognose für das Portfolio.",
            ],
        },
        "rights_common": [
            "Von anderen Abteilungen die für die Arbeit nötigen Informationen und Unterlagen zu "
            "erhalten.",
            "Verbesserungen der Arbeit der Abteilung und der Vertriebsrichtlinie vorzuschlagen.",
            "An Beratungen über Entscheidungen teilzunehmen, die die eigene Arbeit betreffen.",
            "Die Arbeitsbedingungen und die Ausstattung zu erhalten, die die Arbeit erfordert.",
            "Die fachlichen Fähigkeiten in vom Unternehmen bezahlten Schulungen zu erweitern.",
        ],
        "rights_extra": {
            "head-of-sales": [
                "Dokumente im Rahmen der vom Geschäftsführer erteilten Befugnisse zu "
                "unterzeichnen.",
                "Belohnungen und Sanktionen für die Mitarbeiter der Abteilung vorzuschlagen.",
            ],
            "key-account-manager": [
                "Den Account-Managern des Teams Aufgaben im Rahmen dieser Stellenbeschreibung zu "
                "erteilen.",
                "Schlüsselkunden Rabatte innerhalb der vom Leiter der Vertriebsabteilung "
                "genehmigten Grenzen zu gewähren.",
            ],
            "account-manager": [
                "Rabatte innerhalb der für die Stelle genehmigten Grenzen zu gewähren.",
            ],
        },
        "responsibility": [
            "Für die Nichterfüllung oder mangelhafte Erfüllung der Aufgaben dieser "
            "Stellenbeschreibung, im Rahmen des Arbeitsrechts.",
            "Für Verstöße, die bei der Arbeit begangen werden, im Rahmen der Gesetze.",
            "Für Schäden, die dem Unternehmen zugefügt werden, im Rahmen des Arbeits- und "
            "Zivilrechts.",
            "Für die Preisgabe von Geschäftsgeheimnissen oder personenbezogenen Daten von Kunden.",
        ],
    },
    "pt": {
        "roles": {
            "head-of-sales": {
                "title": "Diretor do Departamento de Vendas",
                "category": "Gestores",
                "appointed_by": "Diretor-Presidente",
                "education": "Curso superior em economia, administração ou engenharia",
                "summary": "Dirige o departamento de vendas: define o plano de vendas com a "
                "diretoria, distribui-o entre equipes e gerentes e responde pela receita, pelas "
                "margens e pelos recebíveis.",
            },
            "key-account-manager": {
                "title": "Gerente de Contas-Chave",
                "category": "Gestores",
                "appointed_by": "Diretor-Presidente, por proposta do Diretor do Departamento de "
                "Vendas",
                "education": "Curso superior em economia ou administração",
                "summary": "Cuida do relacionamento com os maiores clientes da empresa, lidera uma "
                "equipe de gerentes de contas e responde pelo plano de vendas da equipe.",
            },
            "account-manager": {
                "title": "Gerente de Contas",
                "category": "Gestores",
                "appointed_by": "Diretor do Departamento de Vendas",
                "education": "Curso técnico ou superior em economia ou administração",
                "summary": "Encontra, conquista e mantém os clientes de uma carteira atribuída, "
                "cumpre o plano pessoal de vendas e garante que os clientes paguem em dia.",
            },
        },
        "general": {
            "head-of-sales": [
                "O Diretor do Departamento de Vendas pertence à categoria de gestores.",
                "O Diretor do Departamento de Vendas é nomeado e exonerado por ato do "
                "Diretor-Presidente.",
                "O Diretor do Departamento de Vendas responde diretamente ao Diretor-Presidente.",
                "Em sua ausência, as atribuições passam a um gerente de contas-chave designado "
                "por ato, que assume os direitos e a responsabilidade correspondentes.",
                "O cargo exige curso superior em economia, administração ou engenharia e pelo "
                "menos cinco anos em vendas, três deles liderando equipe.",
                "O trabalho segue a lei, o estatuto da empresa, os atos do Diretor-Presidente, a "
                "política comercial e esta descrição de cargo.",
            ],
            "key-account-manager": [
                "O gerente de contas-chave pertence à categoria de gestores.",
                "O gerente de contas-chave é nomeado e exonerado por ato do Diretor-Presidente, "
                "por proposta do Diretor do Departamento de Vendas.",
                "O gerente de contas-chave responde ao Diretor do Departamento de Vendas e lidera "
                "os gerentes de contas da equipe.",
                "Em sua ausência, as atribuições passam a um gerente de contas da equipe "
                "indicado pelo Diretor do Departamento de Vendas, com os mesmos direitos e "
                "responsabilidade.",
                "O cargo exige curso superior em economia ou administração e pelo menos três "
                "anos de trabalho com clientes corporativos.",
                "O trabalho segue a lei, as normas internas da empresa, a política comercial, as "
                "determinações do Diretor do Departamento de Vendas e esta descrição de cargo.",
            ],
            "account-manager": [
                "O gerente de contas pertence à categoria de gestores.",
                "O gerente de contas é nomeado e exonerado por ato do Diretor do Departamento de "
                "Vendas.",
                "O gerente de contas responde ao gerente de contas-chave que lidera a equipe.",
                "Em ausência por doença ou férias, as atribuições passam a um colega indicado "
                "pelo líder da equipe, que responde por elas nesse período.",
                "O cargo exige curso técnico ou superior em economia ou administração e pelo "
                "menos um ano em vendas ou atendimento ao cliente.",
                "O trabalho segue a lei, as normas internas da empresa, a política comercial e "
                "esta descrição de cargo.",
            ],
        },
        "knowledge_common": [
            "As leis e normas que regem o comércio, os contratos e a proteção de dados pessoais.",
            "Os produtos e serviços da empresa: linha, classificação, preços e aplicações.",
            "Noções de marketing, de economia de mercado e do funcionamento dos mercados da "
            "empresa.",
            "Etiqueta empresarial e as regras de negociação com clientes.",
            "Noções de psicologia e de comunicação interpessoal.",
            "A política de preços, descontos e crédito da empresa.",
            "Programas de escritório e a base de clientes da empresa.",
        ],
        "knowledge_extra": {
            "head-of-sales": [
                "Planejamento e previsão de vendas e análise dos resultados.",
                "Teoria de gestão: definir metas, delegar e avaliar pessoas.",
            ],
            "key-account-manager": [
                "Como compram os grandes clientes: decisores, concorrências e contratos-quadro.",
                "Orientação da equipe e avaliação dos seus resultados.",
            ],
            "account-manager": [
                "Métodos de prospecção de novos clientes e de planejamento de ligações e visitas.",
            ],
        },
        "duties": {
            "head-of-sales": [
                "Elabora com a diretoria o plano anual de vendas e o divide em metas mensais de "
                "equipe e individuais.",
                "Organiza o trabalho do departamento de vendas e define suas prioridades.",
                "Revisa todo mês os resultados de cada equipe em relação ao plano e combina "
                "medidas corretivas.",
                "Aprova preços, descontos e prazos de pagamento além dos limites das equipes.",
                "Aprova contratos com novos clientes-chave e suas renovações.",
                "Acompanha os recebíveis de toda a empresa e conduz a cobrança de grandes valores "
                "em atraso.",
                "Prepara os resultados trimestrais de vendas, a previsão anual e os relatórios de "
                "situação para a diretoria.",
                "Estuda o mercado e a política dos concorrentes em relação aos clientes e propõe "
                "mudanças na política comercial.",
                "Contrata, treina e avalia gerentes de contas-chave e participa da contratação "
                "de gerentes de contas.",
                "Resolve reclamações que as equipes não conseguiram resolver.",
            ],
            "key-account-manager": [
                "Constrói e mantém relações de longo prazo com os clientes-chave da carteira.",
                "Cumpre o plano de vendas da equipe e o plano pessoal para clientes-chave.",
                "Negocia contratos-quadro e suas renovações e zela para que ambas as partes "
                "cumpram as condições.",
                "Prepara propostas e preços para clientes-chave dentro dos limites aprovados.",
                "Planeja semana a semana as ligações e visitas da equipe e verifica se acontecem.",
                "Revisa todo mês os resultados de cada gerente de contas e o ajuda a atingir as "
                "metas.",
                "Verifica a idoneidade e a capacidade de crédito de novos clientes antes do "
                "primeiro contrato.",
                "Acompanha os recebíveis dos clientes da equipe e inicia a cobrança quando uma "
                "fatura vence.",
                "Mantém atualizado o histórico de vendas, contratos e reclamações de cada "
                "cliente-chave.",
                "Recebe reclamações de clientes-chave, identifica a causa e acompanha a solução.",
                "Prepara os resultados trimestrais e a previsão anual da equipe.",
                "Informa o Diretor do Departamento de Vendas sobre a situação dos clientes-chave "
                "e os riscos.",
            ],
            "account-manager": [
                "Busca novos clientes: estuda suas necessidades e situação financeira e planeja "
                "como abordá-los.",
                "Apresenta os produtos da empresa por telefone, e-mail, visitas, feiras e "
                "apresentações.",
                "Conduz as primeiras conversas com interessados e prepara propostas dentro dos "
                "preços e descontos aprovados.",
                "Prepara contratos com novos clientes e renovações com os atuais e os submete à "
                "aprovação.",
                "Cumpre o plano pessoal de vendas, o plano de clientes ativos e o plano de novos "
                "clientes.",
                "Mantém uma agenda semanal de ligações e visitas aos clientes da carteira.",
                "Verifica a idoneidade e a capacidade de crédito dos clientes e respeita seus "
                "limites de crédito.",
                "Garante que os clientes paguem integralmente e em dia e acompanha cada fatura "
                "em atraso.",
                "Trata devoluções e recusas e apura por que aconteceram.",
                "Recebe reclamações, registra-as e acompanha-as até a solução.",
                "Mantém completa a base de clientes: contatos, contratos, pedidos, pagamentos e "
                "interações.",
                "Acompanha as ofertas dos concorrentes aos clientes da carteira e relata o que "
                "muda.",
                "Orienta os clientes sobre o melhor uso dos produtos e serviços da empresa.",
                "Prepara os resultados trimestrais de vendas e a previsão anual da carteira.",
            ],
        },
        "rights_common": [
            "Receber de outros departamentos as informações e documentos necessários ao trabalho.",
            "Propor melhorias no trabalho do departamento e na política comercial.",
            "Participar das discussões de decisões que dizem respeito ao seu trabalho.",
            "Dispor das condições de trabalho e dos equipamentos de que o trabalho precisa.",
            "Desenvolver suas competências em treinamentos pagos pela empresa.",
        ],
        "rights_extra": {
            "head-of-sales": [
                "Assinar documentos dentro dos poderes conferidos pelo Diretor-Presidente.",
                "Propor premiações e penalidades para os empregados do departamento.",
            ],
            "key-account-manager": [
                "Atribuir tarefas aos gerentes de contas da equipe dentro desta descrição de "
                "cargo.",
                "Conceder descontos a clientes-chave dentro dos limites aprovados pelo Diretor do "
                "Departamento de Vendas.",
            ],
            "account-manager": [
                "Conceder descontos dentro dos limites aprovados para o cargo.",
            ],
        },
        "responsibility": [
            "Por deixar de cumprir as atribuições desta descrição de cargo, ou cumpri-las mal, "
            "nos limites da legislação trabalhista.",
            "Por infrações cometidas no exercício do trabalho, nos limites da lei.",
            "Por danos materiais causados à empresa, nos limites da legislação trabalhista e "
            "civil.",
            "Por divulgar segredos comerciais ou dados pessoais de clientes.",
        ],
    },
    "el": {
        "roles": {
            "head-of-sales": {
                "title": "Διευθυντής Τμήματος Πωλήσεων",
                "category": "Διοικητικά στελέχη",
                "appointed_by": "Διευθύνων Σύμβουλος",
                "education": "Πτυχίο ανώτατης εκπαίδευσης στα οικονομικά, στη διοίκηση "
                "επιχειρήσεων ή στη μηχανική",
                "summary": "Διευθύνει το τμήμα πωλήσεων: ορίζει με τη διοίκηση το πλάνο πωλήσεων, "
                "το κατανέμει σε ομάδες και υπευθύνους και λογοδοτεί για τα έσοδα, τα περιθώρια "
                "κέρδους και τις απαιτήσεις.",
            },
            "key-account-manager": {
                "title": "Υπεύθυνος Βασικών Πελατών",
                "category": "Διοικητικά στελέχη",
                "appointed_by": "Διευθύνων Σύμβουλος, μετά από πρόταση του Διευθυντή Τμήματος "
                "Πωλήσεων",
                "education": "Πτυχίο ανώτατης εκπαίδευσης στα οικονομικά ή στη διοίκηση "
                "επιχειρήσεων",
                "summary": "Έχει την ευθύνη της σχέσης με τους μεγαλύτερους πελάτες της "
                "εταιρείας, ηγείται ομάδας υπευθύνων λογαριασμών και λογοδοτεί για το πλάνο "
                "πωλήσεων της ομάδας.",
            },
            "account-manager": {
                "title": "Υπεύθυνος Λογαριασμών Πελατών",
                "category": "Διοικητικά στελέχη",
                "appointed_by": "Διευθυντής Τμήματος Πωλήσεων",
                "education": "Μεταλυκειακή ή ανώτατη εκπαίδευση στα οικονομικά ή στη διοίκηση "
                "επιχειρήσεων",
                "summary": "Βρίσκει, κερδίζει και διατηρεί πελάτες σε ένα χαρτοφυλάκιο που του "
                "ανατίθεται, επιτυγχάνει τον προσωπικό στόχο πωλήσεων και φροντίζει να "
                "πληρώνουν οι πελάτες εγκαίρως.",
            },
        },
        "general": {
            "head-of-sales": [
                "Ο Διευθυντής Τμήματος Πωλήσεων ανήκει στην κατηγορία των διοικητικών στελεχών.",
                "Ο Διευθυντής Τμήματος Πωλήσεων διορίζεται και απολύεται με απόφαση του "
                "Διευθύνοντος Συμβούλου.",
                "Ο Διευθυντής Τμήματος Πωλήσεων αναφέρεται απευθείας στον Διευθύνοντα Σύμβουλο.",
                "Κατά την απουσία του, τα καθήκοντά του αναλαμβάνει υπεύθυνος βασικών πελατών "
                "που ορίζεται με απόφαση, μαζί με τα αντίστοιχα δικαιώματα και την ευθύνη.",
                "Η θέση απαιτεί πτυχίο στα οικονομικά, στη διοίκηση επιχειρήσεων ή στη μηχανική "
                "και τουλάχιστον πέντε χρόνια στις πωλήσεις, από τα οποία τρία σε θέση "
                "επικεφαλής ομάδας.",
                "Η εργασία διέπεται από τον νόμο, το καταστατικό της εταιρείας, τις αποφάσεις "
                "του Διευθύνοντος Συμβούλου, την εμπορική πολιτική και την παρούσα περιγραφή "
                "θέσης.",
            ],
            "key-account-manager": [
                "Ο υπεύθυνος βασικών πελατών ανήκει στην κατηγορία των διοικητικών στελεχών.",
                "Ο υπεύθυνος βασικών πελατών διορίζεται και απολύεται με απόφαση του "
                "Διευθύνοντος Συμβούλου, μετά από πρόταση του Διευθυντή Τμήματος Πωλήσεων.",
                "Ο υπεύθυνος βασικών πελατών αναφέρεται στον Διευθυντή Τμήματος Πωλήσεων και "
                "καθοδηγεί τους υπευθύνους λογαριασμών της ομάδας.",
                "Κατά την απουσία του, τα καθήκοντα αναλαμβάνει υπεύθυνος λογαριασμών της ομάδας "
                "που ορίζει ο Διευθυντής Τμήματος Πωλήσεων, με τα ίδια δικαιώματα και την ίδια "
                "ευθύνη.",
                "Η θέση απαιτεί πτυχίο στα οικονομικά ή στη διοίκηση επιχειρήσεων και "
                "τουλάχιστον τρία χρόνια εργασίας με εταιρικούς πελάτες.",
                "Η εργασία διέπεται από τον νόμο, τους εσωτερικούς κανονισμούς της εταιρείας, "
                "την εμπορική πολιτική, τις εντολές του Διευθυντή Τμήματος Πωλήσεων και την "
                "παρούσα περιγραφή θέσης.",
            ],
            "account-manager": [
                "Ο υπεύθυνος λογαριασμών ανήκει στην κατηγορία των διοικητικών στελεχών.",
                "Ο υπεύθυνος λογαριασμών διορίζεται και απολύεται με απόφαση του Διευθυντή "
                "Τμήματος Πωλήσεων.",
                "Ο υπεύθυνος λογαριασμών αναφέρεται στον υπεύθυνο βασικών πελατών που ηγείται "
                "της ομάδας.",
                "Κατά την απουσία λόγω ασθένειας ή άδειας, τα καθήκοντα αναλαμβάνει συνάδελφος "
                "που ορίζει ο επικεφαλής της ομάδας και ευθύνεται γι' αυτά για το διάστημα "
                "αυτό.",
                "Η θέση απαιτεί μεταλυκειακή ή ανώτατη εκπαίδευση στα οικονομικά ή στη διοίκηση "
                "επιχειρήσεων και τουλάχιστον ένα χρόνο στις πωλήσεις ή στην εξυπηρέτηση "
                "πελατών.",
                "Η εργασία διέπεται από τον νόμο, τους εσωτερικούς κανονισμούς της εταιρείας, "
                "την εμπορική πολιτική και την παρούσα περιγραφή θέσης.",
            ],
        },
        "knowledge_common": [
            "Τους νόμους και κανονισμούς για το εμπόριο, τις συμβάσεις και την προστασία των "
            "προσωπικών δεδομένων.",
            "Τα προϊόντα και τις υπηρεσίες της εταιρείας: γκάμα, κατηγοριοποίηση, τιμές και "
            "χρήσεις.",
            "Βασικές αρχές μάρκετινγκ, οικονομίας της αγοράς και λειτουργίας των αγορών της "
            "εταιρείας.",
            "Την επιχειρηματική δεοντολογία και τους κανόνες διαπραγμάτευσης με πελάτες.",
            "Βασικές αρχές ψυχολογίας και διαπροσωπικής επικοινωνίας.",
            "Την πολιτική τιμών, εκπτώσεων και πιστώσεων της εταιρείας.",
            "Το λογισμικό γραφείου και τη βάση δεδομένων πελατών της εταιρείας.",
        ],
        "knowledge_extra": {
            "head-of-sales": [
                "Τον προγραμματισμό και την πρόβλεψη των πωλήσεων και την ανάλυση των "
                "αποτελεσμάτων τους.",
                "Τη θεωρία της διοίκησης: καθορισμό στόχων, ανάθεση εργασιών και αξιολόγηση "
                "ανθρώπων.",
            ],
            "key-account-manager": [
                "Πώς αγοράζουν οι μεγάλοι πελάτες: ποιοι αποφασίζουν, διαγωνισμοί και "
                "συμβάσεις-πλαίσιο.",
                "Την καθοδήγηση μιας ομάδας και την αξιολόγηση των αποτελεσμάτων της.",
            ],
            "account-manager": [
                "Μεθόδους εύρεσης νέων πελατών και προγραμματισμού τηλεφωνημάτων και επισκέψεων.",
            ],
        },
        "duties": {
            "head-of-sales": [
                "Καταρτίζει με τη διοίκηση το ετήσιο πλάνο πωλήσεων και το επιμερίζει σε "
                "μηνιαίους στόχους ομάδων και ατόμων.",
                "Οργανώνει τη λειτουργία του τμήματος πωλήσεων και ορίζει τις προτεραιότητές του.",
                "Εξετάζει κάθε μήνα τα αποτελέσματα κάθε ομάδας σε σχέση με το πλάνο και "
                "συμφωνεί διορθωτικά μέτρα.",
                "Εγκρίνει τιμές, εκπτώσεις και όρους πληρωμής πέρα από τα όρια των ομάδων.",
                "Εγκρίνει συμβάσεις με νέους βασικούς πελάτες και τις ανανεώσεις τους.",
                "Παρακολουθεί τις απαιτήσεις όλης της εταιρείας και καθοδηγεί την είσπραξη "
                "μεγάλων ληξιπρόθεσμων ποσών.",
                "Συντάσσει για τη διοίκηση τα τριμηνιαία αποτελέσματα πωλήσεων, την ετήσια "
                "πρόβλεψη και τις αναφορές κατάστασης.",
                "Μελετά την αγορά και την πολιτική των ανταγωνιστών προς τους πελάτες και "
                "προτείνει αλλαγές στην εμπορική πολιτική.",
                "Προσλαμβάνει, εκπαιδεύει και αξιολογεί υπευθύνους βασικών πελατών και "
                "συμμετέχει στην πρόσληψη υπευθύνων λογαριασμών.",
                "Επιλύει παράπονα που δεν μπόρεσαν να επιλύσουν οι ομάδες.",
            ],
            "key-account-manager": [
                "Χτίζει και διατηρεί μακροχρόνιες σχέσεις με τους βασικούς πελάτες του "
                "χαρτοφυλακίου.",
                "Επιτυγχάνει το πλάνο πωλήσεων της ομάδας και τον προσωπικό στόχο για τους "
                "βασικούς πελάτες.",
                "Διαπραγματεύεται συμβάσεις-πλαίσιο και τις ανανεώσεις τους και φροντίζει να "
                "τηρούν και τα δύο μέρη τους όρους.",
                "Ετοιμάζει προσφορές και προτάσεις τιμών για βασικούς πελάτες εντός των "
                "εγκεκριμένων ορίων.",
                "Προγραμματίζει εβδομάδα προς εβδομάδα τα τηλεφωνήματα και τις επισκέψεις της "
                "ομάδας και ελέγχει ότι γίνονται.",
                "Εξετάζει κάθε μήνα τα αποτελέσματα κάθε υπευθύνου λογαριασμών και τον βοηθά να "
                "πετύχει τους στόχους του.",
                "Ελέγχει την αξιοπιστία και τη φερεγγυότητα νέων πελατών πριν από την πρώτη "
                "σύμβαση.",
                "Παρακολουθεί τις απαιτήσεις από τους πελάτες της ομάδας και ξεκινά την "
                "είσπραξη όταν ένα τιμολόγιο καθυστερεί.",
                "Τηρεί ενημερωμένο το ιστορικό πωλήσεων, συμβάσεων και παραπόνων κάθε βασικού "
                "πελάτη.",
                "Δέχεται παράπονα βασικών πελατών, βρίσκει την αιτία τους και φροντίζει να "
                "επιλυθούν.",
                "Συντάσσει τα τριμηνιαία αποτελέσματα και την ετήσια πρόβλεψη της ομάδας.",
                "Ενημερώνει τον Διευθυντή Τμήματος Πωλήσεων για την κατάσταση των βασικών "
                "πελατών και για τους κινδύνους.",
            ],
            "account-manager": [
                "Αναζητά νέους πελάτες: μελετά τις ανάγκες και την οικονομική τους κατάσταση και "
                "σχεδιάζει πώς θα τους προσεγγίσει.",
                "Παρουσιάζει τα προϊόντα της εταιρείας τηλεφωνικά, με e-mail, σε επισκέψεις, "
                "εκθέσεις και παρουσιάσεις.",
                "Κάνει τις πρώτες συζητήσεις με ενδιαφερόμενους πελάτες και ετοιμάζει προσφορές "
                "εντός των εγκεκριμένων τιμών και εκπτώσεων.",
                "Ετοιμάζει συμβάσεις με νέους πελάτες και ανανεώσεις με υπάρχοντες και τις "
                "υποβάλλει για έγκριση.",
                "Επιτυγχάνει τον προσωπικό στόχο πωλήσεων, τον στόχο ενεργών πελατών και τον "
                "στόχο νέων πελατών.",
                "Τηρεί εβδομαδιαίο πρόγραμμα τηλεφωνημάτων και επισκέψεων στους πελάτες του "
                "χαρτοφυλακίου.",
                "Ελέγχει την αξιοπιστία και τη φερεγγυότητα των πελατών και τηρεί τα πιστωτικά "
                "τους όρια.",
                "Φροντίζει να πληρώνουν οι πελάτες ολόκληρο το ποσό και εγκαίρως και "
                "παρακολουθεί κάθε ληξιπρόθεσμο τιμολόγιο.",
                "Χειρίζεται επιστροφές και αρνήσεις παραλαβής και διερευνά γιατί συνέβησαν.",
                "Δέχεται παράπονα, τα καταγράφει και τα παρακολουθεί ώσπου να επιλυθούν.",
                "Τηρεί πλήρη τη βάση δεδομένων πελατών: επαφές, συμβάσεις, παραγγελίες, πληρωμές "
                "και επικοινωνίες.",
                "Παρακολουθεί τις προσφορές των ανταγωνιστών στους πελάτες του χαρτοφυλακίου και "
                "αναφέρει ό,τι αλλάζει.",
                "Συμβουλεύει τους πελάτες για την καλύτερη χρήση των προϊόντων και των "
                "υπηρεσιών της εταιρείας.",
                "Συντάσσει τα τριμηνιαία αποτελέσματα πωλήσεων και την ετήσια πρόβλεψη για το "
                "χαρτοφυλάκιο.",
            ],
        },
        "rights_common": [
            "Να λαμβάνει από άλλα τμήματα τις πληροφορίες και τα έγγραφα που χρειάζεται για "
            "την εργασία του.",
            "Να προτείνει βελτιώσεις στη λειτουργία του τμήματος και στην εμπορική πολιτική.",
            "Να συμμετέχει στις συζητήσεις για αποφάσεις που αφορούν την εργασία του.",
            "Να έχει τις συνθήκες εργασίας και τον εξοπλισμό που απαιτεί η εργασία.",
            "Να αναπτύσσει τις επαγγελματικές του δεξιότητες με εκπαίδευση που πληρώνει η "
            "εταιρεία.",
        ],
        "rights_extra": {
            "head-of-sales": [
                "Να υπογράφει έγγραφα στο πλαίσιο των αρμοδιοτήτων που του έχει αναθέσει ο "
                "Διευθύνων Σύμβουλος.",
                "Να προτείνει επιβραβεύσεις και κυρώσεις για τους εργαζομένους του τμήματος.",
            ],
            "key-account-manager": [
                "Να αναθέτει εργασίες στους υπευθύνους λογαριασμών της ομάδας στο πλαίσιο της "
                "παρούσας περιγραφής θέσης.",
                "Να παρέχει εκπτώσεις σε βασικούς πελάτες εντός των ορίων που έχει εγκρίνει ο "
                "Διευθυντής Τμήματος Πωλήσεων.",
            ],
            "account-manager": [
                "Να παρέχει εκπτώσεις εντός των ορίων που έχουν εγκριθεί για τη θέση.",
            ],
        },
        "responsibility": [
            "Για τη μη εκτέλεση ή την πλημμελή εκτέλεση των καθηκόντων της παρούσας περιγραφής "
            "θέσης, στο πλαίσιο του εργατικού δικαίου.",
            "Για παραβάσεις που διαπράττονται κατά την εργασία, στο πλαίσιο του νόμου.",
            "Για υλικές ζημίες που προκαλούνται στην εταιρεία, στο πλαίσιο του εργατικού και "
            "του αστικού δικαίου.",
            "Για την αποκάλυψη εμπορικών απορρήτων ή προσωπικών δεδομένων πελατών.",
        ],
    },
    "tl": {
        "roles": {
            "head-of-sales": {
                "title": "Pinuno ng Departamento ng Benta",
                "category": "Mga tagapamahala",
                "appointed_by": "Punong Tagapagpaganap",
                "education": "Digri sa kolehiyo sa ekonomiks, negosyo o inhinyeriya",
                "summary": "Pinamumunuan ang departamento ng benta: itinatakda kasama ng lupon "
                "ang plano ng benta, hinahati ito sa mga koponan at manager, at nananagot sa "
                "kita, margin at mga singilin.",
            },
            "key-account-manager": {
                "title": "Key Account Manager",
                "category": "Mga tagapamahala",
                "appointed_by": "Punong Tagapagpaganap, sa mungkahi ng Pinuno ng Departamento "
                "ng Benta",
                "education": "Digri sa kolehiyo sa ekonomiks o negosyo",
                "summary": "Hawak ang ugnayan sa pinakamalalaking kliyente ng kompanya, "
                "pinamumunuan ang isang koponan ng mga account manager at nananagot sa plano ng "
                "benta ng koponan.",
            },
            "account-manager": {
                "title": "Account Manager",
                "category": "Mga tagapamahala",
                "appointed_by": "Pinuno ng Departamento ng Benta",
                "education": "Mas mataas na teknikal o kolehiyong edukasyon sa ekonomiks o negosyo",
                "summary": "Naghahanap, nakakakuha at nagpapanatili ng mga kliyente sa itinalagang "
                "portfolio, tinutupad ang personal na plano ng benta at tinitiyak na nagbabayad "
                "nang nasa oras ang mga kliyente.",
            },
        },
        "general": {
            "head-of-sales": [
                "Ang Pinuno ng Departamento ng Benta ay kabilang sa kategorya ng mga tagapamahala.",
                "Ang Pinuno ng Departamento ng Benta ay itinatalaga at tinatanggal sa "
                "pamamagitan ng kautusan ng Punong Tagapagpaganap.",
                "Ang Pinuno ng Departamento ng Benta ay direktang nag-uulat sa Punong "
                "Tagapagpaganap.",
                "Habang wala siya, ang mga tungkulin ay napupunta sa isang key account manager "
                "na itinakda sa kautusan, kasama ang mga karapatan at pananagutang kaakibat "
                "nito.",
                "Kailangan sa posisyon ang digri sa kolehiyo sa ekonomiks, negosyo o inhinyeriya "
                "at hindi bababa sa limang taon sa benta, tatlo rito bilang pinuno ng koponan.",
                "Ang trabaho ay sumusunod sa batas, sa mga artikulo ng kompanya, sa mga kautusan "
                "ng Punong Tagapagpaganap, sa patakaran sa benta at sa paglalarawang ito ng "
                "trabaho.",
            ],
            "key-account-manager": [
                "Ang key account manager ay kabilang sa kategorya ng mga tagapamahala.",
                "Ang key account manager ay itinatalaga at tinatanggal sa kautusan ng Punong "
                "Tagapagpaganap, sa mungkahi ng Pinuno ng Departamento ng Benta.",
                "Ang key account manager ay nag-uulat sa Pinuno ng Departamento ng Benta at "
                "pinamumunuan ang mga account manager ng koponan.",
                "Habang wala siya, ang mga tungkulin ay napupunta sa isang account manager ng "
                "koponan na pinili ng Pinuno ng Departamento ng Benta, na may parehong karapatan "
                "at pananagutan.",
                "Kailangan sa posisyon ang digri sa kolehiyo sa ekonomiks o negosyo at hindi "
                "bababa sa tatlong taong pakikipagtrabaho sa mga korporasyong kliyente.",
                "Ang trabaho ay sumusunod sa batas, sa mga panloob na patakaran ng kompanya, sa "
                "patakaran sa benta, sa mga utos ng Pinuno ng Departamento ng Benta at sa "
                "paglalarawang ito ng trabaho.",
            ],
            "account-manager": [
                "Ang account manager ay kabilang sa kategorya ng mga tagapamahala.",
                "Ang account manager ay itinatalaga at tinatanggal sa kautusan ng Pinuno ng "
                "Departamento ng Benta.",
                "Ang account manager ay nag-uulat sa key account manager na namumuno sa koponan.",
                "Habang wala dahil sa sakit o bakasyon, ang mga tungkulin ay napupunta sa isang "
                "kasamahang pinili ng pinuno ng koponan, na mananagot dito sa panahong iyon.",
                "Kailangan sa posisyon ang mas mataas na teknikal o kolehiyong edukasyon sa "
                "ekonomiks o negosyo at hindi bababa sa isang taon sa benta o serbisyo sa "
                "kustomer.",
                "Ang trabaho ay sumusunod sa batas, sa mga panloob na patakaran ng kompanya, sa "
                "patakaran sa benta at sa paglalarawang ito ng trabaho.",
            ],
        },
        "knowledge_common": [
            "Mga batas at regulasyon tungkol sa kalakalan, mga kontrata at proteksyon ng "
            "personal na datos.",
            "Mga produkto at serbisyo ng kompanya: saklaw, pag-uuri, presyo at gamit.",
            "Mga batayan ng marketing, ng ekonomiya ng pamilihan at ng takbo ng mga pamilihan "
            "ng kompanya.",
            "Etiketa sa negosyo at mga tuntunin sa pakikipagnegosasyon sa mga kliyente.",
            "Mga batayan ng sikolohiya at ng komunikasyon sa kapwa.",
            "Ang patakaran ng kompanya sa presyo, diskuwento at kredito.",
            "Mga software sa opisina at ang database ng mga kliyente ng kompanya.",
        ],
        "knowledge_extra": {
            "head-of-sales": [
                "Pagpaplano at pagtataya ng benta at pagsusuri ng mga resulta nito.",
                "Teorya ng pamamahala: pagtatakda ng layunin, pagtatalaga ng gawain at pagtatasa "
                "ng mga tao.",
            ],
            "key-account-manager": [
                "Kung paano bumibili ang malalaking kliyente: ang mga nagpapasya, mga bidding at "
                "mga framework agreement.",
                "Paggabay sa koponan at pagtatasa ng mga resulta nito.",
            ],
            "account-manager": [
                "Mga paraan ng paghahanap ng bagong kliyente at pagpaplano ng mga tawag at "
                "pagbisita.",
            ],
        },
        "duties": {
            "head-of-sales": [
                "Inihahanda kasama ng lupon ang taunang plano ng benta at hinahati ito sa mga "
                "buwanang target ng koponan at ng bawat isa.",
                "Inaayos ang gawain ng departamento ng benta at itinatakda ang mga priyoridad "
                "nito.",
                "Sinusuri bawat buwan ang resulta ng bawat koponan laban sa plano at "
                "pinagkakasunduan ang mga hakbang na pagtutuwid.",
                "Inaaprubahan ang mga presyo, diskuwento at tuntunin sa pagbabayad na lampas sa "
                "limitasyon ng mga koponan.",
                "Inaaprubahan ang mga kontrata sa mga bagong pangunahing kliyente at ang renewal "
                "ng mga ito.",
                "Binabantayan ang mga singilin ng buong kompanya at pinamumunuan ang paniningil "
                "ng malalaking halagang lampas sa takdang petsa.",
                "Inihahanda para sa lupon ang quarterly na resulta ng benta, ang taunang forecast "
                "at ang mga ulat ng katayuan.",
                "Pinag-aaralan ang pamilihan at ang patakaran ng mga kakumpitensya sa mga "
                "kliyente at nagmumungkahi ng pagbabago sa patakaran sa benta.",
                "Kumukuha, nagsasanay at nagtatasa ng mga key account manager at tumutulong sa "
                "pagkuha ng mga account manager.",
                "Inaayos ang mga reklamong hindi naayos ng mga koponan.",
            ],
            "key-account-manager": [
                "Bumubuo at nagpapanatili ng pangmatagalang ugnayan sa mga pangunahing kliyente "
                "ng portfolio.",
                "Tinutupad ang plano ng benta ng koponan at ang personal na plano para sa mga "
                "pangunahing kliyente.",
                "Nakikipagnegosasyon sa mga framework agreement at sa renewal nito, at tinitiyak "
                "na sinusunod ng dalawang panig ang mga tuntunin.",
                "Naghahanda ng mga alok at mungkahing presyo para sa mga pangunahing kliyente sa "
                "loob ng inaprubahang limitasyon.",
                "Pinaplano linggo-linggo ang mga tawag at pagbisita ng koponan at tinitiyak na "
                "natutuloy ang mga ito.",
                "Sinusuri bawat buwan ang resulta ng bawat account manager at tinutulungan "
                "silang maabot ang kanilang target.",
                "Sinusuri ang pagiging maaasahan at kakayahang magbayad ng mga bagong kliyente "
                "bago ang unang kontrata.",
                "Binabantayan ang mga singilin sa mga kliyente ng koponan at sinisimulan ang "
                "paniningil kapag lampas na sa takdang petsa ang isang invoice.",
                "Pinananatiling napapanahon ang kasaysayan ng benta, kontrata at reklamo ng "
                "bawat pangunahing kliyente.",
                "Tumatanggap ng mga reklamo ng pangunahing kliyente, inaalam ang sanhi at "
                "tinitiyak na nalulutas ang mga ito.",
                "Inihahanda ang quarterly na resulta at taunang forecast ng koponan.",
                "Nag-uulat sa Pinuno ng Departamento ng Benta tungkol sa kalagayan ng mga "
                "pangunahing kliyente at sa mga panganib.",
            ],
            "account-manager": [
                "Naghahanap ng mga bagong kliyente: inaalam ang kanilang pangangailangan at "
                "kalagayang pinansyal at pinaplano kung paano sila lalapitan.",
                "Ipinakikilala ang mga produkto ng kompanya sa telepono, e-mail, pagbisita, mga "
                "trade fair at presentasyon.",
                "Nakikipag-usap sa mga interesadong kliyente at naghahanda ng mga alok sa loob "
                "ng inaprubahang presyo at diskuwento.",
                "Naghahanda ng mga kontrata sa mga bagong kliyente at renewal sa mga dati na, at "
                "ipinaaapruba ang mga ito.",
                "Tinutupad ang personal na plano ng benta, ang plano para sa aktibong kliyente "
                "at ang plano para sa bagong kliyente.",
                "May lingguhang iskedyul ng mga tawag at pagbisita sa mga kliyente ng portfolio.",
                "Sinusuri ang pagiging maaasahan at kakayahang magbayad ng mga kliyente at "
                "sinusunod ang kanilang credit limit.",
                "Tinitiyak na buo at nasa oras ang bayad ng mga kliyente, at sinusubaybayan ang "
                "bawat invoice na lampas sa takdang petsa.",
                "Inaasikaso ang mga ibinalik at tinanggihang produkto at inaalam kung bakit ito "
                "nangyari.",
                "Tumatanggap ng mga reklamo, itinatala ang mga ito at sinusubaybayan hanggang "
                "malutas.",
                "Pinananatiling kumpleto ang database ng mga kliyente: mga kontak, kontrata, "
                "order, bayad at pakikipag-ugnayan.",
                "Binabantayan ang mga alok ng kakumpitensya sa mga kliyente ng portfolio at "
                "iniuulat ang mga pagbabago.",
                "Pinapayuhan ang mga kliyente kung paano pinakamahusay na gamitin ang mga "
                "produkto at serbisyo ng kompanya.",
                "Inihahanda ang quarterly na resulta ng benta at ang taunang forecast ng "
                "portfolio.",
            ],
        },
        "rights_common": [
            "Tumanggap mula sa ibang departamento ng impormasyon at dokumentong kailangan sa "
            "trabaho.",
            "Magmungkahi ng pagpapabuti sa gawain ng departamento at sa patakaran sa benta.",
            "Makilahok sa talakayan ng mga desisyong may kinalaman sa kanyang trabaho.",
            "Magkaroon ng mga kondisyon sa trabaho at kagamitang kailangan ng trabaho.",
            "Paunlarin ang propesyonal na kakayahan sa mga pagsasanay na binabayaran ng kompanya.",
        ],
        "rights_extra": {
            "head-of-sales": [
                "Pumirma ng mga dokumento sa loob ng kapangyarihang ibinigay ng Punong "
                "Tagapagpaganap.",
                "Magmungkahi ng gantimpala at parusa para sa mga empleyado ng departamento.",
            ],
            "key-account-manager": [
                "Magbigay ng mga gawain sa mga account manager ng koponan ayon sa paglalarawang "
                "ito ng trabaho.",
                "Magbigay ng diskuwento sa mga pangunahing kliyente sa loob ng limitasyong "
                "inaprubahan ng Pinuno ng Departamento ng Benta.",
            ],
            "account-manager": [
                "Magbigay ng diskuwento sa loob ng limitasyong inaprubahan para sa posisyon.",
            ],
        },
        "responsibility": [
            "Sa hindi pagtupad o hindi maayos na pagtupad ng mga tungkulin sa paglalarawang ito "
            "ng trabaho, ayon sa batas paggawa.",
            "Sa mga paglabag na nagawa habang nagtatrabaho, ayon sa batas.",
            "Sa materyal na pinsalang naidulot sa kompanya, ayon sa batas paggawa at sibil.",
            "Sa pagbubunyag ng lihim ng kalakalan o ng personal na datos ng mga kliyente.",
        ],
    },
}
