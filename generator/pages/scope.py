"""The sections every scope's page shares (the company on the home and KPI pages, each team,
each manager): plans and pace, changes, collection, contracts, the schedule and activity.

Everything here only formats what :mod:`generator.insights` worked out; nothing is counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal

from ..i18n import N_, NO_VALUE, Language
from ..insights import ACTIVITY_KINDS, Change, Pace, ScopeView
from ..kpi import AGEING_BUCKETS, KpiRow
from ..model import Interaction, Model
from .markdown import Safe, table

LIST_CAP = 20  # rows of clients or contracts on a team's or the company's page

PLAN_HEADERS = (
    N_("Period"), N_("Forecast"), N_("Forecast against plan"), N_("Active clients"),
    N_("Plan"), N_("Attainment"), N_("New clients"), N_("Plan"), N_("Attainment"),
)  # fmt: skip


def plans_table(lang: Language, rows: Iterable[KpiRow]) -> Safe:
    """Each period's forecast and client plans, beside the KPI table of the same periods."""
    return table(
        [lang.gettext(header) for header in PLAN_HEADERS],
        (
            (
                row.period.label,
                lang.money(row.forecast),
                lang.percent(row.forecast_attainment),
                lang.integer(row.active_clients),
                lang.integer(row.active_clients_target),
                lang.percent(row.active_clients_attainment),
                lang.integer(row.new_clients),
                lang.integer(row.new_clients_target),
                lang.percent(row.new_clients_attainment),
            )
            for row in rows
        ),
        numeric=range(1, len(PLAN_HEADERS)),
    )


def _signed(text: str, value: Decimal | None) -> str:
    return f"+{text}" if value is not None and value > 0 else text


def _pace(pace: Pace | None, amount: Callable[[Decimal], str]) -> tuple[str, str]:
    """Expected by today, and how far ahead (+) or behind (-) it."""
    if pace is None:
        return NO_VALUE, NO_VALUE
    gap = pace.gap if pace.gap else Decimal(0)
    return amount(pace.expected), _signed(amount(gap), gap)


def _count(value: Decimal) -> str:
    """A count that pace makes fractional (1.5 new clients expected): one decimal at most."""
    rounded = value.quantize(Decimal("0.1"))
    return f"{rounded.normalize():f}" if rounded else "0"


