"""The KPIs of ``shared/spec/workbook.md``: for each scope and calendar period, as of a report date.

Scopes are the company, each team (a manager with reports, and everyone below them) and each
manager. Periods run from the month of the first sale to the month of the report date, as months,
quarters and years. Money is in the base currency, as ``Decimal``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, cached_property
from operator import itemgetter
from typing import Any

from .csvfile import download_csv
from .memory import cycle_collection_paused
from .model import Contract, Model, Sale

SCOPES = ("company", "team", "manager")
CSV_COLUMNS = (
    "scope",
    "manager_id",
    "period",
    "revenue",
    "revenue_target",
    "attainment",
    "orders",
    "average_order",
    "active_clients",
    "new_clients",
    "lost_clients",
    "returns",
    "overdue",
    # v2 appends these: readers that read v1's columns by position keep working.
    "forecast",
    "active_clients_target",
    "new_clients_target",
)
EXPIRING_WITHIN_DAYS = 90
_CENT = Decimal("0.01")
_RATIO = Decimal("0.0001")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month (``2026-03``), quarter (``2026-Q1``) or year (``2026``)."""

    year: int
    kind: str  # "month", "quarter" or "year"
    number: int = 0  # the month 1-12 or the quarter 1-4; 0 for a year

    @cached_property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    @cached_property
    def months(self) -> tuple[Period, ...]:
        if self.kind == "month":
            return (self,)
        if self.kind == "quarter":
            first = 3 * self.number - 2
            return tuple(Period(self.year, "month", month) for month in range(first, first + 3))
        return tuple(Period(self.year, "month", month) for month in range(1, 13))

    @property
    def first_day(self) -> date:
        month = self.months[0]
        return date(month.year, month.number, 1)

    @property
    def last_day(self) -> date:
        month = self.months[-1]
        if month.number == 12:
            return date(month.year, 12, 31)
        return date(month.year, month.number + 1, 1) - timedelta(days=1)

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.kind == "year":
            return Period(self.year - 1, "year")
        size = 12 if self.kind == "month" else 4
        if self.number == 1:
            return Period(self.year - 1, self.kind, size)
        return Period(self.year, self.kind, self.number - 1)

    @staticmethod
    @cache  # one per day, not one per sale: a big workbook has a million sales, a few hundred days
    def month_of(day: date) -> Period:
        return Period(day.year, "month", day.month)

    @staticmethod
    @cache
    def month_label(day: date) -> str:
        """The label of ``day``'s month (``2026-03``), made once per day, not once per sale."""
        return Period.month_of(day).label

    @staticmethod
    def parse(label: str) -> Period:
        if len(label) == 4:
            return Period(int(label), "year")
        year, rest = label.split("-")
        if rest.startswith("Q"):
            return Period(int(year), "quarter", int(rest[1:]))
        return Period(int(year), "month", int(rest))


@dataclass(frozen=True)
class KpiRow:
    """The KPIs of one scope in one period. None means "not defined"."""

    scope: str
    manager_id: str | None
    period: Period
    revenue: Decimal
    revenue_target: Decimal | None
    attainment: Decimal | None
    orders: int
    average_order: Decimal | None
    active_clients: int
    new_clients: int
    lost_clients: int
    returns: Decimal
    overdue: Decimal
    # The revenue expected for the whole period at the run rate so far (a closed period: its
    # revenue; None for one that has not begun).
    forecast: Decimal | None = None
    active_clients_target: int | None = None
    new_clients_target: int | None = None

    @property
    def active_clients_attainment(self) -> Decimal | None:
        """Active clients against their plan, as a share (None without a plan)."""
        return _share(self.active_clients, self.active_clients_target)

    @property
    def new_clients_attainment(self) -> Decimal | None:
        """New clients against their plan, as a share (None without a plan)."""
        return _share(self.new_clients, self.new_clients_target)

    @property
    def forecast_attainment(self) -> Decimal | None:
        """The forecast against the revenue plan, as a share (None without a plan)."""
        if self.forecast is None or not self.revenue_target:
            return None
        return self.forecast / self.revenue_target


def _share(done: int, plan: int | None) -> Decimal | None:
    return Decimal(done) / Decimal(plan) if plan else None


