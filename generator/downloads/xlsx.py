"""Workbooks of tables written straight as XLSX, for the hundreds of manager and thousands of
client downloads.

xlsxwriter writes kpis.xlsx, the one workbook of the whole company. A big site also has 20,000
client dossiers and hundreds of manager reviews: xlsxwriter spends about 2.5 ms on a workbook
whatever its size (copying its defaults, writing a dozen XML parts, compressing them) and about
20 us on each cell, which made the downloads three times as slow as the rest of the build. This
module writes the same kind of workbook, tables with a bold frozen header, an autofilter, column
widths, money, share and date formats, the attainment coloured against 1, and a revenue chart
on a sheet of its own, in a tenth of the time, from a fixed set of parts. A test writes a
manager's review through both and requires the same workbook, cell for cell and chart for chart.

Text is written as inline strings, which a spreadsheet program never reads as a formula or a
link; characters that XML cannot hold are written as Excel's ``_xHHHH_`` escapes.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from ..kpi import cents, rounded_ratio
from ..validation.validate import column_letter as column_name

_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with the 1900 leap-year bug folded in)
_MAX_TEXT = 32_767  # the most characters a cell holds
# Characters XML 1.0 cannot hold, and text that Excel would read as one of its escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
# Styles (cellXfs indexes in _STYLES): the header, money, dates, shares.
HEADER, MONEY, DAY, SHARE = 1, 2, 3, 4
# Differential styles (dxfs in _STYLES) of a conditional format: good, bad.
GOOD, BAD = 0, 1

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = (
    _DECLARATION + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00"/>'
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/>'
    '<numFmt numFmtId="166" formatCode="0.0%"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/>'
    '<family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/>'
    '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
    '<fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/>'
    '</right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/>'
    "</bottom><diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1"><alignment wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="2"><dxf><font><color rgb="FF006100"/></font><fill><patternFill>'
    '<bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf><dxf><font><color rgb="FF9C0006"/>'
    '</font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
)
_ROOT_RELS = (
    _DECLARATION + f'<Relationships xmlns="{_PKG_REL}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)


def _escape_control(found: re.Match[str]) -> str:
    text = found[0]
    if len(text) == 1:
        return f"_x{ord(text):04X}_"
    return "_x005F_" + text[1:]  # a literal "_x0041_" stays text, not the letter A


def within_cell(value: str) -> str:
    """``value`` cut to what a cell holds: 32,767 UTF-16 units (an emoji counts as two), never
    between the two halves of a character."""
    if len(value) <= _MAX_TEXT // 2:
        return value  # fits even if every character took two units
    units = 0
    for index, char in enumerate(value):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > _MAX_TEXT:
            return value[:index]
    return value


def text_xml(value: str) -> str:
    """``value`` as the XML text of a cell: escaped, within a cell's length."""
    value = within_cell(value)
    if _SPECIAL.search(value) is None:
        return value  # most cells: names, ids, words
    if _CONTROL.search(value):
        value = _CONTROL.sub(_escape_control, value)
    # A carriage return as a character reference: XML readers turn a raw one into a line feed.
    return _xml_escape(value).replace("\r", "&#13;")


# A4 portrait holds about this many characters of columns across; a wider sheet is printed
# landscape. Every sheet is printed one page wide, its header row repeated on every page.
PORTRAIT_CHARACTERS = 95


def page_header(title: str) -> str:
    """The printed pages' header: the workbook's title left, the sheet's name right, in the
    header codes of Excel (an "&" of the title doubled, so it stays a character)."""
    return "&L" + title[:80].replace("&", "&&") + "&R&A"


PAGE_FOOTER = "&C&P / &N"  # page N of M


def _width(characters: float) -> float:
    # Excel's column width for ``characters`` of the default font, as xlsxwriter computes it.
    return int((characters * 7 + 5) / 7 * 256) / 256


class Workbook(bytes):
    """The bytes of an .xlsx file, and its parts as they were before they were compressed:
    ``(name, XML)``."""

    parts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Series:
    """A series of a chart: its name, the sheet's column it reads (0 is A), and the values in
    that column (for the copy a chart keeps; None: an empty cell)."""

    name: str
    column: int
    values: Sequence[float | None]


