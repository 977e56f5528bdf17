"""Read the team's Google spreadsheet: two requests, typed values, errors people can act on.

One metadata request (the title and the tab names) and one ``values:batchGet`` for every tab of
the contract, whatever their number, with ``UNFORMATTED_VALUE`` and ``SERIAL_NUMBER`` so numbers,
booleans and dates arrive typed. Requests go through gspread's HTTP client, subclassed to send
them to ``ACCOUNTBOOK_SHEETS_API_URL`` and to retry 429, 5xx and timeouts with capped, jittered
exponential backoff inside a total time budget (gspread's own ``BackOffHTTPClient`` retries
without a bound).

Credentials are read-only (``spreadsheets.readonly``) and never printed: messages name the
service account's e-mail at most.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..csvfile import CsvWriter
from ..errors import UnavailableError
from ..issues import Issue, issue, shown_value
from .local import Sheet, SourceError, Workbook, cell_sharer

SCOPES = ["https://www.googleapis.com/auth/spreadsheets.readonly"]
DEFAULT_API_URL = "https://sheets.googleapis.com"
_KEY = re.compile(r"^[A-Za-z0-9_-]{25,}$")
_URL = re.compile(r"^https://docs\.google\.com/spreadsheets/d/([A-Za-z0-9_-]+)")
_RETRIED = {429, 500, 502, 503, 504}
_A1_START = re.compile(r"([A-Z]*)(\d*)")


class SheetsError(SourceError):
    """The spreadsheet cannot be read; the message says what to do about it."""

    retryable = False


class SheetsUnavailable(SheetsError):
    """The network or the Sheets API failed, even after retrying: trying later may work."""

    retryable = True
    exit_code = UnavailableError.exit_code


def spreadsheet_key(source: str) -> str | None:
    """The spreadsheet key of a Google Sheets URL or bare key; None for anything else."""
    found = _URL.match(source.strip())
    if found:
        return found.group(1)
    if _KEY.match(source.strip()) and not Path(source).exists():
        return source.strip()
    return None


@dataclass(frozen=True)
class Budget:
    """How long requests may take in all, and how retries back off."""

    total_seconds: float = 60.0
    first_delay: float = 1.0
    longest_delay: float = 16.0
    timeout: tuple[float, float] = (10.0, 60.0)  # connect, read

    @staticmethod
    def from_environment() -> Budget:
        """``ACCOUNTBOOK_SHEETS_RETRY_SECONDS`` (total) and ``ACCOUNTBOOK_SHEETS_TIMEOUT`` (read)."""
        total = float(os.environ.get("ACCOUNTBOOK_SHEETS_RETRY_SECONDS") or Budget.total_seconds)
        read = float(os.environ.get("ACCOUNTBOOK_SHEETS_TIMEOUT") or Budget.timeout[1])
        # A short budget backs off in proportion, so it still gets several tries.
        return Budget(
            total_seconds=total,
            first_delay=min(Budget.first_delay, total / 20),
            longest_delay=min(Budget.longest_delay, total / 3),
            timeout=(min(Budget.timeout[0], read), read),
        )


def _http_client_class(base_url: str, budget: Budget) -> type[Any]:
    from gspread.exceptions import APIError
    from gspread.http_client import HTTPClient
    from requests import RequestException, Response, Timeout

    class SheetsHTTPClient(HTTPClient):
        """gspread's HTTP client, sent to our base URL, retrying within a time budget."""

        def request(
            self,
            method: str,
            endpoint: str,
            params: Any = None,
            data: Any = None,
            json: Any = None,
            files: Any = None,
            headers: MutableMapping[str, str] | None = None,
        ) -> Response:
            url = base_url.rstrip("/") + endpoint.removeprefix(DEFAULT_API_URL)
            # One deadline for the whole read, every request and retry of it together.
            if getattr(self, "deadline", None) is None:
                self.deadline = time.monotonic() + budget.total_seconds
            deadline = self.deadline
            attempt = 0
            failure: Exception | None = None
            while True:
                attempt += 1
                wait: float | None = None
                try:
                    # Credentials never follow a redirect: requests strips only the
                    # Authorization header, not an API key, when the host changes.
                    response = self.session.request(
                        method=method, url=url, json=json, params=params, data=data, files=files,
                        headers=headers, timeout=budget.timeout, allow_redirects=False,
                        stream=True,
                    )  # fmt: skip
                    if not _read_by(response, deadline):
                        # The budget ran out while a retry's answer came in: what failed
                        # before is the news, not that this last try was cut short.
                        raise failure or SheetsUnavailable(
                            "The Sheets API did not answer within the time budget; "
                            "it may be slow or unreachable. Try again later."
                        )
                except Timeout as error:
                    failure = SheetsUnavailable(
                        f"The Sheets API did not answer in time ({type(error).__name__}); "
                        "it may be slow or unreachable. Try again later."
                    )
                except RequestException as error:
                    raise SheetsUnavailable(
                        f"Cannot reach the Sheets API at {base_url} ({type(error).__name__}). "
                        "Check the network connection (and any proxy), then try again."
                    ) from error
                else:
                    if response.is_redirect or 300 <= response.status_code < 400:
                        where = response.headers.get("Location", "another address")
                        raise SheetsError(
                            f"The Sheets API at {base_url} answered with a redirect to {where}; "
                            "Accountbook does not follow redirects, so the credentials go to no "
                            "other address. Check ACCOUNTBOOK_SHEETS_API_URL and any proxy."
                        )
                    if response.ok:
                        return response
                    if response.status_code not in _RETRIED:
                        raise APIError(response)
                    failure = APIError(response)
                    wait = _retry_after(response)
                delay = min(budget.longest_delay, budget.first_delay * 2 ** (attempt - 1))
                delay = random.uniform(delay / 2, delay)  # jitter, so retrying clients spread out
                if wait is not None:
                    delay = max(delay, wait)
                if time.monotonic() + delay > deadline:
                    raise failure
                time.sleep(delay)

    return SheetsHTTPClient


