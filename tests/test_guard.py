"""The safety scan of a built site: foreign scripts, handlers, script URLs, leaks, credentials."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.config import Config
from generator.site import UnsafeSiteError
from generator.site.guard import scan, secrets_from_environment

from .conftest import small_grid, write_csv
from .test_site import AS_OF, make_project, tree_digest


def _demo_pages() -> dict[str, str | bytes]:
    """The demo's generated pages (and charts), rendered in memory."""
    from generator.contract.schema import load_schema
    from generator.kpi import compute
    from generator.model import build_model
    from generator.pages.render import render
    from generator.sources.local import read
    from generator.validation.validate import validate

    from .test_site import DEMO

    schema = load_schema()
    model = build_model(validate(read(DEMO, schema.table_names), schema), "EUR")
    return dict(render(model, compute(model, AS_OF), schema, [], Config(source=str(DEMO)), "demo"))


def _log_looks(monkeypatch: pytest.MonkeyPatch, log: Path) -> Path:
    """Have every file the scanner looks at as it is written named in ``log``, one a line,
    whichever process looks at it."""
    from generator.site import guard

    look = guard.Scanner.look

    def spy(self: guard.Scanner, name: str, content: str | bytes) -> list[guard.Finding]:
        with log.open("a", encoding="utf-8") as lines:
            lines.write(name + "\n")
        return look(self, name, content)

    monkeypatch.setattr(guard.Scanner, "look", spy)
    return log


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("guard")
    project = make_project(folder / "p")
    pipeline.build(Config(source=str(write_csv(small_grid(), folder / "b"))), AS_OF, project)
    return project / "site"


def _copy(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


def test_a_clean_build_passes(built: Path) -> None:
    assert scan(built, ["pat@acme.example"], ["a-secret-value-123"]) == []


@pytest.mark.parametrize(
    ("injected", "what"),
    [
        ("<script>alert(1)</script>", "foreign inline script"),
        ('<script src="https://cdn.example.com/x.js"></script>', "foreign script"),
        ('<img src="x.png" onerror="alert(1)">', "event handler attribute"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "script URL"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "script URL"),
        ("<td>pat@acme.example</td>", "personal or internal value"),
        # Isolated as our Markdown escaping isolates a value (FSI ... PDI), or as references.
        ("<td>\u2068pat@acme.example\u2069</td>", "personal or internal value"),
        ("<td>&#x2068;pat@acme.example&#x2069;</td>", "personal or internal value"),
        ("<p>Write to pat@acme.example today</p>", "personal e-mail"),
        ("<p>-----BEGIN PRIVATE KEY-----</p>", "credential"),
        ("<p>token a-secret-value-123</p>", "credential"),
    ],
)
def test_each_kind_of_problem_is_found(
    built: Path, tmp_path: Path, injected: str, what: str
) -> None:
    site = _copy(built, tmp_path)
    page = site / "clients" / "C1.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", injected + "</article>"),
        encoding="utf-8",
    )
    findings = scan(site, ["pat@acme.example"], ["a-secret-value-123"])
    assert [(finding.file, finding.what) for finding in findings] == [("clients/C1.html", what)]
    assert "pat@acme" not in " ".join(finding.detail for finding in findings)


@pytest.mark.parametrize(
    ("injected", "what"),
    [
        ('<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>', "script URL"),
        ('<a href=" data:text/html,x"><rect width="1" height="1"/></a>', "script URL"),
        ('<rect width="1" height="1" ONLOAD="alert(1)"/>', "event handler attribute"),
        ("<foreignObject><p>x</p></foreignObject>", "foreign element"),
        ("<script>alert(1)</script>", "foreign element"),
        ('<animate attributeName="href" values="javascript:alert(1)"/>', "script URL"),
        ("<text>Call +420 601 234 567 now</text>", "personal phone number"),
        ('<title id="pat@acme.example">x</title>', "personal or internal value"),
        ("<desc>Mail pat@acme.example, please</desc>", "personal e-mail"),
        ("<desc>not a picture", "ill-formed XML"),
    ],
)
def test_each_kind_of_problem_is_found_in_a_picture(
    built: Path, tmp_path: Path, injected: str, what: str
) -> None:
    site = _copy(built, tmp_path)
    chart = sorted((site / "charts").glob("*.svg"))[0]
    text = chart.read_text(encoding="utf-8")
    if 'xmlns:xlink="' not in text:
        text = text.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ', 1)
    chart.write_text(text.replace("</svg>", injected + "</svg>"), encoding="utf-8")
    findings = scan(site, ["pat@acme.example", "+420 601 234 567"])
    name = str(chart.relative_to(site))
    assert [(finding.file, finding.what) for finding in findings] == [(name, what)]