@dataclass(frozen=True)
class Chart:
    """A column chart with a line over it, of rows ``first`` to ``last`` of a sheet (0 is the
    header): the categories are ``labels``, in the column ``category``; ``bars`` are drawn as
    columns and ``line`` as a line; ``number_format`` is the value axis's."""

    title: str
    x_title: str
    y_title: str
    number_format: str
    first: int
    last: int
    category: int
    labels: Sequence[str]
    bars: Series
    line: Series


@dataclass
class _Sheet:
    name: str
    head: str  # the sheet's XML up to its autofilter
    tail: str  # and from its page margins on
    filter_range: str
    formats: list[str] = field(default_factory=list)  # conditional formats, in between


@dataclass(frozen=True)
class _ChartSheet:
    name: str
    chart: Chart
    on: str  # the name of the sheet the chart reads


class TableWorkbook:
    """A workbook of tables: a bold, filled, frozen header with an autofilter on each sheet,
    and charts on sheets of their own."""

    def __init__(self, title: str, created: date) -> None:
        self.title = title
        self.created = created
        self.sheets: list[_Sheet | _ChartSheet] = []

    def sheet(
        self,
        name: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[int] = (),
    ) -> int:
        """Add a sheet and return its number; each value is written by its Python type (None
        or "" leaves the cell empty)."""
        columns = max(len(header), 1)
        last = column_name(columns - 1)
        parts = ['<row r="1">']
        parts += [
            f'<c r="{column_name(i)}1" s="{HEADER}" t="inlineStr"><is><t>{text_xml(str(title))}'
            "</t></is></c>"
            for i, title in enumerate(header)
        ]
        parts.append("</row>")
        letters = [column_name(i) for i in range(columns)]
        count = 1
        for count, row in enumerate(rows, start=2):
            if len(row) > len(letters):
                letters += [column_name(i) for i in range(len(letters), len(row))]
            cells = "".join(
                [
                    _WRITERS.get(type(value), _other)(f"{letter}{count}", value)
                    for letter, value in zip(letters, row, strict=False)
                    if value is not None and value != ""
                ]
            )
            parts.append(f'<row r="{count}">{cells}</row>')
        filter_range = f"A1:{last}{max(count, 2)}"
        cols = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{_width(widths[i] if i < len(widths) else 14)}" '
            'customWidth="1"/>'
            for i in range(columns)
        )
        selected = ' tabSelected="1"' if not self.sheets else ""
        across = sum(widths[i] if i < len(widths) else 14 for i in range(columns))
        orientation = "landscape" if across > PORTRAIT_CHARACTERS else "portrait"
        head = (
            f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{last}{max(count, 1)}"/>'
            f'<sheetViews><sheetView{selected} workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
            f"<sheetData>{''.join(parts)}</sheetData>"
            f'<autoFilter ref="{filter_range}"/>'
        )
        tail = (
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
            f"<headerFooter><oddHeader>{text_xml(page_header(self.title))}</oddHeader>"
            f"<oddFooter>{text_xml(PAGE_FOOTER)}</oddFooter></headerFooter></worksheet>"
        )
        self.sheets.append(_Sheet(name[:31], head, tail, filter_range))
        return len(self.sheets) - 1

    def colour_against_one(self, sheet: int, column: int, first: int, last: int) -> None:
        """Colour the cells of ``column`` (0 is A) from row ``first`` to ``last`` (0 is the
        header) of ``sheet``: green at 1 or more, red below (an attainment against its plan)."""
        table = self.sheets[sheet]
        assert isinstance(table, _Sheet)
        cells = f"{column_name(column)}{first + 1}:{column_name(column)}{last + 1}"
        priority = 2 * len(table.formats)
        table.formats.append(
            f'<conditionalFormatting sqref="{cells}">'
            f'<cfRule type="cellIs" dxfId="{GOOD}" priority="{priority + 1}" '
            'operator="greaterThanOrEqual"><formula>1</formula></cfRule>'
            f'<cfRule type="cellIs" dxfId="{BAD}" priority="{priority + 2}" operator="lessThan">'
            "<formula>1</formula></cfRule></conditionalFormatting>"
        )

    def chart_sheet(self, name: str, sheet: int, chart: Chart) -> None:
        """Add a sheet that holds ``chart`` alone (of the rows of ``sheet``): printed whole,
        landscape, on a page of its own."""
        self.sheets.append(_ChartSheet(name[:31], chart, self.sheets[sheet].name))

    def close(self) -> Workbook:
        """The workbook as the bytes of an .xlsx file (which also keep the text of its parts,
        for the safety scan to read without unzipping them)."""
        parts = [
            ("[Content_Types].xml", self._content_types()),
            ("_rels/.rels", _ROOT_RELS),
            ("docProps/core.xml", self._core()),
            ("xl/workbook.xml", self._workbook()),
            ("xl/_rels/workbook.xml.rels", self._workbook_rels()),
            ("xl/styles.xml", _STYLES),
            *self._sheet_parts(),
        ]
        workbook = Workbook(_zipped(parts))
        workbook.parts = tuple(parts)
        return workbook

    def _numbered(self) -> Iterator[tuple[str, int, _Sheet | _ChartSheet]]:
        """Each sheet with its part (worksheets and chart sheets are numbered apart)."""
        counts = {"worksheets": 0, "chartsheets": 0}
        for sheet in self.sheets:
            folder = "worksheets" if isinstance(sheet, _Sheet) else "chartsheets"
            counts[folder] += 1
            yield folder, counts[folder], sheet

    def _sheet_parts(self) -> Iterator[tuple[str, str]]:
        for folder, number, sheet in self._numbered():
            if isinstance(sheet, _Sheet):
                yield (
                    f"xl/{folder}/sheet{number}.xml",
                    sheet.head + "".join(sheet.formats) + sheet.tail,
                )
                continue
            yield f"xl/{folder}/sheet{number}.xml", self._chartsheet()
            yield (
                f"xl/{folder}/_rels/sheet{number}.xml.rels",
                _relationships(f"{_REL}/drawing", f"../drawings/drawing{number}.xml"),
            )
            yield f"xl/drawings/drawing{number}.xml", _DRAWING
            yield (
                f"xl/drawings/_rels/drawing{number}.xml.rels",
                _relationships(f"{_REL}/chart", f"../charts/chart{number}.xml"),
            )
            yield f"xl/charts/chart{number}.xml", _chart_xml(sheet.chart, sheet.on, number)

    def _chartsheet(self) -> str:
        return (
            f'{_DECLARATION}<chartsheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetPr/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>'
            f"<headerFooter><oddHeader>{text_xml(page_header(self.title))}</oddHeader>"
            '</headerFooter><drawing r:id="rId1"/></chartsheet>'
        )

    def _content_types(self) -> str:
        kinds = {
            "worksheets": "spreadsheetml.worksheet",
            "chartsheets": "spreadsheetml.chartsheet",
        }
        parts = []
        for folder, number, _ in self._numbered():
            parts.append((f"/xl/{folder}/sheet{number}.xml", kinds[folder]))
            if folder == "chartsheets":
                parts.append((f"/xl/drawings/drawing{number}.xml", "drawing"))
                parts.append((f"/xl/charts/chart{number}.xml", "drawingml.chart"))
        sheets = "".join(
            f'<Override PartName="{name}" ContentType="application/'
            f'vnd.openxmlformats-officedocument.{kind}+xml"/>'
            for name, kind in parts
        )
        return (
            _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            f'main+xml"/>{sheets}<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override '
            'PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/></Types>'
        )

    def _core(self) -> str:
        created = f"{self.created.isoformat()}T00:00:00Z"
        return (
            _DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
            'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            f'XMLSchema-instance"><dc:title>{text_xml(self.title)}</dc:title>'
            "<dc:creator>Accountbook</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
            "</cp:coreProperties>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{_xml_escape(sheet.name, {chr(34): "&quot;"})}" sheetId="{n}" '
            f'r:id="rId{n}"/>'
            for n, sheet in enumerate(self.sheets, start=1)
        )
        tables = [(n, sheet) for n, sheet in enumerate(self.sheets) if isinstance(sheet, _Sheet)]
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{_xml_escape(_reference(sheet.name, sheet.filter_range))}</definedName>"
            for n, sheet in tables
        ) + "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
            f"{_xml_escape(_rows(sheet.name, 1, 1))}</definedName>"
            for n, sheet in tables
        )
        return (
            f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" '
            f'windowHeight="9660"/></bookViews><sheets>{sheets}</sheets>'
            f"<definedNames>{names}</definedNames>"
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        )

    def _workbook_rels(self) -> str:
        count = len(self.sheets)
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="{_REL}/{folder[:-1]}" '
            f'Target="{folder}/sheet{number}.xml"/>'
            for n, (folder, number, _) in enumerate(self._numbered(), start=1)
        )
        return (
            f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>"
        )


