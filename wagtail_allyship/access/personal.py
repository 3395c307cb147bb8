"""Personal data: the one list of the models that hold it, and the one guard in front of them.

A model holds personal data when it names or describes an ally or a colleague: a
registration, a pledge and its commitments, progress, reminders sent, survey answers and the
markers of who answered. Every surface that could read such a model asks
:func:`personal_data_refusal` before it does:

- the package's middleware, for any URL whose arguments name a model (``app_label`` and
  ``model_name``, a content type) or whose route belongs to a model's admin views: Wagtail's
  snippet views, choosers and their APIs, wagtail-localize's snippet API, and whatever URL
  Wagtail, wagtail-localize or this package adds later in the same shape;
- :class:`PersonalDataPermissionPolicy`, the permission policy Wagtail consults for these
  models in its own views, choosers, bulk actions and API;
- the package's own views of personal data.

People read their *own* data on their own pages ("My allyship"); this guard is about
everyone else's. The list holds labels rather than models, so that every part of the package
can ask the question without depending on the features that define the models.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies import ModelPermissionPolicy

from wagtail_allyship.access.roles import is_coordinator

#: Who reads a kind of personal data on the admin's and the APIs' generic surfaces.
COORDINATORS = "coordinators"
NOBODY = "nobody"
#: Coordinators, and on the one thing someone organises (a session's attendance list) its
#: organiser, who reads the names there and nothing else. On the generic surfaces (snippet
#: views, choosers, APIs), which cannot tell whose session a record belongs to, this level
#: reads as ``COORDINATORS``.
ORGANISERS = "organisers"

#: Every model that holds personal data (``app_label.model_name``), and who may read it
#: outside its owner's own pages. Survey answers are read by nobody one by one: the survey's
#: results page shows them in aggregate only.
PERSONAL_DATA: dict[str, str] = {
    "wagtail_allyship.allyregistration": COORDINATORS,
    "wagtail_allyship.pledge": COORDINATORS,
    "wagtail_allyship.commitment": COORDINATORS,
    "wagtail_allyship.commitmentupdate": COORDINATORS,
    "wagtail_allyship.sentreminder": COORDINATORS,
    "wagtail_allyship.sessionregistration": ORGANISERS,
    # The emails telling someone their place moved or the session was cancelled.
    "wagtail_allyship.sessionnotice": COORDINATORS,
    "wagtail_allyship.reminderdelivery": COORDINATORS,
    # Who is in an ally circle, and who asked to join: the members see each other's names
    # on the circle's own page; coordinators run the circles in the admin.
    "wagtail_allyship.allycircle": COORDINATORS,
    "wagtail_allyship.circlemembership": COORDINATORS,
    "wagtail_allyship.circlerequest": COORDINATORS,
    # The photo of an ally with his sign: the ally, coordinators (to approve it), and once
    # approved, whoever may see the published pledge on the wall.
    "wagtail_allyship.signphoto": COORDINATORS,
    "wagtail_allyship.newsletterdelivery": COORDINATORS,
    "wagtail_allyship.surveyresponse": NOBODY,
    "wagtail_allyship.surveyparticipation": NOBODY,
    # Feedback is read by the ally who asked and the colleague who wrote it, on their own
    # pages; what both agreed to show is on the pledge wall. Coordinators see counts only.
    "wagtail_allyship.feedbackrequest": NOBODY,
    "wagtail_allyship.feedbackblock": NOBODY,
    # A session's feedback is read in aggregate only, like the survey's answers.
    "wagtail_allyship.sessionfeedback": NOBODY,
    "wagtail_allyship.sessionfeedbackparticipation": NOBODY,
}

#: Why nobody reads a kind of data on the generic surfaces, where the general reason is wrong.
NOBODY_REASONS = {
    "wagtail_allyship.feedbackrequest": gettext_lazy(
        "Feedback is read only by the ally who asked for it and the colleague who wrote it."
    ),
    "wagtail_allyship.feedbackblock": gettext_lazy(
        "Feedback is read only by the ally who asked for it and the colleague who wrote it."
    ),
    "wagtail_allyship.sessionfeedback": gettext_lazy(
        "A session's feedback is shown only in aggregate, to its organisers."
    ),
    "wagtail_allyship.sessionfeedbackparticipation": gettext_lazy(
        "A session's feedback is shown only in aggregate, to its organisers."
    ),
}


def label_of(model: type[Model] | Model | str) -> str:
    """``app_label.model_name`` of a model, an instance, or a label in any case."""
    if isinstance(model, str):
        return model.lower()
    return model._meta.label_lower


def is_personal(model: type[Model] | Model | str) -> bool:
    return label_of(model) in PERSONAL_DATA


def personal_models() -> list[type[Model]]:
    """The installed models of :data:`PERSONAL_DATA`."""
    return [apps.get_model(label) for label in PERSONAL_DATA]


def may_read(user, model: type[Model] | Model | str) -> bool:
    """Whether ``user`` may read other people's records of ``model`` (True if not personal)."""
    readers = PERSONAL_DATA.get(label_of(model))
    if readers is None:
        return True
    if readers == NOBODY:
        return False
    return is_coordinator(user)


