"""Render the site's Markdown pages from the model and the KPIs, all in memory.

``render`` returns every generated file as ``{relative path: text}``; nothing is written here, so
a failure leaves no half-written site (gather, then write).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..config import Config
from ..contract.docs import schema_markdown
from ..contract.schema import Schema
from ..i18n import N_, NO_VALUE, SOURCE_LANGUAGE, Language, language
from ..insights import Insights
from ..issues import Issue
from ..kpi import KpiRow, Kpis
from ..model import SECTION_TITLES, SECTIONS, Client, Model, Role, RoleText, Sale
from ..paths import page_slug
from .cards import scorecards
from .charts import Chart, Labels, Point, attainment_chart, bar_chart
from .dossier import dossier
from .markdown import Safe, escape, front_matter, html_link, table
from .scope import LIST_CAP, plans_table, scope_sections, week_label

COMPANY_CHART = N_("Company revenue against target by month")
CHARTS = "charts"  # the folder of the charts' pictures, beside the pages
# Folders and files of docs/ that the generator owns; everything else there is hand-written.
GENERATED = (
    "index.md", "roles", "managers", "clients", "kpi", "data", "downloads", CHARTS,
    "accountbook.css", "accountbook.js", "accountbook-offline.js",
)  # fmt: skip
# Pages and files every project's site has, shipped with the package (so a project made by
# ``accountbook init`` needs nothing from this repository): the site's stylesheet and the KPI
# definitions that every KPI page links to.
_PACKAGED = Path(__file__).parent


class _Site:
    """Knows where every page lives, and links from one page to another, in one language."""

    def __init__(self, model: Model, lang: Language, shared: str = "") -> None:
        self.model = model
        self.lang = lang
        # The downloads are written once, at the root of the default language's site; the other
        # languages' sites are one folder down and link to them there.
        self.shared = shared

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

        Pages are built as files (``clients/C1.md`` becomes ``clients/C1.html``), so that the
        site works opened from disk as well as served; links are written as the site will have
        them, and the site tests check that every link resolves.
        """
        depth = source.count("/")
        if target.endswith(".md"):
            target = target.removesuffix(".md") + ".html"
        return "../" * depth + target

    def client(self, source: str, client_id: str) -> Safe:
        client = self.model.clients[client_id]
        return html_link(client.name, self.url(source, self.client_path(client_id)))

    def manager(self, source: str, manager_id: str | None) -> Safe:
        if manager_id is None:
            return Safe(NO_VALUE)
        manager = self.model.managers[manager_id]
        return html_link(manager.name, self.url(source, self.manager_path(manager_id)))

    def download(self, source: str, target: str, label: str) -> Safe:
        """A link to a file under downloads/ (``target`` is a path we built)."""
        return html_link(label, self.url(source, f"{self.shared}downloads/{target}"))

    def team_link(self, source: str, manager_id: str) -> Safe:
        name = self.model.managers[manager_id].name
        return html_link(
            self.lang._("Team of {name}", name=name), self.url(source, self.team_path(manager_id))
        )

    def role_text(self, role: Role) -> RoleText:
        """The role's title and details in this language, or in the default one."""
        return role.texts.get(self.lang.code) or role.texts[role.default_language]

    def role(self, source: str, role_id: str | None) -> Safe:
        if role_id is None:
            return Safe(NO_VALUE)
        title = self.role_text(self.model.roles[role_id]).title
        return html_link(title, self.url(source, self.role_path(role_id)))


KPI_HEADERS = (
    N_("Period"), N_("Revenue"), N_("Target"), N_("Attainment"), N_("Orders"),
    N_("Average order"), N_("Active clients"), N_("New"), N_("Lost"), N_("Returns"),
    N_("Overdue"),
)  # fmt: skip


def kpi_table(lang: Language, rows: Iterable[KpiRow]) -> Safe:
    """KPI rows as a table, money in the base currency."""
    money, percent, integer = lang.money, lang.percent, lang.integer
    return table(
        [lang.gettext(header) for header in KPI_HEADERS],
        (
            (
                row.period.label,
                money(row.revenue),
                money(row.revenue_target),
                percent(row.attainment),
                integer(row.orders),
                money(row.average_order),
                integer(row.active_clients),
                integer(row.new_clients),
                integer(row.lost_clients),
                money(row.returns),
                money(row.overdue),
            )  # fmt: skip
            for row in rows
        ),
        numeric=range(1, len(KPI_HEADERS)),
    )


