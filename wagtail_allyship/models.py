"""Every model of wagtail-allyship, for Django and for hosts (``from …models import X``).

Each model lives in the folder of its feature (``units/models.py``, ``pledges/models.py``…);
this module only gathers them. Code inside the package imports from the feature's own module,
never from here.
"""

from wagtail_allyship.calendar.models import AwarenessDate, AwarenessDateKind
from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.circles.models import (
    Admission,
    AllyCircle,
    CircleMembership,
    CircleRequest,
    MeetingRhythm,
    RequestStatus,
)
from wagtail_allyship.feedback.models import FeedbackBlock, FeedbackRequest, FeedbackState
from wagtail_allyship.glossary.models import GlossaryPage, GlossaryTerm
from wagtail_allyship.newsletters.models import (
    AudienceKind,
    NewsletterDelivery,
    NewsletterSend,
)
from wagtail_allyship.newsletters.pages import ProgrammeUpdatePage
from wagtail_allyship.pledges.models import (
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CommitmentUpdate,
    DeliveryKind,
    DeliveryStatus,
    Pledge,
    ReminderDelivery,
    ReminderKind,
    SentReminder,
    Visibility,
)
from wagtail_allyship.pledges.pages import MyAllyshipPage, PledgePage, PledgeWallPage
from wagtail_allyship.pledges.photos.models import PhotoStatus, SignPhoto
from wagtail_allyship.profile.models import (
    ActionKind,
    ActionsShown,
    AllyAction,
    AllyRoleProfilePage,
)
from wagtail_allyship.programme.blocks import ProgrammeHomeBlock
from wagtail_allyship.programme.pages import ProgrammeHomePage
from wagtail_allyship.recruitment.models import RecruitmentArticlePage
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.reports.models import AnnualUpdate, AnnualUpdateStatus
from wagtail_allyship.reports.pages import AnnualReportPage
from wagtail_allyship.resources.hub import ResourceHubPage
from wagtail_allyship.resources.models import (
    Audience,
    ResourceLibraryVersion,
    ResourcePage,
    ResourceTag,
    ResourceTopic,
    ResourceType,
    TaggedResource,
    ToolkitStep,
)
from wagtail_allyship.session_feedback.models import SessionFeedback, SessionFeedbackParticipation
from wagtail_allyship.sessions.models import (
    AttendanceMode,
    SessionNotice,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)
from wagtail_allyship.stories.models import (
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    GoodPracticeStoryTopic,
)
from wagtail_allyship.survey.models import (
    FeedbackSurveyPage,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
)
from wagtail_allyship.topics.models import Topic
from wagtail_allyship.units.models import OrganisationUnit, UnitEditorGroup, UnitKind

__all__ = [
    "ActionKind",
    "ActionsShown",
    "Admission",
    "AllyAction",
    "AllyCircle",
    "AllyRegistration",
    "AllyRoleProfilePage",
    "AnnualReportPage",
    "AnnualUpdate",
    "AnnualUpdateStatus",
    "AttendanceMode",
    "Audience",
    "AudienceKind",
    "AwarenessDate",
    "AwarenessDateKind",
    "CalendarPage",
    "CircleMembership",
    "CircleRequest",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "CommitmentUpdate",
    "DeliveryKind",
    "DeliveryStatus",
    "FeedbackBlock",
    "FeedbackRequest",
    "FeedbackState",
    "FeedbackSurveyPage",
    "GlossaryPage",
    "GlossaryTerm",
    "GoodPracticeIndexPage",
    "GoodPracticeStoryPage",
    "GoodPracticeStoryTopic",
    "MeetingRhythm",
    "MyAllyshipPage",
    "NewsletterDelivery",
    "NewsletterSend",
    "OrganisationUnit",
    "PhotoStatus",
    "Pledge",
    "PledgePage",
    "PledgeWallPage",
    "ProgrammeHomeBlock",
    "ProgrammeHomePage",
    "ProgrammeUpdatePage",
    "RecruitmentArticlePage",
    "RegistrationStatus",
    "ReminderDelivery",
    "ReminderKind",
    "RequestStatus",
    "ResourceHubPage",
    "ResourceLibraryVersion",
    "ResourcePage",
    "ResourceTag",
    "ResourceTopic",
    "ResourceType",
    "SentReminder",
    "SessionFeedback",
    "SessionFeedbackParticipation",
    "SessionNotice",
    "SessionRegistration",
    "SessionSignup",
    "SignPhoto",
    "SignupStatus",
    "SurveyParticipation",
    "SurveyQuestion",
    "SurveyResponse",
    "TaggedResource",
    "ToolkitStep",
    "Topic",
    "UnitEditorGroup",
    "UnitKind",
    "Visibility",
]