def scope_sections(
    lang: Language,
    model: Model,
    view: ScopeView,
    client_link: Callable[[str], Safe],
    manager_link: Callable[[str | None], Safe],
) -> dict[str, Safe]:
    """The tables of a scope's sections, ready to place on its page."""
    gettext, money, integer, percent, day = (
        lang.gettext,
        lang.money,
        lang.integer,
        lang.percent,
        lang.day,
    )
    current = view.current
    kinds = list(current)

    def period(kind: str) -> str:
        return current[kind].period.label

    def closed(kind: str) -> str:
        return current[kind].period.previous().label

    plan_rows = []
    client_rows = []
    for kind in kinds:
        row = current[kind]
        expected, gap = _pace(view.revenue_pace[kind], money)
        plan_rows.append(
            (
                period(kind),
                money(row.revenue),
                money(row.revenue_target),
                percent(row.attainment),
                expected,
                gap,
                money(row.forecast),
                percent(row.forecast_attainment),
            )
        )
        new_expected, new_gap = _pace(view.new_clients_pace[kind], _count)
        client_rows.append(
            (
                period(kind),
                integer(row.active_clients),
                integer(row.active_clients_target),
                percent(row.active_clients_attainment),
                integer(row.new_clients),
                integer(row.new_clients_target),
                new_expected,
                new_gap,
            )
        )

    def change_cells(change: Change) -> tuple[str, ...]:
        def show(value: Decimal | None, delta: bool = False) -> str:
            if value is None:
                return NO_VALUE
            if change.metric == "revenue":
                text = money(value)
            elif change.metric == "active_clients":
                text = integer(int(value))
            elif delta:  # a change of a share is in percentage points
                points = lang.decimal((value * 100).quantize(Decimal("0.1")))
                text = gettext("{points} pp").format(points=points)
            else:
                text = percent(value)
            return _signed(text, value) if delta else text

        return (
            show(change.now),
            show(change.against_previous, delta=True),
            show(change.against_year_before, delta=True),
        )

    metric_names = {
        "revenue": gettext("Revenue"),
        "active_clients": gettext("Active clients"),
        "attainment": gettext("Attainment"),
    }
    change_rows = [
        (closed(kind), metric_names[change.metric], *change_cells(change))
        for kind in kinds
        for change in view.changes[kind]
    ]
    ageing = view.ageing
    dso = ageing.days_sales_outstanding
    collection_rows = []
    signed_rows = []
    activity_rows = []
    for kind in kinds:
        at = current[kind].period
        paid = view.collection[at]
        collection_rows.append(
            (period(kind), integer(paid.due), integer(paid.on_time), percent(paid.share))
        )
        signed = view.signed[at]
        signed_rows.append(
            (period(kind), integer(signed.total), integer(signed.first), integer(signed.renewals))
        )
        done = view.activity[at]
        activity_rows.append((period(kind), *(integer(done[k]) for k in ACTIVITY_KINDS)))
    by_manager = view.scope != "manager"
    # A team's or the company's page lists the first of its clients and contracts; each
    # manager's page lists all of theirs (20,000 clients make thousands of rows).
    cap = LIST_CAP if by_manager else None

    def per_manager() -> Safe:
        """How many calls, visits and meetings each member has planned, this week and next."""
        counts: dict[str, list[int]] = {}
        for column, items in enumerate((view.this_week, view.next_week)):
            for i in items:
                manager_id = i.manager_id or model.clients[i.client_id].manager_id
                counts.setdefault(manager_id, [0, 0])[column] += 1
        return table(
            [gettext(h) for h in (N_("Manager"), N_("Planned this week"), N_("Planned next week"))],
            (
                (manager_link(manager_id), integer(this), integer(following))
                for manager_id in view.members
                if manager_id in counts
                for this, following in (counts[manager_id],)
            ),
            numeric=(1, 2),
        )

    def schedule(items: list[Interaction]) -> Safe:
        return table(
            [gettext(header) for header in (N_("Date"), N_("Kind"), N_("Client"))],
            (
                (day(i.date), lang.word("Interactions.kind", i.kind), client_link(i.client_id))
                for i in items
            ),
        )

    return {
        "plan_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Revenue"),
                    N_("Plan"),
                    N_("Attainment"),
                    N_("Expected by today"),
                    N_("Ahead (+) or behind (−)"),
                    N_("Forecast"),
                    N_("Forecast against plan"),
                )
            ],
            plan_rows,
            numeric=range(1, 8),
        ),
        "client_plan_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Active clients"),
                    N_("Plan"),
                    N_("Attainment"),
                    N_("New clients"),
                    N_("Plan"),
                    N_("Expected by today"),
                    N_("Ahead (+) or behind (−)"),
                )
            ],
            client_rows,
            numeric=range(1, 8),
        ),
        "change_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Figure"),
                    N_("Value"),
                    N_("Against the period before"),
                    N_("Against a year before"),
                )
            ],
            change_rows,
            numeric=range(2, 5),
        ),
        "ageing_table": table(
            (
                gettext("Not yet due"),
                *(gettext("{days} days").format(days=label) for label, _end in AGEING_BUCKETS),
                gettext("Overdue in all"),
                gettext("Days sales outstanding"),
            ),
            [
                (
                    money(ageing.not_due),
                    *(money(amount) for amount in ageing.buckets),
                    money(ageing.overdue),
                    NO_VALUE if dso is None else integer(int(dso.to_integral_value())),
                )
            ],
            numeric=range(7),
        ),
        "collection_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Invoices due"),
                    N_("Paid in full on time"),
                    N_("Share"),
                )
            ],
            collection_rows,
            numeric=(1, 2, 3),
        ),
        "over_limit_table": table(
            [
                gettext(header)
                for header in (
                    N_("Client"),
                    *((N_("Manager"),) if by_manager else ()),
                    N_("Open"),
                    N_("Credit limit"),
                    N_("Over the limit"),
                )
            ],
            (
                (
                    client_link(e.client_id),
                    *((manager_link(model.clients[e.client_id].manager_id),) if by_manager else ()),
                    money(e.open),
                    money(e.limit),
                    money(e.over),
                )
                for e in view.over_limit[:cap]
            ),
            numeric=(2, 3, 4) if by_manager else (1, 2, 3),
        ),
        "signed_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Contracts signed"),
                    N_("With new clients"),
                    N_("Renewals"),
                )
            ],
            signed_rows,
            numeric=(1, 2, 3),
        ),
        "expiring_table": table(
            [
                gettext(header)
                for header in (N_("Contract"), N_("Client"), N_("Ends on"), N_("Auto-renew"))
            ],
            (
                (
                    f"{c.contract_id} {c.title}",
                    client_link(c.client_id),
                    day(c.ends_on),
                    gettext("yes") if c.auto_renew else gettext("no"),
                )
                for c in view.expiring[:cap]
            ),
        ),
        "activity_table": table(
            [
                gettext(header)
                for header in (
                    N_("Period"),
                    N_("Calls"),
                    N_("Visits"),
                    N_("Meetings"),
                    N_("E-mails"),
                )
            ],
            activity_rows,
            numeric=(1, 2, 3, 4),
        ),
        "this_week_table": Safe("") if by_manager else schedule(view.this_week),
        "next_week_table": Safe("") if by_manager else schedule(view.next_week),
        "schedule_table": per_manager() if by_manager else Safe(""),
    }


def week_label(lang: Language, monday: date) -> str:
    """``1 Dec 2026 – 7 Dec 2026``: a week from Monday to Sunday."""
    return f"{lang.day(monday)} – {lang.day(monday + timedelta(days=6))}"
