"""Every page of each role's menu, in French and in English, at 1280 and at 360 px: no raw
identifiers (time-zone names, engine versions, `manage.py`, ESCO addresses), no text in the other
language, none of the typography slips people reported (issue 14). At 360 px the menu folds behind
a « Menu » button and no page scrolls sideways."""

import re
from datetime import date

import pytest

from maillage.accounts.tests.factories import PASSWORD, AdvisorFactory, ManagerFactory
from maillage.activities import services as activity_services
from maillage.activities.tests.factories import TODAY as ACTIVITY_TODAY
from maillage.activities.tests.factories import (
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
)
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.matching.engine_state import engine_reset
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.prequalification.tests.factories import ProposalFactory

TODAY = date(2026, 11, 26)

RAW_IDENTIFIERS = {
    "a time-zone name": re.compile(r"\b(America|Europe|Africa|Asia|Pacific|Atlantic)/[A-Z]\w+"),
    "an engine version": re.compile(r"\b(policy|rules|ranker)-\d"),
    "a command": re.compile(r"manage\.py|python -m"),
    "an ESCO address": re.compile(r"data\.europa\.eu|/esco/"),
}
FRENCH_SLIPS = {
    "« Mio » (say « Mo »)": re.compile(r"\bMio\b"),
    "« Déc » (say « déc. »)": re.compile(r"\bDéc\b"),
    "« courte liste » (say « liste restreinte »)": re.compile(r"courte liste", re.I),
    "« moteur d'arrimage » (say « de jumelage »)": re.compile(r"arrimage", re.I),
    "a curly apostrophe (the catalogs use ')": re.compile(r"\w’\w"),
    "a plain space before : ; ? ! (no-break space)": re.compile(r"\w [;:?!](\s|$)"),
    "no space before ; ? !": re.compile(r"[^\W\d][;?!](\s|$)"),
}
ENGLISH_SLIPS = {
    "a decimal comma in English": re.compile(r"\b\d+,\d+ years?\b"),
    "« 0 year »": re.compile(r"\b0 year\b"),
    "« Source: » followed by French": re.compile(r"Source: Valeur"),
}
# Words of one language that never appear in the other's sentences (names aside: the pages' own
# test data are French names and places, never these words standing alone).
ENGLISH_WORDS = re.compile(r"(?<![\w-])(the|your|with|shared profile|which|should)(?![\w-])", re.I)
FRENCH_WORDS = re.compile(r"(?<![\w'’-])(les|vous|votre|avec|aucun|aucune)(?![\w'’-])", re.I)


