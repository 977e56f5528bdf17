"""A last look at a built site before anyone sees it: no foreign script, no leak.

The scan fails on any ``<script>`` the theme did not put there, any ``on...=`` event attribute,
any ``javascript:``, ``vbscript:`` or ``data:`` URL (but pictures), any frame, object or
``srcdoc``, any personal or internal value of the workbook that the config does not publish
(saying which column and cell it came from), and anything that looks like a credential.

Pages and pictures are read by a real HTML parser (every element, attribute and text node),
CSV files as cells, JSON files as strings (the search index's texts are HTML: parsed too), and
workbooks as their cells' text.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import workers as parallel
from ..issues import shown_value

if TYPE_CHECKING:
    from .shell import Shell

# The theme's only per-page difference: the site's root, relative ("../..") or, on the 404 page
# of a site with site_url, its path ("/accounts/").
_SCOPE = re.compile(r'new URL\("[^"<>\\]*",location\)')
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript):", re.IGNORECASE)
# Bounded repetitions: minified theme scripts hold long runs without spaces.
_EMAIL = re.compile(r"[^\s<>\"'(),;:]{1,64}@[^\s<>\"'(),;:@]{1,255}\.[A-Za-z]{2,24}")
# ("\+?\d" spelled as a choice: the same matches, and an optional "+" made the engine set up a
# repetition at every character of every text scanned; 0.7x the time over a site's dossiers.)
_PHONE = re.compile(r"(?:\+\d|\d)[\d ()./-]{6,30}\d")
_CREDENTIAL = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----|\bya29\.[0-9A-Za-z_-]{20,}|\bAIza[0-9A-Za-z_-]{35}\b"
)
_TEXT_FILES = {".html", ".xml", ".json", ".csv", ".svg", ".txt", ".js", ".md"}
_SCANNED = _TEXT_FILES | {".xlsx"}  # the files the scan reads; no other holds text
_THEME_SCRIPT_FOLDER = "assets/javascripts/"
# Our own scripts (the lists' sorting and filters; search on a site opened from disk), at the
# site's root (404 pages name them from the server's root): allowed by their names in a page,
# and as files only with the very content the package ships.
OUR_SCRIPTS = ("accountbook.js", "accountbook-offline.js")
_OUR_SCRIPT_SOURCE = re.compile(r"(?:(?:\.\./)*|/(?:[\w.~-]+/)*)accountbook(?:-offline)?\.js")
_OFFLINE_INDEX = "var __index = "  # search/search_index.js: the index, read by file: pages


@lru_cache(maxsize=2)
def _our_script(name: str) -> str:
    from ..pages.render import packaged

    return packaged(name)


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


class Scanner:
    """What the scan looks for: ready to look at files one at a time, read from disk or given
    as they are written (a big site's pages, pictures and workbooks are looked at where they
    are made, before the system has had time to drop them from memory).

    ``private`` maps each value that must not be published to where it came from
    (``Clients.email, Clients!F4``), or is just the values. The inline scripts a page may hold
    are the theme's (see :meth:`allow_theme`)."""

    def __init__(
        self, private: Mapping[str, str] | Iterable[str], secrets: Iterable[str] = ()
    ) -> None:
        origins = private if isinstance(private, Mapping) else dict.fromkeys(private, "")
        self.private = {
            value.strip(): where for value, where in origins.items() if len(value.strip()) >= 4
        }
        self.emails = {value.lower() for value in self.private if "@" in value}
        self.secrets = [secret for secret in secrets if secret]
        self.allowed_inline: set[str] = set()
        self._records: dict[str, tuple[_ShellView, str]] = {}
        # Texts found in a file with nothing in them (see :func:`_leak_findings`): the labels,
        # dates, amounts and a picture's coordinates every page repeats are looked at once.
        self.clean: set[str] = set()
        self.in_shell = 0  # the record pages looked at as their shell around their own parts

    def allow_theme(self, site: Path) -> None:
        """Allow the inline scripts of the theme's own 404 page in ``site``: it holds no data."""
        self.allowed_inline = _theme_inline_scripts(site)

    def know_shell(self, shell: Shell, pages: Mapping[str, str]) -> None:
        """Look at the record pages ``pages`` (a file in the site: its page's URL) as ``shell``
        around each page's own parts: the shell is read once, each page's article alone
        (much less than a whole page, twice as fast). A page that is not, or whose article
        reaches outside itself, is read whole."""
        view = _ShellView(shell)
        self._records.update((name, (view, url)) for name, url in pages.items())

    def look(self, name: str, content: str | bytes) -> list[Finding]:
        """The findings in the file ``name`` (relative to the site) that holds ``content``."""
        return self._file(name, content, None)

    def files(
        self,
        site: Path,
        paths: list[Path],
        advance: Callable[[int, int], None] | None = None,
    ) -> list[Finding]:
        """The findings in the files ``paths`` below ``site``, read from disk, in their order."""
        findings: list[Finding] = []
        for done, path in enumerate(paths):
            if advance is not None:
                advance(done, len(paths))
            if path.suffix.lower() in _SCANNED:
                findings += self._file(str(path.relative_to(site)), path.read_bytes(), path)
        return findings

    def _file(self, name: str, content: str | bytes, path: Path | None) -> list[Finding]:
        suffix = os.path.splitext(name)[1].lower()
        if suffix == ".xlsx":
            # The cells' text, as the XML text nodes of the parts our writers wrote (no markup,
            # no CDATA): a pattern reads them exactly, and 20,000 workbooks are read in seconds.
            # A workbook as TableWorkbook wrote it keeps its parts: they need no unzipping.
            written = getattr(content, "parts", None)
            if written is not None:
                xml = "\n".join(text for part, text in written if _holds_text(part))
            else:
                data = content if isinstance(content, bytes) else content.encode("utf-8")
                xml = "\n".join(part.decode("utf-8", "replace") for part in _workbook_parts(data))
            texts = {
                html.unescape(node) if "&" in node else node for node in set(_TEXT.findall(xml))
            }
            return self._leaks(name + " (cells)", texts, xml)
        if suffix not in _TEXT_FILES:
            return []
        if suffix in (".svg", ".xml"):  # pictures and the sitemap are XML: read as XML
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            found, texts = _xml(name, data, markup=suffix == ".svg")
            return found + self._leaks(name, texts, data.decode("utf-8", "replace"))
        text = _text(content)
        findings: list[Finding] = []
        if suffix == ".js" and text.startswith(_OFFLINE_INDEX):
            # The search index as a script, for a site opened from disk: the index's texts
            # (unless they are those of the JSON index beside it, which is read as such).
            beside = path.with_suffix(".json") if path is not None else None
            if (
                beside is not None
                and beside.is_file()
                and beside.read_text(encoding="utf-8") == text[len(_OFFLINE_INDEX) :]
            ):
                return []
            texts, findings = _json_texts(name, text[len(_OFFLINE_INDEX) :], self.allowed_inline)
            return findings + self._leaks(name, texts, text)
        if suffix == ".js":  # the theme's own scripts: only look for credentials
            base = os.path.basename(name)
            if base in OUR_SCRIPTS and text != _our_script(base):
                findings.append(Finding(name, "altered script", "not the one Accountbook ships"))
            return findings + _leak_findings(name, set(), text, {}, set(), self.secrets)
        if suffix == ".html":
            record = self._records.get(name)
            if record is not None:
                in_shell = record[0].look(self, name, text, record[1])
                if in_shell is not None:
                    self.in_shell += 1
                    return in_shell
            page = _Markup(name, self.allowed_inline)
            page.read(text)
            findings += page.findings
            texts = page.texts
        elif suffix == ".json":
            texts, findings = _json_texts(name, text, self.allowed_inline)
        elif suffix == ".csv":
            texts = _csv_texts(text)
        else:
            texts = set(text.splitlines())
        return findings + self._leaks(name, texts, text)

    def _leaks(
        self, name: str, texts: set[str], text: str, known: _Known | None = None
    ) -> list[Finding]:
        """The leaks in the file ``name``: see :func:`_leak_findings` (with the texts this
        scanner found clean before)."""
        return _leak_findings(
            name,
            texts,
            text,
            self.private,
            self.emails,
            self.secrets,
            known or _NOTHING_KNOWN,
            self.clean,
        )


