"""The business model built from a validated workbook: roles, managers, clients, contracts, sales.

Built only from a valid report, so every required value is present and every reference resolves.
Money is converted to the base currency here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .contract import load_schema
from .i18n import N_
from .issues import Issue, issue
from .memory import cycle_collection_paused
from .validation.validate import Report, TableData

# The sections of a job description, in order, with their titles (translated on the pages).
SECTION_TITLES = {
    "general": N_("General provisions"),
    "knowledge": N_("Knowledge"),
    "duties": N_("Duties"),
    "rights": N_("Rights"),
    "responsibility": N_("Responsibility"),
}
SECTIONS = tuple(SECTION_TITLES)
# The site's default language when none is named; an empty RoleClauses.lang means the default.
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class RoleText:
    """The translatable details of a role, in one language."""

    title: str
    summary: str | None
    category: str | None
    appointed_by: str | None
    education: str | None
    approver: str | None


@dataclass(frozen=True, slots=True)
class Role:
    role_id: str
    reports_to_role: str | None
    experience_years: int | None
    approver_name: str | None
    approved_on: date | None
    # The default language's text is the Roles row; the others come from RoleTranslations,
    # with their empty cells filled from the default.
    texts: dict[str, RoleText]
    default_language: str
    # Clauses by language, then by section, in row order.
    clauses: dict[str, dict[str, list[str]]]
    # The translated details that were empty and show the default language's text, by language.
    untranslated: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.texts[self.default_language].title


@dataclass(frozen=True, slots=True)
class Manager:
    manager_id: str
    name: str
    email: str | None
    role_id: str
    reports_to: str | None
    region: str | None
    hired_on: date | None
    active: bool


@dataclass(frozen=True, slots=True)
class Client:
    client_id: str
    name: str
    manager_id: str
    segment: str | None
    status: str
    industry: str | None
    country: str | None
    city: str | None
    since: date | None
    credit_limit: Decimal | None
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class Contract:
    contract_id: str
    client_id: str
    title: str
    signed_on: date | None
    starts_on: date
    ends_on: date | None
    value: Decimal | None
    currency: str
    status: str
    payment_terms_days: int | None
    auto_renew: bool
    value_base: Decimal | None


@dataclass(frozen=True, slots=True)
class Sale:
    sale_id: str
    date: dt.date
    client_id: str
    contract_id: str | None
    manager_id: str  # the manager credited: the sale's own, or the client's
    product: str | None
    quantity: Decimal | None
    amount: Decimal
    currency: str
    amount_base: Decimal
    due_on: dt.date | None
    paid_on: dt.date | None
    paid_base: Decimal  # the part paid, in the base currency (all of it when paid_amount is empty)


@dataclass(frozen=True, slots=True)
class Target:
    manager_id: str
    period: str
    revenue: Decimal | None
    active_clients: int | None
    new_clients: int | None


@dataclass(frozen=True, slots=True)
class Interaction:
    date: dt.date
    client_id: str
    manager_id: str | None
    kind: str
    summary: str | None
    status: str  # done, planned (the weekly schedule) or cancelled


@dataclass(frozen=True, slots=True)
class Complaint:
    complaint_id: str | None
    client_id: str
    opened_on: date
    closed_on: date | None
    severity: str | None
    summary: str | None
    resolution: str | None


@dataclass
class Model:
    """Everything the pages and KPIs need, keyed by id, in the workbook's row order."""

    base_currency: str
    roles: dict[str, Role]
    managers: dict[str, Manager]
    clients: dict[str, Client]
    contracts: dict[str, Contract]
    sales: list[Sale]
    targets: dict[tuple[str, str], Target]
    rates: dict[str, Decimal]
    interactions: list[Interaction]
    complaints: list[Complaint]
    reports: dict[str, list[str]] = field(default_factory=dict)
    # The workbook's values that must not be published, each with where it came from
    # (``Clients.email, Clients!F4``): what the safety scan looks for in the built site.
    private: dict[str, str] = field(default_factory=dict)

    def team(self, manager_id: str) -> list[str]:
        """The manager and everyone who reports to them, directly or not, in a stable order."""
        members = [manager_id]
        for member in members:
            members.extend(self.reports.get(member, []))
        return members


_ROLE_TEXT = ("title", "summary", "category", "appointed_by", "education", "approver")


