"""Per-unit editing rights: local editors change only the content of their own units.

A user in a group bound to units (:class:`~wagtail_allyship.models.UnitEditorGroup`) is a
*local editor*: Wagtail's model permissions still decide what they may do at all, and their
units decide to which objects it applies. Everyone else (central editors, coordinators,
superusers) is not narrowed. The answer is computed once per request and user.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

#: Set on the user object so that one request asks the database once.
_CACHE_ATTRIBUTE = "_allyship_unit_keys"
_IDS_CACHE_ATTRIBUTE = "_allyship_unit_ids"


def editable_unit_keys(user) -> frozenset | None:
    """Translation keys of the units ``user`` may edit, or ``None`` when not narrowed to units.

    Superusers and users in no unit-bound group are not narrowed. A local editor's units
    include every unit below the ones their groups are bound to.
    """
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    if hasattr(user, _CACHE_ATTRIBUTE):
        return getattr(user, _CACHE_ATTRIBUTE)
    from wagtail_allyship.units.models import OrganisationUnit

    bound = list(
        OrganisationUnit.objects.filter(editor_groups__group__user=user).distinct().only("pk")
    )
    keys = None
    if bound:
        keys = frozenset(
            OrganisationUnit.objects.descendants_of(bound).values_list("translation_key", flat=True)
        )
    setattr(user, _CACHE_ATTRIBUTE, keys)
    return keys


def editable_unit_ids(user) -> frozenset | None:
    """Primary keys of the units (in every language) ``user`` may edit, or ``None``.

    Lets a listing check each row's ``unit_id`` without loading the unit.
    """
    keys = editable_unit_keys(user)
    if keys is None:
        return None
    if not hasattr(user, _IDS_CACHE_ATTRIBUTE):
        from wagtail_allyship.units.models import OrganisationUnit

        ids = OrganisationUnit.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
        setattr(user, _IDS_CACHE_ATTRIBUTE, frozenset(ids))
    return getattr(user, _IDS_CACHE_ATTRIBUTE)


def may_edit_unit(user, unit) -> bool:
    """Whether ``user``'s units (if any) cover ``unit``; says nothing of model permissions."""
    keys = editable_unit_keys(user)
    if keys is None:
        return True
    return unit is not None and unit.translation_key in keys


try:
    from wagtail.permissions import register_permission_policy as _register_policy
except ImportError:  # pragma: no cover - Wagtail 7.x takes the policy from the viewset
    _register_policy = None

#: Whether Wagtail keeps a registry of permission policies; without one, each viewset's
#: ``permission_policy`` property must return the policy.
POLICY_REGISTRY = _register_policy is not None


def register_policy(model, policy):
    """Make ``policy`` the one Wagtail uses for ``model`` everywhere, where Wagtail allows it."""
    if _register_policy is not None:
        _register_policy(model, policy, exact_class=True)
    return policy


class UnitScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, narrowed for local editors to objects of their units.

    ``unit_field`` names the foreign key to :class:`OrganisationUnit` on the model. Viewing
    is not narrowed: local editors read other units' objects, they do not change them.
    """

    #: Actions that local editors may take only on objects of their own units.
    scoped_actions = ("add", "change", "delete", "publish", "lock", "unlock")

    def __init__(self, model, unit_field: str = "unit", **kwargs):
        super().__init__(model, **kwargs)
        self.unit_field = unit_field

    def _in_units(self, user) -> Q | None:
        keys = editable_unit_keys(user)
        if keys is None:
            return None
        return Q(**{f"{self.unit_field}__translation_key__in": keys})

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action not in self.scoped_actions:
            return True
        return may_edit_unit(user, getattr(instance, self.unit_field))

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        queryset = super().instances_user_has_permission_for(user, action)
        condition = self._in_units(user) if action in self.scoped_actions else None
        return queryset if condition is None else queryset.filter(condition)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        queryset = self.model._default_manager.none()
        for action in actions:
            queryset |= self.instances_user_has_permission_for(user, action)
        return queryset


# Pages ----------------------------------------------------------------------------------

#: Page types whose content belongs to a unit, and the field that names the unit. Wagtail's
#: page permissions decide where in the tree someone may work; these pages are narrowed
#: further to the units of a local editor. Every other page type of ours (role profile,
#: templates, hubs, indexes, calendar, reports, surveys) is the central team's.
PAGE_UNIT_FIELDS = {
    "wagtail_allyship.RecruitmentArticlePage": "unit",
    "wagtail_allyship.GoodPracticeStoryPage": "unit",
    "wagtail_allyship.ResourcePage": "owner_unit",
}


def page_unit_field(page) -> str | None:
    model = page.specific_class
    if model is None:
        return None
    return PAGE_UNIT_FIELDS.get(model._meta.label)


def may_change_page(user, page) -> bool:
    """Whether ``page``'s unit (if it is ours) lets ``user`` change it; no query per page."""
    unit_ids = editable_unit_ids(user)
    if unit_ids is None:
        return True
    model = page.specific_class
    if model is None or model._meta.app_label != "wagtail_allyship":
        return True  # the host's own pages: Wagtail's page permissions decide
    field = page_unit_field(page)
    return field is not None and getattr(page.specific_deferred, f"{field}_id") in unit_ids


