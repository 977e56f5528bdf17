"""Downloads: Excel workbooks and CSV files that managers can take to a meeting.

Every value from the spreadsheet is written as text, never as a formula or a link: xlsxwriter is
told not to convert strings, and each is written with ``write_string``. CSV cells that a
spreadsheet program would run as a formula are neutralised as OWASP recommends. Personal and
internal columns follow the same rule as the site. Workbooks carry a fixed creation date, so the
same input gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import groupby
from operator import attrgetter
from typing import Any

from ..config import Config
from ..csvfile import download_csv
from ..insights import ACTIVITY_KINDS, Insights, ScopeView
from ..kpi import (
    AGEING_BUCKETS,
    CSV_COLUMNS,
    KpiRow,
    Kpis,
    Receivable,
    cents,
    expiring_contracts,
    kpis_csv,
    open_invoices,
    rounded_ratio,
    sales_by_month,
)
from ..model import Client, Complaint, Contract, Model, Sale
from ..paths import page_slug
from .xlsx import (
    PAGE_FOOTER,
    PORTRAIT_CHARACTERS,
    Chart,
    Ratio,
    Series,
    TableWorkbook,
    page_header,
    within_cell,
)

KPI_KINDS = (("month", "Months"), ("quarter", "Quarters"), ("year", "Years"))
_HEADERS = (
    "Scope", "Manager id", "Manager", "Period", "Revenue", "Target", "Attainment", "Orders",
    "Average order", "Active clients", "New clients", "Lost clients", "Returns", "Overdue",
    "Forecast", "Active clients target", "New clients target",
)  # fmt: skip


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV download: values written plainly (amounts to the cent, dates in ISO form), every
    cell through the one formula neutraliser."""
    return download_csv(header, (map(_plain, row) for row in rows))


def _plain(value: Any) -> str:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is Decimal or isinstance(value, Decimal):
        return f"{cents(value):f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Book:
    """An xlsxwriter workbook with our formats, in memory, that never turns text into code:
    kpis.xlsx. It takes the calls TableWorkbook takes (sheet, colour_against_one, chart_sheet)."""

    def __init__(self, title: str, as_of: date) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        created = datetime(as_of.year, as_of.month, as_of.day)  # noqa: DTZ001 - xlsx dates are naive
        self.book.set_properties({"title": title, "author": "Accountbook", "created": created})
        self.title = title
        self.header = self.book.add_format(
            {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True}
        )
        self.money = self.book.add_format({"num_format": "#,##0.00"})
        self.ratio = self.book.add_format({"num_format": "0.0%"})
        self.day = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.good = self.book.add_format({"font_color": "#006100", "bg_color": "#C6EFCE"})
        self.bad = self.book.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"})

    def sheet(
        self,
        name: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[int] = (),
    ) -> Any:
        """A sheet: bold frozen header, autofilter, widths, every cell typed by its Python type."""
        sheet = self.book.add_worksheet(name[:31])
        sheet.freeze_panes(1, 0)
        # On paper: A4, one page wide (landscape when wide), the header row on every page.
        across = sum(widths[i] if i < len(widths) else 14 for i in range(len(header)))
        sheet.set_paper(9)
        if across > PORTRAIT_CHARACTERS:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_header(page_header(self.title))
        sheet.set_footer(PAGE_FOOTER)
        for column, title in enumerate(header):
            sheet.write_string(0, column, title, self.header)
            sheet.set_column(column, column, widths[column] if column < len(widths) else 14)
        count = 0
        for count, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                self.cell(sheet, count, column, value)
        sheet.autofilter(0, 0, max(count, 1), max(len(header) - 1, 0))
        return sheet

    def cell(self, sheet: Any, row: int, column: int, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, Decimal):
            # Rounded as kpis.csv rounds: sums in Excel then match it to the cent.
            sheet.write_number(row, column, float(cents(value)), self.money)
        elif isinstance(value, Ratio):
            sheet.write_number(row, column, float(rounded_ratio(value.value)), self.ratio)
        elif isinstance(value, int):
            sheet.write_number(row, column, value)
        elif isinstance(value, date):
            naive = datetime(value.year, value.month, value.day)  # noqa: DTZ001 - xlsx has no zones
            sheet.write_datetime(row, column, naive, self.day)
        else:
            sheet.write_string(row, column, within_cell(str(value)))

    def colour_against_one(self, sheet: Any, column: int, first: int, last: int) -> None:
        """As TableWorkbook.colour_against_one."""
        for criteria, colour in ((">=", self.good), ("<", self.bad)):
            sheet.conditional_format(
                first, column, last, column,
                {"type": "cell", "criteria": criteria, "value": 1, "format": colour},
            )  # fmt: skip

    def chart_sheet(self, name: str, sheet: Any, chart: Chart) -> None:
        """As TableWorkbook.chart_sheet."""
        bars = self.book.add_chart({"type": "column"})
        line = self.book.add_chart({"type": "line"})
        for drawn, series in ((bars, chart.bars), (line, chart.line)):
            drawn.add_series(
                {
                    "name": series.name,
                    "categories": [
                        sheet.name,
                        chart.first,
                        chart.category,
                        chart.last,
                        chart.category,
                    ],
                    "values": [sheet.name, chart.first, series.column, chart.last, series.column],
                }
            )
        bars.combine(line)
        bars.set_title({"name": literal(chart.title)})
        bars.set_x_axis({"name": literal(chart.x_title)})
        bars.set_y_axis({"name": literal(chart.y_title), "num_format": chart.number_format})
        bars.set_legend({"position": "bottom"})
        charts = self.book.add_chartsheet(name)
        charts.set_paper(9)
        charts.set_landscape()
        charts.set_header(page_header(self.title))
        charts.set_chart(bars)

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


