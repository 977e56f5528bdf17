"""Insights: what the numbers say about clients and managers, worked out once from the model
and the KPIs, for every page and workbook to show (never recomputed where they are shown).

Declining and lost clients, the leaderboard, the period the report date falls in, and for
every scope (:class:`Insights`): the pace of each plan, the changes against the period before and
a year before, receivables by age with days sales outstanding, invoices paid on time, credit
exposure, contracts signed and renewed, contracts expiring, interactions done and the weekly
schedule of planned calls and visits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .kpi import (
    AGEING_BUCKETS,
    KpiRow,
    Kpis,
    Period,
    elapsed_share,
    expiring_contracts,
    open_invoices,
)
from .model import Contract, Interaction, Model

DECLINE_WINDOW_DAYS = 90
DECLINE_SHARE = Decimal("0.75")  # below 75 % of the previous 90 days counts as declining


def current_period(kpis: Kpis, kind: str) -> Period | None:
    """The latest period of ``kind`` (month, quarter, year) the KPIs cover: the current one."""
    periods = [period for period in kpis.periods if period.kind == kind]
    return periods[-1] if periods else None


def leaderboard(kpis: Kpis, model: Model, period: Period) -> list[KpiRow]:
    """The managers of ``period`` by attainment (then revenue, then id); those with neither a
    target nor revenue are left out."""
    rows = [kpis.get("manager", manager_id, period) for manager_id in model.managers]
    found = [row for row in rows if row is not None and (row.revenue_target or row.revenue)]
    return sorted(
        found,
        key=lambda row: (
            row.attainment is None,
            -(row.attainment or 0),
            -row.revenue,
            row.manager_id or "",
        ),
    )


# ---------------------------------------------------------------------------------------------
# Plans, pace, collection, contracts, the schedule and changes: what every page and workbook
# of a scope shows, worked out here once (pages and workbooks only format it).

CHANGE_METRICS = ("revenue", "active_clients", "attainment")
SCHEDULE_KINDS = ("call", "visit", "meeting")
ACTIVITY_KINDS = ("call", "visit", "meeting", "email")
DSO_WINDOW_DAYS = 90


@dataclass(frozen=True)
class Pace:
    """How far a plan should be done by the report date (plan x the share of the period
    elapsed), against what is done: a month that has just begun is judged against a sliver of
    its target, not the whole of it."""

    plan: Decimal
    elapsed: Decimal  # the share of the period elapsed, 0 to 1
    done: Decimal

    @property
    def expected(self) -> Decimal:
        return self.plan * self.elapsed

    @property
    def gap(self) -> Decimal:
        """Done minus expected: positive when ahead of the plan."""
        return self.done - self.expected

    @property
    def ahead(self) -> bool:
        return self.done >= self.expected


def revenue_pace(row: KpiRow, as_of: date) -> Pace | None:
    if row.revenue_target is None:
        return None
    return Pace(row.revenue_target, elapsed_share(row.period, as_of), row.revenue)


def new_clients_pace(row: KpiRow, as_of: date) -> Pace | None:
    if row.new_clients_target is None:
        return None
    return Pace(
        Decimal(row.new_clients_target), elapsed_share(row.period, as_of), Decimal(row.new_clients)
    )


@dataclass(frozen=True)
class Change:
    """One figure now, in the period before and in the same period a year before."""

    metric: str  # revenue, active_clients or attainment
    now: Decimal | None
    previous: Decimal | None
    year_before: Decimal | None

    @staticmethod
    def _delta(now: Decimal | None, then: Decimal | None) -> Decimal | None:
        return None if now is None or then is None else now - then

    @property
    def against_previous(self) -> Decimal | None:
        return self._delta(self.now, self.previous)

    @property
    def against_year_before(self) -> Decimal | None:
        return self._delta(self.now, self.year_before)


def same_period_a_year_before(period: Period) -> Period:
    return Period(period.year - 1, period.kind, period.number)


def _metric(row: KpiRow | None, metric: str) -> Decimal | None:
    if row is None:
        return None
    value = getattr(row, metric)
    return None if value is None else Decimal(value)


def changes(kpis: Kpis, scope: str, manager_id: str | None, period: Period) -> list[Change]:
    """Revenue, active clients and attainment in ``period`` against the period before and the
    same period a year before (None where the KPIs do not reach back that far)."""
    now = kpis.get(scope, manager_id, period)
    previous = kpis.get(scope, manager_id, period.previous())
    year_before = kpis.get(scope, manager_id, same_period_a_year_before(period))
    return [
        Change(
            metric, _metric(now, metric), _metric(previous, metric), _metric(year_before, metric)
        )
        for metric in CHANGE_METRICS
    ]


@dataclass(frozen=True)
class Ageing:
    """Open receivables of a scope at the report date, by days past due."""

    not_due: Decimal
    buckets: tuple[Decimal, ...]  # in the order of AGEING_BUCKETS
    recent_revenue: Decimal  # sales (amount > 0) of the last DSO_WINDOW_DAYS days

    @property
    def overdue(self) -> Decimal:
        return sum(self.buckets, Decimal(0))

    @property
    def open(self) -> Decimal:
        return self.not_due + self.overdue

    @property
    def days_sales_outstanding(self) -> Decimal | None:
        """Open receivables against the last 90 days' sales, in days of those sales."""
        if self.recent_revenue <= 0:
            return None
        return self.open / self.recent_revenue * DSO_WINDOW_DAYS


