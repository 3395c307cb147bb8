"""The anonymous ally survey: questions composed in Wagtail's form builder, answers unlinked.

A response keeps the answers, the month it was given in and the respondent's unit, and
nothing else: no user, no address, no browser, no exact time, and a random identifier, so
that the order of rows says nothing either. To let each person answer once, a separate table
keeps a keyed hash of the person and the survey, which cannot be matched to a response.
Results are shown only in aggregate (see :mod:`wagtail_allyship.survey_results`).
"""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.access.rate_limits import over_limit, refuse
from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.pages import AllyshipPageMixin
from wagtail_allyship.units.models import OrganisationUnit

#: The values of a scale question.
SCALE = range(1, 6)

#: Question types a survey offers. Types that would invite people to identify themselves
#: (email, date, hidden fields) are left out on purpose.
QUESTION_TYPES = (
    ("scale", _("Scale from 1 to 5")),
    ("multiline", _("Free text")),
    ("singleline", _("Short text")),
    ("radio", _("One choice (radio buttons)")),
    ("dropdown", _("One choice (drop-down)")),
    ("checkboxes", _("Several choices (checkboxes)")),
)


class SurveyFormBuilder(FormBuilder):
    def get_formatted_field_choices(self, field):
        """One choice per line (any line ending), or per comma when written on one line.

        Wagtail 7.0 splits only on the browser's CRLF; choices typed or imported with plain
        newlines must give the same choices on every supported version.
        """
        text = field.choices or ""
        parts = text.splitlines() if "\n" in text or "\r" in text else text.split(",")
        values = [part.strip().rstrip(",").strip() for part in parts]
        return [(value, value) for value in values if value]

    def create_scale_field(self, field, options):
        return forms.TypedChoiceField(
            choices=[(value, str(value)) for value in SCALE],
            coerce=int,
            widget=forms.RadioSelect(attrs={"class": "allyship-scale"}),
            **options,
        )

    def create_dropdown_field(self, field, options):
        # Start with nothing picked; otherwise the first choice is sent for whoever skips it.
        options["choices"] = [("", _("Choose an answer")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)


class SurveyQuestion(TranslatableMixin, AbstractFormField):
    """One question; translated with its survey, so that each language asks it in its words."""

    page = ParentalKey(
        "wagtail_allyship.FeedbackSurveyPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
    )
    field_type = models.CharField(
        verbose_name=_("question type"),
        max_length=16,
        choices=QUESTION_TYPES,
        default="scale",
        help_text=_("Scales are answered from 1 (not at all) to 5 (very much)."),
    )
    field_type.required_on_save = True

    override_translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("clean_name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")


def respondent_key(page: FeedbackSurveyPage, user) -> str:
    """A keyed hash of the person and the survey; without the site's secret key, unguessable."""
    return salted_hmac(
        "wagtail_allyship.survey",
        f"{page.translation_key}:{user.pk}",
        algorithm="sha256",
    ).hexdigest()


class FeedbackSurveyPage(AllyshipPageMixin, AbstractForm):
    """An anonymous survey of allies; each signed-in person answers once."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "What the survey is for and how answers are used. Tell allies that answers are "
            "anonymous and that results are shown only for groups of five or more."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown after someone sends their answers."),
    )
    closed = models.BooleanField(
        _("closed"),
        default=False,
        help_text=_("Tick to stop taking answers; the page then says the survey has closed."),
    )

    form_builder = SurveyFormBuilder

    override_translatable_fields = [SynchronizedField("closed")]

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Questions"), min_num=1),
        MultiFieldPanel([FieldPanel("thank_you_text"), FieldPanel("closed")], heading=_("After")),
    ]

    search_fields = [*AbstractForm.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/survey/survey_page.html"
    landing_page_template = "wagtail_allyship/survey/survey_page_landing.html"

    class Meta:
        verbose_name = _("feedback survey")
        verbose_name_plural = _("feedback surveys")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page promises respondents the smallest group shown: keep it true to the setting.
        context["survey_min_group_size"] = get_setting("SURVEY_MIN_GROUP_SIZE")
        return context

    def get_submission_class(self):
        return SurveyResponse

    def get_data_fields(self):
        return [(field.clean_name, field.label) for field in self.get_form_fields()]

    def has_answered(self, user) -> bool:
        return SurveyParticipation.objects.filter(
            survey_key=self.translation_key, respondent=respondent_key(self, user)
        ).exists()

    def respondent_unit(self, user) -> OrganisationUnit | None:
        registration = getattr(user, "ally_registration", None)
        return registration.unit if registration is not None else None

    def process_form_submission(self, form):
        raise NotImplementedError("Use record_response(), which needs the respondent.")

    def record_response(self, form, user) -> SurveyResponse | None:
        """Keep the answers and note that ``user`` answered; ``None`` if they already had."""
        today = timezone.localdate()
        unit = self.respondent_unit(user)
        try:
            with transaction.atomic():
                SurveyParticipation.objects.create(
                    survey_key=self.translation_key, respondent=respondent_key(self, user)
                )
                return SurveyResponse.objects.create(
                    page=self,
                    form_data=form.cleaned_data,
                    month=today.replace(day=1),
                    unit_key=unit.translation_key if unit is not None else None,
                )
        except IntegrityError:
            return None

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        context = self.get_context(request)
        if self.closed:
            context["survey_state"] = "closed"
            return TemplateResponse(request, self.get_template(request), context)
        if self.has_answered(request.user):
            context["survey_state"] = "answered"
            return TemplateResponse(request, self.get_template(request), context)
        limited = over_limit(request, "survey", scope=str(self.translation_key))
        if request.method == "POST":
            form = self.get_form(request.POST, page=self, user=request.user)
            if limited is not None:
                status = 429
            elif form.is_valid():
                response = self.record_response(form, request.user)
                if response is None:
                    context["survey_state"] = "answered"
                    return TemplateResponse(request, self.get_template(request), context)
                return self.render_landing_page(request, response, *args, **kwargs)
            else:
                status = 400
        else:
            form = self.get_form(page=self, user=request.user)
            status = 200
        context["form"] = form
        context["survey_state"] = "open"
        context["submission_limit"] = limited
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        return refuse(response, limited) if limited else response

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["form_submission"] = (
            None  # the answers are not shown back, not even to their author
        )
        return TemplateResponse(request, self.get_landing_page_template(request), context)


class SurveyResponse(models.Model):
    """One person's answers. Deliberately holds no user, address, browser or exact time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(
        FeedbackSurveyPage,
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    form_data = models.JSONField(_("answers"))
    month = models.DateField(
        _("month"), help_text=_("The first day of the month in which the answers were sent.")
    )
    unit_key = models.UUIDField(
        _("unit"),
        null=True,
        blank=True,
        help_text=_("Translation key of the respondent's unit, for results per unit."),
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["page", "unit_key"], name="allyship_survey_unit_idx")]

    def __str__(self) -> str:
        return f"{self.page} ({self.month:%Y-%m})"

    def get_data(self) -> dict:
        return dict(self.form_data)


class SurveyParticipation(models.Model):
    """That someone answered a survey, as a keyed hash: enough to refuse a second answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey_key = models.UUIDField(_("survey"))
    respondent = models.CharField(_("respondent"), max_length=64)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("survey participation")
        verbose_name_plural = _("survey participations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_key", "respondent"], name="wagtail_allyship_answer_survey_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.survey_key)