def _zipped(parts: list[tuple[str, str]]) -> bytes:
    """The parts as a zip archive, each compressed (the fastest level: the parts are small and
    repetitive, and level 1 makes a file a few percent larger in half the time of the default)
    and dated the same, so that the same parts give the same bytes.

    Written here rather than by zipfile, whose per-part work cost more than compressing them:
    the parts every workbook shares (the styles, most relationships) are compressed once."""
    local, central = [], []
    offset = 0
    for name, content in parts:
        crc, size, deflated = _packed(name, content)
        encoded = name.encode("utf-8")
        # Version 2.0, no flags, deflated, 1980-01-01 00:00, sizes, the name; no extra field.
        fields = struct.pack(
            "<HHHHHIIIHH", 20, 0, 8, 0, 33, crc, len(deflated), size, len(encoded), 0
        )
        local.append(b"PK\x03\x04" + fields + encoded + deflated)
        central.append(
            b"PK\x01\x02\x14\x00" + fields + struct.pack("<HHHII", 0, 0, 0, 0, offset) + encoded
        )
        offset += 30 + len(encoded) + len(deflated)
        if offset > 0xFFFFFFFF:
            raise ValueError("a workbook above 4 GB needs a ZIP64 archive")
    directory = b"".join(central)
    end = b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(parts), len(parts), len(directory), offset, 0
    )
    return b"".join(local) + directory + end


