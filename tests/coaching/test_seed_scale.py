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


def test_a_second_run_reaches_further_back_and_leaves_the_newest_months_as_they_were(monkeypatch):
    """Articles added to a seeded site go to the months before its oldest seeded one, more thickly when there
    are many, so the newest months hold the same articles as before."""
    from coaching.management.commands import seed_scale

    today = timezone.localdate()
    monkeypatch.setattr(seed_scale, "EDITION_YEARS", range(today.year - 1, today.year + 1))
    months_allowed = 12 + today.month
    call_command("seed_scale", "--articles", "120")  # this month and the one before, sixty each
    newest = {edition.pk: set(edition.articles.values_list("pk", flat=True))
              for edition in Edition.objects.filter(articles__isnull=False).distinct()}
    more = 61 * months_allowed - 120  # more than sixty a month over every allowed month
    call_command("seed_scale", "--articles", str(more))

    assert {edition.pk: set(edition.articles.values_list("pk", flat=True))
            for edition in Edition.objects.filter(pk__in=newest)} == newest
    added = Article.objects.exclude(edition__in=newest)
    assert added.count() == more
    oldest_before = min((edition.year, edition.month) for edition in Edition.objects.filter(pk__in=newest))
    assert all((year, month) < oldest_before for year, month in added.values_list("edition__year", "edition__month"))
    assert not Edition.objects.filter(year__lt=today.year - 1).exists()


def test_seed_scale_adds_readership_rows_attempts_and_leads_along_the_funnel():
    """Views, ranked attempts and leads arrive in the numbers asked, as the site would have written them:
    one row per article, day and kind of page, never a day in the future; four answers a sheet; a demo booked
    before every enrolment; and the dashboards read them."""
    from articles.models import ArticleReadership
    from enquiries.models import FollowUp
    from practice import item_analysis
    from practice.models import Answer, Attempt

    call_command("seed_scale", "--articles", "120", "--leads", "300", "--views", "5000", "--attempts", "100")
    call_command("seed_scale", "--views", "700")

    assert ArticleReadership.objects.count() == 5700
    assert not ArticleReadership.objects.filter(day__gt=timezone.localdate()).exists()
    keys = ArticleReadership.objects.values_list("article", "day", "source")
    assert keys.distinct().count() == 5700
    assert Attempt.objects.filter(ranked=True).count() == 100 and Answer.objects.count() == 400
    assert Enquiry.objects.filter(status=Enquiry.Status.NEW, first_response_at__isnull=False).count() == 0
    enrolled = Enquiry.objects.filter(status=Enquiry.Status.ENROLLED)
    assert enrolled.exists() and all(
        [follow_up.outcome for follow_up in lead.follow_ups.all()] == [FollowUp.Outcome.DEMO_BOOKED,
                                                                       FollowUp.Outcome.ENROLLED]
        for lead in enrolled)
    assert Enquiry.objects.filter(origin=Enquiry.Origin.ARTICLE, source_article__isnull=False).exists()
    analysed = item_analysis.analyse()
    assert analysed and all(item.answered >= item_analysis.MIN_ATTEMPTS for item in analysed)


def test_seed_scale_refuses_views_without_articles():
    """Views need articles to count them against: asked on an empty site, the command says so."""
    with pytest.raises(CommandError, match="seed articles first"):
        call_command("seed_scale", "--views", "10")