def page_refusal(user, page) -> str | None:
    """Why ``user`` may not change ``page`` because of its unit, or ``None`` if they may."""
    from django.utils.translation import gettext as _

    if may_change_page(user, page):
        return None
    field = page_unit_field(page)
    unit = getattr(page.specific_deferred, field) if field else None
    if unit is None:
        return _(
            "“%(page)s” is shared content of the central team. You can read it, but only "
            "the central team changes it."
        ) % {"page": page.get_admin_display_title()}
    return _("“%(page)s” belongs to %(unit)s. You can change only your own unit's pages.") % {
        "page": page.get_admin_display_title(),
        "unit": unit,
    }


class UnitPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, without the changes a local editor may not make to a page.

    Adding pages below it is not narrowed: a local editor adds their unit's story below the
    central team's story index. Used by every page type of ours (``permissions_for_user``),
    so the explorer, the page header and the action menu offer only what will be allowed.
    """

    narrowed = (
        "can_edit",
        "can_delete",
        "can_unpublish",
        "can_publish",
        "can_submit_for_moderation",
        "can_set_view_restrictions",
        "can_unschedule",
        "can_lock",
        "can_unlock",
        "can_reorder_children",
        "can_move",
        "can_copy",
    )

    def __init__(self, user, page):
        super().__init__(user, page)
        self.unit_refused = bool(page.pk) and not may_change_page(user, page)


def _narrowed(name: str):
    def method(self, *args, **kwargs) -> bool:
        if self.unit_refused:
            return False
        return getattr(super(UnitPagePermissionTester, self), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in UnitPagePermissionTester.narrowed:
    setattr(UnitPagePermissionTester, _name, _narrowed(_name))


#: Snippets whose objects belong to a unit, and the field naming it (``None``: the unit itself).
SNIPPET_UNIT_FIELDS = {
    "wagtail_allyship.AnnualUpdate": "unit",
    "wagtail_allyship.OrganisationUnit": None,
}


def object_refusal(user, obj) -> str | None:
    """:func:`page_refusal` for pages, and the same for the snippets that belong to a unit."""
    from django.utils.translation import gettext as _
    from wagtail.models import Page

    if isinstance(obj, Page):
        return page_refusal(user, obj)
    label = obj._meta.label
    if label not in SNIPPET_UNIT_FIELDS or editable_unit_ids(user) is None:
        return None
    field = SNIPPET_UNIT_FIELDS[label]
    unit = getattr(obj, field) if field else obj
    if may_edit_unit(user, unit):
        return None
    return _("“%(object)s” belongs to %(unit)s. You can change only your own units' content.") % {
        "object": obj,
        "unit": unit,
    }


def limit_unit_choices(field, user) -> None:
    """Narrow a unit form field to the units ``user`` edits (no change for others)."""
    from django.utils.translation import gettext_lazy as _

    keys = editable_unit_keys(user)
    if field is None or keys is None:
        return
    field.queryset = field.queryset.filter(translation_key__in=keys)
    field.required = True
    field.error_messages["invalid_choice"] = _("Choose one of your own units from the list.")
    field.error_messages["required"] = _(
        "Choose your unit: as a unit's editor, every page you write belongs to one of your units."
    )
