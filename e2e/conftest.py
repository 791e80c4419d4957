"""Browser tests: Playwright drives Debian's Chromium against the live test server.

Fixtures:
- `page`: a fresh browser page in French (fr-CA), 1280 px wide; `phone_page` is 360 px wide.
- `check_accessibility(page, name)`: runs axe-core on the page (WCAG 2.1 A and AA) and fails on any
  serious or critical violation; also saves a screenshot named `name`.
- `screenshot(page, name)`: saves a full-page PNG in $MAILLAGE_SCREENSHOTS (default e2e/screenshots).
- `login(page, email, password)`: logs in through the login form.
"""

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
AXE_SOURCE = (E2E_DIR / "vendor" / "axe-core" / "axe.min.js").read_text()
SCREENSHOTS = Path(os.environ.get("MAILLAGE_SCREENSHOTS", E2E_DIR / "screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

# Browser tests share a live server thread with the test database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def chromium_path() -> str:
    """Debian's Chromium; installed with apt-get when missing and we are allowed to."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium"], check=False, capture_output=True
        )
        found = shutil.which("chromium")
        if found:
            return found
    pytest.exit(
        "The browser tests need Debian's Chromium. Install it with: sudo apt-get install -y chromium",
        returncode=3,
    )
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def _new_page(browser, live_server, width: int, height: int):
    context = browser.new_context(
        base_url=live_server.url,
        locale="fr-CA",
        timezone_id="America/Toronto",
        viewport={"width": width, "height": height},
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.console_errors = errors
    return context, page


@pytest.fixture
def page(browser, live_server, reference_data) -> Iterator:
    context, browser_page = _new_page(browser, live_server, 1280, 900)
    yield browser_page
    context.close()


@pytest.fixture
def phone_page(browser, live_server, reference_data) -> Iterator:
    context, browser_page = _new_page(browser, live_server, 360, 760)
    yield browser_page
    context.close()


@pytest.fixture
def screenshot(request) -> Callable:
    folder = SCREENSHOTS / request.node.module.__name__.split(".")[-1]
    folder.mkdir(parents=True, exist_ok=True)

    def take(browser_page, name: str) -> Path:
        path = folder / f"{name}.png"
        browser_page.screenshot(path=str(path), full_page=True)
        return path

    return take


def axe_violations(browser_page) -> list[dict]:
    # evaluate() runs through the DevTools protocol, so the page's CSP (script-src 'self') is kept on.
    browser_page.evaluate(AXE_SOURCE)
    result = browser_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def check_accessibility(screenshot) -> Callable:
    def check(browser_page, name: str) -> None:
        screenshot(browser_page, name)
        violations = axe_violations(browser_page)
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"][:5]],
            }
            for v in violations
        ]
        assert not violations, (
            f"{name}: WCAG 2.1 AA violations on {browser_page.url}:\n{json.dumps(summary, indent=2, ensure_ascii=False)}"
        )
        assert not browser_page.console_errors, (
            f"{name}: browser errors: {browser_page.console_errors}"
        )

    return check


@pytest.fixture
def login() -> Callable:
    def do_login(browser_page, email: str, password: str) -> None:
        browser_page.goto("/accounts/login/")
        browser_page.locator("#id_username").fill(email)
        browser_page.locator("#id_password").fill(password)
        browser_page.locator("main form button[type=submit]").first.click()
        browser_page.wait_for_load_state()

    return do_login
