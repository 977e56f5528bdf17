"""Contract v2's plans and what is measured against them, by hand on a small workbook.

The report date is Tuesday 2026-03-10: March has 10 of its 31 days gone, the first quarter 69 of
its 90, the year 69 of its 365. H leads A and B. See each test for the arithmetic.
"""

from __future__ import annotations

import copy
import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from examples.synthetic import Company, company, write_csv_folder
from generator.config import Config
from generator.contract import load_schema
from generator.downloads.export import downloads, kpis_workbook, manager_workbook
from generator.insights import Insights
from generator.kpi import CSV_COLUMNS, Kpis, Period, compute, kpis_csv
from generator.model import Model, build_model
from generator.pages.render import render
from generator.sources.local import read
from generator.validation.validate import validate

from .conftest import SMALL, check_grid

AS_OF = date(2026, 3, 10)

TABS: dict[str, list[dict[str, str]]] = {
    **copy.deepcopy(SMALL),
    "Roles": [
        {
            "role_id": "head-of-sales",
            "title": "Head of Sales",
            "appointed_by": "Board",
            "approver": "Chief Executive Officer",
            "approver_name": "Dana Whitfield",
            "approved_on": "2026-01-12",
        },
        {
            "role_id": "account-manager",
            "title": "Account Manager",
            "reports_to_role": "head-of-sales",
            "appointed_by": "Head of Sales",
        },
    ],
    "Managers": [
        {"manager_id": "H", "name": "Hana Lead", "role_id": "head-of-sales"},
        {"manager_id": "A", "name": "Adam Seller", "role_id": "account-manager", "reports_to": "H"},
        {"manager_id": "B", "name": "Bea Seller", "role_id": "account-manager", "reports_to": "H"},
    ],
    "Clients": [
        {"client_id": "c1", "name": "One", "manager_id": "A", "credit_limit": "1000"},
        {"client_id": "c2", "name": "Two", "manager_id": "A", "since": "2026-02-20"},
        {"client_id": "c3", "name": "Three", "manager_id": "B", "since": "2025-12-01"},
        {"client_id": "c4", "name": "Four", "manager_id": "A", "credit_limit": "10"},
    ],
    "Contracts": [
        # id, client, signed_on, starts_on, ends_on, status
        {
            "contract_id": k,
            "client_id": c,
            "title": "t",
            "signed_on": s,
            "starts_on": b,
            "ends_on": e,
            "status": st,
        }
        for k, c, s, b, e, st in (
            ("K1", "c1", "2026-01-10", "2026-01-15", "2026-05-01", "active"),  # c1's first
            ("K2", "c1", "2026-03-05", "2026-03-05", "", "active"),  # a renewal
            ("K3", "c3", "", "2025-06-01", "", "active"),  # counted on its start, 2025-06
            ("K4", "c3", "2026-02-01", "2026-02-01", "", "active"),  # a renewal
            ("K5", "c2", "2026-03-01", "2026-03-01", "", "draft"),  # not signed
        )
    ],  # fmt: skip
    "Sales": [
        {
            "sale_id": i,
            "date": d,
            "client_id": c,
            "manager_id": m,
            "amount": a,
            "due_on": due,
            "paid_on": paid,
            "paid_amount": part,
        }
        for i, d, c, m, a, due, paid, part in (
            ("s1", "2026-01-05", "c1", "", "100", "2026-01-20", "2026-01-18", ""),  # on time
            ("s4a", "2026-01-20", "c4", "", "-30", "", "", ""),  # a return is not a first sale
            ("s3", "2026-02-10", "c3", "", "200", "2026-02-20", "2026-02-25", ""),  # late
            ("s4b", "2026-02-15", "c4", "", "40", "2026-02-28", "2026-02-28", "20"),  # half
            # Two first sales of c2 on one day: the lowest sale_id (s2a, A's) makes it new.
            ("s2b", "2026-03-02", "c2", "B", "20", "", "", ""),
            ("s2a", "2026-03-02", "c2", "A", "50", "2026-04-01", "", ""),
        )
    ],  # fmt: skip
    "Targets": [
        {"manager_id": m, "period": p, "revenue": r, "active_clients": ac, "new_clients": n}
        for m, p, r, ac, n in (
            ("A", "2026-01", "100", "2", "1"),
            ("A", "2026-02", "100", "3", "1"),
            ("A", "2026-03", "310", "1", "2"),
            ("B", "2026-Q1", "400", "5", ""),  # the quarter's own; new clients from months
            ("B", "2026-01", "", "", "1"),
            ("B", "2026-02", "", "", "1"),
            ("B", "2026-03", "", "", "1"),
        )
    ],  # fmt: skip
    "Interactions": [
        {"date": d, "client_id": c, "manager_id": m, "kind": k, "status": s}
        for d, c, m, k, s in (
            ("2026-03-02", "c1", "A", "call", "done"),
            ("2026-03-03", "c1", "A", "visit", "cancelled"),
            ("2026-02-11", "c3", "", "meeting", ""),  # empty: done; the client's manager, B
            ("2026-03-11", "c1", "A", "visit", "planned"),  # this week (9-15 March)
            ("2026-03-16", "c2", "A", "call", "planned"),  # next week
            ("2026-03-23", "c2", "A", "call", "planned"),  # the week after: not shown
            ("2026-03-12", "c1", "A", "email", "planned"),  # an e-mail is not a call or visit
        )
    ],  # fmt: skip
    "Complaints": [],
}