def _read_by(response: Any, deadline: float) -> bool:
    """Read the whole answer before ``deadline``; False (and the answer closed) if it was not.

    The read timeout bounds each wait for data, not the whole answer: one that trickles in a
    byte at a time would otherwise run without end. The body is read in pieces as they come.
    """
    chunks = []
    read = getattr(response.raw, "read1", None) or response.raw.read
    while True:
        if time.monotonic() > deadline:
            response.close()
            return False
        chunk = read(1 << 16, decode_content=True)
        if not chunk:
            break
        chunks.append(chunk)
    response._content = b"".join(chunks)
    response._content_consumed = True
    return True


def _retry_after(response: Any) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class Access:
    """Which credentials are used, said without revealing them."""

    client: Any
    method: str
    identity: str | None = None


def connect(credentials_file: str | None = None, auth: str = "auto") -> Access:
    """A gspread client with read-only credentials, found the documented way.

    In order: the key JSON itself in ``ACCOUNTBOOK_SERVICE_ACCOUNT_JSON`` (how CI secrets
    arrive); a service-account key file (``credentials_file``, else
    ``GOOGLE_APPLICATION_CREDENTIALS``); an API key in ``GOOGLE_API_KEY`` (a publicly shared
    sheet). ``auth="oauth"`` signs in as a person instead (a browser opens once).
    """
    import gspread
    from google.oauth2.service_account import Credentials

    if auth not in ("auto", "service-account", "api-key", "oauth"):
        raise SheetsError(f"auth must be auto, service-account, api-key or oauth, not {auth!r}.")
    base_url = os.environ.get("ACCOUNTBOOK_SHEETS_API_URL") or DEFAULT_API_URL
    http_client = _http_client_class(base_url, Budget.from_environment())
    if auth == "oauth":
        client = gspread.oauth(scopes=SCOPES, http_client=http_client)
        return Access(client, "OAuth (signed in as a person)")
    info_text = os.environ.get("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON")
    path = credentials_file or os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
    if (
        auth in ("auto", "service-account")
        and path
        and not info_text
        and _is_external_account(path)
    ):
        # Workload identity federation (google-github-actions/auth writes such a file): no key.
        import google.auth

        federated, _ = google.auth.load_credentials_from_file(path, scopes=SCOPES)  # type: ignore[no-untyped-call]
        client = gspread.Client(auth=federated, http_client=http_client)
        return Access(client, "workload identity federation")
    if auth in ("auto", "service-account") and (info_text or path):
        info = _service_account_info(info_text, path)
        try:
            credentials = Credentials.from_service_account_info(info, scopes=SCOPES)  # type: ignore[no-untyped-call]
        except (ValueError, KeyError) as error:
            raise SheetsError(
                "The service-account key is not a valid key file "
                f"({type(error).__name__}). Download a new JSON key for the service account."
            ) from None
        client = gspread.Client(auth=credentials, http_client=http_client)
        return Access(client, "service account", info.get("client_email"))
    api_key = os.environ.get("GOOGLE_API_KEY")
    if auth in ("auto", "api-key") and api_key:
        return Access(
            gspread.api_key(api_key, http_client=http_client), "API key (public sheets only)"
        )
    raise SheetsError(
        "No Google credentials found. Set ACCOUNTBOOK_SERVICE_ACCOUNT_JSON to a service-account "
        "key, or point GOOGLE_APPLICATION_CREDENTIALS (or `credentials` in accountbook.toml) to a "
        'key file, or set GOOGLE_API_KEY for a sheet shared publicly, or set auth = "oauth" to '
        "sign in as yourself. See the Google Sheets page of the docs."
    )


