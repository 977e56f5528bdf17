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


_WIDTH = 720
_HEIGHT = 260
_LEFT = 70
_BOTTOM = 40
_TOP = 20
_RIGHT = 16
_STYLE = (
    "<style>.bar{fill:#3f51b5}.bar.low{fill:#e0785a}.target{stroke:#f9a825;stroke-width:2.5;fill:none}"
    ".grid{stroke:#ddd;stroke-width:1}text{font:11px sans-serif;fill:#555}</style>"
)


@dataclass(frozen=True)
class Point:
    label: str
    value: Decimal
    target: Decimal | None = None


def _ticks(top: Decimal) -> list[Decimal]:
    if top <= 0:
        return [Decimal(0)]
    step = Decimal(1)
    while top / step > 10:
        step *= 10
    if top / step <= 2:
        step /= 5
    elif top / step <= 5:
        step /= 2
    ticks = []
    tick = Decimal(0)
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


def bar_chart(
    title: str,
    points: Sequence[Point],
    money_label: str,
    amount: Callable[[Decimal], str] = _plain_amount,
    target_tip: str = "(target {target})",
) -> str:
    """Vertical bars of ``value`` per label, with a line of ``target`` where there is one.

    ``amount`` formats the amounts of the tooltips (the page's language formats them), and
    ``target_tip`` is the tooltip's note of the target, with ``{target}`` in it.
    """
    if not points:
        return ""
    values = [p.value for p in points] + [p.target for p in points if p.target is not None]
    top = max(max(values), Decimal(0))
    bottom = min(min(values), Decimal(0))
    span = (top - bottom) or Decimal(1)
    plot_height = _HEIGHT - _TOP - _BOTTOM
    plot_width = _WIDTH - _LEFT - _RIGHT
    slot = plot_width / len(points)

    # In floats: a client's chart has dozens of bars, and there is a chart per client.
    top_float, scale = float(top), plot_height / float(span)

    def y(value: Decimal) -> float:
        return _TOP + (top_float - float(value)) * scale

    parts = [
        f'<svg width="{_WIDTH}" height="{_HEIGHT}" role="img" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{xml(title)}</title>{_STYLE}'
    ]
    for tick in _ticks(top):
        tick_y = y(tick)
        parts.append(
            f'<line class="grid" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{tick_y:.1f}" y2="{tick_y:.1f}"/>'
            f'<text x="{_LEFT - 6}" y="{tick_y + 4:.1f}" text-anchor="end">{_short(tick)}</text>'
        )
    every = max(1, len(points) // 12)
    target_path: list[str] = []
    zero_y = y(Decimal(0))
    for index, point in enumerate(points):
        x = _LEFT + slot * index
        value_y = y(point.value)
        height = abs(zero_y - value_y)
        tip = f"{point.label}: {money_label} {amount(point.value)}"
        if point.target is not None:
            tip += " " + target_tip.format(target=amount(point.target))
        parts.append(
            f'<rect class="bar{" low" if point.value < 0 else ""}" x="{x + slot * 0.15:.1f}" '
            f'y="{min(value_y, zero_y):.1f}" width="{slot * 0.7:.1f}" height="{max(height, 0.5):.1f}">'
            f"<title>{xml(tip)}</title></rect>"
        )
        if index % every == 0:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{_HEIGHT - _BOTTOM + 16}" '
                f'text-anchor="middle">{xml(point.label)}</text>'
            )
        if point.target is not None:
            target_path.append(
                f"{'M' if not target_path else 'L'}{x + slot / 2:.1f},{y(point.target):.1f}"
            )
    if target_path:
        parts.append(f'<path class="target" d="{" ".join(target_path)}"/>')
    parts.append("</svg>")
    return "".join(parts)


def attainment_chart(
    title: str,
    rows: Sequence[tuple[str, Decimal]],
    percent: Callable[[Decimal], str] = _plain_percent,
) -> str:
    """Horizontal bars of attainment (a ratio) per name, with the 100 % mark."""
    if not rows:
        return ""
    bar_height = 22
    height = _TOP + bar_height * len(rows) + 30
    left = 200
    width = _WIDTH - left - 60
    top = max(max(value for _, value in rows), Decimal("1.2"))

    def x(value: Decimal) -> float:
        return left + float(max(value, Decimal(0)) / top) * width

    parts = [
        f'<svg width="{_WIDTH}" height="{height}" role="img" viewBox="0 0 {_WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{xml(title)}</title>{_STYLE}'
    ]
    for index, (name, value) in enumerate(rows):
        y = _TOP + index * bar_height
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{xml(name[:32])}</text>'
            f'<rect class="bar{" low" if value < 1 else ""}" x="{left}" y="{y + 3}" '
            f'width="{max(x(value) - left, 0.5):.1f}" height="{bar_height - 6}">'
            f"<title>{xml(f'{name}: {percent(value)}')}</title></rect>"
            f'<text x="{x(value) + 4:.1f}" y="{y + 15}">{xml(percent(value))}</text>'
        )
    mark = x(Decimal(1))
    parts.append(
        f'<line class="target" x1="{mark:.1f}" x2="{mark:.1f}" y1="{_TOP}" y2="{height - 24}"/>'
    )
    parts.append(
        f'<text x="{mark:.1f}" y="{height - 8}" text-anchor="middle">{xml(percent(Decimal(1)))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