# What xlsxwriter takes for a reference to a cell in a chart's title or a series' name.
_LOOKS_LIKE_REFERENCE = re.compile(r"^=?[^!]+!\$?[A-Z]+\$?\d+")


def literal(text: str) -> str:
    """Text that xlsxwriter writes as it is where it would read a cell reference (a chart title
    such as "=[1]Sheet1!A1"): a zero-width word joiner after each "!", which shows nothing."""
    return text.replace("!", "!\u2060") if _LOOKS_LIKE_REFERENCE.match(text) else text


def _kpi_cells(row: KpiRow, model: Model) -> list[Any]:
    name = model.managers[row.manager_id].name if row.manager_id else ""
    return [
        row.scope, row.manager_id or "", name, row.period.label, row.revenue, row.revenue_target,
        Ratio(row.attainment) if row.attainment is not None else None, row.orders, row.average_order,
        row.active_clients, row.new_clients, row.lost_clients, row.returns, row.overdue,
        row.forecast, row.active_clients_target, row.new_clients_target,
    ]  # fmt: skip


def _kpi_sheets(
    book: _Book | TableWorkbook,
    model: Model,
    rows_of: Callable[[str], list[KpiRow]],
    chart_title: str,
) -> None:
    for kind, name in KPI_KINDS:
        rows = rows_of(kind)
        sheet = book.sheet(
            name, _HEADERS, (_kpi_cells(row, model) for row in rows), (10, 12, 22, 10) + (14,) * 13
        )
        if not rows:
            continue
        book.colour_against_one(sheet, 6, 1, len(rows))  # the attainment
        # The first scope's rows (the company's, or the manager's): its revenue and target.
        scope = (rows[0].scope, rows[0].manager_id)
        drawn = [n for n, row in enumerate(rows, start=1) if (row.scope, row.manager_id) == scope]
        shown = [rows[n - 1] for n in drawn]
        # On a sheet of its own: printed whole on one page, never split between pages or
        # shrunk with the table beside it.
        book.chart_sheet(
            f"{name} chart",
            sheet,
            Chart(
                title=f"{chart_title}: revenue against target",
                x_title="Period",
                y_title=f"Revenue ({model.base_currency})",
                number_format="#,##0",
                first=drawn[0],
                last=drawn[-1],
                category=3,
                labels=[row.period.label for row in shown],
                bars=Series("Revenue", 4, [float(cents(row.revenue)) for row in shown]),
                line=Series(
                    "Target",
                    5,
                    [
                        None if row.revenue_target is None else float(cents(row.revenue_target))
                        for row in shown
                    ],
                ),
            ),
        )


