"""Render the site's Markdown pages from the model and the KPIs, all in memory.

``render`` returns every generated file as ``{relative path: text}``; nothing is written here, so
a failure leaves no half-written site (gather, then write).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .charts import Point, attainment_chart, bar_chart
from .config import Config
from .issues import Issue
from .kpi import AGEING_BUCKETS, KpiRow, Kpis, Period, Receivable, expiring_contracts, open_invoices
from .markdown import Safe, escape, front_matter, html_link, table, warning
from .model import SECTIONS, Client, Contract, Model, Sale
from .paths import page_slug
from .schema import Schema
from .schema_docs import schema_markdown

SECTION_TITLES = {
    "general": "General provisions",
    "knowledge": "Knowledge",
    "duties": "Duties",
    "rights": "Rights",
    "responsibility": "Responsibility",
}
DECLINE_WINDOW_DAYS = 90
DECLINE_SHARE = Decimal("0.75")  # below 75 % of the previous 90 days counts as declining
COMPANY_CHART = "Company revenue against target by month"
# Folders and files of docs/ that the generator owns; everything else there is hand-written.
GENERATED = ("index.md", "roles", "managers", "clients", "kpi", "data", "downloads", "charts")


def money(value: Decimal | None) -> str:
    if value is None:
        return "–"
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded if rounded else abs(rounded):,.2f}"


def percent(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,.1f} %"


def day(value: date | None) -> str:
    return value.isoformat() if value else "–"


class _Site:
    """Knows where every page lives, and links from one page to another."""

    def __init__(self, model: Model) -> None:
        self.model = model

    @staticmethod
    def client_path(client_id: str) -> str:
        return f"clients/{page_slug(client_id)}.md"

    @staticmethod
    def manager_path(manager_id: str) -> str:
        return f"managers/{page_slug(manager_id)}.md"

    @staticmethod
    def role_path(role_id: str) -> str:
        return f"roles/{page_slug(role_id)}.md"

    @staticmethod
    def team_path(manager_id: str) -> str:
        return f"kpi/team-{page_slug(manager_id)}.md"

    @staticmethod
    def url(source: str, target: str) -> str:
        """The relative URL from the page built from ``source`` to the one built from ``target``.

        Pages are built as folders (``clients/C1.md`` becomes ``clients/C1/``), so links are
        written as the site will have them; the site tests check that every link resolves.
        """

        def folder(path: str) -> str:
            stem = path.removesuffix(".md")
            if stem == "index":
                return ""
            return stem.removesuffix("/index") + "/"

        depth = folder(source).count("/")
        return "../" * depth + (folder(target) if target.endswith(".md") else target)

    def client(self, source: str, client_id: str) -> Safe:
        client = self.model.clients[client_id]
        return html_link(client.name, self.url(source, self.client_path(client_id)))

    def manager(self, source: str, manager_id: str | None) -> Safe:
        if manager_id is None:
            return Safe("–")
        manager = self.model.managers[manager_id]
        return html_link(manager.name, self.url(source, self.manager_path(manager_id)))

    def download(self, source: str, target: str, label: str) -> Safe:
        """A link to a file under downloads/ (``target`` is a path we built)."""
        return html_link(label, self.url(source, f"downloads/{target}"))

    def team_link(self, source: str, manager_id: str) -> Safe:
        name = self.model.managers[manager_id].name
        return html_link(f"Team of {name}", self.url(source, self.team_path(manager_id)))

    def role(self, source: str, role_id: str | None) -> Safe:
        if role_id is None:
            return Safe("–")
        return html_link(self.model.roles[role_id].title, self.url(source, self.role_path(role_id)))


KPI_HEADERS = (
    "Period", "Revenue", "Target", "Attainment", "Orders", "Average order", "Active clients",
    "New", "Lost", "Returns", "Overdue",
)  # fmt: skip


def kpi_table(rows: Iterable[KpiRow]) -> Safe:
    """KPI rows as a table, money in the base currency."""
    return table(
        KPI_HEADERS,
        (
            (
                row.period.label,
                money(row.revenue),
                money(row.revenue_target),
                percent(row.attainment),
                row.orders,
                money(row.average_order),
                row.active_clients,
                row.new_clients,
                row.lost_clients,
                money(row.returns),
                money(row.overdue),
            )  # fmt: skip
            for row in rows
        ),
        numeric=range(1, len(KPI_HEADERS)),
    )


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("generator", "templates/site"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escape() below is the one escaping function
        finalize=escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(money=money, percent=percent, day=day)
    environment.globals.update(
        kpi_table=kpi_table, table=table, front_matter=front_matter, slug=page_slug
    )
    return environment


def render(
    model: Model,
    kpis: Kpis,
    schema: Schema,
    warnings: list[Issue],
    config: Config,
    source_name: str,
) -> dict[str, str]:
    """Every generated file of the site, as ``{path relative to docs/: content}``."""
    environment = _environment()
    site = _Site(model)
    as_of = kpis.as_of
    receivables = open_invoices(model.sales, as_of)
    expiring = expiring_contracts(model, as_of)
    declining = _declining(model, as_of)
    portfolio: dict[str, list[Client]] = defaultdict(list)
    for client in model.clients.values():
        portfolio[client.manager_id].append(client)
    # Group once by client: a dossier must not scan every row of every tab.
    sales_by_client: dict[str, list[Sale]] = defaultdict(list)
    for sale in model.sales:
        sales_by_client[sale.client_id].append(sale)
    by_client: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for receivable in receivables:
        by_client[receivable.sale.client_id]["receivables"].append(receivable)
    for contract in model.contracts.values():
        by_client[contract.client_id]["contracts"].append(contract)
    for complaint in model.complaints:
        by_client[complaint.client_id]["complaints"].append(complaint)
    for interaction in model.interactions:
        by_client[interaction.client_id]["interactions"].append(interaction)
    current = {kind: _current(kpis, kind) for kind in ("month", "quarter", "year")}
    common: dict[str, Any] = {
        "model": model,
        "kpis": kpis,
        "as_of": as_of,
        "site": site,
        "config": config,
        "currency": model.base_currency,
        "current": current,
        "sections": SECTIONS,
        "section_titles": SECTION_TITLES,
    }

    def page(template: str, path: str, **context: Any) -> None:
        files[path] = environment.get_template(template).render(path=path, **common, **context)

    def figure(path: str, name: str, svg: str) -> Safe:
        """Keep the chart as a file beside the site's pages; show it on ``path`` as a picture.

        The picture stands in a block of its own, so Markdown leaves the tag alone, and its
        alternative text is escaped like every other value.
        """
        if not svg:
            return Safe("")
        chart = f"charts/{path.removesuffix('.md').replace('/', '-')}-{name}.svg"
        files[chart] = svg
        title = html.unescape(svg[svg.index("<title>") + 7 : svg.index("</title>")])
        return Safe(
            f'<div class="ab-figure"><img class="ab-chart" src="{site.url(path, chart)}" '
            f'alt="{escape(title)}" loading="lazy"></div>'
        )

    files: dict[str, str] = {}
    overdue_by_client: dict[str, Decimal] = defaultdict(Decimal)
    for receivable in receivables:
        if receivable.days_overdue > 0:
            overdue_by_client[receivable.sale.client_id] += receivable.open_base
    company_months = kpis.series("company", None, "month")
    page(
        "home.md.j2",
        "index.md",
        headline=[kpis.get("company", None, p) for p in current.values() if p is not None],
        overdue=sorted(overdue_by_client.items(), key=lambda item: (-item[1], item[0]))[:10],
        overdue_total=sum(overdue_by_client.values(), Decimal(0)),
        expiring=expiring,
        lost=_lost_clients(kpis, model, current["quarter"]),
        declining=declining,
        chart=figure(
            "index.md", "revenue", _revenue_chart(COMPANY_CHART, company_months[-24:], model)
        ),
        source_name=source_name,
        last_sale=model.sales[-1].date if model.sales else None,
    )
    page("roles_index.md.j2", "roles/index.md", holders=_holders(model))
    for role in model.roles.values():
        page(
            "role.md.j2",
            site.role_path(role.role_id),
            role=role,
            holders=_holders(model).get(role.role_id, []),
        )
    page(
        "managers_index.md.j2",
        "managers/index.md",
        manager_table=table(
            ("Manager", "Role", "Reports to", "Region", "Clients", "Active"),
            (
                (
                    site.manager("managers/index.md", m.manager_id),
                    site.role("managers/index.md", m.role_id),
                    site.manager("managers/index.md", m.reports_to),
                    m.region,
                    len(portfolio.get(m.manager_id, [])),
                    "yes" if m.active else "no",
                )  # fmt: skip
                for m in model.managers.values()
            ),
            numeric=(4,),
        ),
    )
    for manager in model.managers.values():
        months = kpis.series("manager", manager.manager_id, "month")
        page(
            "manager.md.j2",
            site.manager_path(manager.manager_id),
            manager=manager,
            portfolio_table=table(
                ("Client", "Segment", "Status", "Country"),
                (
                    (
                        site.client(site.manager_path(manager.manager_id), c.client_id),
                        c.segment,
                        c.status,
                        c.country,
                    )
                    for c in sorted(
                        portfolio.get(manager.manager_id, []), key=lambda c: (c.name, c.client_id)
                    )
                ),
            ),
            reports=[model.managers[m] for m in model.reports.get(manager.manager_id, [])],
            months=months[-12:],
            quarters=kpis.series("manager", manager.manager_id, "quarter")[-8:],
            years=kpis.series("manager", manager.manager_id, "year"),
            chart=figure(
                site.manager_path(manager.manager_id),
                "revenue",
                _revenue_chart(
                    f"{manager.name}: revenue against target by month", months[-24:], model
                ),
            ),
            is_team=bool(model.reports.get(manager.manager_id)),
        )
    page(
        "clients_index.md.j2",
        "clients/index.md",
        client_table=table(
            (
                "Client",
                "Manager",
                "Segment",
                "Status",
                "Country",
                f"Overdue ({model.base_currency})",
            ),
            (
                (
                    site.client("clients/index.md", c.client_id),
                    site.manager("clients/index.md", c.manager_id),
                    c.segment,
                    c.status,
                    c.country,
                    money(overdue_by_client.get(c.client_id)),
                )  # fmt: skip
                for c in model.clients.values()
            ),
            numeric=(5,),
        ),
    )
    expiring_ids = {contract.contract_id for contract in expiring}
    report_months = [period.label for period in kpis.periods if period.kind == "month"]
    for client in model.clients.values():
        page(
            "client.md.j2",
            site.client_path(client.client_id),
            client=client,
            **_dossier(
                model,
                client,
                sales_by_client.get(client.client_id, []),
                by_client[client.client_id],
                expiring_ids,
                declining,
                report_months,
                config.publish_personal,
                config.publish_internal,
                figure,
            ),
        )
    page(
        "kpi_index.md.j2",
        "kpi/index.md",
        scope="company",
        manager_id=None,
        title="Company KPIs",
        months=company_months,
        quarters=kpis.series("company", None, "quarter"),
        years=kpis.series("company", None, "year"),
        chart=figure(
            "kpi/index.md", "revenue", _revenue_chart(COMPANY_CHART, company_months[-24:], model)
        ),
        teams=[m for m in sorted(model.managers) if model.reports.get(m)],
    )
    for manager_id in sorted(model.managers):
        if not model.reports.get(manager_id):
            continue
        months = kpis.series("team", manager_id, "month")
        page(
            "kpi_index.md.j2",
            site.team_path(manager_id),
            scope="team",
            manager_id=manager_id,
            title=f"Team of {model.managers[manager_id].name}",
            months=months,
            quarters=kpis.series("team", manager_id, "quarter"),
            years=kpis.series("team", manager_id, "year"),
            chart=figure(
                site.team_path(manager_id),
                "revenue",
                _revenue_chart("Team revenue against target by month", months[-24:], model),
            ),
            teams=[],
        )
    boards = {kind: _leaderboard(kpis, model, period) for kind, period in current.items() if period}
    page(
        "leaderboard.md.j2",
        "kpi/leaderboard.md",
        boards=boards,
        charts={
            kind: figure(
                "kpi/leaderboard.md",
                kind,
                attainment_chart(
                    f"Attainment by manager, {current[kind].label}",  # type: ignore[union-attr]
                    [
                        (model.managers[row.manager_id].name, row.attainment)
                        for row in rows
                        if row.attainment is not None and row.manager_id
                    ],
                ),
            )
            for kind, rows in boards.items()
        },
    )
    files["data/spreadsheet.md"] = schema_markdown(schema)
    page("quality.md.j2", "data/quality.md", warnings=warnings, source_name=source_name)
    return files


def _current(kpis: Kpis, kind: str) -> Period | None:
    periods = [period for period in kpis.periods if period.kind == kind]
    return periods[-1] if periods else None


def _revenue_chart(title: str, rows: list[KpiRow], model: Model) -> str:
    points = [Point(row.period.label, row.revenue, row.revenue_target) for row in rows]
    return bar_chart(title, points, model.base_currency)


def _holders(model: Model) -> dict[str, list[str]]:
    holders: dict[str, list[str]] = defaultdict(list)
    for manager in model.managers.values():
        holders[manager.role_id].append(manager.manager_id)
    return holders


def _declining(model: Model, as_of: date) -> dict[str, tuple[Decimal, Decimal]]:
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


def _lost_clients(kpis: Kpis, model: Model, quarter: Period | None) -> list[str]:
    """Clients that bought in the previous quarter and not in this one."""
    if quarter is None:
        return []
    this, previous = set(), set()
    for sale in model.sales:
        if sale.amount <= 0:
            continue
        if quarter.first_day <= sale.date <= quarter.last_day:
            this.add(sale.client_id)
        elif quarter.previous().first_day <= sale.date <= quarter.previous().last_day:
            previous.add(sale.client_id)
    return sorted(previous - this, key=lambda client_id: model.clients[client_id].name)


def _leaderboard(kpis: Kpis, model: Model, period: Period) -> list[KpiRow]:
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


def _dossier(
    model: Model,
    client: Client,
    sales: list[Sale],
    related: dict[str, list[Any]],
    expiring_ids: set[str],
    declining: dict[str, tuple[Decimal, Decimal]],
    report_months: list[str],
    publish_personal: bool,
    publish_internal: bool,
    figure: Callable[[str, str, str], Safe],
) -> dict[str, Any]:
    months: dict[str, dict[str, Any]] = {}
    for sale in sales:
        label = Period.month_of(sale.date).label
        month = months.setdefault(
            label, {"label": label, "orders": 0, "revenue": Decimal(0), "returns": Decimal(0)}
        )
        month["revenue"] += sale.amount_base
        if sale.amount > 0:
            month["orders"] += 1
        else:
            month["returns"] -= sale.amount_base
    open_items: list[Receivable] = related["receivables"]
    buckets = {f"{label} days": Decimal(0) for label, _ in AGEING_BUCKETS}
    not_due = Decimal(0)
    for item in open_items:
        if item.days_overdue <= 0:
            not_due += item.open_base
        else:
            buckets[f"{item.age} days"] += item.open_base
    overdue = sum(buckets.values(), Decimal(0))
    open_total = overdue + not_due
    contracts: list[Contract] = sorted(
        related["contracts"], key=lambda c: (c.starts_on, c.contract_id)
    )
    flags = []
    if overdue > 0:
        flags.append(f"Overdue receivables: {money(overdue)} {model.base_currency}")
    if client.credit_limit is not None and open_total > client.credit_limit:
        flags.append(
            f"Credit limit exceeded: {money(open_total)} open against a limit of {money(client.credit_limit)}"
        )
    for contract in contracts:
        if contract.contract_id in expiring_ids:
            flags.append(f"Contract {contract.contract_id} ends on {day(contract.ends_on)}")
    if client.client_id in declining:
        recent, before = declining[client.client_id]
        flags.append(
            f"Sales declining: {money(recent)} in the last {DECLINE_WINDOW_DAYS} days "
            f"against {money(before)} in the {DECLINE_WINDOW_DAYS} days before"
        )
    series = sorted(months.values(), key=lambda m: m["label"])
    path = _Site.client_path(client.client_id)
    site = _Site(model)
    currency = model.base_currency
    tables = {
        "contract_table": table(
            ("Contract", "Title", "Status", "Value", "Currency", "Starts", "Ends", "Expiring"),
            (
                (
                    c.contract_id,
                    c.title,
                    c.status,
                    money(c.value),
                    c.currency,
                    day(c.starts_on),
                    day(c.ends_on),
                    "within 90 days" if c.contract_id in expiring_ids else "",
                )  # fmt: skip
                for c in contracts
            ),
            numeric=(3,),
        ),
        "month_table": table(
            ("Month", "Orders", f"Revenue ({currency})", "Returns"),
            (
                (m["label"], m["orders"], money(m["revenue"]), money(m["returns"]))
                for m in reversed(series)
            ),
            numeric=(1, 2, 3),
        ),
        "ageing_table": table(
            ("Not yet due", *buckets, "Overdue in all"),
            [(money(not_due), *(money(amount) for amount in buckets.values()), money(overdue))],
            numeric=range(6),
        ),
        "receivable_table": table(
            ("Invoice", "Date", "Due on", "Days past due", f"Open ({currency})"),
            (
                (
                    r.sale.sale_id,
                    day(r.sale.date),
                    day(r.sale.due_on),
                    r.days_overdue if r.days_overdue > 0 else "",
                    money(r.open_base),
                )  # fmt: skip
                for r in sorted(open_items, key=lambda r: (-r.days_overdue, r.sale.sale_id))
            ),
            numeric=(3, 4),
        ),
        "return_table": table(
            ("Credit note", "Date", "Product", "Amount", "Currency"),
            (
                (s.sale_id, day(s.date), s.product, money(s.amount), s.currency)
                for s in sales
                if s.amount < 0
            ),
            numeric=(3,),
        ),
        "complaint_table": table(
            ("Complaint", "Opened", "Closed", "Severity", "Summary", "Resolution"),
            (
                (
                    c.complaint_id,
                    day(c.opened_on),
                    day(c.closed_on) if c.closed_on else "open",
                    c.severity,
                    c.summary,
                    c.resolution,
                )  # fmt: skip
                for c in sorted(
                    related["complaints"], key=lambda c: (c.opened_on, c.complaint_id or "")
                )
            ),
        ),
        "interaction_table": table(
            ("Date", "Kind", "Manager", *(("Summary",) if publish_internal else ())),
            (
                (
                    day(i.date),
                    i.kind,
                    site.manager(path, i.manager_id),
                    *((i.summary,) if publish_internal else ()),
                )
                for i in sorted(related["interactions"], key=lambda i: i.date, reverse=True)
            ),
        ),
    }
    where = ", ".join(part for part in (client.city, client.country) if part)
    summary = " ".join(
        part
        for part in (
            f"{(client.segment or '').capitalize()} client" if client.segment else "Client",
            f"in {where}" if where else "",
            f"({client.industry})" if client.industry else "",
            f"of {model.managers[client.manager_id].name}.",
        )
        if part
    )
    profile = [
        ("Client id", client.client_id),
        ("Responsible manager", site.manager(path, client.manager_id)),
        ("Segment", client.segment),
        ("Status", client.status),
        ("Industry", client.industry),
        ("Location", where),
        ("Client since", day(client.since)),
        (f"Credit limit ({currency})", money(client.credit_limit)),
        (f"Sales to date ({currency})", money(sum((s.amount_base for s in sales), Decimal(0)))),
    ]
    if publish_personal:
        profile.append(
            (
                "Contact",
                " ".join(
                    p
                    for p in (client.contact_name, client.contact_email, client.contact_phone)
                    if p
                ),
            )
        )
    if publish_internal and client.notes:
        profile.append(("Notes", client.notes))
    return {
        "summary": summary,
        "flag_block": warning("Risk flags", flags),
        "profile_table": table(("", ""), profile),
        **tables,
        "months": series,
        # The chart shows every month of the last two years, with nothing sold as an empty slot.
        "chart": figure(
            path,
            "sales",
            bar_chart(
                f"{client.name}: sales by month",
                [
                    Point(label, months[label]["revenue"] if label in months else Decimal(0))
                    for label in report_months[-24:]
                ],
                model.base_currency,
            ),
        )
        if series
        else Safe(""),
        "contracts": contracts,
        "expiring_ids": expiring_ids,
        "open_items": sorted(open_items, key=lambda r: (-r.days_overdue, r.sale.sale_id)),
        "buckets": buckets,
        "not_due": not_due,
        "overdue": overdue,
        "returns": [s for s in sales if s.amount < 0],
        "complaints": sorted(
            related["complaints"], key=lambda c: (c.opened_on, c.complaint_id or "")
        ),
        "interactions": sorted(related["interactions"], key=lambda i: i.date, reverse=True),
        "flags": flags,
    }