def _is_external_account(path: str) -> bool:
    try:
        return bool(
            json.loads(Path(path).read_text(encoding="utf-8")).get("type") == "external_account"
        )
    except (OSError, ValueError, AttributeError):
        return False


def _service_account_info(info_text: str | None, path: str | None) -> dict[str, Any]:
    if info_text:
        where = "ACCOUNTBOOK_SERVICE_ACCOUNT_JSON"
        text = info_text
    else:
        where = str(path)
        try:
            text = Path(str(path)).read_text(encoding="utf-8")
        except OSError as error:
            raise SheetsError(
                f"Cannot read the service-account key file {where} ({error.strerror})."
            ) from None
    try:
        info = json.loads(text)
    except json.JSONDecodeError:
        raise SheetsError(f"The service-account key in {where} is not JSON.") from None
    if not isinstance(info, dict) or info.get("type") != "service_account":
        raise SheetsError(
            f"{where} does not hold a service-account key (its type is not service_account)."
        )
    return info


@dataclass
class Spreadsheet:
    """What one pull read: the title, every tab's name, and the contract's tabs as raw rows."""

    key: str
    title: str
    tabs: list[str]
    workbook: Workbook


def read_sheet(
    key: str, tabs: Iterable[str], access: Access, headers_only: bool = False
) -> Spreadsheet:
    """Read the tabs named ``tabs`` of spreadsheet ``key``: one metadata request, one batchGet.

    ``headers_only`` reads row 1 of each tab alone: what ``doctor`` checks.
    """
    wanted = list(tabs)
    http = access.client.http_client
    try:
        title, names = _title_and_tabs(http, key)
        present = [name for name in wanted if name in names]
        values: list[Mapping[str, Any]] = []
        if present:
            answer = http.values_batch_get(
                key,
                [_quoted(name) + ("!1:1" if headers_only else "") for name in present],
                params={
                    "valueRenderOption": "UNFORMATTED_VALUE",
                    "dateTimeRenderOption": "SERIAL_NUMBER",
                },
            )
            values = answer.get("valueRanges", [])
    except Exception as error:
        raise _explain(error, key, access) from None
    if len(values) != len(present):
        raise SheetsUnavailable(
            f"The Sheets API answered {len(values)} ranges for {len(present)} tabs; try again later."
        )
    workbook = Workbook(location=f"Google Sheets {title!r} ({key})", title=title or key)
    workbook.other_tabs = sorted(name for name in names if name not in wanted)
    # Each answer names its tab in its range ('Sales'!A1:L3001): matched by that name, never
    # by position, so an answer in another order cannot put one tab's rows under another's name.
    answered = {
        _range_tab(str(value_range.get("range", ""))): value_range for value_range in values
    }
    if set(answered) != set(present):
        raise SheetsUnavailable(
            "The Sheets API answered for other tabs than were asked "
            f"({', '.join(sorted(map(repr, answered)))}); try again later."
        )
    for name in present:
        sheet = _sheet(name, answered[name], workbook.problems)
        if sheet is not None:
            workbook.sheets[name] = sheet
    return Spreadsheet(key=key, title=title, tabs=names, workbook=workbook)


