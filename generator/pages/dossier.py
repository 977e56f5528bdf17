"""A client's dossier: profile, responsible manager, contracts, sales, receivables, returns,
complaints, interactions and risk flags, as the values ``client.md.j2`` shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..i18n import N_, Language
from ..insights import DECLINE_WINDOW_DAYS, Insights
from ..kpi import AGEING_BUCKETS, Receivable, sales_by_month
from ..model import Client, Contract, Model, Sale
from .cards import dossier_cards
from .charts import Labels, Point, bar_chart
from .markdown import Safe, escape, table, warning

if TYPE_CHECKING:
    from .render import _Site


@dataclass(frozen=True)
class _Ageing:
    """The client's open receivables: not yet due, by days past due, and overdue in all."""

    not_due: Decimal
    buckets: dict[str, Decimal]
    overdue: Decimal

    @staticmethod
    def of(open_items: list[Receivable]) -> _Ageing:
        buckets = {f"{label} days": Decimal(0) for label, _ in AGEING_BUCKETS}
        not_due = Decimal(0)
        for item in open_items:
            if item.days_overdue <= 0:
                not_due += item.open_base
            else:
                buckets[f"{item.age} days"] += item.open_base
        return _Ageing(not_due, buckets, sum(buckets.values(), Decimal(0)))


@dataclass(frozen=True)
class _Lists:
    """The client's records in the order the dossier lists them."""

    open_items: list[Receivable]
    returns: list[Sale]
    complaints: list[Any]
    interactions: list[Any]

    @staticmethod
    def of(sales: list[Sale], related: dict[str, list[Any]]) -> _Lists:
        return _Lists(
            open_items=sorted(
                related["receivables"], key=lambda r: (-r.days_overdue, r.sale.sale_id)
            ),
            returns=[s for s in sales if s.amount < 0],
            complaints=sorted(
                related["complaints"], key=lambda c: (c.opened_on, c.complaint_id or "")
            ),
            interactions=sorted(related["interactions"], key=lambda i: i.date, reverse=True),
        )


def dossier(
    model: Model,
    lang: Language,
    site: _Site,
    client: Client,
    sales: list[Sale],
    related: dict[str, list[Any]],
    expiring_ids: set[str],
    insights: Insights,
    report_months: list[str],
    publish_personal: bool,
    publish_internal: bool,
    figure: Callable[..., Safe],
) -> dict[str, Any]:
    """What the dossier template shows of ``client``."""
    gettext, money = lang.gettext, lang.money
    currency = model.base_currency
    path = site.client_path(client.client_id)
    months = sales_by_month(sales)
    series = sorted(months.values(), key=lambda m: m["label"])
    ageing = _Ageing.of(related["receivables"])
    lists = _Lists.of(sales, related)
    contracts: list[Contract] = sorted(
        related["contracts"], key=lambda c: (c.starts_on, c.contract_id)
    )
    flags = _flags(model, lang, client, ageing.overdue, contracts, expiring_ids, insights)
    in_force = [c for c in contracts if c.status == "active"]
    ends = sorted(c.ends_on for c in in_force if c.ends_on and c.ends_on >= insights.as_of)
    return {
        "summary": _summary(model, lang, client),
        "cards": dossier_cards(
            lang,
            currency,
            insights.as_of,
            {label: month["revenue"] for label, month in months.items()},
            ageing.not_due + ageing.overdue,
            ageing.overdue,
            client.credit_limit,
            len(in_force),
            ends[0] if ends else None,
        ),
        "flag_block": warning(gettext("Risk flags"), flags),
        "profile_table": table(
            ("", ""),
            _profile(
                model, lang, site, path, client, sales, insights, publish_personal, publish_internal
            ),
        ),
        **_tables(
            lang,
            site,
            path,
            currency,
            contracts,
            expiring_ids,
            series,
            ageing,
            lists,
            publish_internal,
        ),
        "months": series,
        # The chart shows every month of the last two years, with nothing sold as an empty slot.
        "chart": figure(
            path,
            "sales",
            bar_chart(
                gettext("{name}: sales by month").format(name=client.name),
                [
                    Point(label, months[label]["revenue"] if label in months else Decimal(0))
                    for label in report_months[-24:]
                ],
                Labels(
                    value=gettext("Sales ({currency})").format(currency=currency),
                    axis=lang.compact,
                    amount=money,
                    period=gettext("Month"),
                ),
                numbers=False,
            ),
            numbers=False,  # the sales by month table below has them
        )
        if series
        else Safe(""),
        # What the template asks whether there is any of.
        "contracts": contracts,
        "open_items": lists.open_items,
        "returns": lists.returns,
        "complaints": lists.complaints,
        "interactions": lists.interactions,
        "flags": flags,
    }


