"""Synthetic workbooks of any size, for the demo, the tests and the benchmarks (not part of
the installed package: it lives beside the demo).

Everything is drawn from a seeded ``random.Random``, so the same arguments always give the same
rows, byte for byte. Tables are plain ``{tab: [row, ...]}`` with every cell as text, exactly what a
CSV export of the spreadsheet holds.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

from generator.contract.schema import Schema, load_schema
from generator.csvfile import CsvWriter

Tables = dict[str, list[dict[str, str]]]

CURRENCY_OF_COUNTRY = {"Czechia": "CZK", "Philippines": "USD"}
RATES = {"CZK": "0.0398", "USD": "0.9210"}
PLACES = {
    "Czechia": ["Praha", "Brno", "Ostrava", "Plzeň", "Olomouc"],
    "Germany": ["Berlin", "München", "Leipzig", "Köln", "Nürnberg"],
    "Austria": ["Wien", "Graz", "Linz"],
    "Poland": ["Kraków", "Wrocław", "Poznań"],
    "Portugal": ["Lisboa", "Porto", "Braga"],
    "Greece": ["Αθήνα", "Θεσσαλονίκη", "Πάτρα"],
    "Philippines": ["Manila", "Cebu City", "Davao City"],
}
_COUNTRY_WEIGHTS = [30, 22, 10, 10, 10, 9, 9]
_INDUSTRIES = [
    "Logistics",
    "Food processing",
    "Automotive parts",
    "Construction",
    "Retail chain",
    "Pharmaceuticals",
    "Machinery",
    "Packaging",
    "Hospitality",
    "Energy",
]
_NAME_FIRST = [
    "Alder", "Brightwater", "Cobalt", "Danube", "Elmstone", "Fairline", "Granite", "Harbour",
    "Ironwood", "Juniper", "Kestrel", "Lumen", "Meadow", "Northgate", "Oakridge", "Pioneer",
    "Quarry", "Riverside", "Silverline", "Tidewater", "Upland", "Vantage", "Westbrook", "Yarrow",
]  # fmt: skip
_NAME_SECOND = [
    "Logistics", "Foods", "Components", "Builders", "Markets", "Pharma", "Machinery", "Packaging",
    "Hotels", "Energy", "Trading", "Industries",
]  # fmt: skip
_LEGAL = {
    "Czechia": "s.r.o.",
    "Germany": "GmbH",
    "Austria": "GmbH",
    "Poland": "sp. z o.o.",
    "Portugal": "Lda.",
    "Greece": "Α.Ε.",
    "Philippines": "Inc.",
}
_PEOPLE = [
    "Jana Dvořáková", "Lukas Brandt", "Maria Santos", "Eleni Papadaki", "Tomás Ferreira",
    "Andrea Reyes", "Petr Horák", "Sophie Keller", "Nikos Georgiou", "Katarzyna Nowak",
    "Miguel Costa", "Lea Hofmann", "Jose Bautista", "Veronika Kučerová", "Dimitra Nikolaou",
]  # fmt: skip
_PRODUCTS = {
    "Pallet racking": Decimal("2400"),
    "Stretch film": Decimal("180"),
    "Safety gloves": Decimal("95"),
    "Forklift service": Decimal("650"),
    "Cold-room panels": Decimal("3900"),
    "Cable trays": Decimal("420"),
    "Industrial cleaning": Decimal("310"),
    "Shelving units": Decimal("870"),
}
_DIALLING = {
    "Czechia": "+420",
    "Germany": "+49",
    "Austria": "+43",
    "Poland": "+48",
    "Portugal": "+351",
    "Greece": "+30",
    "Philippines": "+63",
}
_SEGMENTS = ["key", "corporate", "smb", "retail"]
_SEGMENT_WEIGHTS = [8, 22, 45, 25]
_SEGMENT_SCALE = {"key": 6.0, "corporate": 2.5, "smb": 1.0, "retail": 0.5}
_CENT = Decimal("0.01")


@dataclass
class Company:
    """The knobs of a synthetic company; the defaults are the demo's sizes."""

    seed: int = 2026
    managers: int = 8
    clients: int = 60
    contracts: int = 80
    sales: int = 3000
    first_day: date = date(2024, 9, 1)
    last_day: date = date(2026, 11, 20)
    acquired: float = 0.45  # the share of clients won during the span (Clients.since)


