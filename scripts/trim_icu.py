"""Shrink the ICU data library Qt brings on Linux (libicudata.so.NN, 32 MB) to what a Chinese
office app uses (about 9 MB): `python scripts/trim_icu.py LIBICUDATA [--check]`.

Kept: the root, Chinese (zh*) and English (en*) locales of every data tree, all of ICU's
non-locale data (character properties, normalization, time zones, plural rules, …), every
converter (GB18030/GBK and the rest: Qt's QStringConverter may ask ICU for any), the break
iterators and their word dictionaries (the break rules' root needs all of them). Dropped: other
languages' locale data (names of units, currencies, zones, languages, regions, number
spelling, collations) and the transliterators.

How: the library is one exported symbol, `icudtNN_dat`, holding an ICU common-data package.
The package is cut out with the symbol's offset and size (nm), filtered with ICU's own
`icupkg` (Debian's icu-devtools), and linked back into a library of the same soname that
exports the same symbol (gcc, .incbin). Called by build_installer.spec after the bundle is
collected; without icupkg or gcc it leaves the library alone and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALE = re.compile(r"^(root|zh|en|yue)([_.]|$)")  # (zh_Hant_HK's number spelling is yue's)
# A locale's resource bundle: "fr.res", "zh_Hans_CN.res", "es_419.res" (not "pool.res",
# "res_index.res" or the long-named supplemental data).
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
ALWAYS = {"pool.res", "res_index.res"}


def _unneeded(item: str) -> bool:
    """True for a package item (e.g. 'coll/fr.res') the app never asks ICU for."""
    tree, _, name = item.rpartition("/")
    if tree == "translit":
        return True
    if name in ALWAYS or not LOCALE_FILE.match(name):
        return False
    return not KEEP_LOCALE.match(name)


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the exported icudtNN_dat symbol."""
    nm = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True,
                        text=True, check=True).stdout
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", nm, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{library}: no icudtNN_dat symbol")
    address, size, name = int(match.group(1), 16), int(match.group(2), 16), match.group(3)
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], capture_output=True,
                              text=True, check=True).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            vaddr, offset = int(fields[3], 16), int(fields[4], 16)
            return name, address - vaddr + offset, size
    raise SystemExit(f"{library}: no .rodata section")


def trim(library: Path) -> tuple[int, int]:
    """Replace `library` with its trimmed build; (bytes before, bytes after)."""
    before = library.stat().st_size
    name, offset, size = _symbol(library)
    soname = library.name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # icupkg reads the package name from the file name (icudt73l.dat)
        package = work / f"{name.removesuffix('_dat')}l.dat"
        with library.open("rb") as source:
            source.seek(offset)
            package.write_bytes(source.read(size))
        items = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True,
                               check=True).stdout.split()
        dropped = [item for item in items if _unneeded(item)]
        # (a .txt list: icupkg reads any other name as one item)
        (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        (work / "out").mkdir()
        trimmed = work / "out" / package.name
        subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(package), str(trimmed)],
                       check=True)
        (work / "data.S").write_text(
            f'.section .rodata\n.globl {name}\n.type {name}, @object\n.balign 16\n{name}:\n'
            f'.incbin "{trimmed}"\n.size {name}, . - {name}\n'
            '.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        built = work / soname
        subprocess.run(["gcc", "-shared", "-nostdlib", "-Wl,-soname," + soname, "-o", str(built),
                        str(work / "data.S")], check=True)
        subprocess.run(["strip", str(built)], check=True)
        shutil.copyfile(built, library)
    return before, library.stat().st_size


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.splitlines()[0])
        return 2
    library = Path(argv[0])
    missing = [tool for tool in ("icupkg", "gcc", "nm", "readelf", "strip")
               if shutil.which(tool) is None]
    if missing:
        print(f"WARNING: ICU data left whole ({', '.join(missing)} missing: apt-get install "
              "icu-devtools gcc binutils)")
        return 0
    before, after = trim(library)
    print(f"ICU data trimmed: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({library.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