@dataclass(frozen=True)
class Collection:
    """Invoices that fell due in a period (by the report date) and those of them paid in full
    by their due date."""

    due: int
    on_time: int

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.on_time) / Decimal(self.due) if self.due else None


@dataclass(frozen=True)
class Signed:
    """Contracts signed in a period: with clients who had no contract before, and renewals
    (clients with an earlier contract)."""

    first: int
    renewals: int

    @property
    def total(self) -> int:
        return self.first + self.renewals


@dataclass(frozen=True)
class Exposure:
    """A client's open receivables (due or not) against its credit limit."""

    client_id: str
    open: Decimal
    limit: Decimal

    @property
    def over(self) -> Decimal:
        return self.open - self.limit


class _MonthBook:
    """Counts per manager and month, added up for any scope (its members) and period."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.cells: dict[tuple[str, Period], list[int]] = {}

    def add(self, manager_id: str, day: date, column: int) -> None:
        key = (manager_id, Period.month_of(day))
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = [0] * self.width
        cell[column] += 1

    def total(self, members: Iterable[str], period: Period) -> list[int]:
        found = [0] * self.width
        for member in members:
            for month in period.months:
                cell = self.cells.get((member, month))
                if cell is not None:
                    found = [a + b for a, b in zip(found, cell, strict=True)]
        return found


@dataclass(frozen=True)
class ScopeView:
    """Everything the pages and workbooks show of one scope beyond its KPI rows."""

    scope: str
    manager_id: str | None
    members: tuple[str, ...]
    current: dict[str, KpiRow]  # the current month, quarter and year
    revenue_pace: dict[str, Pace | None]
    new_clients_pace: dict[str, Pace | None]
    # The last whole month, quarter and year against the period before and a year before.
    changes: dict[str, list[Change]]
    ageing: Ageing
    collection: dict[Period, Collection]
    signed: dict[Period, Signed]
    activity: dict[Period, dict[str, int]]  # done interactions by kind
    expiring: list[Contract]
    over_limit: list[Exposure]
    # Planned calls, visits and meetings of this week and the next (Monday to Sunday).
    this_week: list[Interaction]
    next_week: list[Interaction]


class Insights:
    """Worked out once from the model and the KPIs; :meth:`view` gives one scope's."""

    def __init__(self, model: Model, kpis: Kpis) -> None:
        as_of = kpis.as_of
        self.model, self.kpis, self.as_of = model, kpis, as_of
        self.receivables = open_invoices(model.sales, as_of)
        self.expiring = expiring_contracts(model, as_of)
        self.current = {kind: current_period(kpis, kind) for kind in ("month", "quarter", "year")}
        self.boards = {
            kind: leaderboard(kpis, model, period)
            for kind, period in self.current.items()
            if period
        }
        self._sales_once(model, as_of)
        self.overdue_by_client: dict[str, Decimal] = defaultdict(Decimal)
        self.open_by_client: dict[str, Decimal] = defaultdict(Decimal)
        self._open: dict[str, list[Decimal]] = {}  # manager: [not due, bucket, ...]
        for receivable in self.receivables:
            client_id = receivable.sale.client_id
            self.open_by_client[client_id] += receivable.open_base
            cells = self._open.setdefault(
                receivable.sale.manager_id, [Decimal(0)] * (1 + len(AGEING_BUCKETS))
            )
            bucket = receivable.bucket
            if bucket is None:
                cells[0] += receivable.open_base
            else:
                self.overdue_by_client[client_id] += receivable.open_base
                cells[1 + bucket] += receivable.open_base
        self.exposure = {
            client.client_id: Exposure(
                client.client_id, self.open_by_client.get(client.client_id, Decimal(0)), limit
            )
            for client in model.clients.values()
            if (limit := client.credit_limit) is not None
        }
        self._signed = _MonthBook(2)  # with a new client, renewal
        seen: set[str] = set()
        signed = [c for c in model.contracts.values() if c.status != "draft"]
        for contract in sorted(signed, key=lambda c: (c.signed_on or c.starts_on, c.contract_id)):
            manager_id = model.clients[contract.client_id].manager_id
            day = contract.signed_on or contract.starts_on
            self._signed.add(manager_id, day, 1 if contract.client_id in seen else 0)
            seen.add(contract.client_id)
        self._activity = _MonthBook(len(ACTIVITY_KINDS))
        monday = as_of - timedelta(days=as_of.weekday())
        self.weeks = (monday, monday + timedelta(days=7))
        self._planned: dict[str, list[Interaction]] = defaultdict(list)
        for interaction in model.interactions:
            manager_id = interaction.manager_id or model.clients[interaction.client_id].manager_id
            if interaction.status == "done" and interaction.kind in ACTIVITY_KINDS:
                self._activity.add(
                    manager_id, interaction.date, ACTIVITY_KINDS.index(interaction.kind)
                )
            elif (
                interaction.status == "planned"
                and interaction.kind in SCHEDULE_KINDS
                and monday <= interaction.date < monday + timedelta(days=14)
            ):
                self._planned[manager_id].append(interaction)
        self._expiring_of: dict[str, list[Contract]] = defaultdict(list)
        for contract in self.expiring:
            self._expiring_of[model.clients[contract.client_id].manager_id].append(contract)
        self._over_limit_of: dict[str, list[Exposure]] = defaultdict(list)
        for exposure in sorted(self.exposure.values(), key=lambda e: (-e.over, e.client_id)):
            if exposure.over > 0:
                self._over_limit_of[model.clients[exposure.client_id].manager_id].append(exposure)
        self.holders: dict[str, list[str]] = defaultdict(list)
        for manager in model.managers.values():
            self.holders[manager.role_id].append(manager.manager_id)
        # Every scope's view now, before the downloads' process is forked: it and the pages
        # share them.
        self._views: dict[tuple[str, str | None], ScopeView] = {}
        for scope, member in self.scopes():
            self.view(scope, member)

    def _sales_once(self, model: Model, as_of: date) -> None:
        """What the sales say beyond the KPIs, in one pass over them (a big workbook has a
        million): clients declining and lost, each manager's sales of the last 90 days (for
        days sales outstanding), and per manager and month the invoices that fell due and
        those paid in full by then."""
        recent_from = as_of - timedelta(days=DECLINE_WINDOW_DAYS)
        before_from = recent_from - timedelta(days=DECLINE_WINDOW_DAYS)
        window_from = as_of - timedelta(days=DSO_WINDOW_DAYS)
        # Without a quarter (no sales yet) both ranges are empty: nobody is lost.
        quarter = self.current["quarter"]
        this_first, this_last = (
            (quarter.first_day, quarter.last_day) if quarter else (date.max, date.min)
        )
        previous = quarter.previous() if quarter else None
        then_first, then_last = (
            (previous.first_day, previous.last_day) if previous else (date.max, date.min)
        )
        recent: dict[str, Decimal] = defaultdict(Decimal)
        before: dict[str, Decimal] = defaultdict(Decimal)
        bought_now: set[str] = set()
        bought_then: dict[str, Decimal] = defaultdict(Decimal)  # what each bought then
        self._recent: dict[str, Decimal] = defaultdict(Decimal)
        due: dict[tuple[str, int, int], list[int]] = {}
        for sale in model.sales:
            day = sale.date
            if recent_from < day <= as_of:
                recent[sale.client_id] += sale.amount_base
            elif before_from < day <= recent_from:
                before[sale.client_id] += sale.amount_base
            if sale.amount <= 0:
                continue
            if this_first <= day <= this_last:
                bought_now.add(sale.client_id)
            elif then_first <= day <= then_last:
                bought_then[sale.client_id] += sale.amount_base
            if window_from < day <= as_of:
                self._recent[sale.manager_id] += sale.amount_base
            fell_due = sale.due_on
            if fell_due is not None and fell_due <= as_of:
                key = (sale.manager_id, fell_due.year, fell_due.month)
                counts = due.get(key)
                if counts is None:
                    counts = due[key] = [0, 0]
                counts[0] += 1
                if (
                    sale.paid_on is not None
                    and sale.paid_on <= fell_due
                    and sale.paid_base >= sale.amount_base
                ):
                    counts[1] += 1
        self.declining = {
            client_id: (recent[client_id], amount)
            for client_id, amount in sorted(before.items())
            if amount > 0 and recent[client_id] < amount * DECLINE_SHARE
        }
        # The biggest buyers of the previous quarter first: the losses that matter most.
        self.lost = sorted(
            bought_then.keys() - bought_now,
            key=lambda client: (-bought_then[client], model.clients[client].name, client),
        )
        self.lost_ids = frozenset(self.lost)
        self._collection = _MonthBook(2)  # due, paid on time
        for (manager_id, year, month), counts in due.items():
            self._collection.cells[(manager_id, Period(year, "month", month))] = counts

    def scopes(self) -> list[tuple[str, str | None]]:
        """Every scope, in kpis.csv's order: the company, each team, each manager."""
        managers = sorted(self.model.managers)
        found: list[tuple[str, str | None]] = [("company", None)]
        found += [("team", m) for m in managers if self.model.reports.get(m)]
        return found + [("manager", m) for m in managers]

    def members(self, scope: str, manager_id: str | None) -> tuple[str, ...]:
        if scope == "company":
            return tuple(self.model.managers)
        if scope == "team" and manager_id is not None:
            return tuple(self.model.team(manager_id))
        return (manager_id,) if manager_id is not None else ()

    def view(self, scope: str, manager_id: str | None) -> ScopeView:
        """One scope's view, worked out once (the pages and the workbooks both ask)."""
        key = (scope, manager_id)
        found = self._views.get(key)
        if found is None:
            found = self._views[key] = self._view(scope, manager_id)
        return found

    def _view(self, scope: str, manager_id: str | None) -> ScopeView:
        kpis, as_of = self.kpis, self.as_of
        members = self.members(scope, manager_id)
        current = {
            kind: row
            for kind, period in self.current.items()
            if period is not None and (row := kpis.get(scope, manager_id, period)) is not None
        }
        cells = [Decimal(0)] * (1 + len(AGEING_BUCKETS))
        recent = Decimal(0)
        for member in members:
            recent += self._recent.get(member, Decimal(0))
            for index, amount in enumerate(self._open.get(member, ())):
                cells[index] += amount
        collection, signed, activity = {}, {}, {}
        for period in kpis.periods:
            due, on_time = self._collection.total(members, period)
            collection[period] = Collection(due, on_time)
            first, renewals = self._signed.total(members, period)
            signed[period] = Signed(first, renewals)
            activity[period] = dict(
                zip(ACTIVITY_KINDS, self._activity.total(members, period), strict=True)
            )
        planned = sorted(
            (i for member in members for i in self._planned.get(member, ())),
            key=lambda i: (i.date, i.kind, i.client_id),
        )
        monday, next_monday = self.weeks
        return ScopeView(
            scope=scope,
            manager_id=manager_id,
            members=members,
            current=current,
            revenue_pace={kind: revenue_pace(row, as_of) for kind, row in current.items()},
            new_clients_pace={kind: new_clients_pace(row, as_of) for kind, row in current.items()},
            # Whole periods against whole periods: the current ones have only begun.
            changes={
                kind: changes(kpis, scope, manager_id, row.period.previous())
                for kind, row in current.items()
            },
            ageing=Ageing(cells[0], tuple(cells[1:]), recent),
            collection=collection,
            signed=signed,
            activity=activity,
            expiring=sorted(
                (c for member in members for c in self._expiring_of.get(member, ())),
                key=lambda c: (c.ends_on or as_of, c.contract_id),
            ),
            over_limit=sorted(
                (e for member in members for e in self._over_limit_of.get(member, ())),
                key=lambda e: (-e.over, e.client_id),
            ),
            this_week=[i for i in planned if i.date < next_monday],
            next_week=[i for i in planned if i.date >= next_monday],
        )