def _grid(tabs: dict[str, list[dict[str, str]]]) -> dict[str, list[list[Any]]]:
    contract = load_schema()
    grid = {}
    for name, rows in tabs.items():
        header = list(contract.table(name).field_names)
        grid[name] = [header] + [[row.get(column, "") for column in header] for row in rows]
    return grid


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    report = check_grid(_grid(TABS), tmp_path_factory.mktemp("plans"))
    assert report.valid, report.issues
    return build_model(report, "EUR")


@pytest.fixture(scope="module")
def kpis(model: Model) -> Kpis:
    return compute(model, AS_OF)


@pytest.fixture(scope="module")
def insights(model: Model, kpis: Kpis) -> Insights:
    return Insights(model, kpis)


def _csv_row(kpis: Kpis, scope: str, manager_id: str, period: str) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(kpis_csv(kpis)))
    return next(
        row
        for row in rows
        if (row["scope"], row["manager_id"], row["period"]) == (scope, manager_id, period)
    )


def test_kpis_csv_has_the_v2_header() -> None:
    assert ",".join(CSV_COLUMNS) == (
        "scope,manager_id,period,revenue,revenue_target,attainment,orders,average_order,"
        "active_clients,new_clients,lost_clients,returns,overdue,forecast,active_clients_target,"
        "new_clients_target"
    )


@pytest.mark.parametrize(
    ("scope", "manager_id", "period", "new"),
    [
        ("manager", "A", "2026-01", "1"),  # c1: no since, first sale 5 Jan
        ("manager", "A", "2026-02", "1"),  # c4: its return in January is not a sale
        # c2 was a client from 20 February: not new in March, but new in the quarter and year.
        ("manager", "A", "2026-03", "0"),
        ("manager", "A", "2026-Q1", "3"),
        ("manager", "A", "2026", "3"),
        ("manager", "B", "2026-Q1", "0"),  # c3 since December; c2's tie went to A
        ("team", "H", "2026-Q1", "3"),
        ("company", "", "2026-03", "0"),
        ("company", "", "2026-Q1", "3"),
    ],
)
def test_new_clients_follow_since_and_the_lowest_sale_id(
    kpis: Kpis, scope: str, manager_id: str, period: str, new: str
) -> None:
    assert _csv_row(kpis, scope, manager_id, period)["new_clients"] == new


@pytest.mark.parametrize(
    ("scope", "manager_id", "period", "expected"),
    [
        # Months are their own rows; the quarter's fall back: revenue and new clients add up,
        # active clients (a level) take the largest month. A year without all months: none.
        ("manager", "A", "2026-03", ("310.00", "1", "2")),
        ("manager", "A", "2026-Q1", ("510.00", "3", "4")),
        ("manager", "A", "2026", ("", "", "")),
        # B's quarter has its own revenue and active clients; new clients from its months.
        ("manager", "B", "2026-Q1", ("400.00", "5", "3")),
        ("manager", "B", "2026-03", ("", "", "1")),
        # Teams and the company: the sum of their members'.
        ("team", "H", "2026-Q1", ("910.00", "8", "7")),
        ("company", "", "2026-Q1", ("910.00", "8", "7")),
        ("company", "", "2026-03", ("310.00", "1", "3")),
    ],
)
def test_targets_fall_back_and_add_up(
    kpis: Kpis, scope: str, manager_id: str, period: str, expected: tuple[str, str, str]
) -> None:
    row = _csv_row(kpis, scope, manager_id, period)
    assert (row["revenue_target"], row["active_clients_target"], row["new_clients_target"]) == (
        expected
    )