def company(spec: Company) -> Tables:
    """All tabs of a synthetic company, as text rows ready for CSV."""
    rng = random.Random(spec.seed)
    managers = _managers(rng, spec)
    clients = _clients(rng, spec, managers)
    contracts = _contracts(rng, spec, clients)
    sales = _sales(rng, spec, clients, contracts, managers)
    return {
        "Managers": managers,
        "Clients": clients,
        "Contracts": contracts,
        "Sales": sales,
        "Targets": _targets(spec, clients, sales, managers),
        "Rates": [{"currency": code, "rate": rate} for code, rate in RATES.items()],
        "Interactions": _interactions(rng, spec, clients),
        "Complaints": _complaints(rng, spec, clients),
    }


def _managers(rng: random.Random, spec: Company) -> list[dict[str, str]]:
    leads = max(2, spec.managers // 8)
    rows = []
    for number in range(1, spec.managers + 1):
        if number == 1:
            role, boss = "head-of-sales", ""
        elif number <= 1 + leads:
            role, boss = "key-account-manager", "M001"
        else:
            role, boss = "account-manager", f"M{2 + (number - 2 - leads) % leads:03d}"
        name = _PEOPLE[(number - 1) % len(_PEOPLE)]
        if number > len(_PEOPLE):
            name = f"{name} {number // len(_PEOPLE) + 1}"
        region = ["Central Europe", "Southern Europe", "Asia Pacific"][number % 3]
        hired = spec.first_day - timedelta(days=rng.randrange(200, 3000))
        rows.append(
            {
                "manager_id": f"M{number:03d}",
                "name": name,
                "email": f"{_ascii(name).lower().replace(' ', '.')}@meridian.example",
                "role_id": role,
                "reports_to": boss,
                "region": region,
                "hired_on": hired.isoformat(),
                "active": "TRUE" if number != spec.managers else "FALSE",
            }
        )
    return rows


def _clients(
    rng: random.Random, spec: Company, managers: list[dict[str, str]]
) -> list[dict[str, str]]:
    # Clients go to the people who carry a portfolio (everyone but the head of sales), and the
    # inactive manager's clients were handed over already.
    owners = [row["manager_id"] for row in managers[1:] if row["active"] == "TRUE"] or ["M001"]
    countries = list(PLACES)
    span = (spec.last_day - spec.first_day).days
    rows = []
    for number in range(1, spec.clients + 1):
        country = rng.choices(countries, _COUNTRY_WEIGHTS)[0]
        segment = rng.choices(_SEGMENTS, _SEGMENT_WEIGHTS)[0]
        first = _NAME_FIRST[number % len(_NAME_FIRST)]
        second = _NAME_SECOND[(number * 7 + number // len(_NAME_FIRST)) % len(_NAME_SECOND)]
        suffix = "" if number <= len(_NAME_FIRST) * len(_NAME_SECOND) else f" {number}"
        contact = rng.choice(_PEOPLE)
        domain = f"{first.lower()}-{second.lower()}{suffix.strip()}.example"
        status = rng.choices(["active", "paused", "churned", "prospect"], [85, 5, 7, 3])[0]
        # Most clients were clients before the data begins; the rest were won since, spread
        # over the span (and buy only from the day they were won).
        if rng.random() < spec.acquired:
            since = spec.first_day + timedelta(days=rng.randrange(0, span - 60))
        else:
            since = spec.first_day - timedelta(days=rng.randrange(1, 2500))
        # A few clients have a limit well under what they buy: their manager sees them over it.
        limit = int(_SEGMENT_SCALE[segment] * 20) * 5000
        if number % 9 == 4:
            limit = int(_SEGMENT_SCALE[segment] * 2) * 2500
        rows.append(
            {
                "client_id": f"C{number:05d}",
                "name": f"{first} {second} {_LEGAL[country]}{suffix}",
                "manager_id": owners[(number - 1) % len(owners)],
                "segment": segment,
                "status": status,
                "industry": rng.choice(_INDUSTRIES),
                "country": country,
                "city": rng.choice(PLACES[country]),
                "since": since.isoformat(),
                "credit_limit": str(limit),
                "contact_name": contact,
                "contact_email": f"{_ascii(contact).split()[0].lower()}@{domain}",
                "contact_phone": f"{_DIALLING[country]} 555 {rng.randrange(100, 999)} "
                f"{rng.randrange(100, 999)}",
                "notes": rng.choice(
                    ["", "", "Prefers quarterly invoicing.", "Ask about the new site."]
                ),
            }
        )
    return rows


def _contracts(
    rng: random.Random, spec: Company, clients: list[dict[str, str]]
) -> list[dict[str, str]]:
    rows = []
    span = (spec.last_day - spec.first_day).days
    for number in range(1, spec.contracts + 1):
        client = (
            clients[(number - 1) % len(clients)] if number <= len(clients) else rng.choice(clients)
        )
        starts = spec.first_day + timedelta(days=rng.randrange(-365, span - 30))
        # Contracts run one to three years; a few are open-ended.
        ends: date | None = starts + timedelta(days=rng.choice([365, 730, 1095]) - 1)
        if number % 11 == 0:
            ends = None
        if number % 9 == 0:
            ends = spec.last_day + timedelta(days=rng.randrange(5, 85))  # expiring soon
        status = "active" if ends is None or ends >= spec.last_day else "expired"
        if number % 17 == 0:
            status = "terminated"
        if number % 29 == 0:
            status = "draft"
        currency = CURRENCY_OF_COUNTRY.get(client["country"], "")
        value = Decimal(rng.randrange(20, 400) * 1000)
        rows.append(
            {
                "contract_id": f"K-{starts.year}-{number:05d}",
                "client_id": client["client_id"],
                "title": rng.choice(
                    [
                        "Framework supply agreement",
                        "Service contract",
                        "Annual purchase plan",
                        "Maintenance agreement",
                        "Pilot project",
                    ]
                ),  # fmt: skip
                "signed_on": (starts - timedelta(days=rng.randrange(3, 40))).isoformat(),
                "starts_on": starts.isoformat(),
                "ends_on": ends.isoformat() if ends else "",
                "value": str(
                    value / Decimal(RATES[currency]) // 1000 * 1000 if currency else value
                ),
                "currency": currency,
                "status": status,
                "payment_terms_days": str(rng.choice([14, 30, 30, 45, 60])),
                "auto_renew": rng.choice(["TRUE", "FALSE", "FALSE"]),
            }
        )
    return rows


def _sales(
    rng: random.Random,
    spec: Company,
    clients: list[dict[str, str]],
    contracts: list[dict[str, str]],
    managers: list[dict[str, str]],
) -> list[dict[str, str]]:
    by_client: dict[str, list[dict[str, str]]] = {}
    for signed in contracts:
        by_client.setdefault(signed["client_id"], []).append(signed)
    # Cumulative weights once: rng.choices would otherwise re-add them for every sale.
    weights = list(accumulate(_SEGMENT_SCALE[client["segment"]] for client in clients))
    span = (spec.last_day - spec.first_day).days
    portfolio_managers = [row["manager_id"] for row in managers[1:]] or ["M001"]
    products = list(_PRODUCTS)
    rows = []
    for _ in range(spec.sales):
        client = rng.choices(clients, cum_weights=weights)[0]
        day = spec.first_day + timedelta(days=rng.randrange(span + 1))
        since = date.fromisoformat(client["since"])
        if day < since:  # a client won in the span buys from the day it was won
            day = since + timedelta(days=rng.randrange((spec.last_day - since).days + 1))
        product = rng.choice(products)
        quantity = rng.randrange(1, 20)
        price = _PRODUCTS[product] * Decimal(rng.randrange(85, 116)) / 100
        amount = (price * quantity * Decimal(str(_SEGMENT_SCALE[client["segment"]]))).quantize(
            _CENT
        )
        if rng.random() < 0.04:
            quantity, amount = -max(1, quantity // 4), -(amount / 4).quantize(_CENT)
        currency = CURRENCY_OF_COUNTRY.get(client["country"], "")
        if currency and rng.random() < 0.7:
            amount = (amount / Decimal(RATES[currency])).quantize(_CENT)
        else:
            currency = ""
        contract: dict[str, str] | None = next(
            (
                row
                for row in by_client.get(client["client_id"], [])
                if row["starts_on"] <= day.isoformat()
                and (row["ends_on"] or "9999") >= day.isoformat()
            ),
            None,
        )
        terms = int(contract["payment_terms_days"]) if contract else 30
        due = day + timedelta(days=terms)
        paid_on, paid_amount = "", ""
        if amount > 0:
            roll = rng.random()
            if due < spec.last_day - timedelta(days=20) and roll < 0.9:
                paid_on = (due + timedelta(days=rng.randrange(-12, 25))).isoformat()
            elif due < spec.last_day and roll < 0.95:
                paid_on = (due + timedelta(days=rng.randrange(-12, 3))).isoformat()
                paid_amount = str((amount * Decimal(rng.randrange(30, 80)) / 100).quantize(_CENT))
            elif due >= spec.last_day and roll < 0.3:
                paid_on = (day + timedelta(days=rng.randrange(1, 10))).isoformat()
            paid_on = min(paid_on, spec.last_day.isoformat()) if paid_on else ""
        credited = ""
        if rng.random() < 0.05:
            credited = rng.choice(portfolio_managers)
        rows.append(
            {
                "sale_id": "",
                "date": day.isoformat(),
                "client_id": client["client_id"],
                "contract_id": contract["contract_id"] if contract else "",
                "manager_id": credited,
                "product": product,
                "quantity": str(quantity),
                "amount": str(amount),
                "currency": currency,
                "due_on": due.isoformat() if amount > 0 else "",
                "paid_on": paid_on,
                "paid_amount": paid_amount,
            }
        )
    rows.sort(key=lambda row: row["date"])  # stable: same-day sales keep the order they were drawn
    for number, row in enumerate(rows, start=1):
        row["sale_id"] = f"S{row['date'][:4]}-{number:07d}"
    return rows


def _targets(
    spec: Company,
    clients: list[dict[str, str]],
    sales: list[dict[str, str]],
    managers: list[dict[str, str]],
) -> list[dict[str, str]]:
    # A plan a little above what each portfolio sold on average, rounded as planners round.
    owner = {client["client_id"]: client["manager_id"] for client in clients}
    totals: dict[str, Decimal] = {}
    for sale in sales:
        rate = Decimal(RATES[sale["currency"]]) if sale["currency"] else Decimal(1)
        manager = sale["manager_id"] or owner[sale["client_id"]]
        totals[manager] = totals.get(manager, Decimal(0)) + Decimal(sale["amount"]) * rate
    months = _months(spec.first_day, date(spec.last_day.year, 12, 1))
    portfolio = {row["manager_id"]: 0 for row in managers}
    for client in clients:
        portfolio[client["manager_id"]] += 1
    rows = []
    for person in managers[1:]:
        monthly = totals.get(person["manager_id"], Decimal(0)) / max(1, len(months) - 1)
        plan = (monthly * Decimal("1.08") / 500).quantize(Decimal(1)) * 500
        for month in months:
            rows.append(
                {
                    "manager_id": person["manager_id"],
                    "period": month,
                    "revenue": str(plan),
                    "active_clients": str(max(1, portfolio[person["manager_id"]] * 2 // 3)),
                    "new_clients": "1" if month.endswith(("-06", "-12")) else "0",
                }
            )
    # One quarter with a target of its own, which takes precedence over its months' sum.
    if len(managers) > 3:
        own = next(row for row in rows if row["manager_id"] == managers[3]["manager_id"])
        rows.append(
            {
                "manager_id": own["manager_id"],
                "period": f"{spec.last_day.year}-Q4",
                "revenue": str((Decimal(own["revenue"]) * 3 * Decimal("1.1")).quantize(Decimal(1))),
                "active_clients": own["active_clients"],
                "new_clients": "2",
            }
        )
    return rows


def _months(first: date, last: date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _interactions(
    rng: random.Random, spec: Company, clients: list[dict[str, str]]
) -> list[dict[str, str]]:
    span = (spec.last_day - spec.first_day).days
    topics = [
        "Quarterly review of orders and open invoices.",
        "Presented the new product range.",
        "Discussed renewal terms.",
        "Follow-up on a late delivery.",
        "Introduced the new warehouse contact.",
    ]
    rows = []
    for _ in range(spec.clients * 10):
        client = rng.choice(clients)
        rows.append(
            {
                "date": (spec.first_day + timedelta(days=rng.randrange(span + 1))).isoformat(),
                "client_id": client["client_id"],
                "manager_id": client["manager_id"],
                "kind": rng.choice(["call", "call", "email", "visit", "meeting"]),
                "summary": rng.choice(topics),
                # A few did not take place.
                "status": "cancelled" if rng.random() < 0.04 else "done",
            }
        )
    # The weekly schedule: calls, visits and meetings planned for the three weeks after the
    # last day of the data, about two a week for each manager.
    for _ in range(max(1, spec.clients // 2)):
        client = rng.choice(clients)
        rows.append(
            {
                "date": (spec.last_day + timedelta(days=rng.randrange(0, 21))).isoformat(),
                "client_id": client["client_id"],
                "manager_id": client["manager_id"],
                "kind": rng.choice(["call", "call", "visit", "meeting"]),
                "summary": rng.choice(topics),
                "status": "planned",
            }
        )
    rows.sort(key=lambda row: (row["date"], row["client_id"]))
    return rows


def _complaints(
    rng: random.Random, spec: Company, clients: list[dict[str, str]]
) -> list[dict[str, str]]:
    span = (spec.last_day - spec.first_day).days
    rows = []
    for number in range(1, max(2, spec.clients // 2) + 1):
        opened = spec.first_day + timedelta(days=rng.randrange(span + 1))
        closed = opened + timedelta(days=rng.randrange(2, 40))
        still_open = closed > spec.last_day or rng.random() < 0.15
        rows.append(
            {
                "complaint_id": f"R-{opened.year}-{number:04d}",
                "client_id": rng.choice(clients)["client_id"],
                "opened_on": opened.isoformat(),
                "closed_on": "" if still_open else closed.isoformat(),
                "severity": rng.choices(["low", "medium", "high"], [5, 3, 1])[0],
                "summary": rng.choice(
                    [
                        "Damaged pallets on delivery.",
                        "Invoice did not match the order.",
                        "Delivery two days late.",
                        "Wrong product variant shipped.",
                    ]
                ),  # fmt: skip
                "resolution": ""
                if still_open
                else rng.choice(
                    ["Credit note issued.", "Replacement shipped.", "Invoice corrected."]
                ),  # fmt: skip
            }
        )
    return rows


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if char.isascii())


def write_csv_folder(
    tables: Mapping[str, Iterable[Mapping[str, Any]]], folder: Path, schema: Schema | None = None
) -> None:
    """Write each tab as ``<Tab>.csv`` with the contract's column order and ``\\n`` line ends."""
    schema = schema or load_schema()
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list(schema.table(name).field_names) if name in schema.table_names else None
        rows = list(rows)
        if columns is None:
            columns = list(rows[0]) if rows else []
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = CsvWriter(stream)
            writer.writerow(columns)
            for row in rows:
                unknown = set(row) - set(columns)
                if unknown:
                    raise ValueError(f"{name}: columns {sorted(unknown)} are not in the contract")
                writer.writerow([row.get(column, "") for column in columns])