def _text(content: str | bytes) -> str:
    """A text file's content as Python reads the file back: UTF-8 (an invalid byte replaced),
    with universal newlines."""
    text = content if isinstance(content, str) else content.decode("utf-8", "replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def scan(
    site: Path,
    private: Mapping[str, str] | Iterable[str],
    secrets: Iterable[str] = (),
    advance: Callable[[int, int], None] | None = None,
    records: tuple[Shell, Mapping[str, str]] | None = None,
) -> list[Finding]:
    """Every finding in the files of ``site``: foreign scripts, handlers, bad links, leaks.

    ``private`` maps each value that must not be published to where it came from
    (``Clients.email, Clients!F4``), or is just the values. ``advance(done, total)`` hears how
    many files are scanned (see :func:`scan_files`). ``records``: the shell the site's record
    pages were written into, and those pages (see :meth:`Scanner.know_shell`).
    """
    scanner = Scanner(private, secrets)
    scanner.allow_theme(site)
    if records is not None:
        scanner.know_shell(*records)
    return scan_files(scanner, site, [site / name for name in site_files(site)], advance)


def site_files(folder: Path) -> list[str]:
    """Every file below ``folder`` (a link to a file too, not a link to a folder), as its path
    relative to it with "/", in the order of a sorted listing (by folder, then name)."""
    found: list[str] = []

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                elif entry.is_file():
                    found.append(prefix + entry.name)

    walk(str(folder), "")
    return sorted(found, key=_path_order)