@pytest.mark.parametrize(
    ("scope", "manager_id", "period", "forecast"),
    [
        ("manager", "A", "2026-01", "70.00"),  # closed: its revenue, 100 - 30
        ("manager", "A", "2026-03", "155.00"),  # 50 / 10 days x 31
        ("manager", "A", "2026-Q1", "208.70"),  # 160 / 69 x 90 = 208.695...
        ("manager", "A", "2026", "846.38"),  # 160 / 69 x 365 = 846.376...
        ("company", "", "2026-03", "217.00"),  # (50 + 20) / 10 x 31
    ],
)
def test_forecast_is_the_run_rate_for_the_whole_period(
    kpis: Kpis, scope: str, manager_id: str, period: str, forecast: str
) -> None:
    assert _csv_row(kpis, scope, manager_id, period)["forecast"] == forecast


def test_pace_judges_a_month_by_the_share_gone(insights: Insights) -> None:
    view = insights.view("manager", "A")
    march = view.revenue_pace["month"]
    assert march is not None
    # 310 x 10/31 = 100 expected by today; 50 done: behind by 50, not by 260.
    assert (march.expected, march.gap, march.ahead) == (Decimal(100), Decimal(-50), False)
    new = view.new_clients_pace["quarter"]
    assert new is not None
    # 4 new clients planned x 69/90 = 3.07 expected; 3 done.
    assert round(new.expected, 2) == Decimal("3.07") and not new.ahead


def test_collection_ageing_dso_and_paid_on_time(insights: Insights) -> None:
    a = insights.view("manager", "A")
    # Open at 10 March: s2a (50, due in April) and half of s4b (20, 10 days late).
    assert a.ageing.not_due == 50 and a.ageing.buckets == (20, 0, 0, 0)
    # DSO: 70 open / 190 sold in the last 90 days (100 + 40 + 50) x 90 = 33.2 days.
    assert round(a.ageing.days_sales_outstanding or 0, 1) == Decimal("33.2")
    quarter = Period.parse("2026-Q1")
    # A: s1 paid before it fell due; s4b only half. B: s3 paid five days late.
    assert (a.collection[quarter].due, a.collection[quarter].on_time) == (2, 1)
    assert a.collection[quarter].share == Decimal("0.5")
    b = insights.view("manager", "B")
    assert (b.collection[quarter].due, b.collection[quarter].on_time) == (1, 0)
    company = insights.view("company", None)
    assert (company.collection[quarter].due, company.collection[quarter].on_time) == (3, 1)
    assert company.ageing.overdue == 20
    # c4 owes 20 against a limit of 10; c1 owes nothing.
    assert [(e.client_id, e.over) for e in a.over_limit] == [("c4", Decimal(10))]
    assert [e.client_id for e in company.over_limit] == ["c4"]
    assert b.over_limit == []


def test_contracts_signed_renewals_and_expiring(insights: Insights) -> None:
    quarter = Period.parse("2026-Q1")
    a, b = insights.view("manager", "A"), insights.view("manager", "B")
    assert (a.signed[quarter].first, a.signed[quarter].renewals) == (1, 1)  # K1, K2
    assert (b.signed[quarter].first, b.signed[quarter].renewals) == (0, 1)  # K4 after K3
    company = insights.view("company", None).signed[quarter]
    assert (company.total, company.first, company.renewals) == (3, 1, 2)  # K5 is a draft
    assert [c.contract_id for c in a.expiring] == ["K1"]  # ends 1 May, within 90 days
    assert [c.contract_id for c in insights.view("team", "H").expiring] == ["K1"]
    assert b.expiring == []


def test_schedule_and_activity(insights: Insights) -> None:
    a = insights.view("manager", "A")
    assert [(i.date.isoformat(), i.kind) for i in a.this_week] == [("2026-03-11", "visit")]
    assert [(i.date.isoformat(), i.kind) for i in a.next_week] == [("2026-03-16", "call")]
    march, feb = Period.parse("2026-03"), Period.parse("2026-02")
    assert a.activity[march] == {"call": 1, "visit": 0, "meeting": 0, "email": 0}
    assert insights.view("manager", "B").activity[feb]["meeting"] == 1
    company = insights.view("company", None)
    assert len(company.this_week) == 1 and len(company.next_week) == 1


def test_changes_compare_whole_periods(insights: Insights) -> None:
    changes = {c.metric: c for c in insights.view("manager", "A").changes["month"]}
    # February (the last whole month) against January; no February a year before.
    revenue = changes["revenue"]
    assert (revenue.now, revenue.previous, revenue.against_previous) == (40, 70, -30)
    assert revenue.year_before is None and revenue.against_year_before is None
    # Attainment: 40/100 against 70/100.
    assert changes["attainment"].against_previous == Decimal("-0.3")


