"""The drawing primitives a timeline picture is made of, in points with the origin at the top
left (y grows downwards, as on screen). Each back end (reportlab, Pillow, QPainter) draws these
few shapes and nothing else, so all of them show the same layout."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from exports.brief.fonts import BOLD, ITALIC, REGULAR, register_fonts


@dataclass(frozen=True)
class Box:
    """A rectangle; `fill` or `stroke` None leaves that part undrawn. Colours are #RRGGBB."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.6
    radius: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 0.6
    dashed: bool = False


@dataclass(frozen=True)
class Dot:
    """A filled circle centred on (x, y)."""

    x: float
    y: float
    r: float
    fill: str
    stroke: str | None = None


@dataclass(frozen=True)
class Label:
    """One line of text; (x, y) is the start, middle or end of its baseline (`anchor`)."""

    x: float
    y: float
    text: str
    size: float = 8.0
    colour: str = "#1B1F24"
    anchor: str = "start"
    bold: bool = False
    italic: bool = False


Shape = Box | Line | Dot | Label


@dataclass(frozen=True)
class Picture:
    """A finished drawing: its size in points and its shapes in painting order."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    title: str = ""

    def labels(self) -> list[str]:
        """Every text in the picture, in painting order (for tests and the name check)."""
        return [s.text for s in self.shapes if isinstance(s, Label)]


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The registered reportlab face for a label (the brief's DejaVu Sans family)."""
    register_fonts()
    return BOLD if bold else ITALIC if italic else REGULAR


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide a label is in points, measured with the font every back end draws with."""
    return stringWidth(text, font_name(bold), size)


def fit(text: str, size: float, room: float, bold: bool = False) -> str:
    """The text cut to `room` points, with an ellipsis when it had to be shortened."""
    if text_width(text, size, bold) <= room:
        return text
    while text and text_width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def wrap(text: str, size: float, room: float, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """The text broken into lines no wider than `room`; the last kept line gets an ellipsis
    when `max_lines` cut the rest."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(trial, size, bold) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    lines = [fit(line, size, room, bold) for line in lines]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + " …", size, room, bold)
    return lines