def _packed(name: str, content: str) -> tuple[int, int, bytes]:
    """A part's CRC-32, size and deflated bytes."""
    if name in _LAYOUT_PARTS or name.startswith(("xl/drawings/", "xl/chartsheets/_rels/")):
        return _packed_once(content)
    return _pack(content)


# The parts that depend only on the workbook's layout (its kinds of sheets), not its content.
_LAYOUT_PARTS = frozenset(
    {"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml"}
)


def _pack(content: str) -> tuple[int, int, bytes]:
    data = content.encode("utf-8")
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush()


_packed_once = lru_cache(maxsize=256)(_pack)


def _relationships(kind: str, target: str) -> str:
    return (
        f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{kind}" Target="{target}"/></Relationships>'
    )


# A chart sheet's drawing: the chart across the whole sheet.
_DRAWING = (
    _DECLARATION + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
    'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9308969" cy="6078325"/>'
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/>'
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr>'
    '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    f'xmlns:r="{_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>'
    "<xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>"
)


def _rich(text: str) -> str:
    """A chart's or an axis's title."""
    return (
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r>"
        f'<a:rPr lang="en-US"/><a:t>{text_xml(text)}</a:t></a:r></a:p></c:rich></c:tx>'
        "<c:layout/></c:title>"
    )


def _series(chart: Chart, sheet: str, series: Series, index: int, look: str) -> str:
    def cells(column: int) -> str:
        letter = column_name(column)
        return _xml_escape(_reference(sheet, f"{letter}{chart.first + 1}:{letter}{chart.last + 1}"))

    labels = "".join(
        f'<c:pt idx="{i}"><c:v>{text_xml(label)}</c:v></c:pt>'
        for i, label in enumerate(chart.labels)
    )
    values = "".join(
        f'<c:pt idx="{i}"><c:v>{value!r}</c:v></c:pt>'
        for i, value in enumerate(series.values)
        if value is not None
    )
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:v>{text_xml(series.name)}</c:v></c:tx>{look}"
        f"<c:cat><c:strRef><c:f>{cells(chart.category)}</c:f><c:strCache>"
        f'<c:ptCount val="{len(chart.labels)}"/>{labels}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{cells(series.column)}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(series.values)}"/>{values}'
        "</c:numCache></c:numRef></c:val></c:ser>"
    )


# The colours, said in the chart: a workbook without a theme part (as this module writes them)
# would otherwise have programs draw its columns, line and grid in no colour at all.
_BARS = '<c:spPr><a:solidFill><a:srgbClr val="4F81BD"/></a:solidFill></c:spPr>'
_LINE = (
    '<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="C0504D"/></a:solidFill>'
    '<a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
)
_GRID = (
    '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/>'
    "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
)
_AXIS = (
    '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="868686"/></a:solidFill></a:ln></c:spPr>'
)