def _path_order(name: str) -> list[str]:
    """A relative path's place in a sorted listing: by its folders, then its name."""
    return name.split("/")


def scan_files(
    scanner: Scanner,
    site: Path,
    paths: list[Path],
    advance: Callable[[int, int], None] | None = None,
) -> list[Finding]:
    """The findings of ``scanner`` in the files ``paths`` below ``site``, in the files' order.

    Many files are shared out between forked processes, one per core. ``advance(done, total)``
    hears how many files are scanned (in this process)."""
    workers = min(parallel.cores(), max(1, len(paths) // (PARALLEL_FILES // 2)))
    if workers < 2 or not parallel.can_fork():
        return scanner.files(site, paths, advance)
    processes = [
        parallel.start(scanner.files, site, paths[worker::workers]) for worker in range(workers)
    ]
    findings: list[Finding] = []
    try:
        for done, process in enumerate(processes, start=1):
            findings += parallel.outcome(process)
            if advance is not None:
                advance(len(paths) * done // len(processes), len(paths))
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join()
    return in_file_order(findings)


def in_file_order(findings: list[Finding]) -> list[Finding]:
    """The findings in the order of their files' paths (each file's in the order found), as a
    sorted listing of the site gives the files."""
    return sorted(findings, key=lambda found: _path_order(found.file.removesuffix(" (cells)")))


# Attributes whose value is a URL the browser loads or follows (SVG animation too: an
# <animate attributeName="href" values="javascript:..."> sets a link's target).
_URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
        "srcset", "ping", "cite", "longdesc", "manifest", "codebase", "icon", "values", "to",
        "from", "by", "lowsrc", "dynsrc",
    }
)  # fmt: skip
# Elements that load another document (or run one) inside a page: none of ours has one.
_FOREIGN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base"})
_SAFE_DATA = re.compile(r"^data:image/(?:png|gif|jpeg|webp)[;,]", re.IGNORECASE)
_BIDI_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
_ISOLATE = re.compile("[\u2066-\u2069]")


def _any_case(*names: str) -> str:
    """A pattern for any of ``names`` (element names) in any case, as HTML reads them.

    HTML's names are blind to case in ASCII only (a browser takes ``<ıframe>`` for an element
    of its own). ``re.IGNORECASE`` also takes "ı", "İ", "ſ" and "K" for ASCII letters, and folds
    every character the engine tries: over a dossier, letters in brackets take 0.7x its time.
    The names' first letters are looked ahead for first: the engine then tries the names only
    where one may start, not at every "<" (0.4x the time of a dossier's bare foreign tags)."""
    spelled = ("".join(f"[{char}{char.upper()}]" for char in name) for name in names)
    first = sorted({case for name in names for case in (name[0], name[0].upper())})
    return "(?=[" + "".join(first) + "])(?:" + "|".join(spelled) + ")"


# Patterns over the parser's canonical serialization (see _Markup): attribute values always in
# double quotes with '"', '<', '>' and '&' escaped, text with '<' and '&' escaped.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_RAW_TEXT = re.compile(r"(<(script|style)\b[^>]*>).*?(</\2>)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>/]+(?:=\"[^\"]*\")?)*)\s*/?>")
# (Possessive where giving back could never help: a shorter name or value is followed by one
# of its own characters, which nothing after it takes. A tag without attributes fails at once.)
_TAG_WITH_ATTRIBUTES = re.compile(
    r"<([a-zA-Z][^\s/>]*+)((?:\s+[^\s=>/]++(?:=\"[^\"]*+\")?)+)\s*/?>"
)
_BARE_FOREIGN = re.compile(
    "<(" + _any_case(*sorted(_FOREIGN_ELEMENTS, key=len, reverse=True)) + r")\s*/?>"
)
_ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:=\"([^\"]*)\")?")
_VALUE = re.compile(r"=\"([^\"]*)\"")
_TEXT = re.compile(r">([^<]+)<")