def test_a_phone_number_is_found_inside_a_sentence_once_on_every_page(
    built: Path, tmp_path: Path
) -> None:
    site = _copy(built, tmp_path)
    # The same sentence on two pages: what the scan remembers of the first page's parts must
    # still report the second.
    for page in (site / "clients" / "C1.html", site / "managers" / "M1.html"):
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "</article>", "<p>Call +420 601 234 567 or +420 601 234 567</p></article>"
            ),
            encoding="utf-8",
        )
    findings = scan(site, ["+420 601 234 567"])
    assert [(finding.file, finding.what) for finding in findings] == [
        ("clients/C1.html", "personal phone number"),
        ("managers/M1.html", "personal phone number"),
    ]
    assert "601 234" not in " ".join(finding.detail for finding in findings)


def test_texts_found_clean_are_looked_at_once_and_the_findings_stay_a_fresh_scans() -> None:
    # A text in which nothing was found is skipped in the next files; a file's texts are
    # remembered only when nothing at all was found in it.
    from generator.site.guard import Scanner

    private = {
        "pat@acme.example": "Clients.email, Clients!F4",
        "+420 601 234 567": "Clients.phone, Clients!G4",
    }
    clean = (
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>Call us</p>"
        "<p>2026-11-22</p><p>1 234 567</p></body></html>"
    )
    leaky = clean.replace(
        "</body>", "<p>Write to pat@acme.example</p><p>+420 601 234 567</p></body>"
    )
    scanner = Scanner(private)
    assert scanner.look("a.html", clean) == []
    assert {"Call us", "2026-11-22", "1 234 567"} <= scanner.clean
    found = scanner.look("b.html", leaky)
    assert found == Scanner(private).look("b.html", leaky)
    assert [finding.what for finding in found] == ["personal or internal value", "personal e-mail"]
    assert "Write to pat@acme.example" not in scanner.clean
    assert "+420 601 234 567" not in scanner.clean
    assert scanner.look("c.html", leaky) == [
        type(finding)("c.html", finding.what, finding.detail) for finding in found
    ]


_TAG_PIECES = st.sampled_from(
    ["<", ">", "/", " ", "\t", "\n", "=", '"', "a", "b9", "td", "x-y", "iframe", "IFrame", "EMBED"]
    + ["base", "html", "bOdy", "Head", "frameset", "\u0131frame", "\u017fcript", "</"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_TAG_PIECES, max_size=30).map("".join))
def test_the_scans_quick_patterns_find_what_their_plain_spellings_find(text: str) -> None:
    # The scan's patterns look ahead for a name's first letter and do not give back what could
    # never help (possessive repetitions): they must find what the plain patterns find.
    import re

    from generator.site import guard

    def spelled(names: list[str]) -> str:
        return "|".join("".join(f"[{c}{c.upper()}]" for c in name) for name in names)

    tags = re.compile(r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>/]+(?:=\"[^\"]*\")?)+)\s*/?>")
    foreign = sorted(guard._FOREIGN_ELEMENTS, key=len, reverse=True)
    bare = re.compile("<((?:" + spelled(foreign) + r"))\s*/?>")
    outside = re.compile(r"<\s*/?\s*(?:" + spelled(["html", "head", "body", "frameset"]) + r")\b")
    assert guard._TAG_WITH_ATTRIBUTES.findall(text) == tags.findall(text)
    assert guard._BARE_FOREIGN.findall(text) == bare.findall(text)
    assert (guard._OUTSIDE.search(text) is None) == (outside.search(text) is None)


