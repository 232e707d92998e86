"""Pickling for objects that hold read-only mappings (``types.MappingProxyType``, which pickle
refuses): a notebook caching a batch, a process pool returning results.

Per class, never process-wide (no ``copyreg`` registration): a class that inherits
:class:`ReadOnlyPickling` sends its read-only mappings as plain dicts and makes them read-only
again when unpickled.

>>> from types import MappingProxyType
>>> class Box(ReadOnlyPickling):
...     def __init__(self) -> None:
...         self.items = MappingProxyType({"a": 1})
>>> state = Box().__getstate__()            # what pickle stores
>>> type(state["items"]).__name__
'_ReadOnly'
>>> again = Box.__new__(Box)
>>> again.__setstate__(state)               # what unpickling does
>>> type(again.items).__name__, dict(again.items)
('mappingproxy', {'a': 1})
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, NamedTuple


class _ReadOnly(NamedTuple):
    """A read-only mapping in transit: its items as a plain dict."""

    items: dict[Any, Any]


class ReadOnlyPickling:
    """Mixin: pickle an instance's ``__dict__`` with its read-only mappings as plain dicts."""

    def __getstate__(self) -> dict[str, Any]:
        return {k: _ReadOnly(dict(v)) if isinstance(v, MappingProxyType) else v
                for k, v in self.__dict__.items()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({k: MappingProxyType(v.items) if isinstance(v, _ReadOnly) else v
                              for k, v in state.items()})