def _place(client: Client) -> str:
    """The client's city and country, as far as they are known."""
    return ", ".join(part for part in (client.city, client.country) if part)


def _summary(model: Model, lang: Language, client: Client) -> Safe:
    """Where the client is, who manages it, its industry and id: what the search indexes."""
    _, gettext = lang._, lang.gettext
    where = _place(client)
    manager_name = model.managers[client.manager_id].name
    if where:
        summary = _("Client in {place}, managed by {manager}.", place=where, manager=manager_name)
    else:
        summary = _("Client managed by {manager}.", manager=manager_name)
    if client.industry:
        industry = _("Industry: {industry}.", industry=client.industry)
        summary = Safe(f"{summary} {industry}")
    # The id is in the summary, which the search indexes, so that a client is found by it.
    summary = Safe(f"{summary} {escape(gettext('Client id'))}: {escape(client.client_id)}.")
    return summary


def _flags(
    model: Model,
    lang: Language,
    client: Client,
    overdue: Decimal,
    contracts: list[Contract],
    expiring_ids: set[str],
    insights: Insights,
) -> list[Safe]:
    """The risk flags: overdue, over the credit limit, contracts ending, declining, lost."""
    _, day, currency = lang._, lang.day, model.base_currency
    flags = []
    if overdue > 0:
        flags.append(_("Overdue receivables: {amount}", amount=lang.amount(overdue, currency)))
    declining = insights.declining
    exposure = insights.exposure.get(client.client_id)
    if exposure is not None and exposure.over > 0:
        flags.append(
            _(
                "Credit limit exceeded: {open} open against a limit of {limit}",
                open=lang.amount(exposure.open, currency),
                limit=lang.amount(exposure.limit, currency),
            )
        )
    for contract in contracts:
        if contract.contract_id in expiring_ids:
            flags.append(
                _(
                    "Contract {contract} ends on {date}",
                    contract=contract.contract_id,
                    date=day(contract.ends_on),
                )
            )
    if client.client_id in declining:
        recent, before = declining[client.client_id]
        flags.append(
            _(
                "Sales declining: {recent} in the last {days} days against {before} in the "
                "{days} days before",
                recent=lang.amount(recent, currency),
                before=lang.amount(before, currency),
                days=DECLINE_WINDOW_DAYS,
            )
        )
    quarter = insights.current["quarter"]
    if client.client_id in insights.lost_ids and quarter is not None:
        flags.append(
            _(
                "Bought in {previous} and not in {quarter}",
                previous=quarter.previous().label,
                quarter=quarter.label,
            )
        )
    return flags


def _profile(
    model: Model,
    lang: Language,
    site: _Site,
    path: str,
    client: Client,
    sales: list[Sale],
    insights: Insights,
    publish_personal: bool,
    publish_internal: bool,
) -> list[tuple[str, Any]]:
    """The profile table's rows; contacts and notes only where the config publishes them."""
    gettext, money, day, currency = lang.gettext, lang.money, lang.day, model.base_currency
    where = _place(client)
    segment = lang.word("Clients.segment", client.segment)
    profile = [
        (gettext("Client id"), client.client_id),
        (gettext("Responsible manager"), site.manager(path, client.manager_id)),
        (gettext("Segment"), segment),
        (gettext("Status"), lang.word("Clients.status", client.status)),
        (gettext("Industry"), client.industry),
        (gettext("Location"), where),
        (gettext("Client since"), day(client.since)),
        (
            gettext("Credit limit ({currency})").format(currency=currency),
            money(client.credit_limit),
        ),
        (
            gettext("Open receivables ({currency})").format(currency=currency),
            money(insights.open_by_client.get(client.client_id, Decimal(0))),
        ),
        (
            gettext("Sales to date ({currency})").format(currency=currency),
            money(sum((s.amount_base for s in sales), Decimal(0))),
        ),
    ]
    if publish_personal:
        profile.append(
            (
                gettext("Contact"),
                " ".join(
                    p
                    for p in (client.contact_name, client.contact_email, client.contact_phone)
                    if p
                ),
            )
        )
    if publish_internal and client.notes:
        profile.append((gettext("Notes"), client.notes))
    return profile