def test_a_big_site_is_scanned_by_several_processes_with_the_same_findings(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site import guard

    site = _copy(built, tmp_path)
    for page, injected in (
        (site / "clients" / "C1.html", '<img src="x.png" onerror="alert(1)">'),
        (site / "index.html", "<td>pat@acme.example</td>"),
        (site / "managers" / "M1.html", "<script>alert(1)</script>"),
    ):
        page.write_text(
            page.read_text(encoding="utf-8").replace("</article>", injected + "</article>"),
            encoding="utf-8",
        )
    alone = scan(site, ["pat@acme.example"])
    monkeypatch.setattr(guard, "PARALLEL_FILES", 2)  # a process per core, whatever the size
    monkeypatch.setattr(guard.os, "cpu_count", lambda: 2)
    shared = scan(site, ["pat@acme.example"])
    assert [finding.what for finding in alone] == [
        "event handler attribute", "personal or internal value", "foreign inline script",
    ]  # fmt: skip
    assert shared == alone  # the same findings, in the files' order


def test_a_leaking_build_is_not_published(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    source = write_csv(small_grid(), tmp_path / "b")
    pipeline.build(Config(source=str(source)), AS_OF, project)
    before = tree_digest(project / "site")
    # A hand-written page that quotes a client's contact e-mail: the scan stops the build.
    (project / "docs" / "guide" / "notes.md").write_text(
        "Call pat@acme.example\n", encoding="utf-8"
    )
    with pytest.raises(UnsafeSiteError, match="personal e-mail"):
        pipeline.build(Config(source=str(source)), AS_OF, project)
    assert tree_digest(project / "site") == before
    # With personal data published on purpose, the same page is fine.
    pipeline.build(Config(source=str(source), publish_personal=True), AS_OF, project)


def test_secrets_come_from_the_environment() -> None:
    key = (
        '{"type": "service_account", "private_key_id": "abcdef0123456789", "private_key": "-----BEGIN PRIVATE KEY-----\\n'
        + "Q" * 300
        + '\\n-----END PRIVATE KEY-----\\n"}'
    )
    secrets = secrets_from_environment(
        {"GOOGLE_API_KEY": "AIzaTestKey123", "ACCOUNTBOOK_SERVICE_ACCOUNT_JSON": key}
    )
    assert "AIzaTestKey123" in secrets and "abcdef0123456789" in secrets
    assert any(secret.startswith("QQQQ") for secret in secrets)


@pytest.mark.parametrize(
    ("jobs", "shell"),
    [(None, True), (1, True), (None, False)],  # forked or in one process; no shell: see below
)
def test_the_languages_look_at_their_pages_as_written_and_find_what_a_whole_scan_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int | None, shell: bool
) -> None:
    # A site in several languages is too big to stay in memory until the end: each language
    # looks at its dossiers and charts as it writes them, and at the rest of its site once
    # built. What it finds must be what a scan of the whole built site finds, in its order.
    # When the theme's page is not what the shell expects, MkDocs builds every dossier after
    # all: those are then looked at as MkDocs wrote them.
    from generator import workers
    from generator.site import build_site, guard

    files = _demo_pages()
    chart = sorted(name for name in files if name.endswith(".svg"))[3]
    leaks = {
        "clients/C00002.md": "\nWrite to pat@acme.example today.\n",  # a dossier: the shell's
        "index.md": '\n<img src="x.png" onerror="alert(1)">\n',  # a page MkDocs builds
    }
    for name, leak in leaks.items():
        files[name] += leak
    files[chart] = files[chart].replace("</svg>", "<text>pat@acme.example</text></svg>")
    looked = _log_looks(monkeypatch, tmp_path / "looked.txt")  # by the forked languages too
    if not shell:
        from generator.site import shell as record_shell

        def unexpected(*args: object) -> object:
            raise record_shell.ShellError("a theme the shell does not know")

        monkeypatch.setattr(record_shell.Shell, "cut", unexpected)
    monkeypatch.setattr(guard.os, "cpu_count", lambda: 2)
    project = make_project(tmp_path / "p")
    languages = ("en", "cs")
    with workers.limited(jobs), pytest.raises(UnsafeSiteError) as refused:
        build_site(files, project, project / "site", "T", AS_OF, ["pat@acme.example"], (), None, languages)  # fmt: skip
    assert not (project / "site").exists()
    seen = set(looked.read_text(encoding="utf-8").split())
    assert ({"clients/C00002.html", chart} if shell else {chart}) <= seen
    # The same site published unscanned, then scanned whole.
    monkeypatch.setattr(guard.Scanner, "_file", lambda *_: [])
    with workers.limited(jobs):
        build_site(files, project, project / "site", "T", AS_OF, languages=languages)
    monkeypatch.undo()
    whole = scan(project / "site", ["pat@acme.example"])
    assert refused.value.findings == whole
    assert {(finding.file, finding.what) for finding in whole} == {
        (within + name, what)
        for within in ("", "cs/")
        for name, what in (
            ("clients/C00002.html", "personal e-mail"),
            ("index.html", "event handler attribute"),
            (chart, "personal or internal value"),
        )
    }


@pytest.mark.parametrize("shell", [True, False])
def test_another_languages_charts_reach_its_site_when_its_folder_is_on_another_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: bool
) -> None:
    # Another language's charts are moved into its site in one rename; where the site's folder
    # is on another file system than the project's (no rename from one to the other), they are
    # linked or copied instead, and so are they into its docs when MkDocs builds every page.
    import errno

    from generator.site import build_site
    from generator.site import shell as record_shell

    if not shell:

        def unexpected(*args: object) -> object:
            raise record_shell.ShellError("a theme the shell does not know")

        monkeypatch.setattr(record_shell.Shell, "cut", unexpected)
    files = _demo_pages()
    languages = ("en", "cs")
    project = make_project(tmp_path / "p")
    build_site(files, project, project / "site", "T", AS_OF, languages=languages)
    expected = tree_digest(project / "site")
    assert any(name.startswith("cs/charts/") for name in expected)
    log = tmp_path / "refused.txt"  # (the languages are built by forked processes)
    rename = Path.rename

    def across_file_systems(self: Path, target: str | Path) -> Path:
        # From the staged pictures into another language's site, and from that site.
        into_site = self.parent.name.endswith("-pictures") and Path(target).parent.name != "docs"
        if self.name == "charts" and (into_site or self.parent.name.startswith("site-")):
            with log.open("a", encoding="utf-8") as refused:
                refused.write(f"{self.parent.name} to {Path(target).parent.name}\n")
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", across_file_systems)
    build_site(files, project, project / "site", "T", AS_OF, languages=languages)
    monkeypatch.setattr(Path, "rename", rename)
    refused = log.read_text(encoding="utf-8").splitlines()
    assert refused == ["docs-cs-pictures to site-cs"] + ([] if shell else ["site-cs to docs-cs"])
    assert tree_digest(project / "site") == expected