@dataclass
class Kpis:
    """Every KPI row, with lookups by scope and period."""

    as_of: date
    periods: list[Period]
    rows: list[KpiRow]
    index: dict[tuple[str, str | None, str], KpiRow] = field(default_factory=dict)

    def get(self, scope: str, manager_id: str | None, period: Period) -> KpiRow | None:
        return self.index.get((scope, manager_id, period.label))

    def series(self, scope: str, manager_id: str | None, kind: str) -> list[KpiRow]:
        """The rows of one scope for every period of one kind, oldest first."""
        rows = (
            self.get(scope, manager_id, period) for period in self.periods if period.kind == kind
        )
        return [row for row in rows if row is not None]


def report_periods(first_sale: date | None, as_of: date) -> list[Period]:
    """Months, quarters and years from the month of the first sale to the month of ``as_of``."""
    if first_sale is None or first_sale > as_of:
        return []
    months = []
    month = Period.month_of(first_sale)
    last = Period.month_of(as_of)
    while (month.year, month.number) <= (last.year, last.number):
        months.append(month)
        month = Period(month.year + (month.number == 12), "month", month.number % 12 + 1)
    quarters = sorted({Period(m.year, "quarter", (m.number + 2) // 3) for m in months})
    years = sorted({Period(m.year, "year") for m in months})
    return [*months, *quarters, *years]


@dataclass
class _Ledger:
    """What one manager's sales add up to, month by month."""

    revenue: dict[Period, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    returns: dict[Period, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    orders: dict[Period, int] = field(default_factory=lambda: defaultdict(int))
    buyers: dict[Period, set[str]] = field(default_factory=lambda: defaultdict(set))
    # The clients whose first sale ever falls in the month, as their Clients.since (None when
    # empty): whether one is new depends on the period it is counted for (see _new_clients).
    firsts: dict[Period, list[date | None]] = field(default_factory=lambda: defaultdict(list))
    # Overdue on each day a period's overdue is counted at (see _totals).
    overdue: dict[date, Decimal] = field(default_factory=dict)


@dataclass
class _Totals:
    """One manager's own figures for one period; a team's are the sums (and unions) of these."""

    revenue: Decimal
    orders: int
    returns: Decimal
    new: int
    overdue: Decimal
    buyers: set[str]
    buyers_before: set[str]


_DAY, _CHANGE = itemgetter(0), itemgetter(1)  # of a step: (day, change)


@cycle_collection_paused()  # millions of small objects, no cycles: see memory.py
def compute(model: Model, as_of: date) -> Kpis:
    """Compute every KPI row of the company, each team and each manager."""
    periods = report_periods(model.sales[0].date if model.sales else None, as_of)
    since = {client.client_id: client.since for client in model.clients.values()}
    overdue_days = {_overdue_day(period, as_of) for period in periods}
    ledgers = _ledgers(model.sales, model.managers, since, overdue_days)
    target_of = _TargetBook(model)
    scopes: list[tuple[str, str | None, list[str]]] = [("company", None, list(model.managers))]
    scopes += [
        ("team", manager_id, model.team(manager_id))
        for manager_id in sorted(model.managers)
        if model.reports.get(manager_id)
    ]
    scopes += [("manager", manager_id, [manager_id]) for manager_id in sorted(model.managers)]
    rows = []
    for period in periods:
        # Each manager's own figures once; every scope adds up its members' (all but the
        # client sets are sums, and a sale is credited to exactly one manager). A period at a
        # time: every manager's client sets for every period are 100 MB at 20,000 clients.
        own = {manager_id: _totals(ledger, period, as_of) for manager_id, ledger in ledgers.items()}
        for scope, manager_id, members in scopes:
            parts = [own[member] for member in members]
            rows.append(
                _row(scope, manager_id, period, parts, target_of.plan(members, period), as_of)
            )
    rows.sort(key=lambda row: (SCOPES.index(row.scope), row.manager_id or "", row.period.label))
    kpis = Kpis(as_of=as_of, periods=periods, rows=rows)
    kpis.index = {(row.scope, row.manager_id, row.period.label): row for row in rows}
    return kpis


def _totals(ledger: _Ledger, period: Period, as_of: date) -> _Totals:
    months = period.months
    overdue = ledger.overdue[_overdue_day(period, as_of)]
    return _Totals(
        revenue=sum((ledger.revenue.get(m, Decimal(0)) for m in months), Decimal(0)),
        orders=sum(ledger.orders.get(m, 0) for m in months),
        returns=sum((ledger.returns.get(m, Decimal(0)) for m in months), Decimal(0)),
        new=_new_clients(ledger, period),
        overdue=overdue,
        buyers=_buyers(ledger, months),
        buyers_before=_buyers(ledger, period.previous().months),
    )


def _overdue_day(period: Period, as_of: date) -> date:
    """The day a period's overdue is counted at: its last, or the report date for the current
    period. Overdue on a date counts what fell due before it."""
    return min(period.last_day, as_of)


def _new_clients(ledger: _Ledger, period: Period) -> int:
    """Clients first sold to in ``period``, less those whose Clients.since is before its first
    day: they were clients already, and their first sale in the data is not an acquisition."""
    first_day = period.first_day
    return sum(
        1
        for month in period.months
        for since in ledger.firsts.get(month, ())
        if since is None or since >= first_day
    )


def _ledgers(
    sales: Iterable[Sale],
    managers: Iterable[str],
    since: dict[str, date | None],
    overdue_days: Iterable[date],
) -> dict[str, _Ledger]:
    """Each manager's sales added up by month, with the overdue on each of ``overdue_days``."""
    # Added up by month number (year * 12 + month) and keyed by Period after: a Period is
    # hashed and compared in Python code, four times a sale (750,000 sales), an int in C.
    revenue: dict[str, defaultdict[int, Decimal]] = {}
    returns: dict[str, defaultdict[int, Decimal]] = {}
    orders: dict[str, defaultdict[int, int]] = {}
    buyers: dict[str, defaultdict[int, set[str]]] = {}
    steps: dict[str, list[tuple[date, Decimal]]] = {}
    for manager_id in managers:
        revenue[manager_id], returns[manager_id] = defaultdict(Decimal), defaultdict(Decimal)
        orders[manager_id], buyers[manager_id] = defaultdict(int), defaultdict(set)
        steps[manager_id] = []
    number_of: dict[date, int] = {}
    first_sale: dict[str, Sale] = {}
    # Sorted by date, then sale_id: a client's first positive sale is its first sale, and of
    # two on the same day the lowest sale_id wins, so a client is new for one manager only.
    for sale in sales:
        manager_id = sale.manager_id
        month = number_of.get(sale.date)
        if month is None:
            month = number_of[sale.date] = sale.date.year * 12 + sale.date.month - 1
        revenue[manager_id][month] += sale.amount_base
        if sale.amount > 0:
            orders[manager_id][month] += 1
            buyers[manager_id][month].add(sale.client_id)
            first_sale.setdefault(sale.client_id, sale)
        elif sale.amount < 0:
            returns[manager_id][month] -= sale.amount_base
        if sale.due_on is not None:
            # Unpaid from the day after it falls due; the paid part stops counting once paid.
            overdue_from = sale.due_on + timedelta(days=1)
            steps[manager_id].append((overdue_from, sale.amount_base))
            if sale.paid_on is not None and sale.paid_base:
                steps[manager_id].append((max(overdue_from, sale.paid_on), -sale.paid_base))
    periods = {
        number: Period(number // 12, "month", number % 12 + 1) for number in number_of.values()
    }
    days = sorted(overdue_days)
    ledgers = {}
    for manager_id in revenue:
        ledger = ledgers[manager_id] = _Ledger()
        ledger.revenue.update((periods[n], value) for n, value in revenue[manager_id].items())
        ledger.returns.update((periods[n], value) for n, value in returns[manager_id].items())
        ledger.orders.update((periods[n], value) for n, value in orders[manager_id].items())
        ledger.buyers.update((periods[n], value) for n, value in buyers[manager_id].items())
        # Overdue as a step function of the date, added up in the order of the days it
        # changes, and kept on the days asked for (not after each of the 1,500,000 changes
        # of 750,000 sales: a Decimal each).
        changes = sorted(steps.pop(manager_id), key=_DAY)
        total, done = Decimal(0), 0
        for day in days:
            upto = bisect.bisect_right(changes, day, lo=done, key=_DAY)
            total = sum(map(_CHANGE, changes[done:upto]), total)  # in order, as one by one
            done = upto
            ledger.overdue[day] = total
    for sale in first_sale.values():
        ledgers[sale.manager_id].firsts[periods[number_of[sale.date]]].append(since[sale.client_id])
    return ledgers


@dataclass(frozen=True)
class Plan:
    """A scope's targets for one period (None: no target)."""

    revenue: Decimal | None
    active_clients: int | None
    new_clients: int | None


class _TargetBook:
    """Targets: a period's own, or for a quarter or year one made from all of its months' (the
    sum for revenue and new clients, a flow; the largest for active clients, a level)."""

    def __init__(self, model: Model) -> None:
        self.targets = model.targets
        # A manager's target is asked for by their own scope and by every team above them.
        self.known: dict[tuple[str, Period, str], Decimal | int | None] = {}

    def of(self, manager_id: str, period: Period, column: str) -> Decimal | int | None:
        key = (manager_id, period, column)
        if key not in self.known:
            self.known[key] = self._of(manager_id, period, column)
        return self.known[key]

    def _of(self, manager_id: str, period: Period, column: str) -> Decimal | int | None:
        own = self.targets.get((manager_id, period.label))
        value: Decimal | int | None = None if own is None else getattr(own, column)
        if value is not None or period.kind == "month":
            return value
        months = [self.targets.get((manager_id, month.label)) for month in period.months]
        values: list[Decimal | int | None] = [
            None if month is None else getattr(month, column) for month in months
        ]
        known = [value for value in values if value is not None]
        if len(known) < len(values):
            return None
        if column == "active_clients":
            return max(known)
        return sum(known, Decimal(0) if column == "revenue" else 0)

    def total(self, members: list[str], period: Period, column: str) -> Decimal | int | None:
        """A scope's target: the sum of its members' targets, None when none has one."""
        found = [
            target for member in members if (target := self.of(member, period, column)) is not None
        ]
        return sum(found, Decimal(0) if column == "revenue" else 0) if found else None

    def plan(self, members: list[str], period: Period) -> Plan:
        revenue = self.total(members, period, "revenue")
        active = self.total(members, period, "active_clients")
        new = self.total(members, period, "new_clients")
        return Plan(
            revenue=None if revenue is None else Decimal(revenue),
            active_clients=None if active is None else int(active),
            new_clients=None if new is None else int(new),
        )


def forecast(revenue: Decimal, period: Period, as_of: date) -> Decimal | None:
    """The revenue expected for the whole period at the run rate so far: revenue / elapsed days x
    days in the period (the report date counts as elapsed); a closed period's own revenue; None
    for a period that has not begun."""
    if as_of < period.first_day:
        return None
    if as_of >= period.last_day:
        return revenue
    elapsed = (as_of - period.first_day).days + 1
    days = (period.last_day - period.first_day).days + 1
    return revenue * days / elapsed


def elapsed_share(period: Period, as_of: date) -> Decimal:
    """How much of ``period`` has passed by the end of the report date, from 0 to 1."""
    if as_of < period.first_day:
        return Decimal(0)
    if as_of >= period.last_day:
        return Decimal(1)
    elapsed = (as_of - period.first_day).days + 1
    return Decimal(elapsed) / Decimal((period.last_day - period.first_day).days + 1)


def _row(
    scope: str,
    manager_id: str | None,
    period: Period,
    parts: list[_Totals],
    plan: Plan,
    as_of: date,
) -> KpiRow:
    if len(parts) == 1:
        buyers, before = parts[0].buyers, parts[0].buyers_before
    else:
        buyers = set().union(*(part.buyers for part in parts))
        before = set().union(*(part.buyers_before for part in parts))
    revenue = sum((part.revenue for part in parts), Decimal(0))
    orders = sum(part.orders for part in parts)
    target = plan.revenue
    return KpiRow(
        scope=scope,
        manager_id=manager_id,
        period=period,
        revenue=revenue,
        revenue_target=target,
        attainment=(revenue / target) if target else None,
        orders=orders,
        average_order=(revenue / orders) if orders else None,
        active_clients=len(buyers),
        new_clients=sum(part.new for part in parts),
        lost_clients=len(before - buyers),
        returns=sum((part.returns for part in parts), Decimal(0)),
        overdue=sum((part.overdue for part in parts), Decimal(0)),
        forecast=forecast(revenue, period, as_of),
        active_clients_target=plan.active_clients,
        new_clients_target=plan.new_clients,
    )


def _buyers(ledger: _Ledger, months: Iterable[Period]) -> set[str]:
    found: set[str] = set()
    for month in months:
        clients = ledger.buyers.get(month)
        if clients:
            found |= clients
    return found


def sales_by_month(sales: Iterable[Sale]) -> dict[str, dict[str, Any]]:
    """One client's sales (in date order) added up by month label, oldest first: ``label``,
    ``orders`` (the sales above zero), ``revenue`` (all of them, in the base currency) and
    ``returns`` (the credit notes, as a positive amount)."""
    months: dict[str, dict[str, Any]] = {}
    for sale in sales:
        label = Period.month_label(sale.date)
        month = months.setdefault(
            label, {"label": label, "orders": 0, "revenue": Decimal(0), "returns": Decimal(0)}
        )
        month["revenue"] += sale.amount_base
        if sale.amount > 0:
            month["orders"] += 1
        else:
            month["returns"] -= sale.amount_base
    return months


# Receivables by days past due: the label and the last day of each bucket (None: no end).
AGEING_BUCKETS = (("0-30", 30), ("31-60", 60), ("61-90", 90), ("90+", None))
NOT_YET_DUE = "not yet due"


@dataclass(frozen=True)
class Receivable:
    """An invoice with an unpaid part at the report date."""

    sale: Sale
    open_base: Decimal
    days_overdue: int

    @property
    def bucket(self) -> int | None:
        """The index of its bucket in AGEING_BUCKETS; None when it is not yet due."""
        if self.days_overdue <= 0:
            return None
        for index, (_, last_day) in enumerate(AGEING_BUCKETS):
            if last_day is None or self.days_overdue <= last_day:
                return index
        raise AssertionError("the last bucket has no end")  # pragma: no cover

    @property
    def age(self) -> str:
        """Its ageing bucket: "not yet due", "0-30", "31-60", "61-90" or "90+"."""
        bucket = self.bucket
        return NOT_YET_DUE if bucket is None else AGEING_BUCKETS[bucket][0]


def open_invoices(sales: Iterable[Sale], as_of: date) -> list[Receivable]:
    """Every invoice with an unpaid part at ``as_of`` (the paid part counts once paid), in order."""
    found = []
    for sale in sales:
        if sale.due_on is None or sale.date > as_of:
            continue
        paid = sale.paid_base if sale.paid_on is not None and sale.paid_on <= as_of else Decimal(0)
        if sale.amount_base - paid > 0:
            found.append(Receivable(sale, sale.amount_base - paid, (as_of - sale.due_on).days))
    return found


def expiring_contracts(
    model: Model, as_of: date, days: int = EXPIRING_WITHIN_DAYS
) -> list[Contract]:
    """Active contracts whose end falls within ``days`` days after the report date, soonest first."""
    horizon = as_of + timedelta(days=days)
    found = [
        contract
        for contract in model.contracts.values()
        if contract.status == "active"
        and contract.ends_on is not None
        and as_of <= contract.ends_on <= horizon
    ]
    return sorted(found, key=lambda contract: (contract.ends_on or as_of, contract.contract_id))


def cents(value: Decimal) -> Decimal:
    """An amount rounded to the cent: the one rounding rule of every page, workbook and file
    (half away from zero, as people round: 5.025 is 5.03)."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def rounded_ratio(value: Decimal) -> Decimal:
    """A share (attainment) to four places, by the same rule."""
    return value.quantize(_RATIO, rounding=ROUND_HALF_UP)


def money(value: Decimal) -> str:
    """Money as the contract writes it: two decimals, a '.' point, no minus on zero."""
    rounded = cents(value)
    return str(rounded if rounded else abs(rounded))


def ratio(value: Decimal) -> str:
    rounded = rounded_ratio(value)
    return str(rounded if rounded else abs(rounded))


def kpis_csv(kpis: Kpis) -> str:
    """``kpis.csv`` in the contract's exact format (every cell through the neutraliser: a
    manager_id is spreadsheet text)."""
    return download_csv(
        CSV_COLUMNS,
        (
            (
                row.scope,
                row.manager_id or "",
                row.period.label,
                money(row.revenue),
                "" if row.revenue_target is None else money(row.revenue_target),
                "" if row.attainment is None else ratio(row.attainment),
                row.orders,
                "" if row.average_order is None else money(row.average_order),
                row.active_clients,
                row.new_clients,
                row.lost_clients,
                money(row.returns),
                money(row.overdue),
                "" if row.forecast is None else money(row.forecast),
                "" if row.active_clients_target is None else row.active_clients_target,
                "" if row.new_clients_target is None else row.new_clients_target,
            )
            for row in kpis.rows
        ),
    )
