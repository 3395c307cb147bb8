"""Models of wagtail-allyship, one module per domain, re-exported here."""

from .units import OrganisationUnit, UnitKind

__all__ = ["OrganisationUnit", "UnitKind"]
