"""A last look at a built site before anyone sees it: no foreign script, no leak.

The scan fails on any ``<script>`` the theme did not put there, any ``on...=`` event attribute,
any ``javascript:`` (or ``vbscript:``, ``data:text/html``) link, any personal or internal value
of the workbook that the config does not publish, and anything that looks like a credential.
It reads the files as text with regular expressions, so it stays fast on a 20,000-page site.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from . import workers as parallel
from .issues import shown_value

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# A start tag, its quoted attribute values taken whole (a '>' or 'on...=' inside them is text).
_TAG = re.compile(
    r"""<[a-zA-Z][^\s/>]*((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?|\s*/)*)\s*>"""
)
_ATTRIBUTE = re.compile(r"""([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
# The theme's only per-page difference: the site's root, relative ("../..") or, on the 404 page
# of a site with site_url, its path ("/accounts/").
_SCOPE = re.compile(r'new URL\("[^"<>\\]*",location\)')
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data:text/html)", re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)<")
# Bounded repetitions: minified theme scripts hold long runs without spaces.
_EMAIL = re.compile(r"[^\s<>\"'(),;:]{1,64}@[^\s<>\"'(),;:@]{1,255}\.[A-Za-z]{2,24}")
_PHONE = re.compile(r"\+?\d[\d ()./-]{6,30}\d")
_CREDENTIAL = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----|\bya29\.[0-9A-Za-z_-]{20,}|\bAIza[0-9A-Za-z_-]{35}\b"
)
_TEXT_FILES = {".html", ".xml", ".json", ".csv", ".svg", ".txt", ".js", ".md"}
_THEME_SCRIPT_FOLDER = "assets/javascripts/"


@dataclass(frozen=True)
class Finding:
    """Something that must not be published, and where."""

    file: str
    what: str
    detail: str


def secrets_from_environment(environ: dict[str, str] | None = None) -> set[str]:
    """Credential strings the environment holds: none of them may appear in the site."""
    environ = dict(os.environ) if environ is None else environ
    found: set[str] = set()
    if environ.get("GOOGLE_API_KEY"):
        found.add(environ["GOOGLE_API_KEY"])
    raw = environ.get("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON")
    if raw:
        try:
            key = json.loads(raw)
        except ValueError:
            key = {}
        if isinstance(key, dict):
            if key.get("private_key_id"):
                found.add(str(key["private_key_id"]))
            body = "".join(str(key.get("private_key", "")).splitlines()[1:-1])
            found.update(
                body[start : start + 40] for start in range(0, max(len(body) - 40, 0), 200)
            )
    return {secret for secret in found if len(secret) >= 8}


# Below this many files a site is scanned in one process; above, by one process per core.
PARALLEL_FILES = 4000