def _tables(
    lang: Language,
    site: _Site,
    path: str,
    currency: str,
    contracts: list[Contract],
    expiring_ids: set[str],
    series: list[dict[str, Any]],
    ageing: _Ageing,
    lists: _Lists,
    publish_internal: bool,
) -> dict[str, Safe]:
    """The dossier's tables, every cell escaped."""
    gettext, money, day, integer = lang.gettext, lang.money, lang.day, lang.integer
    open_items, returns = lists.open_items, lists.returns
    complaints, interactions = lists.complaints, lists.interactions
    not_due, buckets, overdue = ageing.not_due, ageing.buckets, ageing.overdue
    expiring_note = gettext("within 90 days")
    return {
        "contract_table": table(
            [
                gettext(header)
                for header in (
                    N_("Contract"),
                    N_("Title"),
                    N_("Status"),
                    N_("Value"),
                    N_("Currency"),
                    N_("Starts"),
                    N_("Ends"),
                    N_("Expiring"),
                )
            ],  # fmt: skip
            (
                (
                    c.contract_id,
                    c.title,
                    lang.word("Contracts.status", c.status),
                    money(c.value),
                    c.currency,
                    day(c.starts_on),
                    day(c.ends_on),
                    expiring_note if c.contract_id in expiring_ids else "",
                )  # fmt: skip
                for c in contracts
            ),
            numeric=(3,),
        ),
        "month_table": table(
            (
                gettext("Month"),
                gettext("Orders"),
                gettext("Revenue ({currency})").format(currency=currency),
                gettext("Returns"),
            ),
            (
                (m["label"], integer(m["orders"]), money(m["revenue"]), money(m["returns"]))
                for m in reversed(series)
            ),
            numeric=(1, 2, 3),
        ),
        "ageing_table": table(
            (
                gettext("Not yet due"),
                *(gettext("{days} days").format(days=label) for label, _end in AGEING_BUCKETS),
                gettext("Overdue in all"),
            ),
            [(money(not_due), *(money(amount) for amount in buckets.values()), money(overdue))],
            numeric=range(6),
        ),
        "receivable_table": table(
            (
                gettext("Invoice"),
                gettext("Date"),
                gettext("Due on"),
                gettext("Days past due"),
                gettext("Open ({currency})").format(currency=currency),
            ),
            (
                (
                    r.sale.sale_id,
                    day(r.sale.date),
                    day(r.sale.due_on),
                    integer(r.days_overdue) if r.days_overdue > 0 else "",
                    money(r.open_base),
                )  # fmt: skip
                for r in open_items
            ),
            numeric=(3, 4),
        ),
        "return_table": table(
            [
                gettext(header)
                for header in (
                    N_("Credit note"),
                    N_("Date"),
                    N_("Product"),
                    N_("Amount"),
                    N_("Currency"),
                )
            ],
            ((s.sale_id, day(s.date), s.product, money(s.amount), s.currency) for s in returns),
            numeric=(3,),
        ),
        "complaint_table": table(
            [
                gettext(header)
                for header in (
                    N_("Complaint"),
                    N_("Opened"),
                    N_("Closed"),
                    N_("Severity"),
                    N_("Summary"),
                    N_("Resolution"),
                )
            ],
            (
                (
                    c.complaint_id,
                    day(c.opened_on),
                    day(c.closed_on) if c.closed_on else gettext("open"),
                    lang.word("Complaints.severity", c.severity),
                    c.summary,
                    c.resolution,
                )  # fmt: skip
                for c in complaints
            ),
        ),
        "interaction_table": table(
            [
                gettext(header)
                for header in (
                    N_("Date"),
                    N_("Kind"),
                    N_("Status"),
                    N_("Manager"),
                    *((N_("Summary"),) if publish_internal else ()),
                )
            ],
            (
                (
                    day(i.date),
                    lang.word("Interactions.kind", i.kind),
                    lang.word("Interactions.status", i.status),
                    site.manager(path, i.manager_id),
                    *((i.summary,) if publish_internal else ()),
                )
                for i in interactions
            ),
        ),
    }
