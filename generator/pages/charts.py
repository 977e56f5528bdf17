"""Charts as SVG files drawn at build time: they need no script and no internet to show.

A chart is its own small file, shown with ``<img>``: the page stays small and quick to build, and
the browser caches and lazily loads the picture. Every label that comes from the spreadsheet is
XML-escaped here. The file carries its own style, since a picture does not see the page's CSS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

# Characters XML 1.0 cannot hold at all, not even as references: a name holding one would
# make the whole picture ill-formed, and the browser would show nothing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml(value: str) -> str:
    """Any text as the XML text (or attribute value) of the picture: escaped, and without the
    characters XML cannot hold."""
    return escape(_NOT_XML.sub("", value))


# The wide picture is drawn for a laptop's column, the narrow one for a phone's: each is shown at
# about its own size, so that its 12 px text stays at least 11 px on the screen.
_WIDE = 720
_NARROW = 360
_HEIGHT = 300
_BOTTOM = 28
_TOP = 56  # the title and the legend
_RIGHT = 12
_FONT = 12
# Colour-blind-safe (Okabe and Ito's blue and vermilion); the target is a dashed dark line, told
# from the bars by its shape as well as its colour. Text is dark grey on white (contrast 10:1).
_STYLE = (
    "<style>.bar,.key{fill:#0072b2}.bar.low{fill:#d55e00}"
    ".target{stroke:#222;stroke-width:2;stroke-dasharray:6 4;fill:none}"
    f".grid{{stroke:#ddd;stroke-width:1}}text{{font:{_FONT}px sans-serif;fill:#333}}"
    ".title{font-weight:bold;font-size:14px;fill:#222}</style>"
)


@dataclass(frozen=True)
class Point:
    label: str
    value: Decimal
    target: Decimal | None = None


@dataclass(frozen=True)
class Chart:
    """A chart drawn twice (for a wide and a narrow screen), with its numbers as a table for
    screen readers and anyone who wants the figures: ``headers`` and ``rows`` of text."""

    title: str
    wide: str
    narrow: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Labels:
    """The words and number formats of a chart, in the page's language."""

    value: str  # the bars' name in the legend, with its unit: "Revenue (EUR)"
    target: str = ""  # the line's name: "Target"
    axis: Callable[[Decimal], str] = lambda value: _short(value)  # 3.5M, 3,5 mil.
    amount: Callable[[Decimal], str] = lambda value: _plain_amount(value)  # 1,234.56
    period: str = "Period"  # the table's first header


def _ticks(top: Decimal, bottom: Decimal = Decimal(0), most: int = 6) -> list[Decimal]:
    span = top - bottom
    if span <= 0:
        return [Decimal(0)]
    step = Decimal(1)
    while span / step > 10:
        step *= 10
    while span / step < 1:
        step /= 10
    for divisor in (5, 2, 1):
        if span / (step / divisor) <= most:
            step /= divisor
            break
    first = (bottom / step).to_integral_value(rounding="ROUND_CEILING") * step
    ticks = []
    tick = first
    while tick <= top:
        ticks.append(tick)
        tick += step
    return ticks


def _short(value: Decimal) -> str:
    number = float(value)
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(number) >= size:
            return f"{number / size:.1f}{suffix}".replace(".0", "")
    return f"{number:.0f}"


def _plain_amount(value: Decimal) -> str:
    return f"{value:,.2f}"


def _plain_percent(value: Decimal) -> str:
    return f"{value * 100:.1f} %"


def _title(title: str, width: int) -> tuple[str, int]:
    """The title as one or two lines of bold text that fit ``width`` (at about 8.5 px a
    character), and how far down the chart's legend goes."""
    most = max(10, int(width / 8.5))
    lines = [title]
    if len(title) > most:
        cut = title.rfind(" ", 0, most)
        cut = cut if cut > 0 else most
        rest = title[cut:].strip()
        lines = [title[:cut], rest if len(rest) <= most else rest[: most - 1] + "…"]
    text = "".join(
        f'<text class="title" x="0" y="{16 + 18 * index}">{xml(line)}</text>'
        for index, line in enumerate(lines)
    )
    return text, 18 * (len(lines) - 1)


