"""Regenerate the demo workbook in this folder: ``python examples/demo/generate.py``.

Meridian Supply is a fictional distributor of warehouse and industrial supplies with clients in
seven countries. The job descriptions below are our own text, structured like the model job
descriptions the project started from (approval block, general provisions, knowledge, duties,
rights, responsibility), in English here and in five more languages in ``translations.py``.
Everything else is drawn by :mod:`examples.synthetic` from a fixed seed,
so running this script again gives byte-identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    from examples.synthetic import Company, company, write_csv_folder
except ImportError:  # run as a script: the project folder is not on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from examples.synthetic import Company, company, write_csv_folder

try:
    from .translations import TEXTS
except ImportError:  # run as a script: python examples/demo/generate.py
    from translations import TEXTS  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent

ROLES = [
    {
        "role_id": "head-of-sales",
        "title": "Head of Sales Department",
        "category": "Managers",
        "reports_to_role": "",
        "appointed_by": "Chief Executive Officer",
        "education": "University degree in economics, business or engineering",
        "experience_years": "5",
        "summary": "Leads the sales department: sets the sales plan with the board, splits it "
        "across teams and managers, and answers for revenue, margins and receivables.",
        "approver": "Chief Executive Officer",
        "approver_name": "Dana Whitfield",
        "approved_on": "2026-01-12",
    },
    {
        "role_id": "key-account-manager",
        "title": "Key Account Manager",
        "category": "Managers",
        "reports_to_role": "head-of-sales",
        "appointed_by": "Chief Executive Officer, on the proposal of the Head of Sales Department",
        "education": "University degree in economics or business",
        "experience_years": "3",
        "summary": "Owns the relationship with the company's largest clients, leads a team of "
        "account managers and answers for the team's sales plan.",
        "approver": "Chief Executive Officer",
        "approver_name": "Dana Whitfield",
        "approved_on": "2026-01-12",
    },
    {
        "role_id": "account-manager",
        "title": "Account Manager",
        "category": "Managers",
        "reports_to_role": "key-account-manager",
        "appointed_by": "Head of Sales Department",
        "education": "Higher professional or university education in economics or business",
        "experience_years": "1",
        "summary": "Finds, wins and keeps clients in an assigned portfolio, meets the personal "
        "sales plan and makes sure clients pay on time.",
        "approver": "Head of Sales Department",
        "approver_name": "Helena Marsh",
        "approved_on": "2026-02-02",
    },
]

GENERAL = {
    "head-of-sales": [
        "The Head of Sales Department belongs to the category of managers.",
        "The Head of Sales Department is appointed and dismissed by order of the Chief Executive "
        "Officer.",
        "The Head of Sales Department reports directly to the Chief Executive Officer.",
        "During an absence, the duties pass to a key account manager named by order, who takes on "
        "the rights and the responsibility that go with them.",
        "The position requires a university degree in economics, business or engineering and at "
        "least five years in sales, three of them leading a team.",
        "The work is governed by the law, the company's articles, the orders of the Chief "
        "Executive Officer, the sales policy and this job description.",
    ],
    "key-account-manager": [
        "The key account manager belongs to the category of managers.",
        "The key account manager is appointed and dismissed by order of the Chief Executive "
        "Officer, on the proposal of the Head of Sales Department.",
        "The key account manager reports to the Head of Sales Department and leads the account "
        "managers of the team.",
        "During an absence, the duties pass to an account manager of the team named by the Head "
        "of Sales Department, with the same rights and responsibility.",
        "The position requires a university degree in economics or business and at least three "
        "years of work with corporate clients.",
        "The work is governed by the law, the company's internal rules, the sales policy, the "
        "orders of the Head of Sales Department and this job description.",
    ],
    "account-manager": [
        "The account manager belongs to the category of managers.",
        "The account manager is appointed and dismissed by order of the Head of Sales Department.",
        "The account manager reports to the key account manager who leads the team.",
        "During an absence through illness or leave, the duties pass to a colleague named by the "
        "team leader, who answers for them for that time.",
        "The position requires higher professional or university education in economics or "
        "business and at least one year in sales or customer service.",
        "The work is governed by the law, the company's internal rules, the sales policy and this "
        "job description.",
    ],
}

KNOWLEDGE_COMMON = [
    "Laws and regulations that govern trade, contracts and the protection of personal data.",
    "The company's products and services: their range, classification, prices and uses.",
    "Basics of marketing, market economics and how the company's markets work.",
    "Business etiquette and the rules of negotiation with clients.",
    "Basics of psychology and communication between people.",
    "The company's pricing, discount and credit policy.",
    "Office software and the company's client database.",
]
KNOWLEDGE_EXTRA = {
    "head-of-sales": [
        "Sales planning, forecasting and the analysis of sales results.",
        "Management theory: setting goals, delegating and evaluating people.",
    ],
    "key-account-manager": [
        "How large clients buy: their decision makers, tenders and framework agreements.",
        "Coaching and the evaluation of a team's results.",
    ],
    "account-manager": [
        "Methods of finding new clients and of planning calls and visits.",
    ],
}

DUTIES = {
    "head-of-sales": [
        "Prepares the annual sales plan with the board and splits it into team and personal "
        "targets by month.",
        "Organises the work of the sales department and sets its priorities.",
        "Reviews each team's results every month against the plan and agrees corrective steps.",
        "Approves prices, discounts and payment terms beyond the limits of the teams.",
        "Approves contracts with new key clients and their renewals.",
        "Watches receivables across the company and leads the collection of large overdue sums.",
        "Prepares the quarterly sales results, the annual forecast and the status reports for "
        "the board.",
        "Studies the market and competitors' policies towards clients and proposes changes to the "
        "sales policy.",
        "Hires, trains and evaluates key account managers and takes part in hiring account "
        "managers.",
        "Settles complaints that the teams could not settle.",
    ],
    "key-account-manager": [
        "Builds and keeps long-term relationships with the key clients of the portfolio.",
        "Meets the team's sales plan and the personal plan for key clients.",
        "Negotiates framework agreements and their renewals, and watches that both sides keep "
        "their terms.",
        "Prepares offers and price proposals for key clients within the approved limits.",
        "Plans the team's calls and visits week by week and checks that they happen.",
        "Reviews each account manager's results every month and helps them reach their targets.",
        "Checks the reliability and creditworthiness of new clients before the first contract.",
        "Watches receivables of the team's clients and starts collection when an invoice is "
        "overdue.",
        "Keeps the history of sales, contracts and complaints of every key client up to date.",
        "Receives complaints from key clients, finds their cause and sees them resolved.",
        "Prepares the team's quarterly results and annual forecast.",
        "Reports to the Head of Sales Department on the state of key clients and on risks.",
    ],
    "account-manager": [
        "Looks for new clients: studies their needs and financial standing and plans how to "
        "approach them.",
        "Presents the company's products by phone, e-mail, visits, fairs and presentations.",
        "Holds first talks with interested clients and prepares offers within the approved "
        "prices and discounts.",
        "Prepares contracts with new clients and renewals with existing ones, and has them "
        "approved.",
        "Meets the personal sales plan, the plan for active clients and the plan for new clients.",
        "Keeps a weekly schedule of calls and visits to the clients of the portfolio.",
        "Checks the reliability and creditworthiness of clients and keeps within their credit "
        "limits.",
        "Makes sure clients pay in full and on time, and follows up every overdue invoice.",
        "Handles returns and refusals, and finds out why they happened.",
        "Receives complaints, records them and follows them until they are resolved.",
        "Keeps the client database complete: contacts, contracts, orders, payments and "
        "interactions.",
        "Watches competitors' offers to the clients of the portfolio and reports what changes.",
        "Advises clients on the best use of the company's products and services.",
        "Prepares the quarterly sales results and the annual forecast for the portfolio.",
    ],
}

RIGHTS_COMMON = [
    "To receive the information and documents needed for the work from other departments.",
    "To propose improvements to the work of the department and to the sales policy.",
    "To take part in discussions of decisions that concern the work.",
    "To have the working conditions and the equipment that the work needs.",
    "To develop professional skills through training paid by the company.",
]
RIGHTS_EXTRA = {
    "head-of-sales": [
        "To sign documents within the powers given by the Chief Executive Officer.",
        "To propose rewards and penalties for the employees of the department.",
    ],
    "key-account-manager": [
        "To give account managers of the team tasks within this job description.",
        "To grant discounts to key clients within the limits approved by the Head of Sales "
        "Department.",
    ],
    "account-manager": [
        "To grant discounts within the limits approved for the role.",
    ],
}

RESPONSIBILITY = [
    "For failing to do the duties of this job description, or doing them badly, within the "
    "limits of labour law.",
    "For offences committed in the course of the work, within the limits of the law.",
    "For material damage caused to the company, within the limits of labour and civil law.",
    "For disclosing trade secrets or clients' personal data.",
]


def role_clauses() -> list[dict[str, str]]:
    """The body of every job description, clause by clause, in every language of the demo."""
    english = {
        "general": GENERAL,
        "knowledge_common": KNOWLEDGE_COMMON,
        "knowledge_extra": KNOWLEDGE_EXTRA,
        "duties": DUTIES,
        "rights_common": RIGHTS_COMMON,
        "rights_extra": RIGHTS_EXTRA,
        "responsibility": RESPONSIBILITY,
    }
    rows = []
    for lang, texts in {"en": english, **TEXTS}.items():
        for role in ROLES:
            role_id = role["role_id"]
            sections = {
                "general": texts["general"][role_id],
                "knowledge": texts["knowledge_common"] + texts["knowledge_extra"][role_id],
                "duties": texts["duties"][role_id],
                "rights": texts["rights_common"] + texts["rights_extra"][role_id],
                "responsibility": texts["responsibility"],
            }
            for section, clauses in sections.items():
                rows += [
                    {"role_id": role_id, "section": section, "text": text, "lang": lang}
                    for text in clauses
                ]
    return rows


# Who approves each job description, in the demo's other languages.
APPROVERS = {
    "cs": {"Chief Executive Officer": "Generální ředitel",
           "Head of Sales Department": "Vedoucí obchodního oddělení"},
    "de": {"Chief Executive Officer": "Geschäftsführer",
           "Head of Sales Department": "Leiter der Vertriebsabteilung"},
    "pt": {"Chief Executive Officer": "Diretor-Geral",
           "Head of Sales Department": "Diretor do Departamento Comercial"},
    "el": {"Chief Executive Officer": "Διευθύνων Σύμβουλος",
           "Head of Sales Department": "Διευθυντής Τμήματος Πωλήσεων"},
    "tl": {"Chief Executive Officer": "Punong Ehekutibong Opisyal",
           "Head of Sales Department": "Pinuno ng Departamento ng Pagbebenta"},
}  # fmt: skip


def role_translations() -> list[dict[str, str]]:
    """Each role's title and details in the demo's other languages."""
    return [
        {
            "role_id": role["role_id"],
            "lang": lang,
            **texts["roles"][role["role_id"]],
            "approver": APPROVERS[lang][role["approver"]],
        }
        for lang, texts in TEXTS.items()
        for role in ROLES
    ]


def main() -> None:
    tables = {
        "Roles": ROLES,
        "RoleTranslations": role_translations(),
        "RoleClauses": role_clauses(),
    }
    tables.update(company(Company()))
    write_csv_folder(tables, HERE)


if __name__ == "__main__":
    main()
