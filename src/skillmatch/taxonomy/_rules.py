"""The importers' rules, loaded once from ``import_rules.toml`` (data, not code)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def import_rules() -> dict[str, Any]:
    """The parsed rules file.

    >>> import_rules()["onet"]["vendor_min_products"] >= 2
    True
    """
    text = resources.files("skillmatch.taxonomy").joinpath("import_rules.toml").read_text("utf-8")
    return tomllib.loads(text)
