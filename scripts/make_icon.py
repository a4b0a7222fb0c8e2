"""Draw the app icon: resources/icons/nanmu.svg, nanmu-<N>.png (16–256) and nanmu.ico.

A deep-red rounded square with a white shield (容错: the officer is protected) bearing a gold
tick (纠错: the error is corrected). The SVG is the source; Qt's SVG renderer draws each PNG
(offscreen, no display needed) and Pillow packs the sizes into one Windows .ico.
Run: `QT_QPA_PLATFORM=offscreen python scripts/make_icon.py` after changing the design.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="ground" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#b3261e"/>
      <stop offset="1" stop-color="#8c1a14"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="url(#ground)"/>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="none" stroke="#6d130f" stroke-width="4"/>
  <path d="M128 40 L200 66 V124 C200 170 170 200 128 218 C86 200 56 170 56 124 V66 Z"
        fill="#ffffff"/>
  <path d="M128 56 L186 77 V124 C186 161 162 186 128 201 C94 186 70 161 70 124 V77 Z"
        fill="none" stroke="#e0b84c" stroke-width="5"/>
  <path d="M95 128 L120 154 L165 103" fill="none" stroke="#c99a2e" stroke-width="18"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nanmu.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    images = {}
    for size in SIZES:
        png = render(renderer, size)
        (OUT / f"nanmu-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    largest = images[max(SIZES)]
    largest.save(OUT / "nanmu.ico", format="ICO", sizes=[(s, s) for s in SIZES],
                 append_images=[images[s] for s in SIZES if s != max(SIZES)])
    print(f"icons written to {OUT}")
    del app


if __name__ == "__main__":
    main()
