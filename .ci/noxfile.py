"""The support matrix: the oldest and newest supported Wagtail, each with its Django and Python.

Each line of the matrix also runs on its own database server, so that one CI run covers three
databases (SQLite in the main virtualenv, then these two) without running the suite five times.
The database name comes from ``CI_RUN_ID`` so that two runs never share one.
"""

import os

import nox

nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN_ID = os.environ.get("CI_RUN_ID", "nox")

MATRIX = [
    # (python, wagtail, django, extra, database)
    (
        "3.11",
        "wagtail>=7.0,<7.1",
        "django>=5.2,<5.3",
        "mysql",
        f"mysql://root@127.0.0.1:3306/allyship_{RUN_ID}",
    ),
    (
        "3.13",
        "wagtail>=8.0,<8.1",
        "django>=6.0,<7.0",
        "postgres",
        f"postgres://postgres@127.0.0.1:5432/allyship_{RUN_ID}",
    ),
]


@nox.session(name="tests")
@nox.parametrize(
    "python,wagtail,django,extra,database",
    MATRIX,
    ids=["wagtail70-django52-py311-mariadb", "wagtail80-django6-py313-postgresql"],
)
def tests(session, wagtail, django, extra, database):
    """The package's suite and the example intranet's, on one version line and one database."""
    session.chdir(ROOT)
    session.install("-e", f".[test,example,{extra}]", wagtail, django)
    session.run("python", "-m", "django", "--version")
    session.run("python", "-c", "import wagtail; print('Wagtail', wagtail.__version__)")
    env = {"DATABASE_URL": database}
    session.run("pytest", "-p", "no:cacheprovider", *session.posargs, env=env)
    session.chdir(os.path.join(ROOT, "example_site"))
    session.run("pytest", "-p", "no:cacheprovider", *session.posargs, env=env)