def _environment(lang: Language) -> Environment:
    environment = Environment(
        loader=PackageLoader("generator.pages", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: escape() below is the one escaping function
        finalize=escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # else every page asks the file system whether its template changed
    )
    environment.filters.update(
        money=lang.money, percent=lang.percent, day=lang.day, integer=lang.integer
    )
    environment.globals.update(
        _=lang._,
        n_=lang.n_,
        gettext=lang.gettext,
        lang=lang,
        kpi_table=partial(kpi_table, lang),
        plans_table=partial(plans_table, lang),
        week_label=partial(week_label, lang),
        table=table,
        front_matter=front_matter,
        slug=page_slug,
    )
    return environment


def render(
    model: Model,
    kpis: Kpis,
    schema: Schema,
    warnings: list[Issue],
    config: Config,
    source_name: str,
    language: str | None = None,
    insights: Insights | None = None,
) -> dict[str, str]:
    """Every generated file of the site in one language (the default one unless named), as
    ``{path relative to docs/: content}``."""
    pages = Pages(model, kpis, schema, warnings, config, source_name, insights)
    return pages.render(language or config.default_language)


class Pages:
    """What every language's pages share, worked out once; :meth:`render` writes one language.

    A site in six languages groups the rows and finds the receivables once, not six times.
    """

    def __init__(
        self,
        model: Model,
        kpis: Kpis,
        schema: Schema,
        warnings: list[Issue],
        config: Config,
        source_name: str,
        insights: Insights | None = None,
    ) -> None:
        self.model: Model | None = model
        self.kpis: Kpis | None = kpis
        self.schema, self.config = schema, config
        self.warnings, self.source_name = warnings, source_name
        self.insights: Insights | None = insights or Insights(model, kpis)
        self.portfolio: dict[str, list[Client]] = defaultdict(list)
        for client in model.clients.values():
            self.portfolio[client.manager_id].append(client)
        # Group once by client: a dossier must not scan every row of every tab.
        self.sales_by_client: dict[str, list[Sale]] = defaultdict(list)
        for sale in model.sales:
            self.sales_by_client[sale.client_id].append(sale)
        by_client: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for receivable in self.insights.receivables:
            by_client[receivable.sale.client_id]["receivables"].append(receivable)
        for contract in model.contracts.values():
            by_client[contract.client_id]["contracts"].append(contract)
        for complaint in model.complaints:
            by_client[complaint.client_id]["complaints"].append(complaint)
        for interaction in model.interactions:
            by_client[interaction.client_id]["interactions"].append(interaction)
        self.by_client = by_client

    def render(self, code: str) -> dict[str, str]:
        """Every generated file of the site in the language ``code``."""
        files: dict[str, str] = {}
        self.render_into(code, files.__setitem__)
        return files

    def render_into(self, code: str, emit: Callable[[str, str], None]) -> None:
        """Give every generated file in the language ``code`` to ``emit(path, content)`` as it
        is made, so that a big site is written out without being held in memory whole."""
        model, kpis, insights = self.model, self.kpis, self.insights
        if model is None or kpis is None or insights is None:
            raise RuntimeError("the pages were released: nothing is left to render them from")
        self._render(model, kpis, insights, code, emit)

    def release(self) -> None:
        """Let go of the model, the KPIs and what was worked out from them, once no language is
        left to render in this process: a 20,000-client site's MkDocs build needs the memory."""
        self.model = self.kpis = self.insights = None
        for worked_out in (
            self.portfolio,
            self.sales_by_client,
            self.by_client,
        ):
            worked_out.clear()

    def _render(
        self,
        model: Model,
        kpis: Kpis,
        insights: Insights,
        code: str,
        emit: Callable[[str, str], None],
    ) -> None:
        _Renderer(self, model, kpis, insights, code, emit).all()


class _Renderer:
    """The pages of one language: a method for each kind of page, in the order they are given
    to ``emit`` (the first dossier given out is the one the engine builds: see site/shell.py)."""

    def __init__(
        self,
        pages: Pages,
        model: Model,
        kpis: Kpis,
        insights: Insights,
        code: str,
        emit: Callable[[str, str], None],
    ) -> None:
        self.pages, self.model, self.kpis, self.insights = pages, model, kpis, insights
        self.code, self.emit = code, emit
        self.config = config = pages.config
        self.lang = lang = language(code)
        self.environment = _environment(lang)
        self.site = site = _Site(
            model, lang, shared="" if code == config.default_language else "../"
        )
        self.common: dict[str, Any] = {
            "model": model,
            "kpis": kpis,
            "as_of": kpis.as_of,
            "site": site,
            "config": config,
            "currency": model.base_currency,
            "current": insights.current,
            "sections": SECTIONS,
            "section_titles": SECTION_TITLES,
            "default_language_name": language(config.default_language).name,
            "weeks": insights.weeks,
            "list_cap": LIST_CAP,
        }
        self.chart_numbers = lang.gettext("The chart's numbers")
        self.revenue_labels = Labels(
            value=lang.gettext("Revenue ({currency})").format(currency=model.base_currency),
            target=lang.gettext("Target"),
            axis=lang.compact,
            amount=lang.money,
            period=lang.gettext("Month"),
        )
        self.company_months = kpis.series("company", None, "month")
        # The lists' script's words ("all", "find", "shown") in the page's language.
        self.list_words = {
            "all": lang.gettext("All"),
            "find": lang.gettext("Find"),
            "shown": lang.gettext("{shown} of {total} shown"),
        }

    def _parts(self) -> tuple[Model, Kpis, Insights, Language, _Site]:
        """What the bigger page methods work from, as their local names."""
        return self.model, self.kpis, self.insights, self.lang, self.site

    def all(self) -> None:
        """Every page and file, in the order they have always been given out."""
        self.home()
        self.roles()
        self.manager_list()
        self.managers()
        self.client_list()
        self.kpi_pages()
        self.leaderboard()
        self.data_pages()
        self.dossiers()

    def page(self, template: str, path: str, **context: Any) -> None:
        """Render ``template`` into ``path``; a scope's page gets its sections and cards."""
        lang, model, site = self.lang, self.model, self.site
        view = context.get("view")
        if view is not None:
            context["st"] = scope_sections(
                lang, model, view, partial(site.client, path), partial(site.manager, path)
            )
            months = self.kpis.series(view.scope, view.manager_id, "month")
            context["cards"] = scorecards(lang, model.base_currency, view, months, self.kpis.as_of)
        template_of = self.environment.get_template(template)
        self.emit(path, template_of.render(path=path, **self.common, **context))

    def figure(self, path: str, name: str, chart: Chart | None, numbers: bool = True) -> Safe:
        """Keep the chart as two files beside the site's pages (wide and narrow); show it
        on ``path`` as a picture the browser picks by the screen's width, with its numbers
        as a table under it (folded away: for screen readers and whoever wants them), unless
        the page shows them in a table of its own (a dossier's sales by month).

        The figure stands in a block of its own, so Markdown leaves the tags alone; its
        alternative text and table are escaped like every other value.
        """
        if chart is None:
            return Safe("")
        site = self.site
        stem = f"{CHARTS}/{path.removesuffix('.md').replace('/', '-')}-{name}"
        self.emit(f"{stem}.svg", chart.wide)
        self.emit(f"{stem}-narrow.svg", chart.narrow)
        figures = (
            f'<details class="ab-chart-data"><summary>{escape(self.chart_numbers)}</summary>'
            + table(chart.headers, chart.rows, numeric=range(1, len(chart.headers))).strip()
            + "</details>"
            if numbers
            else ""
        )
        return Safe(
            f'<figure class="ab-figure"><picture><source media="(max-width: 44.9375em)" '
            f'srcset="{site.url(path, stem + "-narrow.svg")}">'
            f'<img class="ab-chart" src="{site.url(path, stem + ".svg")}" '
            f'alt="{escape(chart.title)}" width="720" height="300" loading="lazy"></picture>'
            f"{figures}</figure>"
        )

    def revenue_chart(self, title: str, rows: list[KpiRow]) -> Chart | None:
        """Revenue by period against its target."""
        points = [Point(row.period.label, row.revenue, row.revenue_target) for row in rows]
        return bar_chart(title, points, self.revenue_labels)

    def home(self) -> None:
        """The home page: scorecards, headline, plans, alerts."""
        model, kpis, insights, lang = self.model, self.kpis, self.insights, self.lang
        self.page(
            "home.md.j2",
            "index.md",
            headline=[
                kpis.get("company", None, p) for p in insights.current.values() if p is not None
            ],
            overdue=sorted(
                insights.overdue_by_client.items(), key=lambda item: (-item[1], item[0])
            )[:10],
            overdue_total=sum(insights.overdue_by_client.values(), Decimal(0)),
            # The first screen's alerts name the few that matter most; the rest are counted.
            expiring=insights.expiring[:LIST_CAP],
            expiring_count=len(insights.expiring),
            lost=insights.lost[:LIST_CAP],
            lost_count=len(insights.lost),
            declining=dict(
                sorted(
                    insights.declining.items(),
                    key=lambda item: (item[1][0] - item[1][1], item[0]),  # the largest fall first
                )[:LIST_CAP]
            ),
            declining_count=len(insights.declining),
            view=insights.view("company", None),
            chart=self.figure(
                "index.md",
                "revenue",
                self.revenue_chart(lang.gettext(COMPANY_CHART), self.company_months[-24:]),
            ),
            source_name=self.pages.source_name,
            last_sale=model.sales[-1].date if model.sales else None,
        )

    def roles(self) -> None:
        """The job descriptions and their index."""
        model, kpis, insights, lang, site = self._parts()
        self.page("roles_index.md.j2", "roles/index.md", holders=insights.holders)
        year = insights.current["year"]
        for role in model.roles.values():
            self.page(
                "role.md.j2",
                site.role_path(role.role_id),
                role=role,
                holders=insights.holders.get(role.role_id, []),
                holder_period=year.label if year else "",
                holder_table=_holder_table(
                    lang,
                    site,
                    site.role_path(role.role_id),
                    [
                        row
                        for manager_id in insights.holders.get(role.role_id, [])
                        if year and (row := kpis.get("manager", manager_id, year)) is not None
                    ],
                ),
                **_job_description(role, self.code),
            )

    def manager_list(self) -> None:
        """The list of managers, sortable and filterable."""
        model, lang, site = self.model, self.lang, self.site
        yes, no = lang.gettext("yes"), lang.gettext("no")
        self.page(
            "managers_index.md.j2",
            "managers/index.md",
            manager_table=table(
                [
                    lang.gettext(header)
                    for header in (
                        N_("Manager"),
                        N_("Role"),
                        N_("Reports to"),
                        N_("Region"),
                        N_("Clients"),
                        N_("Active"),
                    )
                ],
                (
                    (
                        site.manager("managers/index.md", m.manager_id),
                        site.role("managers/index.md", m.role_id),
                        site.manager("managers/index.md", m.reports_to),
                        m.region,
                        lang.integer(len(self.pages.portfolio.get(m.manager_id, []))),
                        yes if m.active else no,
                    )  # fmt: skip
                    for m in sorted(model.managers.values(), key=lambda m: (m.name, m.manager_id))
                ),
                numeric=(4,),
                sortable=True,
                filters=(1, 2, 3, 5),
                words=self.list_words,
            ),
        )

    def managers(self) -> None:
        """A page for every manager."""
        model, kpis, insights, lang, site = self._parts()
        for manager in model.managers.values():
            months = kpis.series("manager", manager.manager_id, "month")
            path = site.manager_path(manager.manager_id)
            self.page(
                "manager.md.j2",
                path,
                manager=manager,
                portfolio_table=table(
                    [
                        lang.gettext(header)
                        for header in (N_("Client"), N_("Segment"), N_("Status"), N_("Country"))
                    ],
                    (
                        (
                            site.client(path, c.client_id),
                            lang.word("Clients.segment", c.segment),
                            lang.word("Clients.status", c.status),
                            c.country,
                        )
                        for c in sorted(
                            self.pages.portfolio.get(manager.manager_id, []),
                            key=lambda c: (c.name, c.client_id),
                        )
                    ),
                ),
                reports=[model.managers[m] for m in model.reports.get(manager.manager_id, [])],
                months=months[-12:],
                quarters=kpis.series("manager", manager.manager_id, "quarter")[-8:],
                years=kpis.series("manager", manager.manager_id, "year"),
                chart=self.figure(
                    path,
                    "revenue",
                    self.revenue_chart(
                        lang.gettext("{name}: revenue against target by month").format(
                            name=manager.name
                        ),
                        months[-24:],
                    ),
                ),
                is_team=bool(model.reports.get(manager.manager_id)),
                view=insights.view("manager", manager.manager_id),
            )

    def client_list(self) -> None:
        """The list of clients, sortable and filterable."""
        model, insights, lang, site = self.model, self.insights, self.lang, self.site
        self.page(
            "clients_index.md.j2",
            "clients/index.md",
            client_table=table(
                (
                    *(
                        lang.gettext(header)
                        for header in (
                            N_("Client"),
                            N_("Manager"),
                            N_("Segment"),
                            N_("Status"),
                            N_("Country"),
                        )
                    ),
                    lang.gettext("Overdue ({currency})").format(currency=model.base_currency),
                ),
                (
                    (
                        site.client("clients/index.md", c.client_id),
                        site.manager("clients/index.md", c.manager_id),
                        lang.word("Clients.segment", c.segment),
                        lang.word("Clients.status", c.status),
                        c.country,
                        lang.money(insights.overdue_by_client.get(c.client_id)),
                    )  # fmt: skip
                    for c in sorted(model.clients.values(), key=lambda c: (c.name, c.client_id))
                ),
                numeric=(5,),
                sortable=True,
                filters=(1, 2, 3, 4),
                words=self.list_words,
            ),
        )

    def kpi_pages(self) -> None:
        """The company's KPI page and each team's."""
        model, kpis, insights, lang, site = self._parts()
        self.page(
            "kpi_index.md.j2",
            "kpi/index.md",
            scope="company",
            manager_id=None,
            title=lang.gettext("Company KPIs"),
            months=self.company_months,
            quarters=kpis.series("company", None, "quarter"),
            years=kpis.series("company", None, "year"),
            chart=self.figure(
                "kpi/index.md",
                "revenue",
                self.revenue_chart(lang.gettext(COMPANY_CHART), self.company_months[-24:]),
            ),
            teams=[m for m in sorted(model.managers) if model.reports.get(m)],
            view=insights.view("company", None),
        )
        for manager_id in sorted(model.managers):
            if not model.reports.get(manager_id):
                continue
            months = kpis.series("team", manager_id, "month")
            self.page(
                "kpi_index.md.j2",
                site.team_path(manager_id),
                scope="team",
                manager_id=manager_id,
                title=lang.gettext("Team of {name}").format(name=model.managers[manager_id].name),
                months=months,
                quarters=kpis.series("team", manager_id, "quarter"),
                years=kpis.series("team", manager_id, "year"),
                chart=self.figure(
                    site.team_path(manager_id),
                    "revenue",
                    self.revenue_chart(
                        lang.gettext("Team revenue against target by month"), months[-24:]
                    ),
                ),
                teams=[],
                view=insights.view("team", manager_id),
            )

    def leaderboard(self) -> None:
        """The leaderboard of the month, quarter and year."""
        model, insights, lang = self.model, self.insights, self.lang
        self.page(
            "leaderboard.md.j2",
            "kpi/leaderboard.md",
            boards=insights.boards,
            charts={
                kind: self.figure(
                    "kpi/leaderboard.md",
                    kind,
                    attainment_chart(
                        lang.gettext("Attainment by manager, {period}").format(
                            period=insights.current[kind].label  # type: ignore[union-attr]
                        ),
                        [
                            (model.managers[row.manager_id].name, row.attainment)
                            for row in rows
                            if row.attainment is not None and row.manager_id
                        ],
                        percent=lang.percent,
                        headers=(lang.gettext("Manager"), lang.gettext("Attainment")),
                    ),
                )
                for kind, rows in insights.boards.items()
            },
        )

    def data_pages(self) -> None:
        """The contract, the KPI definitions, data quality and the site's own files."""
        lang = self.lang
        self.emit("data/spreadsheet.md", english_only(lang, schema_markdown(self.pages.schema)))
        self.emit("data/kpi-definitions.md", english_only(lang, packaged("kpi-definitions.md")))
        self.emit("accountbook.css", packaged("accountbook.css"))
        self.emit("accountbook.js", packaged("accountbook.js"))
        self.emit("accountbook-offline.js", packaged("accountbook-offline.js"))
        self.page(
            "quality.md.j2",
            "data/quality.md",
            warnings=self.pages.warnings,
            source_name=self.pages.source_name,
        )

    def dossiers(self) -> None:
        """A dossier for every client."""
        model, kpis, insights, lang, site = self._parts()
        expiring_ids = {contract.contract_id for contract in insights.expiring}
        report_months = [period.label for period in kpis.periods if period.kind == "month"]
        for client in model.clients.values():
            self.page(
                "client.md.j2",
                site.client_path(client.client_id),
                client=client,
                **dossier(
                    model,
                    lang,
                    site,
                    client,
                    self.pages.sales_by_client.get(client.client_id, []),
                    self.pages.by_client[client.client_id],
                    expiring_ids,
                    insights,
                    report_months,
                    self.config.publish_personal,
                    self.config.publish_internal,
                    self.figure,
                ),
            )


@cache
def packaged(name: str) -> str:
    return (_PACKAGED / name).read_text(encoding="utf-8")


def english_only(lang: Language, markdown: str) -> str:
    """A page that exists in English only, with a note saying so in other languages' sites.

    The note goes after the front matter and the first heading, where a reader looks first.
    """
    if lang.code == SOURCE_LANGUAGE:
        return markdown
    text = lang._("This page is available in English only.")
    note = (
        f'<div class="admonition note ab-untranslated" data-search-exclude><p>{text}</p></div>\n\n'
    )
    lines = markdown.splitlines(keepends=True)
    at = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        at = closing + 1 if closing is not None else 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at < len(lines) and lines[at].startswith("# "):
        return "".join(lines[: at + 1]) + "\n" + note + "".join(lines[at + 1 :]).lstrip("\n")
    return "".join(lines[:at]) + note + "".join(lines[at:])


def _job_description(role: Role, code: str) -> dict[str, Any]:
    """A role's text and numbered sections in ``code``, each part that has no translation taken
    from the default language and named in ``untranslated``."""
    default = role.default_language
    text = role.texts.get(code)
    untranslated = []
    if text is None:
        text = role.texts[default]
        if code != default:
            untranslated.append(N_("title and details"))
    elif role.untranslated.get(code):
        untranslated.append(N_("some details"))
    sections: list[dict[str, Any]] = []
    own, fallback = role.clauses.get(code, {}), role.clauses.get(default, {})
    for section in SECTIONS:
        clauses, borrowed = own.get(section), False
        if not clauses and code != default:
            clauses, borrowed = fallback.get(section), True
        if not clauses:
            continue
        if borrowed:
            untranslated.append(SECTION_TITLES[section])
        sections.append(
            {
                "number": len(sections) + 1,
                "title": SECTION_TITLES[section],
                "clauses": clauses,
                "untranslated": borrowed,
            }
        )
    return {"text": text, "job_sections": sections, "untranslated": untranslated}


def _holder_table(lang: Language, site: _Site, path: str, rows: list[KpiRow]) -> Safe:
    """A role's holders with their attainment of each plan the role names."""
    if not rows:
        return Safe("")
    return table(
        [
            lang.gettext(header)
            for header in (
                N_("Manager"),
                N_("Revenue"),
                N_("Attainment"),
                N_("Forecast against plan"),
                N_("Active clients"),
                N_("Attainment"),
                N_("New clients"),
                N_("Attainment"),
            )
        ],
        (
            (
                site.manager(path, row.manager_id),
                lang.money(row.revenue),
                lang.percent(row.attainment),
                lang.percent(row.forecast_attainment),
                lang.integer(row.active_clients),
                lang.percent(row.active_clients_attainment),
                lang.integer(row.new_clients),
                lang.percent(row.new_clients_attainment),
            )
            for row in rows
        ),
        numeric=range(1, 8),
    )