def test_pages_show_the_plans_in_every_language(model: Model, kpis: Kpis) -> None:
    config = Config(source="x", languages=("en", "de"))
    english = render(model, kpis, load_schema(), [], config, "x")
    manager = english["managers/A.md"]
    for heading in (
        "Plans and pace",
        "Clients against plan",
        "Changes",
        "Receivables and collection",
        "Invoices paid on time",
        "Clients over their credit limit",
        "Contracts and renewals",
        "Planned this week",
        "Calls, visits and meetings done",
    ):
        assert f"## {heading}" in manager or f"### {heading}" in manager, heading
    assert "<td>100.00</td><td>-50.00</td>" in manager  # expected by today, and behind it
    assert "155.00" in manager  # March's forecast
    assert "Four" in manager.split("Clients over their credit limit")[1]
    team = english["kpi/team-H.md"]
    assert "910.00" in team and "Planned next week" in team
    home = english["index.md"]
    assert "Plans and pace" in home and "Forecast" in home
    german = render(model, kpis, load_schema(), [], config, "x", "de")["managers/A.md"]
    assert "Pläne und Tempo" in german and "Soll bis heute" in german


def test_approval_block_prints_approver_name_and_date(model: Model, kpis: Kpis) -> None:
    files = render(model, kpis, load_schema(), [], Config(source="x"), "x")
    head = files["roles/head-of-sales.md"]
    block = head[head.index('<div class="ab-approval">') :].split("</div>")[0]
    assert "Chief Executive Officer" in block and "Dana Whitfield" in block
    assert "Jan 12, 2026" in block and "Board" not in block
    # Without the v2 columns: who appoints, and a blank line for the date.
    block = files["roles/account-manager.md"].split('<div class="ab-approval">')[1]
    block = block.split("</div>")[0]
    assert "Head of Sales" in block and "Date ____________" in block


def test_role_page_lists_its_holders_against_their_plans(model: Model, kpis: Kpis) -> None:
    page = render(model, kpis, load_schema(), [], Config(source="x"), "x")[
        "roles/account-manager.md"
    ]
    table = page.split("Holders against their plans")[1].split("</table>")[0]
    assert "Adam Seller" in table and "Bea Seller" in table and "Hana Lead" not in table


