"""Models of wagtail-allyship, one module per domain, re-exported here."""

from .annual_updates import AnnualUpdate, AnnualUpdateStatus
from .calendar import AwarenessDate, AwarenessDateKind, CalendarPage
from .editing import UnitEditorGroup
from .glossary import GlossaryPage, GlossaryTerm
from .pledges import (
    AllyRegistration,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CommitmentUpdate,
    MyAllyshipPage,
    Pledge,
    PledgePage,
    PledgeWallPage,
    RegistrationStatus,
    ReminderKind,
    SentReminder,
    Visibility,
)
from .profile import ActionKind, ActionsShown, AllyAction, AllyRoleProfilePage
from .recruitment import RecruitmentArticlePage
from .reports import AnnualReportPage
from .resources import (
    Audience,
    ResourceHubPage,
    ResourcePage,
    ResourceTag,
    ResourceTopic,
    ResourceType,
    TaggedResource,
    ToolkitStep,
)
from .stories import GoodPracticeIndexPage, GoodPracticeStoryPage, GoodPracticeStoryTopic
from .survey import FeedbackSurveyPage, SurveyParticipation, SurveyQuestion, SurveyResponse
from .topics import Topic
from .units import OrganisationUnit, UnitKind

__all__ = [
    "AnnualReportPage",
    "AnnualUpdate",
    "AnnualUpdateStatus",
    "FeedbackSurveyPage",
    "SurveyParticipation",
    "SurveyQuestion",
    "SurveyResponse",
    "UnitEditorGroup",
    "ActionKind",
    "ActionsShown",
    "Audience",
    "AllyAction",
    "AllyRegistration",
    "AllyRoleProfilePage",
    "AwarenessDate",
    "AwarenessDateKind",
    "CalendarPage",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "CommitmentUpdate",
    "GlossaryPage",
    "GlossaryTerm",
    "GoodPracticeIndexPage",
    "GoodPracticeStoryPage",
    "GoodPracticeStoryTopic",
    "MyAllyshipPage",
    "OrganisationUnit",
    "Pledge",
    "PledgePage",
    "PledgeWallPage",
    "RecruitmentArticlePage",
    "RegistrationStatus",
    "ResourceHubPage",
    "ResourcePage",
    "ResourceTag",
    "ResourceTopic",
    "ResourceType",
    "ReminderKind",
    "SentReminder",
    "TaggedResource",
    "ToolkitStep",
    "Topic",
    "UnitKind",
    "Visibility",
]
