"""Scorecards: the first thing a scope's page shows (the home, the company, a team, a manager).

Four cards, each a number with what it means: revenue against plan with its pace and forecast,
active clients and new clients against plan, and the overdue receivables. The period shown
first is the current one to date, judged by pace (a month that has just begun is not "0 % of
plan"); the last whole period stands beside it, with the change against the one before it, and
a small line shows the last twelve months. Ahead and behind are said in words and symbols as
well as colour.

Everything here only formats what :mod:`generator.insights` and the KPIs worked out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from ..i18n import Language
from ..insights import Pace, ScopeView
from ..kpi import KpiRow, Period
from .charts import sparkline
from .markdown import Safe

TREND_MONTHS = 12


@dataclass(frozen=True)
class _Card:
    label: str
    value: str
    state: str  # "ahead", "behind" or "" (no plan to judge by)
    verdict: str  # the state in words, with its symbol
    details: tuple[str, ...]
    trend: str  # the sparkline's markup


def _verdict(ahead: bool, words: str) -> str:
    return ("▲ " if ahead else "▼ ") + words


def _change(lang: Language, now: Decimal, then: Decimal | None) -> str:
    """The change from ``then`` to ``now`` as a signed percentage: ▲ 4.2%, ▼ 12.0%."""
    if then is None or then == 0:
        return ""
    share = (now - then) / abs(then)
    if share == 0:
        return "= " + lang.percent(Decimal(0))
    return ("▲ " if share > 0 else "▼ ") + lang.percent(abs(share))


def _revenue(lang: Language, currency: str, row: KpiRow, pace: Pace | None, last: KpiRow | None,
             before: KpiRow | None, months: Sequence[KpiRow]) -> _Card:  # fmt: skip
    gettext = lang.gettext
    details = []
    state, verdict = "", ""
    if pace is not None:
        state = "ahead" if pace.ahead else "behind"
        words = (
            gettext("Ahead of plan by {amount}")
            if pace.ahead
            else gettext("Behind plan by {amount}")
        )
        verdict = _verdict(pace.ahead, words.format(amount=lang.compact(abs(pace.gap), currency)))
        details.append(
            gettext("Expected by today {expected} of a plan of {plan}").format(
                expected=lang.compact(pace.expected, currency),
                plan=lang.compact(pace.plan, currency),
            )
        )
    if row.forecast is not None:
        forecast = gettext("Forecast {amount}").format(amount=lang.compact(row.forecast, currency))
        if row.forecast_attainment is not None:
            forecast += (
                " ("
                + gettext("{share} of plan").format(share=lang.percent(row.forecast_attainment))
                + ")"
            )
        details.append(forecast)
    if last is not None:
        text = f"{last.period.label}: {lang.compact(last.revenue, currency)}"
        if last.attainment is not None:
            text += ", " + gettext("{share} of plan").format(share=lang.percent(last.attainment))
        change = _change(lang, last.revenue, before.revenue if before else None)
        if change:
            text += " · " + gettext("{change} on {period}").format(
                change=change, period=before.period.label if before else ""
            )
        details.append(text)
    return _Card(
        gettext("Revenue, {period} to date").format(period=row.period.label),
        lang.compact(row.revenue, currency),
        state,
        verdict,
        tuple(details),
        sparkline(
            [month.revenue for month in months],
            gettext("Revenue of the last {count} months").format(count=len(months)),
        ),
    )


def _clients(lang: Language, label: str, done: int, plan: int | None, pace: Pace | None,
             last: tuple[str, int, int | None] | None, trend: Sequence[int],
             trend_title: str) -> _Card:  # fmt: skip
    """Active or new clients: against the plan (new clients by pace), and the last period."""
    gettext = lang.gettext
    state, verdict, details = "", "", []
    if pace is not None and pace.plan:
        state = "ahead" if pace.ahead else "behind"
        verdict = _verdict(
            pace.ahead,
            (gettext("On pace") if pace.ahead else gettext("Behind pace"))
            + " · "
            + gettext("plan {plan}").format(plan=lang.integer(int(pace.plan))),
        )
    elif plan:
        ahead = done >= plan
        state = "ahead" if ahead else "behind"
        verdict = _verdict(
            ahead,
            (gettext("At or above plan") if ahead else gettext("Below plan"))
            + " · "
            + gettext("plan {plan}").format(plan=lang.integer(plan)),
        )
    if last is not None:
        period, then, before = last
        text = f"{period}: {lang.integer(then)}"
        change = _change(lang, Decimal(then), Decimal(before) if before is not None else None)
        if change:
            text += f" ({change})"
        details.append(text)
    return _Card(
        label,
        lang.integer(done),
        state,
        verdict,
        tuple(details),
        sparkline([Decimal(value) for value in trend], trend_title),
    )


def _overdue(lang: Language, currency: str, view: ScopeView, as_of: date, last: KpiRow | None,
             months: Sequence[KpiRow]) -> _Card:  # fmt: skip
    gettext = lang.gettext
    overdue = view.ageing.overdue
    details = []
    state, verdict = "", ""
    if last is not None:
        # Lower is better: less overdue than at the end of the last month is ahead.
        better = overdue <= last.overdue
        state = "ahead" if better else "behind"
        delta = overdue - last.overdue
        words = (
            gettext("Down {amount} since {period}")
            if delta < 0
            else gettext("Up {amount} since {period}")
            if delta > 0
            else gettext("Unchanged since {period}")
        )
        verdict = _verdict(
            better,
            words.format(amount=lang.compact(abs(delta), currency), period=last.period.label),
        )
    if view.ageing.open:
        details.append(
            gettext("{share} of {amount} open").format(
                share=lang.percent(overdue / view.ageing.open),
                amount=lang.compact(view.ageing.open, currency),
            )
        )
    dso = view.ageing.days_sales_outstanding
    if dso is not None:
        details.append(
            gettext("Days sales outstanding: {days}").format(days=lang.integer(int(dso)))
        )
    return _Card(
        gettext("Overdue on {date}").format(date=lang.day(as_of)),
        lang.compact(overdue, currency),
        state,
        verdict,
        tuple(details),
        sparkline(
            [month.overdue for month in months],
            gettext("Overdue at the end of each of the last {count} months").format(
                count=len(months)
            ),
        ),
    )


def scorecards(lang: Language, currency: str, view: ScopeView, months: Sequence[KpiRow],
               as_of: date) -> Safe:  # fmt: skip
    """The scope's four cards as one raw HTML block (left out of the search index); nothing
    when the KPIs have no current month."""
    month = view.current.get("month")
    if month is None:
        return Safe("")
    by_period = {row.period: row for row in months}
    last = by_period.get(month.period.previous())
    before = by_period.get(last.period.previous()) if last else None
    trend = [row for row in months if row.period <= month.period][-TREND_MONTHS:]
    gettext = lang.gettext
    # New clients: judged over the shortest current period that has a plan for them (plans
    # for new clients are often set by quarter or year, and a month's plan is then 0).
    new_row, new_pace = month, view.new_clients_pace.get("month")
    for kind in ("month", "quarter", "year"):
        row = view.current.get(kind)
        if row is not None and row.new_clients_target:
            new_row, new_pace = row, view.new_clients_pace.get(kind)
            break
    cards = [
        _revenue(lang, currency, month, view.revenue_pace.get("month"), last, before, trend),
        _clients(
            lang,
            gettext("Active clients, {period}").format(period=month.period.label),
            month.active_clients,
            month.active_clients_target,
            None,
            (last.period.label, last.active_clients, before.active_clients if before else None)
            if last
            else None,
            [row.active_clients for row in trend],
            gettext("Active clients of the last {count} months").format(count=len(trend)),
        ),
        _clients(
            lang,
            gettext("New clients, {period} to date").format(period=new_row.period.label),
            new_row.new_clients,
            new_row.new_clients_target,
            new_pace,
            None,
            [row.new_clients for row in trend],
            gettext("New clients of the last {count} months").format(count=len(trend)),
        ),
        _overdue(lang, currency, view, as_of, last, trend),
    ]
    return Safe(
        '<div class="ab-cards" data-search-exclude>' + "".join(map(_html, cards)) + "</div>"
    )


def _html(card: _Card) -> str:
    state = f" ab-card--{card.state}" if card.state else ""
    verdict = f'<p class="ab-card__verdict">{escape(card.verdict)}</p>' if card.verdict else ""
    details = "".join(f'<p class="ab-card__detail">{escape(text)}</p>' for text in card.details)
    return (
        f'<section class="ab-card{state}"><p class="ab-card__label">{escape(card.label)}</p>'
        f'<p class="ab-card__value">{escape(card.value)}</p>{verdict}{details}'
        + (f'<p class="ab-card__trend">{card.trend}</p>' if card.trend else "")
        + "</section>"
    )


def dossier_cards(lang: Language, currency: str, as_of: date, monthly: dict[str, Decimal],
                  open_total: Decimal, overdue: Decimal, limit: Decimal | None,
                  active_contracts: int, next_end: date | None) -> Safe:  # fmt: skip
    """A client's four cards: sales this year to date against the same days of last year,
    what is open and overdue, the credit limit used, and the contracts in force.

    ``monthly`` is the client's sales by month label (``2026-03``). Amounts are whole units,
    not shortened: a client's figures are small enough to read in full."""
    gettext = lang.gettext
    this_year, last_year = str(as_of.year), str(as_of.year - 1)
    month_of = f"{as_of.month:02d}"
    done = sum((v for k, v in monthly.items() if k[:4] == this_year), Decimal(0))
    before = sum(
        (v for k, v in monthly.items() if k[:4] == last_year and k[5:] <= month_of), Decimal(0)
    )
    period, periods = Period.month_of(as_of), []
    for _ in range(TREND_MONTHS):
        periods.append(period)
        period = period.previous()
    months = [monthly.get(period.label, Decimal(0)) for period in reversed(periods)]
    change = _change(lang, done, before if before else None)
    ahead = done >= before
    sales = _Card(
        gettext("Sales, {period} to date").format(period=this_year),
        lang.whole_amount(done, currency),
        ("ahead" if ahead else "behind") if change else "",
        _verdict(ahead, gettext("{change} on {period}").format(change=change[2:], period=last_year))
        if change
        else "",
        (
            gettext("{period}: {amount}").format(
                period=last_year, amount=lang.whole_amount(before, currency)
            ),
        ),
        sparkline(months, gettext("Revenue of the last {count} months").format(count=len(months))),
    )
    receivable = _Card(
        gettext("Open receivables"),
        lang.whole_amount(open_total, currency),
        "behind" if overdue > 0 else "ahead",
        _verdict(
            overdue <= 0,
            gettext("{amount} overdue").format(amount=lang.whole_amount(overdue, currency))
            if overdue > 0
            else gettext("Nothing overdue"),
        ),
        (),
        "",
    )
    cards = [sales, receivable]
    if limit is not None:
        within = open_total <= limit
        cards.append(
            _Card(
                gettext("Credit limit used"),
                lang.percent(open_total / limit)
                if limit
                else lang.whole_amount(open_total, currency),
                "ahead" if within else "behind",
                _verdict(
                    within,
                    gettext("Within the limit") if within else gettext("Over the limit"),
                ),
                (gettext("Limit {amount}").format(amount=lang.whole_amount(limit, currency)),),
                "",
            )
        )
    cards.append(
        _Card(
            gettext("Contracts in force"),
            lang.integer(active_contracts),
            "",
            "",
            (gettext("The next ends on {date}").format(date=lang.day(next_end)),)
            if next_end
            else (),
            "",
        )
    )
    return Safe(
        '<div class="ab-cards" data-search-exclude>' + "".join(map(_html, cards)) + "</div>"
    )
