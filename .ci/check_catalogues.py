"""Fail when a shipped catalogue misses a string that makemessages finds in the code today."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

LANGUAGES = ["fr", "es", "ar", "pt"]
package = Path(__file__).resolve().parent.parent / "wagtail_allyship"

with tempfile.TemporaryDirectory() as tmp:
    copy = Path(tmp) / "wagtail_allyship"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(  # noqa: S603 (our own interpreter and fixed arguments)
        [sys.executable, "-m", "django", "makemessages", "--no-obsolete", "--no-location"]
        + [f"-l{code}" for code in LANGUAGES],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    problems = []
    for code in LANGUAGES:
        fresh = polib.pofile(str(copy / "locale" / code / "LC_MESSAGES" / "django.po"))
        shipped = polib.pofile(str(package / "locale" / code / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid) for e in shipped if not e.obsolete}
        missing = [e.msgid for e in fresh if (e.msgctxt, e.msgid) not in known]
        if missing:
            problems.append(f"{code}: {len(missing)} strings missing, e.g. {missing[:3]}")
if problems:
    print("Run `make messages` and translate the new strings:\n  " + "\n  ".join(problems))
    sys.exit(1)
print("catalogues hold every string in the code")
