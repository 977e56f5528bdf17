"""Google Sheets, against a real HTTP server on 127.0.0.1 answering in the API's shape."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from generator import pipeline
from generator.cli import cli
from generator.config import Config
from generator.contract.schema import load_schema
from generator.sources.local import read
from generator.sources.sheets import SheetsError, SheetsUnavailable, spreadsheet_key
from generator.validation.validate import validate

from .conftest import check_grid, small_grid, write_csv
from .fake_sheets import KEY, FakeSheets, error_body
from .test_site import make_project, tree_digest

URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0"
SERVICE_EMAIL = "accountbook-reader@team-project.iam.gserviceaccount.com"


@pytest.fixture(scope="session")
def service_account_key() -> dict[str, str]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return {
        "type": "service_account",
        "project_id": "team-project",
        "private_key_id": "0123456789abcdef",
        "private_key": pem,
        "client_email": SERVICE_EMAIL,
        "client_id": "1234567890",
        "token_uri": "replaced per test",
    }


def _sheet_requests(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log if request.path.startswith("/v4/")]


def _read(location: str = URL) -> Any:
    schema = load_schema()
    return validate(read(location, schema.table_names), schema)


def test_keys_and_urls() -> None:
    assert spreadsheet_key(URL) == KEY
    assert spreadsheet_key(KEY) == KEY
    assert spreadsheet_key("examples/demo") is None
    assert spreadsheet_key("team.xlsx") is None


def test_two_requests_read_every_tab_typed(api: HTTPServer, tmp_path: Path) -> None:
    grid = small_grid()
    grid["Notes"] = [["anything"], ["ignored"]]  # a tab the contract does not know
    FakeSheets(api, grid)
    report = _read()
    assert report.issues == []
    assert _sheet_requests(api) == [
        f"/v4/spreadsheets/{KEY}",
        f"/v4/spreadsheets/{KEY}/values:batchGet",
    ]
    (batch, _) = api.log[1]
    assert "Notes" not in " ".join(batch.args.getlist("ranges"))
    # Typed values from the API validate to exactly what the CSV of the same data gives.
    from_csv = check_grid(small_grid(), tmp_path)
    for name, table in from_csv.tables.items():
        assert report.tables[name].columns == table.columns, name
        assert report.tables[name].row_numbers == table.row_numbers, name
    assert report.tables["Sales"].columns["date"][0] == date(2026, 1, 15)
    assert report.tables["Managers"].columns["active"] == [True, True]


def test_the_repeated_texts_of_a_tab_are_kept_once(api: HTTPServer) -> None:
    # The API's answer holds a copy of a text per cell; one is kept (see cell_sharer).
    grid = small_grid()
    grid["Sales"].append(["S3", *grid["Sales"][1][1:]])
    FakeSheets(api, grid)
    rows = read(URL, load_schema().table_names).sheets["Sales"].rows
    first, repeat = rows[0], rows[2]
    assert repeat[0] == "S3" and repeat[2] == first[2] == "C1"
    assert repeat[2] is first[2] and repeat[8] is first[8]  # the client id, the currency


def test_cells_keep_their_coordinates(api: HTTPServer) -> None:
    grid = small_grid()
    grid["Sales"][2][2] = "C404"
    grid["Sales"].insert(2, [""] * 12)  # a blank row: the API sends [] and the next row is row 4
    FakeSheets(api, grid)
    report = _read()
    assert [(issue.code, issue.cell) for issue in report.issues] == [("foreign-key", "Sales!C4")]


def test_empty_tabs_and_missing_required_tab(api: HTTPServer) -> None:
    grid = small_grid()
    grid["Complaints"] = []  # optional and empty: the API sends no "values"
    grid["Contracts"] = []  # required and empty
    grid["Sales"] = [[cell if cell != "K1" else "" for cell in row] for row in grid["Sales"]]
    FakeSheets(api, grid)
    report = _read()
    assert [(issue.code, issue.tab) for issue in report.issues] == [("missing-tab", "Contracts")]


def test_rate_limited_then_served(api: HTTPServer) -> None:
    fake = FakeSheets(api, small_grid())
    fake.fail("values", 429, **{"Retry-After": "0"})
    assert _read().valid
    assert (
        _sheet_requests(api)
        == [f"/v4/spreadsheets/{KEY}"] + [f"/v4/spreadsheets/{KEY}/values:batchGet"] * 2
    )


def test_never_ending_429_gives_up_within_the_budget(api: HTTPServer) -> None:
    fake = FakeSheets(api, small_grid())
    for _ in range(200):
        fake.fail("metadata", 429)
    started = time.monotonic()
    with pytest.raises(SheetsUnavailable, match="kept failing"):
        _read()
    assert time.monotonic() - started < 2 + 1.0
    assert 3 <= len(_sheet_requests(api)) < 200


def test_server_error_is_retried_then_reported(api: HTTPServer) -> None:
    fake = FakeSheets(api, small_grid())
    for _ in range(200):
        fake.fail("values", 500)
    with pytest.raises(SheetsUnavailable, match=r"kept failing \(500 INTERNAL\)"):
        _read()


def test_budget_running_out_during_a_retry_reports_the_failure_before_it(api: HTTPServer) -> None:
    fake = FakeSheets(api, small_grid())
    fake.fail("values", 500)
    fake.fail("values", 500, after=2.3)  # this answer comes in after the 2 s budget has run out
    with pytest.raises(SheetsUnavailable, match=r"kept failing \(500 INTERNAL\)"):
        _read()
    assert len(_sheet_requests(api)) == 3  # metadata, then the values twice


def test_timeout_is_retried_then_reported(api: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from werkzeug import Response

    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_TIMEOUT", "0.3")
    stalled = threading.Event()
    stalled.set()

    def slow(request: Any) -> Any:
        stalled.wait(0) and time.sleep(0.8)
        return Response("{}", content_type="application/json")

    api.expect_request(f"/v4/spreadsheets/{KEY}").respond_with_handler(slow)
    try:
        with pytest.raises(SheetsUnavailable, match="did not answer in time"):
            _read()
    finally:
        # Requests the client gave up on are still queued at the server: let them be answered
        # here, at once, rather than by the next test's handlers.
        stalled.clear()
        seen, deadline = -1, time.monotonic() + 3
        while len(api.log) != seen and time.monotonic() < deadline:
            seen = len(api.log)
            time.sleep(0.9)
    assert len(_sheet_requests(api)) >= 2  # it retried before giving up


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (404, error_body(404), "was not found. Check the URL or key"),
        (403, error_body(403), "is not shared with the"),
        (
            400,
            error_body(400, "This operation is not supported for this document", ""),
            "an Excel file stored in Google Drive",
        ),
        (
            403,
            error_body(
                403,
                "Google Sheets API has not been used in project 42 before or it is disabled.",
                "SERVICE_DISABLED",
            ),
            "Sheets API is not enabled",
        ),  # fmt: skip
        (
            400,
            error_body(400, "API key not valid. Please pass a valid API key.", "API_KEY_INVALID"),
            "credentials were refused",
        ),
    ],
)
def test_errors_people_can_act_on(
    api: HTTPServer, status: int, body: dict[str, Any], message: str
) -> None:
    fake = FakeSheets(api, small_grid())
    fake.fail("metadata", status, body)
    with pytest.raises(SheetsError, match=message) as raised:
        _read()
    assert not isinstance(raised.value, SheetsUnavailable)
    assert "test-api-key" not in str(raised.value)


def test_service_account_not_shared_names_its_email(
    api: HTTPServer, monkeypatch: pytest.MonkeyPatch, service_account_key: dict[str, str]
) -> None:
    key = {**service_account_key, "token_uri": api.url_for("/token")}
    monkeypatch.setenv("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", json.dumps(key))
    fake = FakeSheets(api, small_grid())
    fake.fail("metadata", 403)
    with pytest.raises(SheetsError) as raised:
        _read()
    assert f"not shared with the service account {SERVICE_EMAIL}" in str(raised.value)
    assert "Share" in str(raised.value)
    token_requests = [request for request, _ in api.log if request.path == "/token"]
    assert len(token_requests) == 1
    sheet_requests = [request for request, _ in api.log if request.path.startswith("/v4/")]
    assert sheet_requests[0].headers["Authorization"] == "Bearer test-access-token"


def test_service_account_reads_the_sheet(
    api: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    service_account_key: dict[str, str],
    tmp_path: Path,
) -> None:
    path = tmp_path / "key.json"
    path.write_text(
        json.dumps({**service_account_key, "token_uri": api.url_for("/token")}), encoding="utf-8"
    )
    monkeypatch.delenv("GOOGLE_API_KEY")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(path))
    FakeSheets(api, small_grid())
    assert _read().valid


def test_refused_credentials(
    api: HTTPServer, monkeypatch: pytest.MonkeyPatch, service_account_key: dict[str, str]
) -> None:
    api.expect_request("/bad-token", method="POST").respond_with_json(
        {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}, status=400
    )
    monkeypatch.setenv(
        "ACCOUNTBOOK_SERVICE_ACCOUNT_JSON",
        json.dumps({**service_account_key, "token_uri": api.url_for("/bad-token")}),
    )
    FakeSheets(api, small_grid())
    with pytest.raises(SheetsError, match="credentials were refused") as raised:
        _read()
    assert "PRIVATE KEY" not in str(raised.value)


def test_no_credentials(api: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOOGLE_API_KEY")
    with pytest.raises(SheetsError, match="No Google credentials found"):
        _read()


def test_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_API_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("GOOGLE_API_KEY", "k")
    with pytest.raises(SheetsUnavailable, match="Cannot reach the Sheets API"):
        _read()


def test_pull_snapshot_builds_the_same_site_as_the_sheet(api: HTTPServer, tmp_path: Path) -> None:
    grid = small_grid()
    grid["Sales"].insert(2, [""] * 12)  # row numbers must survive the snapshot
    FakeSheets(api, grid, title="Meridian team book")
    snapshot = pipeline.pull(Config(source=URL), tmp_path / "snapshot", "2026-11-22T03:00:00+00:00")
    recorded = json.loads((snapshot / "snapshot.json").read_text(encoding="utf-8"))
    assert recorded == {
        "spreadsheet_id": KEY,
        "title": "Meridian team book",
        "pulled_at": "2026-11-22T03:00:00+00:00",
        "tabs": list(grid),
    }
    assert (
        (snapshot / "Sales.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("S1,2026-01-15,C1,K1")
    )
    from_sheet, from_snapshot = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    as_of = date(2026, 3, 31)
    pipeline.build(Config(source=URL), as_of, from_sheet)
    pipeline.build(Config(source=str(snapshot)), as_of, from_snapshot)
    for name in ("docs", "site"):
        differing = {
            path for path, digest in tree_digest(from_sheet / name).items()
            if tree_digest(from_snapshot / name).get(path) != digest
        }  # fmt: skip
        assert differing == set(), (
            name,
            differing,
            (from_sheet / "docs" / "data" / "quality.md").read_text(),
        )
    assert "Meridian team book" in (from_snapshot / "site" / "index.html").read_text(
        encoding="utf-8"
    )


def test_failed_pull_keeps_the_earlier_snapshot(api: HTTPServer, tmp_path: Path) -> None:
    fake = FakeSheets(api, small_grid())
    snapshot = pipeline.pull(Config(source=URL), tmp_path / "snapshot", "first")
    before = tree_digest(snapshot)
    for _ in range(200):
        fake.fail("values", 503)
    result = CliRunner().invoke(cli, ["pull", "--source", URL, "--out", str(snapshot)])
    assert result.exit_code == 4
    assert tree_digest(snapshot) == before
    assert [path.name for path in tmp_path.iterdir()] == ["snapshot"]


def test_cli_exit_codes_and_no_secrets_in_output(
    api: HTTPServer, monkeypatch: pytest.MonkeyPatch, service_account_key: dict[str, str]
) -> None:
    key = {**service_account_key, "token_uri": api.url_for("/token")}
    monkeypatch.setenv("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", json.dumps(key))
    fake = FakeSheets(api, small_grid())
    fake.fail("metadata", 404)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--source", URL],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "was not found" in result.stderr and "Traceback" not in result.stderr
    for secret in ("PRIVATE KEY", "test-access-token", key["private_key_id"]):
        assert secret not in result.stdout + result.stderr
    assert CliRunner().invoke(cli, ["check", "--source", URL]).exit_code == 0


def test_doctor_says_what_to_fix(api: HTTPServer) -> None:
    grid = small_grid()
    grid["sales"] = grid.pop("Sales")
    grid["Clients"][0][1] = "Name"
    FakeSheets(api, grid)
    result = CliRunner().invoke(cli, ["doctor", "--source", URL])
    assert result.exit_code == 1, result.output
    assert "credentials: API key (public sheets only)" in result.output
    assert (
        "fix   Sales: the required tab Sales is missing; a tab named 'sales' exists"
        in result.output
    )
    assert (
        "fix   Clients!1:1: the column 'name' is missing; the header 'Name' looks like it"
        in result.output
    )
    assert len(_sheet_requests(api)) == 2


def test_doctor_all_good(api: HTTPServer, tmp_path: Path) -> None:
    FakeSheets(api, small_grid())
    result = CliRunner().invoke(cli, ["doctor", "--source", URL])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "Tabs and headers match the contract. Run accountbook check for the values."
    )
    local = CliRunner().invoke(
        cli, ["doctor", "--source", str(write_csv(small_grid(), tmp_path / "b"))]
    )
    assert local.exit_code == 0 and "none needed (a local source)" in local.output
