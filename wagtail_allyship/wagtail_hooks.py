"""Register the admin viewsets and guard deletion of content that is still in use."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import OrganisationUnit
from .viewsets import AllyshipViewSetGroup

register_snippet(AllyshipViewSetGroup)


def describe(obj) -> str:
    """'Organisation unit “Essex Police”', the way a refusal message names an object."""
    return _("%(type)s “%(name)s”") % {
        "type": capfirst(obj._meta.verbose_name),
        "name": obj,
    }


@hooks.register("before_delete_snippet")
def refuse_deleting_units_in_use(request, instances):
    """Refuse, before anything is deleted, to delete a unit that content still refers to."""
    refusals = []
    for unit in instances:
        if not isinstance(unit, OrganisationUnit):
            continue
        users = unit.blocking_references()
        if users:
            shown = ", ".join(describe(obj) for obj in users[:5])
            if len(users) > 5:
                shown += _(" and %(count)d more") % {"count": len(users) - 5}
            refusals.append(
                _("“%(unit)s” cannot be deleted because it is still used by: %(users)s.")
                % {"unit": unit, "users": shown}
            )
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    viewset = OrganisationUnit.snippet_viewset
    return redirect(viewset.get_url_name("list"))