def _chart_xml(chart: Chart, sheet: str, number: int) -> str:
    """A chart part: ``chart.bars`` as columns, ``chart.line`` over them, on the same axes."""
    x_axis, y_axis = 50010001 + 100 * number, 50010002 + 100 * number
    axes = f'<c:axId val="{x_axis}"/><c:axId val="{y_axis}"/>'
    return (
        _DECLARATION + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/'
        'chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{_REL}"><c:lang val="en-US"/><c:chart>{_rich(chart.title)}'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
        f"{_series(chart, sheet, chart.bars, 0, _BARS)}{axes}</c:barChart>"
        '<c:lineChart><c:grouping val="standard"/>'
        f"{_series(chart, sheet, chart.line, 1, _LINE)}"
        f'<c:marker val="1"/>{axes}</c:lineChart>'
        f'<c:catAx><c:axId val="{x_axis}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        f'<c:axPos val="b"/>{_rich(chart.x_title)}<c:numFmt formatCode="General" '
        f'sourceLinked="1"/><c:tickLblPos val="nextTo"/>{_AXIS}'
        f'<c:crossAx val="{y_axis}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>'
        f'<c:valAx><c:axId val="{y_axis}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        f'<c:axPos val="l"/>{_GRID}{_rich(chart.y_title)}'
        f'<c:numFmt formatCode="{_xml_escape(chart.number_format, {chr(34): "&quot;"})}" '
        f'sourceLinked="0"/><c:tickLblPos val="nextTo"/>{_AXIS}'
        f'<c:crossAx val="{x_axis}"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx></c:plotArea>'
        '<c:legend><c:legendPos val="b"/><c:layout/></c:legend><c:plotVisOnly val="1"/>'
        "</c:chart></c:chartSpace>"
    )


def _quoted(sheet: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def _rows(sheet: str, first: int, last: int) -> str:
    """``Sheet!$1:$1``: whole rows, as print titles name them."""
    return f"{_quoted(sheet)}!${first}:${last}"


def _reference(sheet: str, cells: str) -> str:
    """``Sheet!$A$1:$B$2``, the sheet name quoted when it needs to be."""
    start, end = cells.split(":")

    def absolute(cell: str) -> str:
        letters = cell.rstrip("0123456789")
        return f"${letters}${cell[len(letters) :]}"

    return f"{_quoted(sheet)}!{absolute(start)}:{absolute(end)}"


def _text(reference: str, value: Any) -> str:
    return (
        f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text_xml(str(value))}'
        "</t></is></c>"
    )


class Ratio:
    """A share (an attainment) as a cell: a number with a percent format."""

    __slots__ = ("value",)

    def __init__(self, value: Decimal) -> None:
        self.value = value


def _share(reference: str, value: Ratio) -> str:
    # Rounded as kpis.csv rounds it, to four places.
    return f'<c r="{reference}" s="{SHARE}"><v>{float(rounded_ratio(value.value))!r}</v></c>'


def _boolean(reference: str, value: bool) -> str:
    return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'


def _money(reference: str, value: Decimal) -> str:
    # Rounded to the cent by the one rule of every page and file (5.025 is 5.03), then as a
    # spreadsheet stores it: a double, written the shortest way that reads back the same.
    return f'<c r="{reference}" s="{MONEY}"><v>{float(cents(value))!r}</v></c>'


def _integer(reference: str, value: int) -> str:
    return f'<c r="{reference}"><v>{value}</v></c>'


def _float(reference: str, value: float) -> str:
    return f'<c r="{reference}"><v>{value!r}</v></c>'


def _day(reference: str, value: date) -> str:
    days = (date(value.year, value.month, value.day) - _EPOCH).days
    return f'<c r="{reference}" s="{DAY}"><v>{days}</v></c>'


def _other(reference: str, value: Any) -> str:
    """A value of a type not in _WRITERS: a subclass of one that is, or else text."""
    for kind, writer in _WRITERS.items():
        if kind is not str and isinstance(value, kind):
            return str(writer(reference, value))
    return _text(reference, value)


# How each type of value is written, by its exact type (bool before int: a bool is an int).
_WRITERS: dict[type, Any] = {
    str: _text,
    Ratio: _share,
    bool: _boolean,
    Decimal: _money,
    int: _integer,
    float: _float,
    datetime: _day,
    date: _day,
}