def test_one_language_looks_at_its_record_pages_as_two_processes_write_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A site in one language has its record pages written into the shell by a process per
    # core, each looking at its pages as it writes them; the rest is scanned once built. What
    # is found must be what a scan of the whole built site finds, in its order.
    from generator import workers
    from generator.site import build, build_site, guard

    files = _demo_pages()
    leaky = ["clients/C00002.md", "clients/C00003.md", "clients/C00010.md"]  # in both shares
    for name in leaky:
        files[name] += "\nWrite to pat@acme.example today.\n"
    files["index.md"] += '\n<img src="x.png" onerror="alert(1)">\n'  # a page MkDocs builds
    looked = _log_looks(monkeypatch, tmp_path / "looked.txt")  # by the forked process too
    monkeypatch.setattr(build, "_SHARE_PAGES", 10)  # the demo's 60 dossiers in two shares
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    project = make_project(tmp_path / "p")
    with pytest.raises(UnsafeSiteError) as refused:
        build_site(files, project, project / "site", "T", AS_OF, ["pat@acme.example"])
    assert not (project / "site").exists()
    seen = looked.read_text(encoding="utf-8").split()
    assert {"clients/C00002.html", "clients/C00003.html", "clients/C00010.html"} <= set(seen)
    # The same site published unscanned, then scanned whole.
    monkeypatch.setattr(guard.Scanner, "_file", lambda *_: [])
    build_site(files, project, project / "site", "T", AS_OF)
    monkeypatch.undo()
    whole = scan(project / "site", ["pat@acme.example"])
    assert refused.value.findings == whole
    assert {(finding.file, finding.what) for finding in whole} == {
        *((name.replace(".md", ".html"), "personal e-mail") for name in leaky),
        ("index.html", "event handler attribute"),
    }