def _role(
    row: dict[str, Any],
    default_language: str,
    translations: dict[str, dict[str, Any]],
    clauses: dict[str, dict[str, dict[str, list[str]]]],
) -> Role:
    default = RoleText(**{name: row[name] for name in _ROLE_TEXT})
    texts = {default_language: default}
    untranslated: dict[str, tuple[str, ...]] = {}
    for lang, translated in sorted(translations.items()):
        if lang == default_language:
            continue  # the Roles row is the default language's text
        texts[lang] = RoleText(
            **{name: translated[name] or getattr(default, name) for name in _ROLE_TEXT}
        )
        missing = tuple(
            name for name in _ROLE_TEXT if not translated[name] and getattr(default, name)
        )
        if missing:
            untranslated[lang] = missing
    return Role(
        role_id=row["role_id"],
        reports_to_role=row["reports_to_role"],
        experience_years=row["experience_years"],
        approver_name=row["approver_name"],
        approved_on=row["approved_on"],
        texts=texts,
        default_language=default_language,
        clauses=clauses.get(row["role_id"], {}),
        untranslated=untranslated,
    )


# The Sales columns the model reads, in the order build_model unpacks them.
_SALE_COLUMNS = (
    "sale_id", "date", "client_id", "contract_id", "manager_id", "product", "quantity", "amount",
    "currency", "due_on", "paid_on", "paid_amount",
)  # fmt: skip


def _rows(table: TableData | None) -> Iterator[dict[str, Any]]:
    return table.records() if table is not None else iter(())


@cycle_collection_paused()  # a million objects, no cycles: see memory.py
def build_model(
    report: Report,
    base_currency: str,
    default_language: str = DEFAULT_LANGUAGE,
    publish_personal: bool = False,
    publish_internal: bool = False,
) -> Model:
    """Build the model from a valid report's typed tables; ``publish_*`` say which of its
    personal and internal values may be published (the others are ``Model.private``)."""
    tables = report.tables
    rates = {row["currency"]: row["rate"] for row in _rows(tables.get("Rates"))}
    rates[base_currency] = Decimal(1)

    # Each amount converted once per currency, kept once: a million sales repeat a few tens of
    # thousands of amounts (the build's processes each hold every converted one). Remembered by
    # the amount's own value object, which the sales that repeat it share (see cells.py), and
    # checked to be it: 1.0 and 1.00 are equal, but not written alike.
    converted: dict[tuple[str, Decimal], tuple[Decimal, Decimal]] = {}

    def in_base(amount: Decimal, currency: str | None) -> Decimal:
        if currency is None or currency == base_currency:
            return amount  # most amounts: no multiplication by one
        known = converted.get((currency, amount))
        if known is not None and known[0] is amount:
            return known[1]
        rate: Decimal = rates[currency]
        value = amount * rate
        converted[currency, amount] = (amount, value)
        return value

    clauses: dict[str, dict[str, dict[str, list[str]]]] = {}
    for row in _rows(tables.get("RoleClauses")):
        by_lang = clauses.setdefault(row["role_id"], {})
        by_section = by_lang.setdefault(row["lang"] or default_language, {})
        by_section.setdefault(row["section"], []).append(row["text"])
    translations: dict[str, dict[str, dict[str, Any]]] = {}
    for row in _rows(tables.get("RoleTranslations")):
        translations.setdefault(row["role_id"], {})[row["lang"]] = row
    roles = {
        row["role_id"]: _role(row, default_language, translations.get(row["role_id"], {}), clauses)
        for row in _rows(tables.get("Roles"))
    }
    managers = {row["manager_id"]: Manager(**row) for row in _rows(tables.get("Managers"))}
    clients = {row["client_id"]: Client(**row) for row in _rows(tables.get("Clients"))}
    contracts = {}
    for row in _rows(tables.get("Contracts")):
        currency = row["currency"] or base_currency
        value = row["value"]
        contracts[row["contract_id"]] = Contract(
            **{**row, "currency": currency},
            value_base=None if value is None else in_base(value, currency),
        )
    # A text that many rows repeat (an id, a product) is kept once, not once per row: a
    # million sales repeat a few thousand of them, and the build's processes each hold the model.
    shared: dict[str, str] = {}
    share = shared.setdefault
    zero = Decimal(0)
    sales = []
    # Column by column, not a dict per row: a million rows (see TableData.records).
    table = tables.get("Sales")
    columns = [table.columns[name] for name in _SALE_COLUMNS] if table is not None else []
    for (
        sale_id, day, client_id, contract_id, manager_id, product, quantity, amount, currency,
        due_on, paid_on, paid_amount,
    ) in zip(*columns, strict=True):  # fmt: skip
        currency = share(currency or base_currency, currency or base_currency)
        client = clients[client_id]
        sales.append(
            Sale(
                sale_id=sale_id,
                date=day,
                client_id=client.client_id,
                contract_id=None if contract_id is None else share(contract_id, contract_id),
                manager_id=share(manager_id, manager_id) if manager_id else client.manager_id,
                product=None if product is None else share(product, product),
                quantity=quantity,
                amount=amount,
                currency=currency,
                amount_base=in_base(amount, currency),
                due_on=due_on,
                paid_on=paid_on,
                # The part paid: all of it when paid_amount is empty.
                paid_base=zero
                if paid_on is None
                else in_base(amount if paid_amount is None else paid_amount, currency),
            )
        )
    sales.sort(key=lambda sale: (sale.date, sale.sale_id))
    targets = {
        (row["manager_id"], row["period"]): Target(**row) for row in _rows(tables.get("Targets"))
    }
    reports: dict[str, list[str]] = {}
    for manager in managers.values():
        if manager.reports_to is not None:
            reports.setdefault(manager.reports_to, []).append(manager.manager_id)
    return Model(
        base_currency=base_currency,
        roles=roles,
        managers=managers,
        clients=clients,
        contracts=contracts,
        sales=sales,
        targets=targets,
        rates=rates,
        interactions=[
            Interaction(
                **{
                    **row,
                    "client_id": clients[row["client_id"]].client_id,
                    "manager_id": row["manager_id"] and share(row["manager_id"], row["manager_id"]),
                    "kind": share(row["kind"], row["kind"]),
                    "status": share(row["status"], row["status"]),
                }
            )
            for row in _rows(tables.get("Interactions"))
        ],
        complaints=[Complaint(**row) for row in _rows(tables.get("Complaints"))],
        reports=reports,
        private=private_values(report, publish_personal, publish_internal),
    )


