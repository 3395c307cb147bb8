"""Sending a programme update from the admin: audience, test, send or schedule, progress.

The page's header has a "Send to allies" button that leads here. Only an editor who may
publish the update may send it. Sending takes two steps: the editor chooses the audience and
sees who it reaches, in which language, who is skipped and which languages have no
translation; then confirms. Once sent (or scheduled), the page shows the progress of its
deliveries instead; pressing send again sends nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from wagtail_allyship.editing.titles import NamedInHeaderMixin
from wagtail_allyship.newsletters.emails import UpdateComposer
from wagtail_allyship.newsletters.forms import SendForm
from wagtail_allyship.newsletters.models import NewsletterSend
from wagtail_allyship.newsletters.pages import ProgrammeUpdatePage
from wagtail_allyship.newsletters.sending import (
    AlreadySent,
    audience_plan,
    progress,
    request_send,
)
from wagtail_allyship.newsletters.tasks import launch, send_test_newsletter

URL_NAME = "wagtail_allyship_newsletter_send"
ALREADY_SENT = gettext_lazy("This update was already sent or scheduled: nothing was sent again.")


class SendView(NamedInHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_allyship/newsletters/admin/send.html"
    page_title = gettext_lazy("Send to allies")
    header_icon = "mail"

    @cached_property
    def page(self) -> ProgrammeUpdatePage:
        page = ProgrammeUpdatePage.objects.filter(pk=self.kwargs["page_id"]).first()
        if page is None:
            raise Http404(_("There is no programme update with this number."))
        return page

    @cached_property
    def existing(self) -> NewsletterSend | None:
        return (
            NewsletterSend.objects.filter(translation_key=self.page.translation_key)
            .select_related("page", "requested_by")
            .first()
        )

    def dispatch(self, request, *args, **kwargs):
        if not self.page.permissions_for_user(request.user).can_publish():
            return HttpResponseForbidden(
                _("Only editors who may publish this update can send it."),
                content_type="text/plain; charset=utf-8",
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", SendForm())
        context.update(
            {
                "page": self.page,
                "existing": self.existing,
                "progress": progress(self.existing) if self.existing else None,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "languages": dict(Locale.objects.values_list("language_code", "pk")),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "test":
            return self.send_test(request)
        form = SendForm(request.POST)
        if self.existing is not None:
            messages.error(
                request, _("This update was already sent or scheduled: nothing was sent again.")
            )
            return redirect(request.path)
        if not self.page.live:
            messages.error(request, _("Publish the update before you send it."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        units = list(form.cleaned_data["units"])
        found = audience_plan(self.page, form.cleaned_data["audience"], units)
        if found.total == 0:
            form.add_error(
                None,
                _(
                    "Nobody would receive this update: the audience has no active allies "
                    "with an email address who take the programme's updates."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if action != "confirm":
            return self.render_to_response(self.get_context_data(form=form, plan=found))
        return self.send(request, form, units)

    def send(self, request, form, units):
        try:
            sent = request_send(
                self.page,
                form.cleaned_data["audience"],
                units,
                request.user,
                form.cleaned_data["send_at"],
            )
        except AlreadySent:
            messages.error(
                request, _("This update was already sent or scheduled: nothing was sent again.")
            )
            return redirect(request.path)
        launch(sent)
        if form.cleaned_data["send_at"]:
            messages.success(request, _("The update is scheduled."))
        else:
            messages.success(request, _("The update is on its way to its readers."))
        return redirect(request.path)

    def send_test(self, request):
        if not request.user.email:
            messages.error(request, _("Your account has no email address to send a test to."))
            return redirect(request.path)
        language = self.page.locale.language_code
        broken = UpdateComposer({language: self.page}).version(language, with_link=False).broken
        send_test_newsletter.enqueue(self.page.pk, request.user.pk, language)
        messages.success(
            request, _("A test was sent to %(email)s.") % {"email": request.user.email}
        )
        if broken:
            messages.warning(
                request,
                _("These links lead nowhere; fix them before sending: %(links)s")
                % {"links": ", ".join(broken)},
            )
        return redirect(request.path)


def admin_urls() -> list:
    return [
        path("allyship/newsletters/<int:page_id>/send/", SendView.as_view(), name=URL_NAME),
    ]


def _send_button(page, user):
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, ProgrammeUpdatePage):
        return None
    if not page.permissions_for_user(user).can_publish():
        return None
    return wagtailadmin_widgets.Button(
        _("Send to allies"), reverse(URL_NAME, args=[page.pk]), icon_name="mail", priority=50
    )


def send_header_buttons(page, user, view_name=None, next_url=None):
    button = _send_button(page, user)
    if button is not None:
        yield button


def send_listing_more_buttons(page, user, next_url=None):
    button = _send_button(page, user)
    if button is not None:
        yield button
