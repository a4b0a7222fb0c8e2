"""House rule: every public writing service checks the session user's role before it writes.

A writing service is a public function of `nanmu_desktop.services` that takes the open
`Database` and an `actor`; each must call `require(db, Operation.…)`. The audit row refuses an
anonymous write anyway, but only `require` checks the role.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import nanmu_desktop.services as services_package

# Writes that are part of another operation, or that only call checked services.
COMPOSITE = {
    "nanmu_desktop.services.officers.ensure_default_departments",  # set-up rows of any write
    "nanmu_desktop.services.demo.fill_demo",  # calls the checked services one by one
    "nanmu_desktop.services.demo_investigations.record_demo_investigation",  # the same
}


def writing_services() -> list[tuple[str, object]]:
    found = []
    for module_info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"nanmu_desktop.services.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = inspect.signature(function).parameters
            if list(parameters)[:1] == ["db"] and "actor" in parameters:
                found.append((f"{module.__name__}.{name}", function))
    return found


def test_every_writing_service_requires_a_role() -> None:
    services = writing_services()
    assert len(services) > 30
    unchecked = [
        name for name, function in services
        if name not in COMPOSITE
        and "require(db, Operation." not in inspect.getsource(function)  # type: ignore[arg-type]
    ]
    assert unchecked == []
