"""Some pages of a PDF as a PDF of their own, copied as they are (text and vectors, no raster).

Printing a page range to a file writes these pages of the issued bytes; the whole range is the
issued file itself.
"""

from __future__ import annotations

import io

import pikepdf

from nanmu_desktop.services.validate import Problems


def pick_pages(pdf: bytes, pages: list[int]) -> bytes:
    """`pages` (0-based, in the order given) of `pdf`; all of them in order → `pdf` unchanged."""
    with pikepdf.open(io.BytesIO(pdf)) as source:
        total = len(source.pages)
        if pages == list(range(total)):
            return pdf
        if not pages or any(not 0 <= page < total for page in pages):
            problems = Problems()
            problems.add("pages", f"页码超出范围：文书共 {total} 页。")
            problems.raise_if_any()
        picked = pikepdf.new()
        for page in pages:
            picked.pages.append(source.pages[page])
        out = io.BytesIO()
        picked.save(out, deterministic_id=True)
        return out.getvalue()
