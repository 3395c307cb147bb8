"""The support matrix: the oldest and newest supported Wagtail, each with its Django and Python."""

import os

import nox

nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MATRIX = [
    # (python, wagtail, django)
    ("3.11", "wagtail>=7.0,<7.1", "django>=5.2,<5.3"),
    ("3.13", "wagtail>=8.0,<8.1", "django>=6.0,<7.0"),
]


@nox.session(name="tests")
@nox.parametrize(
    "python,wagtail,django",
    MATRIX,
    ids=["wagtail70-django52-py311", "wagtail80-django6-py313"],
)
def tests(session, wagtail, django):
    session.chdir(ROOT)
    session.install("-e", ".[test]", wagtail, django)
    session.run("python", "-m", "django", "--version")
    session.run("python", "-c", "import wagtail; print('Wagtail', wagtail.__version__)")
    session.run("pytest", "-p", "no:cacheprovider", *session.posargs)
