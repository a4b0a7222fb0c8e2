# PyInstaller run-time hook (Windows): output into pipes and files is UTF-8, as on Linux.
# Without it Python writes them in the ANSI code page (cp1252 cannot even encode the Chinese
# help text; cp936 would differ from what scripts on Linux read). Consoles are not touched:
# Python writes to them in UTF-16 already.
import sys

for _name in ("stdout", "stderr"):
    _stream = getattr(sys, _name)
    if _stream is not None and not _stream.isatty():
        _stream.reconfigure(encoding="utf-8")