@pytest.fixture
def people(reference_data):
    engine_reset()
    posting = JobPostingFactory()
    candidate = CandidateProfileFactory(verification_status=VerificationStatus.VERIFIED)
    candidate_rematch(candidate_id=candidate.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    yield {
        "candidate": candidate.user,
        "employer": CompanyMemberFactory(company=posting.company).user,
        "advisor": AdvisorFactory(),
        "manager": ManagerFactory(),
    }
    engine_reset()


def _visible_text(page) -> str:
    """The page's text without the options of its pickers (1,130 municipality names such as
    « Les Escoumins » are names, not sentences in the other language)."""
    options = set(page.eval_on_selector_all("select option", "os => os.map(o => o.innerText)"))
    text = page.locator("body").inner_text()
    return "\n".join(line for line in text.splitlines() if line.strip() not in options)


# Names whose punctuation is their own (a municipality of Témiscouata), not a typography slip.
PROPER_NAMES = re.compile(r"Saint-Louis-du-Ha! Ha!")


def slips_on(text: str, language: str) -> list[str]:
    text = PROPER_NAMES.sub("", text)
    found = [what for what, pattern in RAW_IDENTIFIERS.items() if pattern.search(text)]
    if language == "fr":
        found += [
            f"{what}: «{m.group(0)}»"
            for what, p in FRENCH_SLIPS.items()
            for m in [p.search(text)]
            if m
        ]
        found += [f"English word «{m.group(0)}»" for m in [ENGLISH_WORDS.search(text)] if m]
    else:
        found += [
            f"{what}: «{m.group(0)}»"
            for what, p in ENGLISH_SLIPS.items()
            for m in [p.search(text)]
            if m
        ]
        found += [f"French word «{m.group(0)}»" for m in [FRENCH_WORDS.search(text)] if m]
    return found


def problems_on(page, url: str, *, role: str, language: str, width: int) -> list[str]:
    """Open the page; what a reader would trip on: slips, and at 360 px a sideways scroll."""
    response = page.goto(url)
    assert response.ok, f"{role} {language}: {url} answered {response.status}"
    found = [
        f"{role} {language} {width}px {url}: {slip}"
        for slip in slips_on(_visible_text(page), language)
    ]
    if width == 360:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            found.append(f"{role} {language} 360px {url}: {overflow} px sideways")
    return found


def _menu_paths(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        ".main-nav a, .header-tools a:not(.language-switch)",
        "links => links.map(a => a.getAttribute('href'))",
    )
    return list(dict.fromkeys(h for h in hrefs if h and h.startswith("/")))


@pytest.mark.parametrize("role", ["candidate", "employer", "advisor", "manager"])
@pytest.mark.parametrize("width", [1280, 360])
def test_each_page_of_the_menu_speaks_one_language_without_raw_codes(
    browser, live_server, login, screenshot, people, role, width
):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    user = people[role]
    login(page, user.email, PASSWORD)
    problems = []
    for language, prefix in (("fr", ""), ("en", "/en")):
        page.goto(f"{prefix}/")
        for path in ["/", *_menu_paths(page)]:
            url = path if path.startswith(prefix + "/") or not prefix else prefix + path
            problems += problems_on(page, url, role=role, language=language, width=width)
            if width == 360:
                toggle = page.locator("[data-menu-toggle]")
                if toggle.count():
                    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        screenshot(page, f"{role}-{language}-{width}")
    context.close()
    assert not problems, "\n".join(problems)


def test_the_phone_menu_opens_and_closes_from_the_keyboard(phone_page, login, people):
    login(phone_page, people["advisor"].email, PASSWORD)
    toggle = phone_page.get_by_role("button", name="Menu")
    menu = phone_page.locator("#main-menu-list")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    toggle.focus()
    phone_page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and menu.is_visible()
    phone_page.keyboard.press("Escape")
    assert not menu.is_visible()


@pytest.fixture
def deeper(people):
    """What the menu pages lead to: a proposal on the employer's short list, a matching activity
    with its schedule, the candidate's and the company's own pages."""
    candidate = people["candidate"].candidate_profile
    member = people["employer"].company_membership
    posting = member.company.postings.get()
    # The employer's words show as written on the English page too; keep them free of the
    # French words the check looks for (it checks the interface, not people's texts).
    posting.description = "Soudage MIG et TIG de pièces d'acier, lecture de plans."
    posting.save(update_fields=["description"])
    proposal = ProposalFactory(candidate=candidate, posting=posting, shortlisted=True)
    activity = ActivityFactory(title="Maillage express du Bas-Saint-Laurent")
    EmployerRegistrationFactory(
        activity=activity, company=member.company, postings=[posting], registered_by=member.user
    )
    CandidateRegistrationFactory(activity=activity, candidate=candidate)
    activity_services.schedule_compute(
        activity=activity, by=people["advisor"], today=ACTIVITY_TODAY
    )
    shared = [
        f"/activities/{activity.public_id}/",
        f"/employers/postings/{posting.public_id}/",
    ]
    team = [
        f"/prequalification/postings/{posting.public_id}/",
        f"/prequalification/proposals/{proposal.public_id}/",
        f"/candidates/{candidate.public_id}/",
        f"/employers/companies/{member.company.public_id}/",
        f"/activities/{activity.public_id}/manage/",
    ]
    return {
        "candidate": [
            *shared,
            f"/prequalification/mine/{proposal.public_id}/",
            f"/activities/{activity.public_id}/my-schedule/",
            "/candidates/profile/contact/edit/",
            "/candidates/profile/immigration/edit/",
            "/candidates/profile/languages/edit/",
            "/candidates/profile/preferences/edit/",
        ],
        "employer": [
            *shared,
            f"/prequalification/shortlist/{posting.public_id}/",
            f"/prequalification/shortlist/candidates/{proposal.public_id}/",
            f"/activities/{activity.public_id}/my-schedule/",
            f"/employers/postings/{posting.public_id}/edit/",
            "/employers/company/edit/",
        ],
        "advisor": [*shared, *team],
        "manager": [*shared, *team],
    }


@pytest.mark.parametrize("role", ["candidate", "employer", "advisor", "manager"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_pages_reached_from_the_menu_speak_one_language_without_raw_codes(
    browser, live_server, login, screenshot, people, deeper, role, width
):
    """A candidate's proposal, a posting's candidates, an activity and its schedule, the profile
    and company forms: the same checks as the menu pages."""
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    login(page, people[role].email, PASSWORD)
    problems = []
    for language, prefix in (("fr", ""), ("en", "/en")):
        for path in deeper[role]:
            url = prefix + path
            problems += problems_on(page, url, role=role, language=language, width=width)
            name = "-".join(part[:8] for part in path.strip("/").split("/"))
            screenshot(page, f"deeper-{role}-{language}-{width}-{name}")
    context.close()
    assert not problems, "\n".join(problems)
