"""Writing a timeline `Picture` as PDF, SVG (reportlab graphics) or PNG (Pillow).

reportlab's own bitmap renderer needs an extension this project does not install, so PNG is
drawn with Pillow, which reportlab already depends on, using the same DejaVu Sans faces the
PDF embeds. All three read the same shapes; only the y axis differs (reportlab counts up
from the bottom of the page).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Rect, String
from reportlab.graphics.shapes import Line as RLLine
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exports.brief.fonts import FACES, FONT_DIR
from exports.tables.files import write_atomically
from exports.timeline.shapes import Box, Dot, Label, Line, Picture, font_name
from schema.errors import CasecoderError

TIMELINE_FORMATS = ("pdf", "svg", "png")
PNG_SCALE = 2.0  # pixels per point: sharp on screen and in slides
# An SVG names its fonts rather than embedding them: the faces are registered again under the
# names a viewer with DejaVu installed knows them by.
SVG_FACES = {False: "DejaVu Sans", True: "DejaVu Sans Bold"}


def format_of(path: Path) -> str:
    """The output format a file name asks for, or a one-line error naming the choices."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in TIMELINE_FORMATS:
        raise CasecoderError(f"cannot tell the format of {path.name}: end the file name in "
                             f".pdf, .png or .svg")
    return suffix


def write_picture(picture: Picture, path: str | Path) -> Path:
    """Write the picture in the format its suffix names, whole or not at all."""
    target = Path(path)
    kind = format_of(target)
    if kind == "png":
        image = to_image(picture)
        return write_atomically(target, lambda temp: image.save(temp, format="PNG"))
    drawing = to_drawing(picture, svg=kind == "svg")
    if kind == "pdf":
        return write_atomically(target, lambda temp: renderPDF.drawToFile(
            drawing, str(temp), picture.title or "Escalation timeline"))
    return write_atomically(target, lambda temp: renderSVG.drawToFile(drawing, str(temp)))


def to_drawing(picture: Picture, svg: bool = False) -> Drawing:
    """The picture as a reportlab Drawing (also a flowable: the brief places it on a page)."""
    drawing = Drawing(picture.width, picture.height)
    group = Group()
    height = picture.height
    for shape in picture.shapes:
        group.add(_rl_shape(shape, height, svg))
    drawing.add(group)
    return drawing


def _colour(value: str | None):
    return colors.HexColor(value) if value else None


def _rl_shape(shape, height: float, svg: bool):
    if isinstance(shape, Box):
        return Rect(shape.x, height - shape.y - shape.h, shape.w, shape.h, rx=shape.radius,
                    ry=shape.radius, fillColor=_colour(shape.fill),
                    strokeColor=_colour(shape.stroke), strokeWidth=shape.width)
    if isinstance(shape, Line):
        return RLLine(shape.x1, height - shape.y1, shape.x2, height - shape.y2,
                      strokeColor=_colour(shape.colour), strokeWidth=shape.width,
                      strokeDashArray=[2, 2] if shape.dashed else None)
    if isinstance(shape, Dot):
        return Circle(shape.x, height - shape.y, shape.r, fillColor=_colour(shape.fill),
                      strokeColor=_colour(shape.stroke), strokeWidth=0.8)
    face = _svg_face(shape.bold) if svg else font_name(shape.bold, shape.italic)
    return String(shape.x, height - shape.y, shape.text, fontName=face, fontSize=shape.size,
                  fillColor=_colour(shape.colour), textAnchor=shape.anchor)


def _svg_face(bold: bool) -> str:
    name = SVG_FACES[bold]
    if name not in pdfmetrics.getRegisteredFontNames():
        file_name = FACES[font_name(bold)][0]
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))
    return name


def to_image(picture: Picture, scale: float = PNG_SCALE) -> Image.Image:
    """The picture as an RGB image, `scale` pixels per point."""
    image = Image.new("RGB", (round(picture.width * scale), round(picture.height * scale)),
                      "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for shape in picture.shapes:
        _pil_shape(draw, shape, scale)
    return image


def _pil_shape(draw: ImageDraw.ImageDraw, shape, s: float) -> None:
    if isinstance(shape, Box):
        box = [shape.x * s, shape.y * s, (shape.x + shape.w) * s, (shape.y + shape.h) * s]
        draw.rounded_rectangle(box, radius=shape.radius * s, fill=shape.fill,
                               outline=shape.stroke,
                               width=max(1, round(shape.width * s)) if shape.stroke else 0)
    elif isinstance(shape, Line):
        _pil_line(draw, shape, s)
    elif isinstance(shape, Dot):
        r = shape.r * s
        draw.ellipse([shape.x * s - r, shape.y * s - r, shape.x * s + r, shape.y * s + r],
                     fill=shape.fill, outline=shape.stroke, width=max(1, round(0.8 * s)))
    elif isinstance(shape, Label):
        font = _pil_font(font_name(shape.bold, shape.italic), shape.size * s)
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
        draw.text((shape.x * s, shape.y * s), shape.text, fill=shape.colour, font=font,
                  anchor=anchor)


def _pil_line(draw: ImageDraw.ImageDraw, line: Line, s: float) -> None:
    width = max(1, round(line.width * s))
    start, end = (line.x1 * s, line.y1 * s), (line.x2 * s, line.y2 * s)
    if not line.dashed:
        draw.line([start, end], fill=line.colour, width=width)
        return
    length = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5
    dash = 2 * s
    steps = int(length // (2 * dash)) + 1
    for i in range(steps):
        a, b = (2 * i * dash) / max(length, 1), min(1.0, (2 * i + 1) * dash / max(length, 1))
        draw.line([(start[0] + (end[0] - start[0]) * a, start[1] + (end[1] - start[1]) * a),
                   (start[0] + (end[0] - start[0]) * b, start[1] + (end[1] - start[1]) * b)],
                  fill=line.colour, width=width)


_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def _pil_font(face: str, pixels: float) -> ImageFont.FreeTypeFont:
    key = (face, round(pixels))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(str(FONT_DIR / FACES[face][0]), max(1, round(pixels)))
    return _FONTS[key]