class _Markup:
    """One page (or picture, or sitemap) as a browser reads it: parsed by an HTML5 parser
    (Lexbor, the parsing algorithm browsers follow), then looked at in the parser's own
    serialization, where every tag, attribute and text is written one canonical way (quoted,
    entities decoded and escaped alike), so whatever the spelling, quoting or encoding of the
    file, nothing hides from the patterns below."""

    def __init__(self, name: str, allowed_inline: set[str]) -> None:
        self.name = name
        self.allowed_inline = allowed_inline
        self.findings: list[Finding] = []
        self.texts: set[str] = set()
        self.inline_scripts: list[str] = []

    def read(self, text: str) -> None:
        from selectolax.lexbor import LexborHTMLParser

        self.read_canonical(LexborHTMLParser(text).html or "")

    def read_canonical(self, canonical: str, alone: bool = False) -> None:
        """Look at a page in the parser's serialization. ``alone``: a page that repeats no
        other's parts (a record page's article): read in one piece, and part by part only if
        something is found in it, for the same findings (0.85x the time of parts over a dossier)."""
        canonical = _COMMENT.sub("", canonical)
        for attributes, body in _SCRIPT.findall(canonical):
            self._script(attributes, body)
        canonical = _RAW_TEXT.sub(r"\1\3", canonical)  # script and style bodies are not text
        if alone:
            # (No tag and no text crosses a split, so the whole holds the parts' tags and texts.)
            found, texts = _part.__wrapped__(canonical)
            if not found:
                self.texts |= texts
                return
        # In the canonical form a ">" ends a tag (one in a value or a text is escaped), so the
        # text splits after ">\n" into parts that cut no tag and no text. The theme's parts
        # repeat on every page: each distinct short part is looked at once in a scan.
        for part in canonical.split(">\n"):
            found, texts = _part(part) if len(part) < _CACHED_PART else _part.__wrapped__(part)
            if found:
                self.findings += [Finding(self.name, what, detail) for what, detail in found]
            self.texts |= texts

    def _script(self, attributes: str, body: str) -> None:
        found = {
            name.lower(): html.unescape(value) for name, value in _ATTRIBUTE.findall(attributes)
        }
        source = found.get("src")
        body = body.strip()
        ours = source is not None and _OUR_SCRIPT_SOURCE.fullmatch(source) is not None
        if (
            source is not None
            and not ours
            and (_THEME_SCRIPT_FOLDER not in source or "://" in source or source.startswith("//"))
        ):
            self.findings.append(Finding(self.name, "foreign script", source[:80]))
        if found.get("id") == "__config" and found.get("type") == "application/json":
            return  # the theme's settings, as JSON
        if body and source is None:
            self.inline_scripts.append(body)
        if body and (source is not None or _SCOPE.sub("", body) not in self.allowed_inline):
            self.findings.append(Finding(self.name, "foreign inline script", body[:60]))


_CACHED_PART = 2048