@pytest.mark.parametrize("languages", [("en",), ("en", "cs")])
def test_a_leak_in_the_downloads_is_found_whether_looked_at_as_written_or_once_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages: tuple[str, ...]
) -> None:
    # With several languages the downloads' process looks at each download as it writes it;
    # with one, the whole site is scanned once built. Either way the leak is found, by its
    # place in the site.
    real = pipeline.each_download

    def leaky(*args: object, **kwargs: object) -> object:
        yield from real(*args, **kwargs)  # type: ignore[arg-type]
        yield "extra/leak.csv", "C9,pat@acme.example\n"

    monkeypatch.setattr(pipeline, "each_download", leaky)
    project = make_project(tmp_path / "p")
    config = Config(source=str(write_csv(small_grid(), tmp_path / "b")), languages=languages)
    with pytest.raises(UnsafeSiteError) as refused:
        pipeline.build(config, AS_OF, project)
    assert [(finding.file, finding.what) for finding in refused.value.findings] == [
        ("downloads/extra/leak.csv", "personal or internal value")
    ]
    assert not (project / "site").exists()


@pytest.fixture(scope="module")
def in_shell(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, object, dict[str, str]]:
    """The demo built in one language, and the shell its dossiers were written into."""
    from generator.site import build_site, guard

    files = _demo_pages()
    known: list[tuple[object, dict[str, str]]] = []
    know = guard.Scanner.know_shell

    def spy(self: guard.Scanner, shell: object, pages: dict[str, str]) -> None:
        known.append((shell, pages))
        know(self, shell, pages)  # type: ignore[arg-type]

    project = make_project(tmp_path_factory.mktemp("shell") / "p")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(guard.Scanner, "know_shell", spy)
        build_site(files, project, project / "site", "T", AS_OF, ["pat@acme.example"])
    assert len(known) == 1
    return project / "site", *known[0]


_PRIVATE = ["pat@acme.example", "+420 777 123 456", "Patricia Example"]

# Things put into a dossier's article: whether its scan may still read it alone, in the shell
# (it does not reach outside itself), or must read the whole page.
_INSERTED = [
    ("<p>pat@acme.example</p>", True, True),
    ("<p>Write to pat@acme.example or call +420 777 123 456 today.</p>", True, True),
    ('<p title="Patricia Example">t</p>', True, True),
    ('<div onclick="x">a</div>', True, True),
    ('<a href="javascript:alert(1)">x</a>', True, True),
    ("<script>alert(1)</script>", True, True),
    ('<iframe src="x"></iframe><embed><base href="x">', True, True),
    ('<IFRAME SRC="x"></IFRAME><EmBeD><Base HREF="x">', True, True),
    # Names are blind to case in ASCII only: to a browser, these are elements of their own.
    ("<\u0131frame></\u0131frame><ba\u017fe>", True, False),
    ("<img src=x onerror=alert(1)>", True, True),
    ("<svg><p>x</p></svg>", True, False),
    ("<math><mi>x</mi></math>", True, False),
    ("<style>p{}</style>&lt;script&gt;", True, False),
    ('<a href="x">a<a href="y">b</a></a>', True, False),
    ("<p><div>x</div></p>", True, False),
    ("<div>", True, False),  # closed by the shell's </article>, as in the page
    ("</div>", False, False),  # closes the shell's element
    ("</article><article>", False, False),
    ("<b>bold", False, False),  # the shell's text after the article would be bold
    ("<form>", False, False),  # the shell's forms after it would be ignored
    ("<!-- a comment", False, False),
    ("<textarea>", False, False),
    ("<plaintext>", False, False),
    ("<template>", False, False),
    ("<table><tr><td>x", False, False),
    ("<li><div><li></li></div></li>", False, False),
    ('<body onload="alert(1)">', False, True),
    ('<BODY ONLOAD="alert(1)">', False, True),
    ("<frameset>", False, False),
]


@pytest.mark.parametrize(("inserted", "alone", "harmful"), _INSERTED)
def test_a_dossier_is_read_as_its_shell_around_its_article_and_found_what_a_whole_read_finds(
    in_shell: tuple[Path, object, dict[str, str]], inserted: str, alone: bool, harmful: bool
) -> None:
    # The scan reads the theme's shell once and each dossier's article alone (a third of the
    # page): it must find what reading the whole page finds, and read the whole page when the
    # article could reach the shell's elements around it.
    from generator.site import guard

    site, shell, pages = in_shell
    name = sorted(pages)[0]
    page = (site / name).read_text(encoding="utf-8")
    after_title = page.index("</h1>") + len("</h1>")
    table_end = page.index("</table>", after_title)
    row_end = page.rindex("</tr>", 0, table_end) + len("</tr>")
    for at, text in (
        (after_title, inserted),
        (row_end, f"<tr><td>{inserted}</td></tr>"),  # inside a table of the article
    ):
        changed = page[:at] + text + page[at:]
        whole = guard.Scanner(_PRIVATE, ["a-secret-value-123"])
        whole.allow_theme(site)
        shelled = guard.Scanner(_PRIVATE, ["a-secret-value-123"])
        shelled.allow_theme(site)
        shelled.know_shell(shell, pages)  # type: ignore[arg-type]
        found = shelled.look(name, changed)
        assert found == whole.look(name, changed)
        assert whole.in_shell == 0
        assert bool(found) == harmful
        if at == after_title:
            assert shelled.in_shell == int(alone)