def _legend(labels: Labels, width: int, with_target: bool, down: int = 0) -> str:
    parts = [
        f'<rect class="key" x="0" y="{30 + down}" width="14" height="12"/>'
        f'<text x="20" y="{41 + down}">{xml(labels.value)}</text>'
    ]
    if with_target and labels.target:
        x = min(width // 2, 20 + 8 * len(labels.value) + 24)
        parts.append(
            f'<path class="target" d="M{x},{36 + down} L{x + 22},{36 + down}"/>'
            f'<text x="{x + 28}" y="{41 + down}">{xml(labels.target)}</text>'
        )
    return "".join(parts)


def _tips(points: Sequence[Point], labels: Labels) -> list[tuple[str, str]]:
    """Each bar's label and tooltip, escaped: worked out once for both drawings."""
    target_tip = f" ({labels.target} {{target}})" if labels.target else ""
    found = []
    for point in points:
        tip = f"{point.label}: {labels.value} {labels.amount(point.value)}"
        if point.target is not None and target_tip:
            tip += target_tip.format(target=labels.amount(point.target))
        found.append((xml(point.label), xml(tip)))
    return found


def _bars(
    title: str,
    points: Sequence[Point],
    labels: Labels,
    width: int,
    tips: Sequence[tuple[str, str]],
) -> str:
    values = [p.value for p in points] + [p.target for p in points if p.target is not None]
    top = max(max(values), Decimal(0))
    bottom = min(min(values), Decimal(0))
    ticks = _ticks(top, bottom)
    top, bottom = max(top, ticks[-1]), min(bottom, ticks[0])
    span = (top - bottom) or Decimal(1)
    axis = [labels.axis(tick) for tick in ticks]
    left = 14 + max(len(text) for text in axis) * 8
    heading, down = _title(title, width)
    plot_top = _TOP + down
    plot_height = _HEIGHT - plot_top - _BOTTOM
    plot_width = width - left - _RIGHT
    slot = plot_width / len(points)

    # In floats: a client's chart has dozens of bars, and there is a chart per client.
    top_float, scale = float(top), plot_height / float(span)

    def y(value: Decimal) -> float:
        return plot_top + (top_float - float(value)) * scale

    parts = [
        f'<svg width="{width}" height="{_HEIGHT}" role="img" viewBox="0 0 {width} {_HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{xml(title)}</title>{_STYLE}'
        f"{heading}"
    ]
    with_target = any(point.target is not None for point in points)
    parts.append(_legend(labels, width, with_target, down))
    for tick, text in zip(ticks, axis, strict=True):
        tick_y = y(tick)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - _RIGHT}" y1="{tick_y:.1f}" y2="{tick_y:.1f}"/>'
            f'<text x="{left - 6}" y="{tick_y + 4:.1f}" text-anchor="end">{xml(text)}</text>'
        )
    # A label every so many bars, as many as fit at about 7 px a character.
    longest = max(len(point.label) for point in points) * 7 + 10
    every = max(1, -(-len(points) * longest // plot_width))
    target_path: list[str] = []
    zero_y = y(Decimal(0))
    bar_width = f"{slot * 0.7:.1f}"
    for index, (point, (name, tip)) in enumerate(zip(points, tips, strict=True)):
        x = left + slot * index
        value_y = y(point.value)
        height = abs(zero_y - value_y)
        parts.append(
            f'<rect class="bar{" low" if point.value < 0 else ""}" x="{x + slot * 0.15:.1f}" '
            f'y="{min(value_y, zero_y):.1f}" width="{bar_width}" height="{max(height, 0.5):.1f}">'
            f"<title>{tip}</title></rect>"
        )
        if (len(points) - 1 - index) % every == 0:  # the latest bar is always labelled
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{_HEIGHT - _BOTTOM + 18}" '
                f'text-anchor="middle">{name}</text>'
            )
        if point.target is not None:
            target_path.append(
                f"{'M' if not target_path else 'L'}{x + slot / 2:.1f},{y(point.target):.1f}"
            )
    if target_path:
        parts.append(f'<path class="target" d="{" ".join(target_path)}"/>')
    parts.append("</svg>")
    return "".join(parts)


NARROW_POINTS = 12  # a phone's chart shows the last year


def bar_chart(
    title: str, points: Sequence[Point], labels: Labels, numbers: bool = True
) -> Chart | None:
    """Vertical bars of ``value`` per label, with a dashed line of ``target`` where there is
    one: a title, a legend, axis labels in the page's language and (unless ``numbers`` is
    false: the page has a table of them already) the numbers as a table."""
    if not points:
        return None
    with_target = any(point.target is not None for point in points)
    headers = (labels.period, labels.value) + ((labels.target,) if with_target else ())
    rows = (
        ()
        if not numbers
        else tuple(
            (point.label, labels.amount(point.value))
            + (
                (labels.amount(point.target) if point.target is not None else "",)
                if with_target
                else ()
            )
            for point in points
        )
    )
    tips = _tips(points, labels)
    return Chart(
        title,
        _bars(title, points, labels, _WIDE, tips),
        _bars(title, points[-NARROW_POINTS:], labels, _NARROW, tips[-NARROW_POINTS:]),
        headers,
        rows,
    )


def _attainment(
    title: str, rows: Sequence[tuple[str, Decimal]], percent: Callable[[Decimal], str], width: int
) -> str:
    bar_height = 24
    heading, down = _title(title, width)
    plot_top = _TOP - 24 + down  # no legend: the dashed line is labelled 100 %
    height = plot_top + bar_height * len(rows) + 30
    left = min(200, width // 3)
    name_length = (left - 12) // 7
    plot = width - left - 70
    top = max(max(value for _, value in rows), Decimal("1.2"))

    def x(value: Decimal) -> float:
        return left + float(max(value, Decimal(0)) / top) * plot

    parts = [
        f'<svg width="{width}" height="{height}" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{xml(title)}</title>{_STYLE}'
        f"{heading}"
    ]
    for index, (name, value) in enumerate(rows):
        y = plot_top + index * bar_height
        shown = name if len(name) <= name_length else name[: name_length - 1] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{xml(shown)}</text>'
            f'<rect class="bar{" low" if value < 1 else ""}" x="{left}" y="{y + 3}" '
            f'width="{max(x(value) - left, 0.5):.1f}" height="{bar_height - 6}">'
            f"<title>{xml(f'{name}: {percent(value)}')}</title></rect>"
            f'<text x="{x(value) + 4:.1f}" y="{y + 16}">{xml(percent(value))}</text>'
        )
    mark = x(Decimal(1))
    parts.append(
        f'<line class="target" x1="{mark:.1f}" x2="{mark:.1f}" y1="{plot_top - 4}" y2="{height - 24}"/>'
        f'<text x="{mark:.1f}" y="{height - 8}" text-anchor="middle">{xml(percent(Decimal(1)))}</text>'
        "</svg>"
    )
    return "".join(parts)


def attainment_chart(
    title: str,
    rows: Sequence[tuple[str, Decimal]],
    percent: Callable[[Decimal], str] = _plain_percent,
    headers: tuple[str, str] = ("Manager", "Attainment"),
) -> Chart | None:
    """Horizontal bars of attainment (a ratio) per name, with the 100 % mark dashed; bars under
    100 % are vermilion."""
    if not rows:
        return None
    return Chart(
        title,
        _attainment(title, rows, percent, _WIDE),
        _attainment(title, rows, percent, _NARROW),
        headers,
        tuple((name, percent(value)) for name, value in rows),
    )


def sparkline(values: Sequence[Decimal], title: str) -> str:
    """A small line of the last periods' values, drawn inline in a scorecard (no axes: the
    card's text says the numbers); its title tells a screen reader what it shows."""
    if len(values) < 2:
        return ""
    width, height = 120, 32
    top, bottom = max(values), min(values)
    span = float(top - bottom) or 1.0
    step = width / (len(values) - 1)
    points = " ".join(
        f"{index * step:.1f},{height - 3 - (float(value - bottom) / span) * (height - 6):.1f}"
        for index, value in enumerate(values)
    )
    last = points.rsplit(" ", 1)[-1].split(",")
    return (
        f'<svg class="ab-spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{xml(title)}" xmlns="http://www.w3.org/2000/svg">'
        f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        f'<circle cx="{last[0]}" cy="{last[1]}" r="2.5" fill="currentColor"/></svg>'
    )
