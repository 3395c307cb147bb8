"""``make screenshots``: pictures of the demo for the docs, taken by Chromium from the live site.

Starts the example site the way the browser journeys do (a new SQLite file, ``migrate``,
``allyship_demo``, gunicorn on a loopback port; see :mod:`tests.browser.support`), logs in as
each demo user through the login form, and saves one PNG per screen listed in
``screenshot_targets.py`` into docs/pages/images/, 1280 pixels wide, reduced to 256 colours
so that the repository stays small. Run it again after a change to a screen: the pictures in
the docs are never older than the code.

    python -m tests.browser.screenshots [--only NAME ...] [--out FOLDER] [--database FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.support import (
    BROWSER_TESTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXAMPLE_SITE,
    REPO,
    prepare_database,
    site_environment,
    start_server,
    stop_server,
)
from wagtail_allyship.text.progress import Progress

OUT = REPO / "docs" / "pages" / "images"
VIEWPORT = {"width": 1280, "height": 860}
#: What a page settles in after load (Wagtail's admin fades its messages in).
SETTLE_MS = 300


def screen_targets(database: Path, workdir: Path) -> list[dict]:
    output = workdir / "targets.json"
    subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, str(BROWSER_TESTS / "screenshot_targets.py"), str(output)],
        cwd=EXAMPLE_SITE,
        env=site_environment(database),
        check=True,
    )
    return json.loads(output.read_text(encoding="utf-8"))


def shrink(path: Path) -> None:
    """256 colours and zlib's best: a screen of text and flat colour loses nothing visible."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def log_in(context, base_url: str, username: str, password: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    if "/accounts/login/" in page.url:
        raise SystemExit(f"Logging in as {username} failed")
    page.close()


def take(targets: list[dict], base_url: str, out: Path, verbosity: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = {}
        with Progress(sys.stdout, len(targets), "Screenshots", verbosity) as progress:
            for target in targets:
                progress.step(f"{target['name']} ({target['user']}: {target['path']})")
                user = target["user"]
                if user not in contexts:
                    contexts[user] = browser.new_context(viewport=VIEWPORT, locale="en-GB")
                    log_in(contexts[user], base_url, user, target["password"])
                page = contexts[user].new_page()
                response = page.goto(base_url + target["path"])
                if response is None or response.status != 200:
                    status = response.status if response else "no answer"
                    raise SystemExit(f"{target['path']} answered {status}")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(SETTLE_MS)
                path = out / f"{target['name']}.png"
                page.screenshot(path=str(path), full_page=target["full_page"])
                page.close()
                shrink(path)
                saved.append(path)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="Names of screens to take.")
    parser.add_argument("--out", type=Path, default=OUT, help="Folder for the PNG files.")
    parser.add_argument("--verbosity", type=int, default=1)
    parser.add_argument(
        "--database",
        type=Path,
        default=None,
        help="A SQLite file that already holds the demo (default: a new one, made now).",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="allyship-screens-") as tmp:
        workdir = Path(tmp)
        if args.verbosity and not args.database:
            print("Preparing the demo site (migrate, allyship_demo)…", flush=True)
        if args.database:
            database = args.database.resolve()
        else:
            database, _pages = prepare_database(workdir)
        targets = screen_targets(database, workdir)
        if args.only:
            targets = [target for target in targets if target["name"] in args.only]
        process, base_url = start_server(database, workdir / "server.log")
        try:
            saved = take(targets, base_url, args.out, args.verbosity)
        finally:
            stop_server(process)
    if args.verbosity:
        total = sum(path.stat().st_size for path in saved)
        print(f"{len(saved)} screenshots in {args.out} ({total // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