def _range_tab(a1_range: str) -> str:
    """The tab name of ``'O''Brien'!A1:C3`` (``O'Brien``) or ``Sales!A1:C3``."""
    name = a1_range.rsplit("!", 1)[0] if "!" in a1_range else a1_range
    if len(name) >= 2 and name[0] == name[-1] == "'":
        return name[1:-1].replace("''", "'")
    return name


def _title_and_tabs(http: Any, key: str) -> tuple[str, list[str]]:
    """The first request: the spreadsheet's title and its tabs' names, nothing else."""
    metadata = http.fetch_sheet_metadata(
        key, params={"fields": "properties.title,sheets.properties.title"}
    )
    title = str(metadata.get("properties", {}).get("title", ""))
    return title, [sheet["properties"]["title"] for sheet in metadata.get("sheets", [])]


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


# Half of a UTF-16 pair with no other half: JSON can carry one ("\\ud800"), UTF-8 cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _sheet(name: str, value_range: Mapping[str, Any], problems: list[Issue]) -> Sheet | None:
    first_row, first_column = _start(str(value_range.get("range", "")))
    rows: list[Any] = value_range.get("values", [])  # an empty tab has no "values" at all
    rows = _without_surrogates(name, rows, first_row, first_column, problems)
    lead = [None] * first_column
    header: list[str] = []
    body: list[Sequence[Any]] = []
    numbers: list[int] = []
    shared = cell_sharer()
    for offset, row in enumerate(rows):
        number = first_row + offset
        # (The response is parsed whole: the repeats are let go of here, not as they are read.)
        cells = lead + shared(row)
        if number == 1:
            header = ["" if cell is None else str(cell).strip() for cell in cells]
        elif any(
            cell is not None and (not isinstance(cell, str) or cell.strip()) for cell in cells
        ):
            body.append(cells)
            numbers.append(number)
    while header and not header[-1]:
        header.pop()
    if not header and not body:
        return None
    return Sheet(name=name, header=header, rows=body, row_numbers=numbers)


def _without_surrogates(
    name: str, rows: list[Any], first_row: int, first_column: int, problems: list[Issue]
) -> list[Any]:
    """The rows with each lone surrogate replaced by U+FFFD, each reported with its cell."""
    from ..validation.validate import column_letter

    def text_of(row: list[Any]) -> str:
        return "".join([cell for cell in row if cell.__class__ is str])

    if not any(_SURROGATE.search(text_of(row)) for row in rows):
        return rows
    cleaned = []
    for offset, row in enumerate(rows):
        if not _SURROGATE.search(text_of(row)):
            cleaned.append(row)
            continue
        cells = list(row)
        for position, cell in enumerate(cells):
            if isinstance(cell, str) and _SURROGATE.search(cell):
                reference = f"{column_letter(first_column + position)}{first_row + offset}"
                cells[position] = _SURROGATE.sub("\ufffd", cell)
                problems.append(
                    issue(
                        "invalid-character",
                        f"{name}!{reference} holds a character that is not text (half of a "
                        "UTF-16 pair, often left by a script or a copy and paste); retype the "
                        "cell",
                        tab=name,
                        cell=f"{name}!{reference}",
                        row=first_row + offset,
                        value=shown_value(cells[position]),
                        expected="text of whole characters",
                    )
                )
        cleaned.append(cells)
    return cleaned


def _start(a1_range: str) -> tuple[int, int]:
    """The 1-based first row and 0-based first column of ``'Tab'!B3:L10`` (default A1)."""
    cell = a1_range.rsplit("!", 1)[-1].split(":", 1)[0]
    found = _A1_START.fullmatch(cell)
    if not found:
        return 1, 0
    letters, digits = found.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (int(digits) if digits else 1), max(column - 1, 0)


