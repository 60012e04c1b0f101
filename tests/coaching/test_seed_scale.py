"""seed_scale: realistic volume in bulk, browsable like real content."""

import pytest
from django.utils import timezone
from django.core.management import CommandError, call_command

from articles.models import Article, Edition, Relevance, Section, TaggedArticle
from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


def test_seed_scale_adds_published_articles_with_their_parts_and_leads(client, capsys):
    """130 articles (four sections, a primary relevance, three tags each) over past months and 50 leads; the
    site lists and opens them; a second run adds more without clashing."""
    call_command("seed_scale", "--articles", "130", "--leads", "50")
    call_command("seed_scale", "--articles", "10", "--leads", "5")

    assert Article.objects.published().count() == 140
    assert Section.objects.count() == 560 and Relevance.objects.filter(is_primary=True).count() == 140
    assert TaggedArticle.objects.count() == 420
    assert Enquiry.objects.count() == 55 and Enquiry.objects.filter(phone__startswith="+9170").count() == 55
    assert Edition.objects.released().count() >= 3
    assert "Now 140 articles" in capsys.readouterr().out
    article = Article.objects.order_by("pk").first()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(article.edition.get_absolute_url()).status_code == 200


def test_seed_scale_refuses_negative_counts():
    """A negative count is refused with a message."""
    with pytest.raises(CommandError, match="give 0 or more"):
        call_command("seed_scale", "--articles", "-1")


def test_a_second_run_keeps_every_article_within_the_months_editions_allow(monkeypatch):
    """Seeding more on top of earlier runs spreads the articles more thickly over the allowed months instead of
    reaching back before the first one."""
    from coaching.management.commands import seed_scale

    this_year = timezone.localdate().year
    monkeypatch.setattr(seed_scale, "EDITION_YEARS", range(this_year, this_year + 1))
    call_command("seed_scale", "--articles", str(60 * timezone.localdate().month))
    call_command("seed_scale", "--articles", "120")

    assert Article.objects.published().count() == 60 * timezone.localdate().month + 120
    assert not Edition.objects.filter(year__lt=this_year).exists()
