import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from articles.demo import DEMO_ARTICLES, DEMO_DIR, MOVES_TO, RELEASED_EDITIONS
from articles.importing.drafts import create_draft, read_article
from articles.models import Article, Edition
from articles.revisions import versions_of
from enquiries.models import CallUsNumber, Course, Enquiry

pytestmark = pytest.mark.django_db


def test_load_demo_builds_a_browsable_site_and_is_idempotent(monkeypatch, client):
    """Running load_demo twice leaves one copy of everything: 8+ published articles over GS1–GS4 and two
    months, articles in several workflow states, courses and about thirty leads."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")

    call_command("load_demo", "--force", verbosity=0)
    counts = (Article.objects.count(), Edition.objects.count(), CallUsNumber.objects.count(),
              get_user_model().objects.count(), Enquiry.objects.count(), Course.objects.count())
    call_command("load_demo", "--force", verbosity=0)

    assert (Article.objects.count(), Edition.objects.count(), CallUsNumber.objects.count(),
            get_user_model().objects.count(), Enquiry.objects.count(), Course.objects.count()) == counts
    published = Article.objects.published()
    assert published.count() >= 8
    assert Article.objects.filter(status="draft").exists()
    papers = set(published.filter(relevances__is_primary=True).values_list("relevances__paper__code", flat=True))
    assert {"gs1", "gs2", "gs3", "gs4"} <= papers
    assert published.values("edition").distinct().count() >= 2
    assert set(Article.objects.values_list("status", flat=True)) >= {"published", "draft", "in_review", "approved"}
    assert Course.objects.count() >= 4
    assert 25 <= Enquiry.objects.count() <= 40
    assert Enquiry.objects.values("status").distinct().count() >= 5
    assert Enquiry.objects.values("channel").distinct().count() == 4
    assert Enquiry.objects.filter(source_article__isnull=False).exists()
    assert '<a href="tel:+919606900005">+91 9606900005</a> / <a href="tel:+919606900004">04</a>' in (
        client.get("/").content.decode())


def test_demo_has_an_india_japan_analysis_in_the_seed_shape(monkeypatch, client):
    """The India–Japan article has context, GS2 relevance, a mains question, three Dimensions ending in Way Forward."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)

    article = Article.objects.get(slug="japan-india-deeper-defence-partnership", language="en")
    page = client.get(article.get_absolute_url()).content.decode()

    assert [d.heading for d in article.dimensions] == [
        "India-Japan ties", "Recent activities in India-Japan defence ties", "Way Forward"]
    assert str(article.edition) == "March 2024"
    assert sorted(article.tags.names()) == ["Defence", "India-Japan", "Indo-Pacific"]
    assert "GS2 - International Relations" in page
    assert "(15 marks)" in page
    assert "<strong>Economic ties:</strong>" in page


def test_demo_staff_logins_use_demo_password_and_have_their_roles(monkeypatch):
    """admin, editor, writer, translator, counsellor, manager and evaluator log in with DEMO_PASSWORD and sit
    in their role groups."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)

    roles = {}
    for username in ["admin", "editor", "writer", "translator", "counsellor", "manager", "evaluator"]:
        user = authenticate(sign_in_request(), username=username, password="demo-pass-2024")
        assert user is not None and user.is_staff, username
        roles[username] = list(user.groups.values_list("name", flat=True))
    assert get_user_model().objects.get(username="admin").is_superuser
    assert roles == {"admin": [], "editor": ["Editor"], "writer": ["Writer"], "translator": ["Translator"],
                     "counsellor": ["Counsellor"], "manager": ["Counselling manager"], "evaluator": ["Evaluator"]}


def test_generated_password_is_printed_only_in_debug(monkeypatch, settings, capsys):
    """Without DEMO_PASSWORD a password is generated; it is printed when DEBUG is on and never otherwise."""
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)

    settings.DEBUG = False
    call_command("load_demo", "--force")
    quiet = capsys.readouterr().out
    settings.DEBUG = True
    call_command("load_demo", "--force")
    shown = capsys.readouterr().out

    assert "Password for all of them" not in quiet
    password = shown.split("Password for all of them: ")[1].split()[0]
    assert authenticate(sign_in_request(), username="editor", password=password) is not None


def test_demo_articles_come_through_the_importer_and_the_workflow(monkeypatch, client):
    """Each demo article starts as an "As imported" revision and reaches its state by recorded workflow moves."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)

    for demo in DEMO_ARTICLES:
        article = Article.objects.get(slug=demo.slug, language="en")
        moves = [(step.name, step.actor.username) for step in article.transitions.order_by("created_at", "id")]
        assert article.status == demo.state, demo.slug
        assert list(versions_of(article))[-1].revision.comment == "As imported", demo.slug
        assert [name for name, _ in moves[len(moves) - len(MOVES_TO[demo.state]):]] == MOVES_TO[demo.state]
    published = Article.objects.get(slug="upi-goes-global").transitions.order_by("created_at", "id")
    assert [(step.name, step.actor.username) for step in published] == [
        ("submit", "writer"), ("approve", "editor"), ("publish", "editor")]