def test_workbooks_carry_the_plans(model: Model, kpis: Kpis, tmp_path: Path) -> None:
    path = tmp_path / "kpis.xlsx"
    path.write_bytes(kpis_workbook(model, kpis))
    book = openpyxl.load_workbook(path)
    months = book["Quarters"]
    header = [cell.value for cell in months[1]]
    assert header[-3:] == ["Forecast", "Active clients target", "New clients target"]
    pace = book["Plans and pace"]
    header = [cell.value for cell in pace[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in pace.iter_rows(2)]
    a_march = next(r for r in rows if r["Manager id"] == "A" and r["Period"] == "2026-03")
    assert a_march["Expected by today"] == 100 and a_march["Ahead (+) or behind (-)"] == -50
    assert a_march["Forecast"] == 155
    collection = book["Collection"]
    header = [cell.value for cell in collection[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in collection.iter_rows(2)]
    a = next(r for r in rows if r["Manager id"] == "A" and r["Scope"] == "manager")
    assert a["0-30 days"] == 20 and a["Days sales outstanding"] == 33
    assert a["Clients over credit limit"] == 1 and a["Paid on time, this quarter"] == 0.5
    sales = [s for s in model.sales if s.manager_id == "A"]
    path = tmp_path / "a.xlsx"
    path.write_bytes(manager_workbook(model, kpis, "A", sales, Config(source="x")))
    book = openpyxl.load_workbook(path)
    forecast = [[c.value for c in row] for row in book["Forecast"].iter_rows(2)]
    assert [row[:4] for row in forecast[:3]] == [
        ["Run rate", "2026-03", 50, 155],
        ["Run rate", "2026-Q1", 160, 208.7],
        ["Run rate", "2026", 160, 846.38],
    ]
    schedule = [[c.value for c in row] for row in book["Schedule"].iter_rows(2)]
    assert [(row[0], row[2], row[3]) for row in schedule] == [
        ("this week", "visit", "c1"),
        ("next week", "call", "c2"),
    ]
    assert [[c.value for c in r][0] for r in book["Over credit limit"].iter_rows(2)] == ["c4"]


def test_a_v1_workbook_is_still_valid(tmp_path: Path) -> None:
    """Without the v2 columns (approval, interaction status) the workbook reads as before."""
    grid = _grid(TABS)
    for tab, columns in (("Roles", {"approver", "approver_name", "approved_on"}),
                         ("Interactions", {"status"})):  # fmt: skip
        keep = [i for i, name in enumerate(grid[tab][0]) if name not in columns]
        grid[tab] = [[row[i] for i in keep] for row in grid[tab]]
    report = check_grid(grid, tmp_path)
    assert report.valid, report.issues
    model = build_model(report, "EUR")
    assert {i.status for i in model.interactions} == {"done"}
    assert model.roles["head-of-sales"].approved_on is None


def test_one_rounding_rule_for_pages_csv_and_workbooks(tmp_path: Path) -> None:
    """5.025 is 5.03 on the dossier, in receivables.csv, in kpis.csv and in the workbook."""
    tabs = copy.deepcopy(TABS)
    tabs["Sales"] = [
        {"sale_id": "s1", "date": "2026-01-05", "client_id": "c1", "amount": "5.025",
         "due_on": "2026-01-20"},
    ]  # fmt: skip
    tabs["Contracts"], tabs["Interactions"] = [], []
    report = check_grid(_grid(tabs), tmp_path)
    assert report.valid, report.issues
    model = build_model(report, "EUR")
    kpis = compute(model, AS_OF)
    files = downloads(model, kpis, Config(source="x"))
    receivables = list(csv.DictReader(io.StringIO(str(files["receivables.csv"]))))
    assert [row["open"] for row in receivables] == ["5.03"]
    assert _csv_row(kpis, "manager", "A", "2026-01")["overdue"] == "5.03"
    page = render(model, kpis, load_schema(), [], Config(source="x"), "x")["clients/c1.md"]
    assert "<td>5.03</td>" in page and "5.02" not in page
    path = tmp_path / "c1.xlsx"
    path.write_bytes(files["clients/c1.xlsx"])  # type: ignore[arg-type]
    sheet = openpyxl.load_workbook(path)["Receivables"]
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == [5.03]


def test_dossier_shows_credit_exposure_and_the_schedule(model: Model, kpis: Kpis) -> None:
    page = render(model, kpis, load_schema(), [], Config(source="x"), "x")["clients/c4.md"]
    assert "<td>Open receivables (EUR)</td><td>20.00</td>" in page
    assert "Credit limit exceeded: €20.00 open against a limit of €10.00" in page
    one = render(model, kpis, load_schema(), [], Config(source="x"), "x")["clients/c1.md"]
    interactions = one.split("## Interactions")[1]
    assert "Planned" in interactions and "Cancelled" in interactions


def test_a_company_page_lists_the_first_rows_and_a_manager_all_theirs(tmp_path: Path) -> None:
    tables = {name: SMALL[name] for name in ("Roles", "RoleTranslations", "RoleClauses")}
    tables.update(company(Company(seed=3, managers=4, clients=400, contracts=500, sales=6000)))
    for row in tables["Managers"]:
        row["role_id"] = "account-manager"
    write_csv_folder(tables, tmp_path / "book")
    schema = load_schema()
    report = validate(read(tmp_path / "book", schema.table_names), schema)
    assert report.valid, [i for i in report.issues if i.severity == "error"][:3]
    model = build_model(report, "EUR")
    kpis = compute(model, date(2026, 11, 22))
    insights = Insights(model, kpis)
    company_view = insights.view("company", None)
    assert len(company_view.over_limit) > 20
    files = render(model, kpis, schema, [], Config(source="x"), "x", insights=insights)
    page = files["kpi/index.md"]
    over = page.split("### Clients over their credit limit")[1].split("## ")[0]
    assert over.count("<tr>") == 1 + 20  # the header and the first 20
    assert f"The 20 furthest over of {len(company_view.over_limit)}" in over
    schedule = page.split("### Planned calls, visits and meetings")[1].split("### ")[0]
    assert "Each manager's page lists theirs." in schedule
    planned = sum(len(insights.view("manager", m).this_week) for m in model.managers)
    assert planned == len(company_view.this_week) > 0
    for manager_id in model.managers:
        mine = insights.view("manager", manager_id).over_limit
        page = files[f"managers/{manager_id}.md"]
        section = page.split("### Clients over their credit limit")[1].split("## ")[0]
        assert section.count("<tr>") == (1 + len(mine) if mine else 0)