def _explain(error: Exception, key: str, access: Access) -> SheetsError:
    """One paragraph that says what went wrong and what to do."""
    from gspread.exceptions import APIError

    if isinstance(error, SheetsError):
        return error
    try:
        from google.auth.exceptions import GoogleAuthError
    except ImportError:  # pragma: no cover - google-auth comes with gspread
        GoogleAuthError = ()  # type: ignore[assignment,misc]  # noqa: N806
    if isinstance(error, GoogleAuthError):
        return SheetsError(
            f"The {access.method} credentials were refused ({type(error).__name__}): the key may "
            "be revoked, expired or for another project. Create a new key and update the secret."
        )
    if not isinstance(error, APIError):
        return SheetsUnavailable(
            f"Reading the spreadsheet failed ({type(error).__name__}). Try again later."
        )
    code = error.code
    status = str(error.error.get("status", ""))
    message = str(error.error.get("message", ""))
    reasons = " ".join(
        str(detail.get("reason", "")) for detail in error.error.get("details", []) or []
    )
    who = f" {access.identity}" if access.identity else ""
    if code == 404:
        return SheetsError(
            f"Spreadsheet {key} was not found. Check the URL or key in --source or accountbook.toml."
        )
    if (
        "SERVICE_DISABLED" in reasons
        or "has not been used in project" in message
        or "is disabled" in message
    ):
        return SheetsError(
            "The Google Sheets API is not enabled for the credentials' Google Cloud project. Enable "
            "it in the Cloud console (APIs & Services > Library > Google Sheets API), wait a minute, "
            "and try again."
        )
    if code == 403:
        return SheetsError(
            f"The spreadsheet is not shared with the{' service account' if access.identity else ''}{who}. "
            "Open the sheet, choose Share, and add that address as a Viewer."
        )
    if code == 400 and (
        "not supported for this document" in message or status == "FAILED_PRECONDITION"
    ):
        return SheetsError(
            f"{key} is an Excel file stored in Google Drive, not a Google Sheet. Open it and choose "
            "File > Save as Google Sheets, then use the new sheet's URL."
        )
    if code in (401,) or "API_KEY_INVALID" in reasons or "API key not valid" in message:
        return SheetsError(
            f"The {access.method} credentials were refused ({status or code}). Check that the key "
            "is current and belongs to this project."
        )
    if code in _RETRIED:
        return SheetsUnavailable(
            f"The Sheets API kept failing ({code} {status}) for the whole retry budget. "
            "Try again later; if it persists, check the API quota of the project."
        )
    return SheetsError(f"The Sheets API refused the request ({code} {status}): {message}")


def write_snapshot(
    spreadsheet: Spreadsheet, kinds: Mapping[str, Mapping[str, str]], out: Path, pulled_at: str
) -> Path:
    """Save what was pulled as a folder of ``<Tab>.csv`` files plus ``snapshot.json``.

    Values are written as the CSV reader reads them back (dates as 2026-03-31, numbers without
    float noise), rows keep their row numbers (blank rows stay blank), so a build from the
    snapshot gives the same site as a build from the sheet. The snapshot is written beside
    ``out`` and renamed into place: a failed pull never leaves half a snapshot or loses the last.
    """
    from ..files import replaced_whole
    from ..validation.cells import as_text
    from .local import SNAPSHOT_FILE

    with replaced_whole(out) as staging:
        for name, sheet in spreadsheet.workbook.sheets.items():
            columns = [kinds.get(name, {}).get(header, "string") for header in sheet.header]
            with (staging / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
                writer = CsvWriter(stream)
                writer.writerow(sheet.header)
                row_number = 1
                for number, row in zip(sheet.row_numbers, sheet.rows, strict=True):
                    while row_number < number - 1:
                        writer.writerow([])
                        row_number += 1
                    writer.writerow(
                        [
                            as_text(columns[i] if i < len(columns) else "string", cell)
                            for i, cell in enumerate(row)
                        ]
                    )
                    row_number = number
        record = {
            "spreadsheet_id": spreadsheet.key,
            "title": spreadsheet.title,
            "pulled_at": pulled_at,
            "tabs": spreadsheet.tabs,
        }
        (staging / SNAPSHOT_FILE).write_text(
            json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return out