def scan(site: Path, private: Iterable[str], secrets: Iterable[str] = ()) -> list[Finding]:
    """Every finding in the files of ``site``: foreign scripts, handlers, bad links, leaks.

    A big site's files are shared out between forked processes, one per core; the findings
    come back in the files' order either way.
    """
    private_values = {value.strip() for value in private if len(value.strip()) >= 4}
    emails = {value.lower() for value in private_values if "@" in value}
    secret_values = [secret for secret in secrets if secret]
    allowed_inline = _theme_inline_scripts(site)
    paths = sorted(path for path in site.rglob("*") if path.is_file())
    workers = min(parallel.cores(), max(1, len(paths) // (PARALLEL_FILES // 2)))
    if workers < 2 or not parallel.can_fork():
        return _scan_files(site, paths, allowed_inline, private_values, emails, secret_values)
    with tempfile.TemporaryDirectory(prefix="accountbook-scan-") as folder:
        processes = []
        for worker in range(workers):
            out = Path(folder) / f"{worker}.json"
            process = parallel.start(
                _scan_child, site, paths[worker::workers], allowed_inline, private_values,
                emails, secret_values, out,
            )  # fmt: skip
            processes.append((process, out))
        findings: list[Finding] = []
        try:
            for process, out in processes:
                process.join()
                if process.exitcode == 130:
                    raise KeyboardInterrupt
                if process.exitcode != 0 or not out.is_file():
                    raise RuntimeError(f"the safety scan stopped (exit code {process.exitcode})")
                findings += [Finding(**found) for found in json.loads(out.read_text("utf-8"))]
        finally:
            for process, _ in processes:
                if process.is_alive():
                    process.terminate()
                    process.join()
    place = {str(path.relative_to(site)): index for index, path in enumerate(paths)}
    return sorted(findings, key=lambda found: place.get(found.file.removesuffix(" (cells)"), -1))


def _scan_child(
    site: Path,
    paths: list[Path],
    allowed_inline: set[str],
    private: set[str],
    emails: set[str],
    secrets: list[str],
    out: Path,
) -> None:
    try:
        found = _scan_files(site, paths, allowed_inline, private, emails, secrets)
        out.write_text(json.dumps([asdict(finding) for finding in found]), encoding="utf-8")
    except KeyboardInterrupt:
        os._exit(130)
    except BaseException:  # noqa: BLE001 (the parent reports that the scan stopped)
        os._exit(1)
    os._exit(0)


def _scan_files(
    site: Path,
    paths: list[Path],
    allowed_inline: set[str],
    private: set[str],
    emails: set[str],
    secrets: list[str],
) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        name = str(path.relative_to(site))
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            findings += _leak_findings(
                name + " (cells)", _workbook_text(path), private, emails, secrets
            )
            continue
        if suffix not in _TEXT_FILES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".svg"):
            findings += _markup_findings(name, text, allowed_inline)
        if suffix == ".js":  # the theme's own scripts: only look for credentials
            findings += _leak_findings(name, text, set(), set(), secrets)
        else:
            findings += _leak_findings(name, text, private, emails, secrets)
    return findings


def _workbook_text(path: Path) -> str:
    """The text cells of a workbook, one per line, as XML text nodes (shared and inline strings)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = [
                name
                for name in archive.namelist()
                if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/")
            ]
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in parts)
    except (OSError, zipfile.BadZipFile):
        return ""


def _theme_inline_scripts(site: Path) -> set[str]:
    """The inline scripts of the theme's own 404 page, which holds no data at all."""
    page = site / "404.html"
    if not page.is_file():
        return set()
    text = page.read_text(encoding="utf-8")
    return {
        _SCOPE.sub("", body.strip())
        for attributes, body in _SCRIPT.findall(text)
        if body.strip() and "__config" not in attributes
    }


def _markup_findings(name: str, text: str, allowed_inline: set[str]) -> list[Finding]:
    findings = []
    for attributes, body in _SCRIPT.findall(text):
        source = re.search(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""", attributes)
        if source:
            if _THEME_SCRIPT_FOLDER not in source.group(1) or "://" in source.group(1):
                findings.append(Finding(name, "foreign script", source.group(1)[:80]))
        elif 'id="__config"' in attributes and 'type="application/json"' in attributes:
            continue  # the theme's settings, as JSON
        elif body.strip() and _SCOPE.sub("", body.strip()) not in allowed_inline:
            findings.append(Finding(name, "foreign inline script", body.strip()[:60]))
    for attributes in _TAG.findall(text):
        if not attributes or attributes.isspace():
            continue  # <td>, <tr>, <p>: most tags of a table-heavy page
        findings += [
            Finding(name, what, detail) for what, detail in _attribute_findings(attributes)
        ]
    return findings


@lru_cache(maxsize=1 << 16)
def _attribute_findings(attributes: str) -> tuple[tuple[str, str], ...]:
    """What is wrong with a tag's attributes. Remembered: every page repeats the theme's tags
    (header, navigation, icons), and a dossier's links to its manager and the downloads."""
    found = []
    for attribute, quoted in _ATTRIBUTE.findall(attributes):
        attribute = attribute.lower()
        if attribute.startswith("on"):
            found.append(("event handler attribute", attribute))
        elif attribute in _URL_ATTRIBUTES and quoted:
            url = html.unescape(quoted.strip("\"'"))
            if _DANGEROUS_SCHEME.match(re.sub(r"[\x00-\x20]", "", url)):
                found.append(("script URL", url[:60]))
    return tuple(found)


def _leak_findings(
    name: str, text: str, private: set[str], emails: set[str], secrets: list[str]
) -> list[Finding]:
    findings = []
    if private:
        # Values stand whole in a table cell or a line; e-mails and phone numbers may also
        # stand inside a sentence, so they are looked for as words too.
        markup = name.endswith((".html", ".svg", ".xml", "(cells)"))
        # Each distinct text once: a page repeats the theme's navigation and many table cells.
        raw = set(_TEXT.findall(text) if markup else text.splitlines())
        nodes = {html.unescape(node).strip() for node in raw}
        leaked = nodes & private
        findings += [
            Finding(name, "personal or internal value", shown_value(value, personal=True))
            for value in sorted(leaked)
        ]
        words = "\n".join(sorted(nodes))
        for email in _EMAIL.findall(words) if "@" in words else ():
            if email.lower() in emails and email not in leaked:
                leaked.add(email)
                findings.append(Finding(name, "personal e-mail", shown_value(email, personal=True)))
        for phone in _PHONE.findall(words):
            if phone.strip() in private and phone.strip() not in leaked:
                leaked.add(phone.strip())
                findings.append(
                    Finding(name, "personal phone number", shown_value(phone, personal=True))
                )
    for secret in secrets:
        if secret in text:
            findings.append(Finding(name, "credential", "a credential from the environment"))
    # The regular expression only where one of its fixed starts is (a substring test is fast).
    if "PRIVATE KEY" in text or "ya29." in text or "AIza" in text:
        for found in _CREDENTIAL.finditer(text):
            findings.append(Finding(name, "credential", found.group(0)[:12] + "…"))
    return findings
