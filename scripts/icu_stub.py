"""Build a stub icuuc.dll with mingw so that Qt 6.10+ loads under wine (testing only).

`icu_stub.py Qt6Core.dll OUT_DIR`: lists the ICU functions the DLL imports (objdump -p) and
compiles a DLL exporting each of them as a function that returns 0 (a null converter: Qt then
falls back to its own codecs). Windows 10 ships the real ICU in System32; this stub only goes
into wine's System32 and never into the bundle.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ICU_DLLS = ("icuuc.dll", "icuin.dll", "icu.dll")


def icu_imports(dll: Path) -> dict[str, list[str]]:
    dump = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(dll)], check=True,
                          capture_output=True, text=True).stdout
    imports: dict[str, list[str]] = {}
    current: str | None = None
    for line in dump.splitlines():
        named = re.match(r"\s*DLL Name: (\S+)", line)
        if named:
            current = named.group(1).lower() if named.group(1).lower() in ICU_DLLS else None
            continue
        entry = re.match(r"\s*[0-9a-f]+\s+\d+\s+(\w+)$", line)
        if current and entry:
            imports.setdefault(current, []).append(entry.group(1))
    return imports


def build(dll_name: str, functions: list[str], out: Path) -> None:
    source = out / f"{dll_name}.c"
    source.write_text("".join(f"void *{name}(void) {{ return 0; }}\n" for name in functions))
    definition = out / f"{dll_name}.def"
    definition.write_text("EXPORTS\n" + "".join(f"  {name}\n" for name in functions))
    subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O1", "-o", str(out / dll_name),
                    str(source), str(definition)], check=True)


def main() -> None:
    dll, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for dll_name, functions in icu_imports(dll).items():
        build(dll_name, sorted(set(functions)), out)
        print(f"stub {dll_name}: {len(set(functions))} functions")


if __name__ == "__main__":
    main()
