"""Shared rows for tests. Papers and topics come from the syllabus data migration."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article, Edition, Paper, Relevance, Section, Topic
from enquiries.models import CallUsNumber, Course, Enquiry, start_of_today

PASSWORD = "correct horse battery staple"


def later_today():
    """A moment still to come today in India, whatever the time of day the suite runs (halfway to midnight):
    a follow-up due then is due today and not yet overdue."""
    now = timezone.now()
    return now + (start_of_today(now) + timedelta(days=1) - now) / 2


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)


def staff_user(username, role=None, **kwargs):
    """A staff login in the named role group (see articles/roles.py, enquiries/roles.py)."""
    user = UserFactory(username=username, is_staff=True, **kwargs)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ["year", "month"]

    year = 2024
    month = 3
    release_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))

    class Params:
        unreleased = factory.Trait(release_at=None)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Monsoon outlook and the kharif sowing season, part {n}")
    slug = factory.Sequence(lambda n: f"monsoon-outlook-{n}")
    context = "Recently, the weather office raised its forecast for the south-west monsoon."
    edition = factory.SubFactory(EditionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)


def publishable_article(author=None, **kwargs):
    """A draft that passes every publish check: context, primary relevance, edition, two written
    sections ending in Way Forward."""
    article = ArticleFactory(draft=True, author=author, **kwargs)
    relevance(article)
    SectionFactory(article=article, position=1, heading="Background")
    SectionFactory(article=article, position=2, heading="Way Forward")
    return article


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Dimension number {n}")
    body = "<p><strong>Rainfall:</strong> the season brought normal rain to most districts.</p>"


def relevance(article, paper_code="gs2", topic_name="International Relations", *, primary=True):
    paper = Paper.objects.get(code=paper_code)
    topic = Topic.objects.get(paper=paper, name=topic_name) if topic_name else None
    return Relevance.objects.create(article=article, paper=paper, topic=topic, is_primary=primary)


def full_article(*, sections=3, tags=("Monsoon", "Agriculture"), **kwargs):
    """A published article with a primary relevance, `sections` sections and `tags` tags."""
    article = ArticleFactory(**kwargs)
    relevance(article)
    for position in range(1, sections + 1):
        SectionFactory(article=article, position=position, heading=f"Aspect {position} of the story")
    article.tags.set(list(tags))
    return article


def hindi_twin(english, *, sections=3, **kwargs):
    """The published Hindi article that translates `english` (same edition and relevance; its own sections)."""
    kwargs = {"title": f"मानसून का पूर्वानुमान और खरीफ़ की बुआई ({english.pk})",
              "context": "हाल ही में मौसम विभाग ने दक्षिण-पश्चिम मानसून का पूर्वानुमान बढ़ाया।",
              "edition": english.edition, **kwargs}
    return full_article(language=Article.Language.HINDI, english_original=english, slug=english.slug,
                        sections=sections, **kwargs)


class CallUsNumberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallUsNumber

    number = factory.Sequence(lambda n: f"+9198765{n:05d}")
    position = factory.Sequence(lambda n: n)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        django_get_or_create = ["name"]

    name = "GS Foundation (Prelims + Mains)"


class EnquiryFactory(factory.django.DjangoModelFactory):
    """A stored lead, made directly; tests of creation go through enquiries.services."""

    class Meta:
        model = Enquiry

    name = factory.Sequence(lambda n: f"Student {n}")
    phone = factory.Sequence(lambda n: f"+9198100{n:05d}")
    course = factory.SubFactory(CourseFactory)
    consent_given = True
    next_follow_up_at = factory.LazyFunction(later_today)  # due today, not yet overdue