def sign_in_request():
    """Signing in always comes with a request: the lockout (django-axes) counts attempts per address."""
    return RequestFactory().post("/admin/login/")


@pytest.mark.parametrize("demo", DEMO_ARTICLES, ids=lambda demo: demo.slug)
def test_each_demo_file_imports_cleanly_and_exports_as_written(demo, editor, client):
    """A demo file imports with nothing left for a human to check, and the article's plain-text export
    reproduces the file exactly (the round trip the demo relies on)."""
    for year, month in [*RELEASED_EDITIONS, (2024, 4)]:  # editors open the months; the importer files under them
        Edition.objects.create(year=year, month=month)
    path = DEMO_DIR / f"{demo.slug}.txt"
    parsed = read_article(path.name, path.read_bytes())
    article = create_draft(parsed, author=editor, slug=demo.slug)
    client.force_login(editor)

    assert parsed.report.attention == [] and parsed.report.guessed == []
    assert client.get(f"/articles/{article.slug}/text/").content.decode().strip() == path.read_text().strip()


def test_load_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    """With DEBUG off the command stops with the reason and adds nothing; --force loads the demo."""
    settings.DEBUG = False

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", verbosity=0)

    assert "DEBUG is off, so this looks like the live site" in str(refused.value)
    assert not get_user_model().objects.exists() and not Article.objects.exists()


@pytest.mark.parametrize("weak, reason", [
    ("short-pw", "This password is too short. It must contain at least 12 characters."),
    ("password1234", "This password is too common."),
    ("123456789012345", "This password is entirely numeric."),
])
def test_load_demo_never_creates_an_account_with_a_password_the_validators_refuse(monkeypatch, weak, reason):
    """A DEMO_PASSWORD that fails the password rules is refused with the rule, and no login is created."""
    monkeypatch.setenv("DEMO_PASSWORD", weak)

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--force", verbosity=0)

    assert reason in str(refused.value)
    assert not get_user_model().objects.exists()


def test_three_demo_articles_have_published_hindi_twins_and_one_is_behind_its_english(monkeypatch, client):
    """The demo publishes three Hindi twins, linked both ways from their pages; the third shows in "Hindi
    behind English" after a correction of its English original; a second run adds no twin."""
    from articles import twins

    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)
    call_command("load_demo", "--force", verbosity=0)

    hindi = Article.objects.filter(language="hi")
    behind = list(twins.behind_english(Article.objects.all()))
    page = client.get("/hi/articles/japan-india-deeper-defence-partnership/").content.decode()

    assert hindi.count() == 3 and hindi.published().count() == 3
    assert [twin.english_original.slug for twin in behind] == ["ayushman-bharat-digital-mission-health-records"]
    assert "भारत के साथ गहरी रक्षा साझेदारी चाहता है जापान" in page and "Read in English" in page
    assert "आगे की राह" in page