def kpis_workbook(model: Model, kpis: Kpis, insights: Insights | None = None) -> bytes:
    """``kpis.xlsx``: company, teams and managers, one sheet per kind of period, with charts,
    then each scope's pace, changes, collection, contracts and schedule."""
    insights = insights or Insights(model, kpis)
    book = _Book("Accountbook KPIs", kpis.as_of)
    _kpi_sheets(
        book, model, lambda kind: [row for row in kpis.rows if row.period.kind == kind], "Company"
    )
    _scope_sheets(book, model, [insights.view(scope, m) for scope, m in insights.scopes()])
    return book.close()


_KINDS = ("month", "quarter", "year")


def _scope_cells(model: Model, view: ScopeView) -> list[Any]:
    name = model.managers[view.manager_id].name if view.manager_id else ""
    return [view.scope, view.manager_id or "", name]


def _scope_sheets(book: _Book | TableWorkbook, model: Model, views: list[ScopeView]) -> None:
    """The sheets that say how each scope stands against its plans at the report date."""
    scope_header = ("Scope", "Manager id", "Manager")
    scope_widths = (10, 12, 22)

    def pace_rows() -> Iterator[list[Any]]:
        for view in views:
            for kind, row in view.current.items():
                pace, new_pace = view.revenue_pace[kind], view.new_clients_pace[kind]
                yield [
                    *_scope_cells(model, view),
                    row.period.label,
                    row.revenue,
                    row.revenue_target,
                    _ratio(row.attainment),
                    None if pace is None else pace.expected,
                    None if pace is None else pace.gap,
                    row.forecast,
                    _ratio(row.forecast_attainment),
                    row.active_clients,
                    row.active_clients_target,
                    _ratio(row.active_clients_attainment),
                    row.new_clients,
                    row.new_clients_target,
                    None if new_pace is None else new_pace.expected,
                ]

    book.sheet(
        "Plans and pace",
        (
            *scope_header,
            "Period",
            "Revenue",
            "Target",
            "Attainment",
            "Expected by today",
            "Ahead (+) or behind (-)",
            "Forecast",
            "Forecast against target",
            "Active clients",
            "Active clients target",
            "Active clients attainment",
            "New clients",
            "New clients target",
            "New clients expected by today",
        ),  # fmt: skip
        pace_rows(),
        (*scope_widths, 10) + (14,) * 14,
    )

    def change_rows() -> Iterator[list[Any]]:
        for view in views:
            for kind, changes in view.changes.items():
                for change in changes:
                    wrap = _WRAP[change.metric]
                    yield [
                        *_scope_cells(model, view),
                        view.current[kind].period.previous().label,
                        change.metric.replace("_", " "),
                        wrap(change.now),
                        wrap(change.previous),
                        wrap(change.against_previous),
                        wrap(change.year_before),
                        wrap(change.against_year_before),
                    ]

    book.sheet(
        "Changes",
        (
            *scope_header,
            "Period",
            "Figure",
            "Now",
            "Period before",
            "Change",
            "A year before",
            "Change on a year before",
        ),  # fmt: skip
        change_rows(),
        (*scope_widths, 10, 16) + (14,) * 5,
    )
    book.sheet(
        "Collection",
        (
            *scope_header,
            "Not yet due",
            *(f"{label} days" for label, _end in AGEING_BUCKETS),
            "Overdue",
            "Days sales outstanding",
            "Clients over credit limit",
            *(f"Paid on time, this {kind}" for kind in _KINDS),
        ),  # fmt: skip
        (
            [
                *_scope_cells(model, view),
                view.ageing.not_due,
                *view.ageing.buckets,
                view.ageing.overdue,
                _whole(view.ageing.days_sales_outstanding),
                len(view.over_limit),
                *(
                    _ratio(view.collection[row.period].share) if kind in view.current else None
                    for kind in _KINDS
                    if (row := view.current.get(kind)) is not None
                ),
            ]
            for view in views
        ),
        (*scope_widths,) + (14,) * 11,
    )
    book.sheet(
        "Contracts and schedule",
        (
            *scope_header,
            *(f"Signed this {kind}" for kind in _KINDS),
            *(f"Renewals this {kind}" for kind in _KINDS),
            "Expiring within 90 days",
            "Planned this week",
            "Planned next week",
            *(f"{kind.capitalize()}s done this month" for kind in ACTIVITY_KINDS),
        ),  # fmt: skip
        (
            [
                *_scope_cells(model, view),
                *(view.signed[row.period].total for row in view.current.values()),
                *(view.signed[row.period].renewals for row in view.current.values()),
                len(view.expiring),
                len(view.this_week),
                len(view.next_week),
                *(
                    view.activity[month.period][kind]
                    for month in (view.current.get("month"),)
                    if month is not None
                    for kind in ACTIVITY_KINDS
                ),
            ]
            for view in views
        ),
        (*scope_widths,) + (12,) * 13,
    )


