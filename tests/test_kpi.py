"""Each KPI against small hand-computed cases (see the comments for the arithmetic)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator.kpi import (
    CSV_COLUMNS,
    Kpis,
    Period,
    compute,
    expiring_contracts,
    kpis_csv,
    report_periods,
)
from generator.model import Model, build_model

from .conftest import Grid, check_grid, small_grid

AS_OF = date(2026, 3, 15)


def _grid() -> Grid:
    """H leads L, who leads A and B: a team three levels deep. A sells to c1 and c2, B to c3."""
    grid = small_grid()
    header = grid["Managers"][0]
    grid["Managers"][1:] = [
        [
            {"manager_id": m, "name": m, "role_id": "account-manager", "reports_to": boss}.get(
                c, ""
            )
            for c in header
        ]
        for m, boss in (("H", ""), ("L", "H"), ("A", "L"), ("B", "L"))
    ]
    header = grid["Clients"][0]
    grid["Clients"][1:] = [
        [{"client_id": c, "name": c, "manager_id": m}.get(col, "") for col in header]
        for c, m in (("c1", "A"), ("c2", "A"), ("c3", "B"))
    ]
    grid["Contracts"][1:] = [
        [{"contract_id": "K1", "client_id": "c1", "title": "t", "starts_on": "2025-06-01", "ends_on": e,
          "status": "active"}.get(col, "") for col in grid["Contracts"][0]]
        for e in ("2026-06-13",)
    ] + [
        [{"contract_id": k, "client_id": "c2", "title": "t", "starts_on": "2025-06-01", "ends_on": e,
          "status": s}.get(col, "") for col in grid["Contracts"][0]]
        for k, e, s in (("K2", "2026-06-14", "active"), ("K3", "2026-04-01", "terminated"), ("K4", "2026-03-15", "active"))
    ]  # fmt: skip
    sales = [
        # id, date, client, credited, amount, currency, due, paid_on, paid_amount
        ("s1", "2026-01-10", "c1", "", "100", "", "2026-01-20", "2026-02-05", ""),
        ("s2", "2026-01-15", "c2", "B", "50", "", "2026-01-31", "", ""),  # credited to B, not A
        ("s3", "2026-02-03", "c1", "", "-20", "", "", "", ""),  # a return
        (
            "s4",
            "2026-02-10",
            "c3",
            "",
            "200",
            "USD",
            "2026-03-10",
            "2026-03-05",
            "100",
        ),  # 100 EUR, half paid
        ("s5", "2026-03-01", "c1", "", "30", "", "", "", ""),
    ]
    header = grid["Sales"][0]
    grid["Sales"][1:] = [
        [dict(zip(("sale_id", "date", "client_id", "manager_id", "amount", "currency", "due_on", "paid_on",
                   "paid_amount"), sale, strict=True)).get(col, "") for col in header]
        for sale in sales
    ]  # fmt: skip
    grid["Rates"][1:] = [["USD", "0.5"]]
    header = grid["Targets"][0]
    grid["Targets"][1:] = [
        [{"manager_id": m, "period": p, "revenue": r}.get(col, "") for col in header]
        for m, p, r in (("A", "2026-01", "100"), ("A", "2026-02", "100"), ("A", "2026-03", "100"), ("B", "2026-Q1", "400"))
    ]  # fmt: skip
    grid["Interactions"][1:] = [["2026-01-10", "c1", "", "call", ""]]
    grid["Complaints"][1:] = [["R1", "c1", "2026-01-20", "", "low", "", ""]]
    return grid


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    report = check_grid(_grid(), tmp_path_factory.mktemp("kpi"))
    assert report.valid, report.issues
    return build_model(report, "EUR")


@pytest.fixture(scope="module")
def kpis(model: Model) -> Kpis:
    return compute(model, AS_OF)


def _row(kpis: Kpis, scope: str, manager: str | None, label: str) -> dict[str, object]:
    found = kpis.get(scope, manager, Period.parse(label))
    assert found is not None, (scope, manager, label)
    return {
        "revenue": found.revenue,
        "target": found.revenue_target,
        "attainment": None if found.attainment is None else round(found.attainment, 4),
        "orders": found.orders,
        "average": found.average_order,
        "active": found.active_clients,
        "new": found.new_clients,
        "lost": found.lost_clients,
        "returns": found.returns,
        "overdue": found.overdue,
    }


def test_periods_run_from_first_sale_month_to_report_month(kpis: Kpis) -> None:
    assert [period.label for period in kpis.periods] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-Q1",
        "2026",
    ]
    labels = [p.label for p in report_periods(date(2025, 11, 30), date(2026, 1, 2))]
    assert labels == ["2025-11", "2025-12", "2026-01", "2025-Q4", "2026-Q1", "2025", "2026"]


@pytest.mark.parametrize(
    ("scope", "manager", "period", "expected"),
    [
        # A in January: s1 only. Overdue at Jan 31: s1 fell due Jan 20 and was paid only Feb 5.
        (
            "manager",
            "A",
            "2026-01",
            {
                "revenue": 100,
                "target": 100,
                "attainment": Decimal("1.0000"),
                "orders": 1,
                "average": 100,
                "active": 1,
                "new": 1,
                "lost": 0,
                "returns": 0,
                "overdue": 100,
            },
        ),
        # A in February: only the return. c1 bought in January, not now: lost. s1 paid by Feb 28.
        (
            "manager",
            "A",
            "2026-02",
            {
                "revenue": -20,
                "target": 100,
                "attainment": Decimal("-0.2000"),
                "orders": 0,
                "average": None,
                "active": 0,
                "new": 0,
                "lost": 1,
                "returns": 20,
                "overdue": 0,
            },
        ),
        # A's quarter: no target of its own, so the sum of its three months; 110 / 300.
        (
            "manager",
            "A",
            "2026-Q1",
            {
                "revenue": 110,
                "target": 300,
                "attainment": Decimal("0.3667"),
                "orders": 2,
                "average": 55,
                "active": 1,
                "new": 1,
                "lost": 0,
                "returns": 20,
                "overdue": 0,
            },
        ),
        # A's year: only 3 of 12 months have a target, so no target.
        (
            "manager",
            "A",
            "2026",
            {
                "revenue": 110,
                "target": None,
                "attainment": None,
                "orders": 2,
                "average": 55,
                "active": 1,
                "new": 1,
                "lost": 0,
                "returns": 20,
                "overdue": 0,
            },
        ),
        # B is credited with s2 although c2 is A's client; c2's first sale makes it B's new client.
        # Overdue at Jan 31: s2 is due Jan 31, not before it.
        (
            "manager",
            "B",
            "2026-01",
            {
                "revenue": 50,
                "target": None,
                "attainment": None,
                "orders": 1,
                "average": 50,
                "active": 1,
                "new": 1,
                "lost": 0,
                "returns": 0,
                "overdue": 0,
            },
        ),
        # s4 is 200 USD at 0.5 = 100 EUR. Overdue at Feb 28: s2 (50) fell due Jan 31, unpaid.
        (
            "manager",
            "B",
            "2026-02",
            {
                "revenue": 100,
                "target": None,
                "attainment": None,
                "orders": 1,
                "average": 100,
                "active": 1,
                "new": 1,
                "lost": 1,
                "returns": 0,
                "overdue": 50,
            },
        ),
        # March is cut at the report date, Mar 15: s2 (50) plus s4's unpaid half (100 - 50).
        (
            "manager",
            "B",
            "2026-03",
            {
                "revenue": 0,
                "target": None,
                "attainment": None,
                "orders": 0,
                "average": None,
                "active": 0,
                "new": 0,
                "lost": 1,
                "returns": 0,
                "overdue": 100,
            },
        ),
        # B's quarter has a target of its own.
        (
            "manager",
            "B",
            "2026-Q1",
            {
                "revenue": 150,
                "target": 400,
                "attainment": Decimal("0.3750"),
                "orders": 2,
                "average": 75,
                "active": 2,
                "new": 2,
                "lost": 0,
                "returns": 0,
                "overdue": 100,
            },
        ),
        # Team L = L + A + B: targets add up (300 + 400), clients are counted once.
        (
            "team",
            "L",
            "2026-Q1",
            {
                "revenue": 260,
                "target": 700,
                "attainment": Decimal("0.3714"),
                "orders": 4,
                "average": 65,
                "active": 3,
                "new": 3,
                "lost": 0,
                "returns": 20,
                "overdue": 100,
            },
        ),
        # Team H reaches A and B through L: three levels deep.
        (
            "team",
            "H",
            "2026-Q1",
            {
                "revenue": 260,
                "target": 700,
                "attainment": Decimal("0.3714"),
                "orders": 4,
                "average": 65,
                "active": 3,
                "new": 3,
                "lost": 0,
                "returns": 20,
                "overdue": 100,
            },
        ),
        # The company in January: A's target is the only one for that month.
        (
            "company",
            None,
            "2026-01",
            {
                "revenue": 150,
                "target": 100,
                "attainment": Decimal("1.5000"),
                "orders": 2,
                "average": 75,
                "active": 2,
                "new": 2,
                "lost": 0,
                "returns": 0,
                "overdue": 100,
            },
        ),
        # February: c1 and c2 bought in January and not in February; c3 is new.
        (
            "company",
            None,
            "2026-02",
            {
                "revenue": 80,
                "target": 100,
                "attainment": Decimal("0.8000"),
                "orders": 1,
                "average": 80,
                "active": 1,
                "new": 1,
                "lost": 2,
                "returns": 20,
                "overdue": 50,
            },
        ),
    ],  # fmt: skip
)
def test_kpis_by_hand(
    kpis: Kpis, scope: str, manager: str | None, period: str, expected: dict[str, object]
) -> None:
    assert _row(kpis, scope, manager, period) == expected


def test_only_managers_with_reports_have_team_rows(kpis: Kpis) -> None:
    teams = sorted({row.manager_id for row in kpis.rows if row.scope == "team"})
    assert teams == ["H", "L"]


def test_kpis_csv_exact_format(kpis: Kpis) -> None:
    text = kpis_csv(kpis)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    keys = [(row["scope"], row["manager_id"], row["period"]) for row in rows]
    assert keys[:6] == [
        ("company", "", "2026"),
        ("company", "", "2026-01"),
        ("company", "", "2026-02"),
        ("company", "", "2026-03"),
        ("company", "", "2026-Q1"),
        ("team", "H", "2026"),
    ]
    assert len(rows) == 5 * (1 + 2 + 4)
    a_feb = next(
        r
        for r in rows
        if r["scope"] == "manager" and r["manager_id"] == "A" and r["period"] == "2026-02"
    )
    assert a_feb == {
        "scope": "manager", "manager_id": "A", "period": "2026-02", "revenue": "-20.00",
        "revenue_target": "100.00", "attainment": "-0.2000", "orders": "0", "average_order": "",
        "active_clients": "0", "new_clients": "0", "lost_clients": "1", "returns": "20.00",
        "overdue": "0.00", "forecast": "-20.00", "active_clients_target": "",
        "new_clients_target": "",
    }  # fmt: skip
    h_year = next(
        r
        for r in rows
        if r["scope"] == "manager" and r["manager_id"] == "H" and r["period"] == "2026"
    )
    assert (
        h_year["revenue"] == "0.00"
        and h_year["revenue_target"] == ""
        and h_year["attainment"] == ""
    )


def test_expiring_contracts_within_90_days(model: Model) -> None:
    # Mar 15 + 90 days = Jun 13: K1 ends that day, K2 a day later; K3 is terminated; K4 ends today.
    assert [c.contract_id for c in expiring_contracts(model, AS_OF)] == ["K4", "K1"]


def test_same_input_same_csv(model: Model, tmp_path: Path) -> None:
    assert kpis_csv(compute(model, AS_OF)) == kpis_csv(compute(model, AS_OF))


def test_an_amount_is_converted_once_and_written_as_it_was(tmp_path: Path) -> None:
    # Sales that repeat an amount in another currency share one converted value (a big
    # workbook repeats each amount thousands of times); 100.5 and 100.50 are equal, but each
    # keeps its own digits.
    grid = small_grid()
    sale = grid["Sales"][2]  # S2, in USD at 0.9
    grid["Sales"] += [
        ["S3", *sale[1:7], "-10", *sale[8:]],
        ["S4", *sale[1:7], "100.5", *sale[8:]],
        ["S5", *sale[1:7], "100.50", *sale[8:]],
        ["S6", *sale[1:7], "100.50", *sale[8:]],
    ]
    report = check_grid(grid, tmp_path)
    assert report.valid, report.issues
    sales = {sale.sale_id: sale for sale in build_model(report, "EUR").sales}
    assert sales["S2"].amount_base == Decimal("-9.0") and sales["S2"].currency == "USD"
    assert sales["S3"].amount_base is sales["S2"].amount_base
    assert sales["S6"].amount_base is sales["S5"].amount_base
    assert str(sales["S4"].amount_base) == "90.45" and str(sales["S5"].amount_base) == "90.450"