def test_every_dossier_of_a_build_is_read_in_its_shell(
    in_shell: tuple[Path, object, dict[str, str]],
) -> None:
    from generator.site import guard

    site, shell, pages = in_shell
    assert len(pages) >= 20
    shelled = guard.Scanner(_PRIVATE)
    shelled.allow_theme(site)
    shelled.know_shell(shell, pages)  # type: ignore[arg-type]
    assert shelled.files(site, [site / name for name in sorted(pages)]) == []
    assert shelled.in_shell == len(pages)
    # A page that is not the shell around its parts (its title, its skip link, what follows
    # the article) is read whole, with the same findings.
    name = sorted(pages)[1]
    page = (site / name).read_text(encoding="utf-8")
    title = page[page.index("<title>") + 7 : page.index("</title>")]
    for changed in (
        page.replace(f"<title>{title}", f"<title>{title}<b>pat@acme.example</b>", 1),
        page.replace('class="md-skip"', 'class="md-skip" onfocus="alert(1)"', 1),
        page.replace("</article>", "</article><p>pat@acme.example</p>", 1),
        page.replace("<title>", "<title>&#x3c;pat@acme.example ", 1),
    ):
        whole = guard.Scanner(_PRIVATE)
        whole.allow_theme(site)
        before = shelled.in_shell
        assert shelled.look(name, changed) == whole.look(name, changed) != []
        assert shelled.in_shell == before


def test_the_scan_of_a_whole_site_reads_its_dossiers_in_their_shell_with_the_same_findings(
    in_shell: tuple[Path, object, dict[str, str]], tmp_path: Path
) -> None:
    site, shell, pages = in_shell
    copy = _copy(site, tmp_path)
    name = sorted(pages)[2]
    page = (copy / name).read_text(encoding="utf-8")
    (copy / name).write_text(page.replace("</h1>", "</h1><p>pat@acme.example</p>", 1))
    found = scan(copy, _PRIVATE, records=(shell, pages))  # type: ignore[arg-type]
    assert found == scan(copy, _PRIVATE)
    assert [(finding.file, finding.what) for finding in found] == [
        (name, "personal or internal value")
    ]


def test_a_workbook_is_looked_at_alike_as_written_and_read_back() -> None:
    # The downloads' process looks at our workbooks' parts as they were before compression;
    # read back from disk, the same workbook is unzipped. Both find the same, in the cells and
    # in a chart.
    from datetime import date

    from generator.downloads.xlsx import Chart, Series, TableWorkbook
    from generator.site.guard import Scanner

    book = TableWorkbook("A review", date(2026, 11, 22))
    sheet = book.sheet("Sales", ("Label", "Amount"), [("pat@acme.example", 1), ("plain", 2)])
    chart = Chart(
        title="Plan Zebra",
        x_title="Period",
        y_title="Revenue",
        number_format="#,##0",
        first=1,
        last=2,
        category=0,
        labels=["pat@acme.example", "plain"],
        bars=Series("Revenue", 1, [1.0, 2.0]),
        line=Series("Target", 1, [None, None]),
    )
    book.chart_sheet("Sales chart", sheet, chart)
    written = book.close()
    private = {
        "pat@acme.example": "Clients.contact_email, Clients!F4",
        "Plan Zebra": "Clients.notes, Clients!M2",
    }
    scanner = Scanner(private, ())
    as_written = scanner.look("downloads/x.xlsx", written)
    read_back = scanner.look("downloads/x.xlsx", bytes(written))
    assert as_written == read_back
    assert sorted(found.detail.rsplit(" from ", 1)[1] for found in as_written) == sorted(
        private.values()
    )
    assert scanner.look("downloads/x.xlsx", TableWorkbook("Clean", date(2026, 1, 1)).close()) == []
