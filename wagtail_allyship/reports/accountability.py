"""The share of green pledges per region, from an annual report's stored figures (pure).

The figures hold, for each unit, how many of the year's pledges were green and how many
were rated (see :func:`wagtail_allyship.reports.figures.green_pledges`); a region adds up its
units. Figures frozen before these counts existed give no rows, so an old report shows what
it always showed.
"""

from __future__ import annotations

from collections.abc import Callable


def green_share_by_region(units: list[dict], name_of: Callable[[str, str], str]) -> list[dict]:
    """One row per region with rated pledges: name, green, rated, and the share in percent."""
    regions: dict[str, dict] = {}
    for unit in units:
        if "pledges_rated" not in unit or not unit["pledges_rated"]:
            continue
        region = regions.setdefault(
            unit["region_key"],
            {"name": name_of(unit["region_key"], unit["region"]), "green": 0, "rated": 0},
        )
        region["green"] += unit["pledges_green"]
        region["rated"] += unit["pledges_rated"]
    for region in regions.values():
        region["share"] = round(100 * region["green"] / region["rated"])
    return list(regions.values())