def _ratio(value: Decimal | None) -> Ratio | None:
    return None if value is None else Ratio(value)


def _count(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


_WRAP: dict[str, Callable[[Decimal | None], Any]] = {
    "revenue": lambda value: value,
    "active_clients": _count,
    "attainment": _ratio,
}


def _whole(value: Decimal | None) -> int | None:
    return None if value is None else int(value.to_integral_value())


RECEIVABLE_HEADERS = (
    "Client", "Invoice", "Date", "Due on", "Open amount", "Days past due", "Days overdue band",
)  # fmt: skip
RECEIVABLE_WIDTHS = (32, 16, 12, 12, 14, 12, 12)


def _receivable_rows(model: Model, receivables: Iterable[Receivable]) -> Iterable[tuple[Any, ...]]:
    """The rows of a Receivables sheet (RECEIVABLE_HEADERS), for a manager's or a client's book."""
    for r in receivables:
        sale = r.sale
        yield (
            model.clients[sale.client_id].name,
            sale.sale_id,
            sale.date,
            sale.due_on,
            r.open_base,
            r.days_overdue,
            r.age,
        )


def manager_workbook(
    model: Model,
    kpis: Kpis,
    manager_id: str,
    sales: list[Sale],
    config: Config,
    portfolio: list[Client] | None = None,
    expiring: list[Contract] | None = None,
    view: ScopeView | None = None,
    receivables: list[Receivable] | None = None,
    writer: Callable[[str, date], _Book | TableWorkbook] = TableWorkbook,
) -> bytes:
    """A manager's quarterly-review workbook: KPIs, portfolio, receivables, contracts expiring,
    the forecast, plans and pace, changes, collection, contracts signed, the schedule.

    ``portfolio`` (the manager's clients), ``expiring`` (every contract expiring) and ``view``
    (the manager's insights) are worked out here unless given: for hundreds of managers, the
    caller works them out once. It is written by our own writer (xlsx.py), ten times as fast as
    xlsxwriter (``writer=xlsxwriter_book`` writes the same workbook through xlsxwriter).
    """
    manager = model.managers[manager_id]
    book = writer(f"{manager.name}: account review", kpis.as_of)
    _kpi_sheets(book, model, lambda kind: kpis.series("manager", manager_id, kind), manager.name)
    if portfolio is None:
        portfolio = [c for c in model.clients.values() if c.manager_id == manager_id]
    if expiring is None:
        expiring = expiring_contracts(model, kpis.as_of)
    clients = sorted(portfolio, key=lambda c: c.name)
    header = ["Client id", "Client", "Segment", "Status", "Country", "City", "Credit limit"]
    if config.publish_personal:
        header += ["Contact", "E-mail", "Phone"]
    book.sheet(
        "Portfolio",
        header,
        (
            [c.client_id, c.name, c.segment, c.status, c.country, c.city, c.credit_limit]
            + (
                [c.contact_name, c.contact_email, c.contact_phone]
                if config.publish_personal
                else []
            )
            for c in clients
        ),
        (12, 32, 12, 12, 14, 14, 14, 24, 28, 18),
    )
    book.sheet(
        "Receivables",
        RECEIVABLE_HEADERS,
        _receivable_rows(
            model,
            sorted(
                open_invoices(sales, kpis.as_of) if receivables is None else receivables,
                key=lambda r: -r.days_overdue,
            ),
        ),
        RECEIVABLE_WIDTHS,
    )
    mine = {c.client_id for c in clients}
    book.sheet(
        "Contracts expiring",
        ("Contract", "Client", "Title", "Ends on", "Value", "Currency", "Auto-renew"),
        (
            (
                c.contract_id,
                model.clients[c.client_id].name,
                c.title,
                c.ends_on,
                c.value,
                c.currency,
                c.auto_renew,
            )
            for c in expiring
            if c.client_id in mine
        ),
        (16, 32, 28, 12, 14, 10, 10),
    )
    if view is None:
        view = Insights(model, kpis).view("manager", manager_id)
    book.sheet(
        "Forecast",
        ("Method", "Period", "Revenue so far", "Forecast", "Target", "How"),
        _forecast(kpis, view, sales),
        (24, 10, 16, 16, 16, 70),
    )
    _scope_sheets(book, model, [view])
    book.sheet(
        "Schedule",
        ("Week", "Date", "Kind", "Client id", "Client"),
        (
            (week, i.date, i.kind, i.client_id, model.clients[i.client_id].name)
            for week, items in (("this week", view.this_week), ("next week", view.next_week))
            for i in items
        ),
        (12, 12, 10, 12, 32),
    )
    book.sheet(
        "Over credit limit",
        ("Client id", "Client", "Open", "Credit limit", "Over the limit"),
        (
            (e.client_id, model.clients[e.client_id].name, e.open, e.limit, e.over)
            for e in view.over_limit
        ),
        (12, 32, 14, 14, 14),
    )
    return book.close()


def _forecast(kpis: Kpis, view: ScopeView, sales: list[Sale]) -> list[tuple[Any, ...]]:
    """The run-rate forecast of kpis.csv for the current month, quarter and year, and beside
    it for the year a second method: the revenue so far plus last year's after this date."""
    as_of = kpis.as_of
    rows: list[tuple[Any, ...]] = [
        (
            "Run rate",
            row.period.label,
            row.revenue,
            row.forecast,
            row.revenue_target,
            "revenue so far, divided by the days elapsed (the report date included), "
            "times the days of the period (kpis.csv's forecast)",
        )
        for row in view.current.values()
    ]
    year = view.current.get("year")
    if year is not None:
        try:
            a_year_ago = date(as_of.year - 1, as_of.month, as_of.day)
        except ValueError:  # 29 February
            a_year_ago = date(as_of.year - 1, 2, 28)
        last_year_rest = sum(
            (s.amount_base for s in sales if a_year_ago < s.date <= date(as_of.year - 1, 12, 31)),
            Decimal(0),
        )
        rows.append(
            (
                "Last year's rest",
                year.period.label,
                year.revenue,
                year.revenue + last_year_rest,
                year.revenue_target,
                "revenue so far, plus last year's revenue after this date (for a seasonal "
                "business; offered beside the run rate, never in its place)",
            )
        )
    return rows


def client_workbook(
    model: Model,
    as_of: date,
    client_id: str,
    sales: list[Sale],
    contracts: list[Contract],
    complaints: list[Complaint],
    receivables: list[Receivable] | None = None,
) -> bytes:
    """A client dossier as a workbook: contracts, sales history, receivables, complaints
    (``receivables``, the client's open invoices, are worked out here unless given)."""
    client = model.clients[client_id]
    # Tables only, and one per client: written by our own writer, ten times as fast (xlsx.py).
    book = TableWorkbook(f"{client.name}: dossier", as_of)
    book.sheet(
        "Contracts",
        (
            "Contract",
            "Title",
            "Status",
            "Starts",
            "Ends",
            "Value",
            "Currency",
            "Payment terms (days)",
            "Auto-renew",
        ),
        (
            (
                c.contract_id,
                c.title,
                c.status,
                c.starts_on,
                c.ends_on,
                c.value,
                c.currency,
                c.payment_terms_days,
                c.auto_renew,
            )
            for c in sorted(contracts, key=lambda c: (c.starts_on, c.contract_id))
        ),
        (16, 28, 12, 12, 12, 14, 10, 12, 10),
    )
    book.sheet(
        "Sales",
        (
            "Invoice",
            "Date",
            "Product",
            "Quantity",
            "Amount",
            "Currency",
            "Amount (base)",
            "Due on",
            "Paid on",
            "Credited to",
        ),
        (
            (
                s.sale_id,
                s.date,
                s.product,
                s.quantity,
                s.amount,
                s.currency,
                s.amount_base,
                s.due_on,
                s.paid_on,
                model.managers[s.manager_id].name,
            )
            for s in sales
        ),
        (16, 12, 22, 10, 14, 10, 14, 12, 12, 22),
    )
    book.sheet(
        "Receivables",
        RECEIVABLE_HEADERS,
        _receivable_rows(
            model, open_invoices(sales, as_of) if receivables is None else receivables
        ),
        RECEIVABLE_WIDTHS,
    )
    book.sheet(
        "Complaints",
        ("Complaint", "Opened", "Closed", "Severity", "Summary", "Resolution"),
        (
            (c.complaint_id, c.opened_on, c.closed_on, c.severity, c.summary, c.resolution)
            for c in sorted(complaints, key=lambda c: (c.opened_on, c.complaint_id or ""))
        ),
        (14, 12, 12, 10, 40, 40),
    )
    return book.close()


def downloads(
    model: Model,
    kpis: Kpis,
    config: Config,
    per_record: bool = True,
    insights: Insights | None = None,
) -> dict[str, str | bytes]:
    """Every download of the site, as ``{path under downloads/: content}``."""
    return dict(each_download(model, kpis, config, per_record, insights))


def client_workbooks(model: Model, as_of: date) -> Iterator[tuple[str, bytes]]:
    """Every client's dossier workbook, as ``(path under downloads/, content)``: they need the
    model and the report date alone."""
    by_client: dict[str, list[Sale]] = defaultdict(list)
    contracts: dict[str, list[Contract]] = defaultdict(list)
    complaints: dict[str, list[Complaint]] = defaultdict(list)
    receivables: dict[str, list[Receivable]] = defaultdict(list)
    for sale in model.sales:
        by_client[sale.client_id].append(sale)
    for receivable in open_invoices(model.sales, as_of):
        receivables[receivable.sale.client_id].append(receivable)
    for contract in model.contracts.values():
        contracts[contract.client_id].append(contract)
    for complaint in model.complaints:
        complaints[complaint.client_id].append(complaint)
    for client_id in model.clients:
        yield (
            f"clients/{page_slug(client_id)}.xlsx",
            client_workbook(
                model,
                as_of,
                client_id,
                by_client[client_id],
                contracts[client_id],
                complaints[client_id],
                receivables[client_id],
            ),
        )


def each_download(
    model: Model,
    kpis: Kpis,
    config: Config,
    per_record: bool = True,
    insights: Insights | None = None,
    clients: bool = True,
) -> Iterator[tuple[str, str | bytes]]:
    """Every download of the site as ``(path under downloads/, content)``, one at a time: a
    big site's thousands of workbooks are written out as they are made, not held together
    (``clients=False``: all but the clients' workbooks, see :func:`client_workbooks`)."""
    insights = insights or Insights(model, kpis)
    yield "kpis.csv", kpis_csv(kpis)
    yield "kpis.xlsx", kpis_workbook(model, kpis, insights)
    yield (
        "clients.csv",
        csv_text(
            (
                "client_id",
                "name",
                "manager_id",
                "segment",
                "status",
                "industry",
                "country",
                "city",
                "since",
                "credit_limit",
            ),
            (
                (
                    c.client_id,
                    c.name,
                    c.manager_id,
                    c.segment,
                    c.status,
                    c.industry,
                    c.country,
                    c.city,
                    c.since,
                    c.credit_limit,
                )
                for c in model.clients.values()
            ),
        ),
    )
    yield (
        "managers.csv",
        csv_text(
            ("manager_id", "name", "role_id", "reports_to", "region", "hired_on", "active"),
            (
                (m.manager_id, m.name, m.role_id, m.reports_to, m.region, m.hired_on, m.active)
                for m in model.managers.values()
            ),
        ),
    )
    yield from dossier_tables(model, kpis, config, insights.receivables)
    if not per_record:
        return
    by_manager: dict[str, list[Sale]] = defaultdict(list)
    open_of_manager: dict[str, list[Receivable]] = defaultdict(list)
    for receivable in insights.receivables:
        open_of_manager[receivable.sale.manager_id].append(receivable)
    for sale in model.sales:
        by_manager[sale.manager_id].append(sale)
    portfolios: dict[str, list[Client]] = defaultdict(list)
    for client in model.clients.values():
        portfolios[client.manager_id].append(client)
    expiring = insights.expiring
    for manager_id in model.managers:
        yield (
            f"managers/{page_slug(manager_id)}.xlsx",
            manager_workbook(
                model,
                kpis,
                manager_id,
                by_manager[manager_id],
                config,
                portfolios[manager_id],
                expiring,
                insights.view("manager", manager_id),
                open_of_manager[manager_id],
            ),
        )
    if clients:
        yield from client_workbooks(model, kpis.as_of)


def dossier_tables(
    model: Model, kpis: Kpis, config: Config, receivables: list[Receivable] | None = None
) -> Iterator[tuple[str, str]]:
    """The tables of the client dossiers, each as one CSV file across every client, one at a
    time (``(name, text)``: at 20,000 clients they are 28 MB together)."""
    summary = ("summary",) if config.publish_internal else ()
    yield (
        "contracts.csv",
        csv_text(
            (
                "contract_id",
                "client_id",
                "title",
                "status",
                "signed_on",
                "starts_on",
                "ends_on",
                "value",
                "currency",
                "payment_terms_days",
                "auto_renew",
            ),  # fmt: skip
            (
                (
                    c.contract_id,
                    c.client_id,
                    c.title,
                    c.status,
                    c.signed_on,
                    c.starts_on,
                    c.ends_on,
                    c.value,
                    c.currency,
                    c.payment_terms_days,
                    c.auto_renew,
                )  # fmt: skip
                for c in sorted(
                    model.contracts.values(),
                    key=lambda c: (c.client_id, c.starts_on, c.contract_id),
                )
            ),
        ),
    )
    yield (
        "sales-by-month.csv",
        csv_text(
            ("client_id", "month", "orders", "revenue", "returns"),
            _client_months(model.sales),
        ),
    )
    yield (
        "receivables.csv",
        csv_text(
            ("client_id", "sale_id", "date", "due_on", "open", "days_past_due", "age"),
            (
                (
                    r.sale.client_id,
                    r.sale.sale_id,
                    r.sale.date,
                    r.sale.due_on,
                    r.open_base,
                    r.days_overdue,
                    r.age,
                )
                for r in (
                    open_invoices(model.sales, kpis.as_of) if receivables is None else receivables
                )
            ),
        ),
    )
    yield (
        "complaints.csv",
        csv_text(
            (
                "complaint_id",
                "client_id",
                "opened_on",
                "closed_on",
                "severity",
                "summary",
                "resolution",
            ),
            (
                (
                    c.complaint_id,
                    c.client_id,
                    c.opened_on,
                    c.closed_on,
                    c.severity,
                    c.summary,
                    c.resolution,
                )
                for c in sorted(
                    model.complaints, key=lambda c: (c.client_id, c.opened_on, c.complaint_id or "")
                )
            ),
        ),
    )
    yield (
        "interactions.csv",
        csv_text(
            ("date", "client_id", "manager_id", "kind", "status", *summary),
            (
                (
                    i.date,
                    i.client_id,
                    i.manager_id,
                    i.kind,
                    i.status,
                    *((i.summary,) if summary else ()),
                )
                for i in sorted(model.interactions, key=lambda i: (i.client_id, i.date))
            ),
        ),
    )


def _client_months(sales: list[Sale]) -> Iterator[list[Any]]:
    """Each client's sales added up by month (see kpi.sales_by_month), ``[client_id, month,
    orders, revenue, returns]``, by client and month: ``sales`` in date order, taken a client at
    a time (a table of every client's months held at once is 80 MB at 20,000 clients, in the
    downloads' process)."""
    # (A stable sort: each client's sales stay in date order.)
    for client_id, own in groupby(sorted(sales, key=_CLIENT), key=_CLIENT):
        for month in sales_by_month(own).values():
            yield [client_id, month["label"], month["orders"], month["revenue"], month["returns"]]


_CLIENT = attrgetter("client_id")


def kpis_json(kpis: Kpis) -> str:
    """The KPI rows as JSON (``accountbook export --format json``)."""
    rows = list(csv.DictReader(io.StringIO(kpis_csv(kpis))))
    return (
        json.dumps(
            {"as_of": kpis.as_of.isoformat(), "columns": list(CSV_COLUMNS), "rows": rows}, indent=2
        )
        + "\n"
    )


xlsxwriter_book = _Book  # for the test that writes a manager's workbook through both writers