@lru_cache(maxsize=1 << 14)
def _part(part: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """What is wrong with the tags of a part of a page, and its texts and attribute values."""
    text = ">\n" + part + ">"  # the tag end the split took, and the one before the part
    found: list[tuple[str, str]] = []
    texts: set[str] = set()
    # Tags with attributes, and foreign elements without (<td>, <tr>, <p>: most tags of a
    # table-heavy page have none, and nothing to look at).
    tags = set(_TAG_WITH_ATTRIBUTES.findall(text))
    tags.update((tag, "") for tag in _BARE_FOREIGN.findall(text))
    for tag, attributes in tags:
        problems, values = _tag_findings(tag.lower(), attributes)
        found += problems
        texts.update(values)
    texts.update(html.unescape(node) if "&" in node else node for node in set(_TEXT.findall(text)))
    return tuple(found), frozenset(texts)


@lru_cache(maxsize=1 << 14)
def _tag_findings(tag: str, attributes: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """What is wrong with one tag, and its attributes' values. Remembered: every page repeats
    the theme's tags (header, navigation, icons), and a dossier's links to its manager and the
    downloads."""
    found = []
    if tag in _FOREIGN_ELEMENTS:
        found.append(("foreign element", f"<{tag}>"))
    values = []
    for attribute, value in _ATTRIBUTE.findall(attributes):
        value = html.unescape(value)
        values.append(value)
        found += _attribute_findings(tag, attribute.lower(), value)
    return tuple(found), tuple(values)


def _attribute_findings(tag: str, attribute: str, value: str) -> tuple[tuple[str, str], ...]:
    """What is wrong with one attribute of a ``tag``."""
    if attribute.startswith("on"):
        return (("event handler attribute", attribute),)
    if attribute == "srcdoc":
        return (("foreign element", f"<{tag} srcdoc>"),)
    if attribute not in _URL_ATTRIBUTES:
        return ()
    url = re.sub(r"[\x00-\x20]", "", value)
    if _DANGEROUS_SCHEME.search(url) or (
        url[:5].lower() == "data:" and not (tag == "img" and _SAFE_DATA.match(url))
    ):
        return (("script URL", url[:60]),)
    return ()


def _json_texts(name: str, text: str, allowed_inline: set[str]) -> tuple[set[str], list[Finding]]:
    """Every string of a JSON file, and the text nodes of those that hold markup (the search
    index holds each page's text as HTML, which the theme shows as HTML in its results)."""
    try:
        document = json.loads(text)
    except ValueError:
        return set(text.splitlines()), []
    texts: set[str] = set()
    findings: list[Finding] = []
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack += item.values()
            texts.update(key for key in item if isinstance(key, str))
        elif isinstance(item, list):
            stack += item
        elif isinstance(item, str):
            texts.add(item)
            if "<" in item:
                fragment = _Markup(name, allowed_inline)
                fragment.read(item)
                texts |= fragment.texts
                findings += fragment.findings
    return texts, findings


def _csv_texts(text: str) -> set[str]:
    """Every cell of a CSV file, as written and without the formula neutraliser's apostrophe."""
    import csv
    import io

    cells: set[str] = set()
    for row in csv.reader(io.StringIO(text, newline="")):
        cells.update(row)
    cells |= {cell[1:] for cell in cells if cell.startswith("'")}
    return cells


def _holds_text(part: str) -> bool:
    """Whether a workbook's part holds text a person reads: the cells (the sheets and the
    shared strings), the sheets' names, the charts, the title and author."""
    return part.startswith(("xl/worksheets/", "xl/charts/", "docProps/")) or part in (
        "xl/sharedStrings.xml",
        "xl/workbook.xml",
    )


def _workbook_parts(data: bytes) -> list[bytes]:
    """The parts of a workbook that hold text a person reads (see :func:`_holds_text`)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [archive.read(name) for name in archive.namelist() if _holds_text(name)]
    except (OSError, zipfile.BadZipFile):
        return []


# SVG elements that run or embed another document: none of our charts has one.
_FOREIGN_SVG = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler"})


def _xml(name: str, data: bytes, markup: bool) -> tuple[list[Finding], set[str]]:
    """A picture, the sitemap or a workbook's part, read by an XML parser (expat): for a
    picture, what is wrong with its elements and attributes; for all, every text and value.
    A file that is not well-formed XML is itself a finding (a browser shows no such picture)."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [Finding(name, "ill-formed XML", str(error)[:60])], set()
    texts: set[str] = set()
    names: set[str] = set()  # the attributes' names
    tags: set[Any] = set()
    for element in root.iter():
        attributes = element.attrib
        if attributes:
            texts.update(attributes.values())
            names.update(attributes)
        tags.add(element.tag)
        if element.text:
            texts.add(element.text)
        if element.tail:
            texts.add(element.tail)
    findings: list[Finding] = []
    if not markup or not _may_be_wrong(names, tags):
        return findings, texts  # (most pictures: one pass over their elements, 0.8x the time)
    for element in root.iter():
        tag = _svg_name(element.tag) if isinstance(element.tag, str) else ""
        if tag in _FOREIGN_SVG:
            findings.append(Finding(name, "foreign element", f"<{tag}>"))
        for attribute, value in element.attrib.items():
            local = _checked_attribute(attribute)
            if local is not None:
                findings += [
                    Finding(name, what, detail)
                    for what, detail in _attribute_findings(tag, local, value)
                ]
    return findings, texts


def _may_be_wrong(names: set[str], tags: set[Any]) -> bool:
    """Whether a picture whose attributes have ``names`` and whose elements ``tags`` may hold
    a foreign element or an attribute the checks look at."""
    return any(_checked_attribute(name) is not None for name in names) or any(
        isinstance(tag, str) and _svg_name(tag) in _FOREIGN_SVG for tag in tags
    )


@lru_cache(maxsize=1024)
def _svg_name(tag: str) -> str:
    """An element's local name, in lower case (``{http://www.w3.org/2000/svg}rect``: rect)."""
    return tag.rpartition("}")[2].lower()


@lru_cache(maxsize=1024)
def _checked_attribute(attribute: str) -> str | None:
    """An attribute's name as a picture's parser gives it (``{namespace}local``) as the checks
    know it (``xlink:href`` for XLink's), or None for one that no check concerns (x, fill, d:
    most of a chart's attributes, whose values only the leak check looks at)."""
    local = attribute.rpartition("}")[2].lower()
    if attribute.endswith("}href") and "xlink" in attribute:
        local = "xlink:href"
    if local.startswith("on") or local == "srcdoc" or local in _URL_ATTRIBUTES:
        return local
    return None


def _theme_inline_scripts(site: Path) -> set[str]:
    """The inline scripts of the theme's own 404 page, which holds no data at all."""
    page = site / "404.html"
    if not page.is_file():
        return set()
    markup = _Markup("404.html", set())
    markup.read(page.read_text(encoding="utf-8"))
    return {_SCOPE.sub("", body) for body in markup.inline_scripts}


@dataclass(frozen=True)
class _Known:
    """Texts every page of a kind holds (the shell's around a record page), looked at once:
    as they are looked for (see :func:`_leak_findings`), and what is found in them."""

    nodes: frozenset[str]
    leaked: frozenset[str]  # private values
    emails: frozenset[str]  # e-mail addresses, and phone numbers, standing in them
    phones: frozenset[str]


def _nodes(texts: set[str] | frozenset[str]) -> set[str]:
    """Texts as the leak check reads them: without bidirectional isolates, and stripped."""
    # (The isolates are looked for in all the texts at once: most pages have none.)
    if _ISOLATE.search("".join(texts)) is None:
        return {node.strip() for node in texts}
    return {(node if node.isascii() else node.translate(_BIDI_ISOLATES)).strip() for node in texts}


def _known(texts: set[str], private: Mapping[str, str]) -> _Known:
    nodes = _nodes(texts)
    words = "\n".join(nodes)
    return _Known(
        nodes=frozenset(nodes),
        leaked=frozenset(filter(private.__contains__, nodes)),
        emails=frozenset(_EMAIL.findall(words)),
        phones=frozenset(found.strip() for found in _PHONE.findall(_long(nodes))),
    )


def _long(nodes: set[str]) -> str:
    """The texts that may hold a phone number (one is eight characters at least), a line each:
    most of a page's are short numbers, of its tables and pictures."""
    return "\n".join([node for node in nodes if len(node) >= 8])


_NOTHING_KNOWN = _Known(frozenset(), frozenset(), frozenset(), frozenset())


def _leak_findings(
    name: str,
    texts: set[str] | frozenset[str],
    text: str,
    private: Mapping[str, str],
    emails: set[str],
    secrets: list[str],
    known: _Known = _NOTHING_KNOWN,
    clean: set[str] | None = None,
) -> list[Finding]:
    """Private values among ``texts`` (text nodes, attribute values, cells, JSON strings) and
    the ``known`` ones, e-mails and phone numbers inside them, and credentials anywhere in
    ``text``.

    ``clean`` holds texts of earlier files in which nothing was found: each text is looked at
    on its own (no e-mail or phone number crosses from one to the next), so they are skipped;
    those of a file in which nothing is found join them (while there are fewer than
    ``_CLEAN_TEXTS``)."""
    findings = []
    if private:
        fresh = texts if clean is None else texts - clean
        # Values stand whole in a cell, a text node or an attribute; e-mails and phone
        # numbers may also stand inside a sentence, so they are looked for as words too.
        nodes = _nodes(fresh)
        if known.nodes:
            nodes -= known.nodes
        # (Not ``nodes & private.keys()``: that copies the keys, tens of thousands, each time.)
        leaked = set(filter(private.__contains__, nodes)) | known.leaked
        findings += [
            Finding(name, "personal or internal value", _origin(value, private))
            for value in sorted(leaked)
        ]
        # E-mails and phone numbers may stand inside a sentence: looked for in all the texts at
        # once (one pass of each pattern a page; neither crosses a line), and reported in the
        # order of their values.
        words = "\n".join(nodes)
        addresses = set(_EMAIL.findall(words)) if "@" in words else set()
        for email in sorted(addresses | known.emails):
            if email.lower() in emails and email not in leaked:
                leaked.add(email)
                origin = private.get(email) or next(
                    (where for value, where in private.items() if value.lower() == email.lower()),
                    "",
                )
                findings.append(Finding(name, "personal e-mail", _origin(email, {email: origin})))
        phones = {found.strip() for found in _PHONE.findall(_long(nodes))} | known.phones
        for phone in sorted(phones):
            if phone in private and phone not in leaked:
                leaked.add(phone)
                findings.append(Finding(name, "personal phone number", _origin(phone, private)))
        if clean is not None and not findings and len(clean) < _CLEAN_TEXTS:
            clean.update(fresh)
    for secret in secrets:
        if secret in text:
            findings.append(Finding(name, "credential", "a credential from the environment"))
    # The regular expression only where one of its fixed starts is (a substring test is fast).
    if "PRIVATE KEY" in text or "ya29." in text or "AIza" in text:
        for found in _CREDENTIAL.finditer(text):
            findings.append(Finding(name, "credential", found.group(0)[:12] + "…"))
    return findings


# The most texts a scan remembers as clean: a few tens of megabytes.
_CLEAN_TEXTS = 200_000


def _origin(value: str, private: Mapping[str, str]) -> str:
    """The value, masked, and the column and cell it came from (``Clients.email, Clients!F4``)."""
    where = private.get(value, "")
    return shown_value(value, personal=True) + (f" from {where}" if where else "")


# A record page written into the theme's shell (see shell.py) is the shell around its own title,
# first heading, address and article. The shell is read once, with placeholders for those parts;
# each page's article is read alone, in a small page whose elements around it are those the
# shell has there, so that the parser is in the same state where the article starts; what it
# must come back to where the article ends is checked (see _ShellView.article).
_HOLE_TITLE, _HOLE_ID, _HOLE_URL = "ab0title0hole", "ab0id0hole", "ab0url0hole"
# A title as the renderer writes it (HTML-escaped text); an address and a heading's id.
_PAGE_TITLE = re.compile(r'(?:[^<>"&\x00-\x1f\x7f]|&(?:amp|lt|gt|quot|#39|#x27);)+')
_PAGE_NAME = re.compile(r"[^\"'<>&\s\\\x00-\x1f\x7f]*")
# Tags an article could use to reach the elements outside it (their attributes go to the page's
# own <html> and <body>): such a page is read whole.
_OUTSIDE = re.compile(r"<\s*/?\s*" + _any_case("html", "head", "body", "frameset") + r"\b")
# After the article: a paragraph with a text, and a form (a paragraph put anywhere but after the
# article, or a text in an element left open by it, or a form it left open, shows).
_PROBE = "<p>x</p><form></form>"


class _ShellView:
    """The shell of a site's record pages, read once for all of them."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.ready = False  # the shell read (on the first page looked at)
        self.usable = False  # and its pages can be read this way
        self.skip = re.compile(
            re.escape(shell.skip_to(_HOLE_ID)).replace(_HOLE_ID, r"([^\"'<>&\s]*)")
        )

    def _read(self, scanner: Scanner) -> None:
        """Read the shell: the elements around its article, and its texts but for the page's
        own parts, as ``scanner`` looks at them; whether its pages can be read this way."""
        from selectolax.lexbor import LexborHTMLParser

        self.ready = True
        self.allowed_inline = scanner.allowed_inline
        before, after = self.shell.around(_HOLE_TITLE, _HOLE_ID, _HOLE_URL)
        if before.lstrip()[:15].lower() != "<!doctype html>" or before.rstrip()[-1:] != ">":
            return
        # Where the article goes: within an element, the parser in its usual state there.
        tree = LexborHTMLParser(before + _PROBE + after)
        parents = [
            probe.parent
            for probe in tree.css("p")
            if probe.parent is not None
            and [child.tag for child in _elements(probe.parent) or []] == ["p", "form"]
            and _probed(probe.parent)
        ]
        if len(parents) != 1:
            return
        chain: list[str] = []
        node: Any = parents[0]
        while node is not None and node.tag != "-document":
            chain.append(node.tag or "")
            node = node.parent
        closing = f"</{chain[0]}>"
        if len(chain) < 3 or chain[-2:] != ["body", "html"]:
            return
        if not after.lstrip().startswith(closing):
            return
        self.chain = chain  # the article's parent, its parent, ... <html>
        self.prefix = "<!DOCTYPE html><html><head></head>" + "".join(
            f"<{tag}>" for tag in reversed(chain[:-1])
        )
        self.suffix = after[: after.index(closing) + len(closing)] + _PROBE
        # The shell: nothing wrong in it, its parts but the page's own the same on every page.
        found = self._texts(before + after)
        if found is None:
            return
        self.constant, self.variable, self.tags = found
        # Another title, heading and address (spaces, references): the same but for them.
        title, first, url = "Ab &amp; C&lt;o&gt; d'x", "ab-\u00e9_2", "a/b-c_d.e~f%20g.html"
        probed = self._texts("".join(self.shell.around(title, first, url)))
        shown = html.unescape(title)
        filled = {_filled(text, shown, first, url) for text in self.variable}
        self.usable = probed is not None and probed[0] == self.constant | filled
        if self.usable:
            self.known = _known(self.constant, scanner.private)

    def _texts(self, page: str) -> tuple[set[str], set[str], list[tuple[str, str]]] | None:
        """The texts of the shell around no article: those without a placeholder, those with
        one, and the tags with one; None if the scan finds anything in it, or a placeholder
        stands where it is not a text or a value (a title in a tag, anything in a script)."""
        from selectolax.lexbor import LexborHTMLParser

        canonical = _COMMENT.sub("", LexborHTMLParser(page).html or "")
        markup = _Markup("", self.allowed_inline)
        markup.read_canonical(canonical)
        if markup.findings:
            return None
        bare = _RAW_TEXT.sub(r"\1\3", canonical)
        holes = (_HOLE_TITLE, _HOLE_ID, _HOLE_URL)
        if any(canonical.count(hole) != bare.count(hole) for hole in holes):
            return None
        tags = []
        for found in _TAG.finditer(bare):
            if _HOLE_TITLE in found[0]:
                return None
            if _HOLE_ID in found[0] or _HOLE_URL in found[0]:
                tags.append((found[1].lower(), found[2]))
        variable = {text for text in markup.texts if any(hole in text for hole in holes)}
        return markup.texts - variable, variable, tags

    def look(self, scanner: Scanner, name: str, page: str, url: str) -> list[Finding] | None:
        """The findings in the record page ``name`` at ``url``, if it is the shell around its
        own title, first heading and article; None if not (it is then read whole)."""
        if not self.ready:
            self._read(scanner)
        if not self.usable or not _PAGE_NAME.fullmatch(url):
            return None
        skip = self.skip.search(page)
        if skip is None:
            return None
        first = skip[1]
        # The title: where the shell has it, up to the text that follows it there.
        shown = self.shell.around(_HOLE_TITLE, first, url)[0]
        start = shown.index(_HOLE_TITLE)
        follows = shown[start + len(_HOLE_TITLE) : shown.find("<", start)]
        end = page.find("<", start)
        if end < 0 or not page.startswith(shown[:start]):
            return None
        title = page[start:end]
        if not title.endswith(follows):
            return None
        title = title[: len(title) - len(follows)]
        if not _PAGE_TITLE.fullmatch(title):
            return None
        before, after = self.shell.around(title, first, url)
        if (
            len(page) < len(before) + len(after)
            or not page.startswith(before)
            or not page.endswith(after)
        ):
            return None
        markup = self.article(name, page[len(before) : len(page) - len(after)])
        if markup is None:
            return None
        shown_title = html.unescape(title)
        for tag, attributes in self.tags:
            problems, _ = _tag_findings(tag, _filled(attributes, shown_title, first, url))
            if problems:
                return None  # (a relative address has none): read whole, in the page's order
        texts = markup.texts
        texts.update(_filled(text, shown_title, first, url) for text in self.variable)
        return markup.findings + scanner._leaks(name, texts, page, self.known)

    def article(self, name: str, article: str) -> _Markup | None:
        """The article read in a page of its own, with the shell's elements around it; None if
        it reaches outside itself: it leaves an element open, closes one it did not open, or
        leaves a text, a comment or a tag running over the rest of the page."""
        from selectolax.lexbor import LexborHTMLParser

        if _OUTSIDE.search(article):
            return None
        tree = LexborHTMLParser(self.prefix + article + self.suffix)
        # Each element down to the article's parent holds the next one only; the parent holds
        # the article and the probe, as written.
        node = tree.root
        if node is None or [child.tag for child in _elements(node) or []] != ["head", "body"]:
            return None
        parent: Any = node.last_child  # <body>
        for level in range(len(self.chain) - 2, 0, -1):
            children = _elements(parent)
            wanted = [self.chain[level - 1]] if level > 1 else [self.chain[0], "p", "form"]
            if children is None or [child.tag for child in children] != wanted:
                return None
            if level > 1:
                parent = children[0]
        if not _probed(parent):
            return None
        markup = _Markup(name, self.allowed_inline)
        markup.read_canonical(tree.html or "", alone=True)
        markup.texts.discard("x")
        return markup


def _filled(text: str, title: str, first: str, url: str) -> str:
    """A text of the shell with a page's own title, first heading and address."""
    return text.replace(_HOLE_TITLE, title).replace(_HOLE_ID, first).replace(_HOLE_URL, url)


def _probed(parent: Any) -> bool:
    """Whether the last two elements of ``parent`` are the probe as written: a paragraph of one
    text (no element put back around it) and an empty form (none was left open)."""
    children = _elements(parent)
    if children is None or len(children) < 2:
        return False
    probe, form = children[-2:]
    text = probe.child
    return (
        probe.tag == "p"
        and form.tag == "form"
        and form.child is None
        and text is not None
        and text.tag == "-text"
        and text.next is None
        and text.text_content == "x"
        and not probe.attributes
        and not form.attributes
    )


def _elements(node: Any) -> list[Any] | None:
    """A parsed element's child elements; None if it also holds a comment or a text (but
    spaces)."""
    children = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif child.tag == "-comment":
            return None
        else:
            children.append(child)
        child = child.next
    return children