def may_read_as_organiser(user, model: type[Model] | Model | str, organises: bool) -> bool:
    """Whether ``user`` may read ``model``'s records of one thing, given whether they organise it.

    Coordinators read them whatever; the organiser reads them when the kind of data is at the
    ``ORGANISERS`` level; nobody else does. The caller decides what ``organises`` means for
    its thing (see :mod:`wagtail_allyship.sessions.organisers`).
    """
    if may_read(user, model):
        return True
    return bool(organises) and PERSONAL_DATA.get(label_of(model)) == ORGANISERS


def personal_data_refusal(user, model: type[Model] | Model | str) -> str | None:
    """Why ``user`` may not read ``model``'s records, or ``None`` if they may."""
    if may_read(user, model):
        return None
    if label_of(model) in NOBODY_REASONS:
        return str(NOBODY_REASONS[label_of(model)])
    if PERSONAL_DATA.get(label_of(model)) == NOBODY:
        return _("Survey answers are shown only in aggregate, on the survey's results page.")
    return _("This is personal data of the programme's allies. Only its coordinators see it.")


def model_named_by(kwargs: dict) -> type[Model] | None:
    """The model that a URL's arguments name, if any: by app and model name, or content type."""
    app_label, model_name = kwargs.get("app_label"), kwargs.get("model_name")
    if not (app_label and model_name) and "." in str(kwargs.get("type") or ""):
        # Wagtail's API v3 names a snippet type by its label: "app_label.ModelName".
        app_label, _dot, model_name = str(kwargs["type"]).partition(".")
    if app_label and model_name:
        try:
            return apps.get_model(str(app_label), str(model_name))
        except (LookupError, ValueError):
            return None
    content_type = kwargs.get("content_type_id") or kwargs.get("content_type")
    if content_type:
        try:
            return ContentType.objects.get_for_id(int(content_type)).model_class()
        except (ContentType.DoesNotExist, TypeError, ValueError):
            return None
    return None


def model_of_route(namespaces: list[str], url_name: str | None) -> str | None:
    """The personal model whose admin views a route belongs to, by its namespace or name.

    Wagtail names the routes of a model's views after the model: the namespace
    ``wagtailsnippets_wagtail_allyship_allyregistration``, the chooser
    ``wagtailsnippetchoosers_wagtail_allyship_allyregistration``, or names such as
    ``wagtail_allyship_allyregistration_list``.
    """
    names = [*namespaces, url_name or ""]
    for label in PERSONAL_DATA:
        token = label.replace(".", "_")
        if any(name.endswith(token) or f"{token}_" in name for name in names):
            return label
    return None


class PersonalDataPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, and on top of them the guard: only its readers see any.

    A user given a permission on such a model by mistake (an editor with "view ally
    registration") still sees nothing unless the guard lets them.
    """

    def user_has_permission(self, user, action: str) -> bool:
        return may_read(user, self.model) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return may_read(user, self.model) and super().user_has_any_permission(user, actions)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        return users if PERSONAL_DATA.get(label_of(self.model)) != NOBODY else users.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if not may_read(user, self.model):
            return self.model._default_manager.none()
        return super().instances_user_has_any_permission_for(user, actions)

    def instances_user_has_permission_for(self, user, action):
        if not may_read(user, self.model):
            return self.model._default_manager.none()
        return super().instances_user_has_permission_for(user, action)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return may_read(user, self.model) and super().user_has_permission_for_instance(
            user, action, instance
        )


def model_of_view(view_func) -> type[Model] | None:
    """The model a class-based view was made for: Wagtail's viewsets bind each view to one."""
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    model = initkwargs.get("model")
    if model is None:
        model = getattr(getattr(view_func, "view_class", None), "model", None)
    return model if isinstance(model, type) and issubclass(model, Model) else None


#: The attribute by which a view says it asks :func:`may_read_as_organiser` itself, for the
#: one thing it shows; only data at the ``ORGANISERS`` level may be left to such a view.
ORGANISER_GUARD = "guards_organisers_records"


def guards_organisers_records(view_func, label: str) -> bool:
    """Whether the view checks, per record, the organiser of data at the ``ORGANISERS`` level."""
    view_class = getattr(view_func, "view_class", None)
    return PERSONAL_DATA.get(label) == ORGANISERS and bool(
        getattr(view_class, ORGANISER_GUARD, False)
    )


def personal_model_of_request(match, view_func, view_kwargs) -> str | None:
    """The personal model a request would read, by any of the ways a URL can name one.

    ``None`` as well for a view that guards its organiser's records itself (see
    :data:`ORGANISER_GUARD`): the guard in front of it would refuse the organiser.
    """
    for candidate in (model_named_by(view_kwargs), model_of_view(view_func)):
        if candidate is not None and is_personal(candidate):
            label = label_of(candidate)
            return None if guards_organisers_records(view_func, label) else label
    if match is not None:
        return model_of_route(list(match.namespaces), match.url_name)
    return None
