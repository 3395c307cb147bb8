"""factory-boy factories for the package's models and the users that act on them."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from wagtail_allyship.models import OrganisationUnit, UnitKind


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    password = factory.django.Password("password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        """``UserFactory(permissions=["wagtailadmin.access_admin", ...])``."""
        for name in extracted or ():
            app_label, codename = name.split(".")
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class SuperuserFactory(UserFactory):
    is_superuser = True
    is_staff = True


class GroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")

    class Meta:
        model = Group


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Unit {n}")
    short_name = factory.Sequence(lambda n: f"U{n}")
    kind = UnitKind.FORCE
    contact_name = "Jo Contact"
    contact_email = factory.Sequence(lambda n: f"allies{n}@example.org")
    sign_up_url = "https://intranet.example.org/allies/sign-up/"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = OrganisationUnit
