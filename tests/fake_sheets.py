"""A Google Sheets API on 127.0.0.1, answering in the real API's shape.

Bodies follow the real responses (as recorded in gspread's MIT-licensed test cassettes):
``spreadsheets.get`` gives ``properties`` and ``sheets[].properties``; ``values:batchGet`` gives
``valueRanges`` in the order of the requested ranges, with the range string rewritten
(``'Sales'`` becomes ``Sales!A1:L3``), trailing empty cells and rows left out, no ``values`` key
for an empty tab, and with UNFORMATTED_VALUE / SERIAL_NUMBER numbers, booleans and date serials
as JSON values.
"""

from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from generator.contract.schema import load_schema
from generator.validation.validate import column_letter

KEY = "1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEFG"
_EPOCH = date(1899, 12, 30)


def api_value(kind: str, text: Any) -> Any:
    """The value the API returns for a cell that shows ``text`` in a column of ``kind``."""
    if not isinstance(text, str) or text == "":
        return text
    try:
        if kind == "date":
            return (date.fromisoformat(text) - _EPOCH).days
        if kind in ("number", "integer"):
            number = Decimal(text)
            return int(number) if number == number.to_integral_value() else float(number)
        if kind == "boolean" and text.upper() in ("TRUE", "FALSE"):
            return text.upper() == "TRUE"
    except (ValueError, ArithmeticError):
        pass
    return text


def typed_grid(grid: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    """The grid as the API would type it, from the contract's column types."""
    schema = load_schema()
    typed = {}
    for name, rows in grid.items():
        if not rows:
            typed[name] = []
            continue
        header = rows[0]
        kinds = []
        for column in header:
            try:
                kinds.append(schema.table(name).field(column).type)
            except KeyError:
                kinds.append("string")
        typed[name] = [list(header)] + [
            [
                api_value(kinds[i] if i < len(kinds) else "string", cell)
                for i, cell in enumerate(row)
            ]
            for row in rows[1:]
        ]
    return typed


def _trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    out = []
    for row in rows:
        cells = list(row)
        while cells and cells[-1] in ("", None):
            cells.pop()
        out.append(["" if cell is None else cell for cell in cells])
    while out and not out[-1]:
        out.pop()
    return out


class FakeSheets:
    """Serves one spreadsheet; ``fail`` queues error answers before the real ones."""

    def __init__(
        self, server: HTTPServer, grid: dict[str, list[list[Any]]], title: str = "Team book"
    ) -> None:
        self.server = server
        self.grid = typed_grid(grid)
        self.title = title
        self.failures: list[tuple[str, Response, float]] = []
        server.expect_request(f"/v4/spreadsheets/{KEY}").respond_with_handler(self._metadata)
        server.expect_request(f"/v4/spreadsheets/{KEY}/values:batchGet").respond_with_handler(
            self._values
        )
        server.expect_request("/token", method="POST").respond_with_json(
            {"access_token": "test-access-token", "expires_in": 3600, "token_type": "Bearer"}
        )

    def fail(
        self,
        endpoint: str,
        status: int,
        body: dict[str, Any] | None = None,
        after: float = 0.0,
        **headers: str,
    ) -> None:
        """Answer the next request to ``endpoint`` (metadata or values) with an error,
        ``after`` seconds."""
        payload = json.dumps(body or error_body(status))
        response = Response(
            payload, status=status, headers=headers, content_type="application/json"
        )
        self.failures.append((endpoint, response, after))

    def _failure(self, endpoint: str) -> Response | None:
        for index, (name, response, after) in enumerate(self.failures):
            if name == endpoint:
                del self.failures[index]
                time.sleep(after)
                return response
        return None

    def _metadata(self, request: Request) -> Response:
        failed = self._failure("metadata")
        if failed is not None:
            return failed
        sheets = [
            {"properties": {"sheetId": index, "title": name, "index": index, "sheetType": "GRID",
                            "gridProperties": {"rowCount": 1000, "columnCount": 26}}}
            for index, name in enumerate(self.grid)
        ]  # fmt: skip
        body = {
            "spreadsheetId": KEY,
            "properties": {"title": self.title, "locale": "en_US"},
            "sheets": sheets,
        }
        return Response(json.dumps(body), content_type="application/json")

    def _values(self, request: Request) -> Response:
        failed = self._failure("values")
        if failed is not None:
            return failed
        assert request.args.get("valueRenderOption") == "UNFORMATTED_VALUE"
        assert request.args.get("dateTimeRenderOption") == "SERIAL_NUMBER"
        ranges = []
        for requested in request.args.getlist("ranges"):
            name, _, cells = (
                requested.rpartition("!") if requested.endswith("1:1") else (requested, "", "")
            )
            name = name[1:-1].replace("''", "'") if name.startswith("'") else name
            rows = _trimmed(self.grid[name])[:1] if cells else _trimmed(self.grid[name])
            width = max((len(row) for row in rows), default=0)
            value_range: dict[str, Any] = {"majorDimension": "ROWS"}
            if rows:
                value_range["range"] = f"{name}!A1:{column_letter(max(width - 1, 0))}{len(rows)}"
                value_range["values"] = rows
            else:
                value_range["range"] = f"{name}!A1:Z1000"
            ranges.append(value_range)
        body = {"spreadsheetId": KEY, "valueRanges": ranges}
        return Response(json.dumps(body), content_type="application/json")


def error_body(status: int, message: str = "", reason: str = "") -> dict[str, Any]:
    statuses = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}  # fmt: skip
    body: dict[str, Any] = {
        "error": {
            "code": status,
            "message": message
            or {
                403: "The caller does not have permission",
                404: "Requested entity was not found.",
                429: "Quota exceeded for quota metric 'Read requests'",
            }.get(status, "Error"),  # fmt: skip
            "status": statuses.get(status, "UNKNOWN"),
        }
    }
    if reason:
        body["error"]["details"] = [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason}
        ]
    return body
