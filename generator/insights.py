"""Insights: what the numbers say about clients and managers, worked out once from the model
and the KPIs, for every page and workbook to show (never recomputed where they are shown).

Declining and lost clients, the leaderboard, and the period the report date falls in.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from .kpi import KpiRow, Kpis, Period
from .model import Model

DECLINE_WINDOW_DAYS = 90
DECLINE_SHARE = Decimal("0.75")  # below 75 % of the previous 90 days counts as declining


def current_period(kpis: Kpis, kind: str) -> Period | None:
    """The latest period of ``kind`` (month, quarter, year) the KPIs cover: the current one."""
    periods = [period for period in kpis.periods if period.kind == kind]
    return periods[-1] if periods else None


def declining_clients(model: Model, as_of: date) -> dict[str, tuple[Decimal, Decimal]]:
    """Clients whose last 90 days sold under 75 % of the 90 days before: (recent, before)."""
    recent_from = as_of - timedelta(days=DECLINE_WINDOW_DAYS)
    before_from = recent_from - timedelta(days=DECLINE_WINDOW_DAYS)
    recent: dict[str, Decimal] = defaultdict(Decimal)
    before: dict[str, Decimal] = defaultdict(Decimal)
    for sale in model.sales:
        if recent_from < sale.date <= as_of:
            recent[sale.client_id] += sale.amount_base
        elif before_from < sale.date <= recent_from:
            before[sale.client_id] += sale.amount_base
    return {
        client_id: (recent[client_id], amount)
        for client_id, amount in sorted(before.items())
        if amount > 0 and recent[client_id] < amount * DECLINE_SHARE
    }


def lost_clients(kpis: Kpis, model: Model, quarter: Period | None) -> list[str]:
    """Clients that bought in the previous quarter and not in this one."""
    if quarter is None:
        return []
    this, previous = set(), set()
    first, last = quarter.first_day, quarter.last_day
    previous_first, previous_last = quarter.previous().first_day, quarter.previous().last_day
    for sale in model.sales:
        if sale.amount <= 0:
            continue
        if first <= sale.date <= last:
            this.add(sale.client_id)
        elif previous_first <= sale.date <= previous_last:
            previous.add(sale.client_id)
    return sorted(previous - this, key=lambda client_id: model.clients[client_id].name)


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
