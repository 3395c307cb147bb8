"""Check that the sdist and wheel hold the package data and none of the tests or example site."""

import sys
import tarfile
import zipfile
from pathlib import Path

dist = Path(sys.argv[1])
wheel = next(dist.glob("wagtail_allyship-*.whl"))
sdist = next(dist.glob("wagtail_allyship-*.tar.gz"))
wheel_names = zipfile.ZipFile(wheel).namelist()
with tarfile.open(sdist) as archive:
    sdist_names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]

problems = []
for label, names in (("wheel", wheel_names), ("sdist", sdist_names)):
    for needed in (
        "wagtail_allyship/templates/",
        "wagtail_allyship/static/",
        "wagtail_allyship/migrations/0001_initial.py",
        "wagtail_allyship/locale/fr/LC_MESSAGES/django.mo",
        "wagtail_allyship/locale/ar/LC_MESSAGES/django.mo",
        "wagtail_allyship/locale/es/LC_MESSAGES/django.mo",
        "wagtail_allyship/locale/pt/LC_MESSAGES/django.mo",
        "wagtail_allyship/pledges/views/pledge.py",
        "wagtail_allyship/resources/hub.py",
    ):
        if not any(name.startswith(needed) for name in names):
            problems.append(f"{label} lacks {needed}")
    for forbidden in ("tests/", "example_site/", "docs/", "benchmarks/", ".ci/"):
        if any(name.startswith(forbidden) for name in names):
            problems.append(f"{label} contains {forbidden}")
if "LICENSE" not in sdist_names or "CHANGELOG.md" not in sdist_names:
    problems.append("sdist lacks LICENSE or CHANGELOG.md")
if not any(name.endswith(("/licenses/LICENSE", "/LICENSE")) for name in wheel_names):
    problems.append("wheel lacks LICENSE")
if problems:
    print("Distribution problems:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(
    f"{wheel.name}: {len(wheel_names)} files; {sdist.name}: {len(sdist_names)} files; contents OK"
)