def missing_translations(report: Report, languages: tuple[str, ...]) -> list[Issue]:
    """A warning for each role and language of the site that lacks some of its text.

    The default language is the first; the Roles row and clauses with an empty ``lang`` are its
    text. The site shows the default language's text wherever a translation is missing, with a
    note on the page; these warnings list the same gaps on the data-quality page and in ``check``.
    """
    from babel import Locale

    default, others = languages[0], languages[1:]
    roles = list(report.tables["Roles"].records()) if "Roles" in report.tables else []
    sections: dict[tuple[str, str], set[str]] = {}
    if "RoleClauses" in report.tables:
        for row in report.tables["RoleClauses"].records():
            sections.setdefault((row["role_id"], row["lang"] or default), set()).add(row["section"])
    translations = {}
    if "RoleTranslations" in report.tables:
        for row in report.tables["RoleTranslations"].records():
            translations[(row["role_id"], row["lang"])] = row
    found = []
    for code in others:
        name = Locale.parse(code, sep="-").get_display_name("en") or code
        for role in roles:
            role_id = role["role_id"]
            parts = []
            translated = translations.get((role_id, code))
            if translated is None:
                parts.append("title and details (no row in RoleTranslations)")
            else:
                parts += [
                    column
                    for column in _ROLE_TEXT
                    if column != "title" and role[column] and not translated[column]
                ]
            have = sections.get((role_id, code), set())
            parts += [
                SECTION_TITLES[section]
                for section in SECTIONS
                if section in sections.get((role_id, default), set()) and section not in have
            ]
            if parts:
                found.append(
                    issue(
                        "translation-missing",
                        f"Role {role_id} has no {name} ({code}) text for: {', '.join(parts)}. "
                        "The site shows the default language's text there, with a note.",
                        tab="RoleTranslations" if translated is None else "RoleClauses",
                        value=role_id,
                        expected=f"rows for {code} in RoleTranslations and RoleClauses",
                    )
                )
    return found


def private_values(
    report: Report, publish_personal: bool = False, publish_internal: bool = False
) -> dict[str, str]:
    """The workbook's values that must not be published, each with the column and first cell it
    came from (``Clients.email, Clients!F4``): personal and internal columns, unless the config
    publishes them, less any value that a published column shows anyway (a contact who is also
    a manager, say)."""
    schema = load_schema()
    private: dict[str, str] = {}
    public: set[str] = set()
    for table in schema.tables:
        data = report.tables.get(table.name)
        if data is None:
            continue
        for column in table.fields:
            hidden = (column.personal and not publish_personal) or (
                column.internal and not publish_internal
            )
            if hidden:
                for index, value in enumerate(data.columns[column.name]):
                    if value and str(value) not in private:
                        where = f"{table.name}.{column.name}, {data.cell(column.name, index)}"
                        private[str(value)] = where
            elif column.type == "string" and table.name != "Sales":
                public.update(str(value) for value in data.columns[column.name] if value)
    return {value: where for value, where in private.items() if value not in public}
