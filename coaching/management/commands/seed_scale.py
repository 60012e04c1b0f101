"""Realistic volume for the scale benchmarks: published articles with sections, relevances and tags across
many months, and leads, inserted in bulk (100,000 articles and a million leads take minutes, not hours)."""

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from tqdm import tqdm

from articles.search import index as search_index
from articles.models import EDITION_YEARS, Article, Edition, Relevance, Section, Tag, TaggedArticle, Topic
from coaching.page_cache import content_changed
from enquiries.models import Course, Enquiry

BATCH = 5000
SECTIONS = ["Background", "Key provisions", "Significance", "Way Forward"]
TAG_POOL = 500
COUNSELLORS = 10
WORDS = ("monsoon federalism quad semiconductor bustard heatwave delimitation remittance grassland treaty "
         "tariff reservoir satellite cooperative judiciary biodiversity inflation census").split()
# Real articles share a few common words and differ in many rare ones: made-up words from syllables give the
# seeded text that spread, so that a searched word matches a realistic share of the articles, not all.
SYLLABLES = "ka ri to man su de vi ra no pa li gu han ter mo si ve da".split()
# Leads get names as counsellors meet them: common first names and surnames, so that searching one finds a
# realistic handful among a million, not every row.
FIRST_NAMES = ("Aarav Aditi Akash Ananya Arjun Bhavna Deepak Divya Gaurav Ishita Karan Kavya Manish Meera Neha "
               "Nikhil Pooja Priya Rahul Riya Rohan Sakshi Sandeep Shreya Siddharth Sneha Tanvi Varun Vikram "
               "Yash Zoya Harsh Lakshmi Farhan Simran Tenzin Lalremruati Anil Sunita Joseph").split()
SURNAMES = ("Sharma Verma Iyer Nair Reddy Das Ghosh Patel Shah Mehta Singh Kaur Khan Ansari Joshi Kulkarni "
            "Deshpande Pillai Menon Rao Naidu Bose Chatterjee Mukherjee Yadav Gupta Agarwal Jain Thakur Mishra "
            "Pandey Tiwari Chauhan Rathore Bhat Dsouza Fernandes Lepcha Sangma Marak").split()


class Command(BaseCommand):
    help = ("Add N published articles (four sections, a primary relevance and three tags each, over as many "
            "months as needed) and M leads, in bulk, with a progress bar. For benchmarks only.")

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0)
        parser.add_argument("--leads", type=int, default=0)
        parser.add_argument("--seed", type=int, default=2024, help="Random seed, so runs are repeatable.")

    def handle(self, *args, articles, leads, seed, **options):
        if articles < 0 or leads < 0:
            raise CommandError("--articles and --leads count rows: give 0 or more.")
        self.random = random.Random(seed)
        # About 20,000 words, as in a real archive: a searched word then matches about one article in a
        # hundred, not one in twenty.
        self.vocabulary = WORDS + sorted({"".join(self.random.choices(SYLLABLES, k=4)) for _ in range(20000)})
        if articles:
            self.seed_articles(articles)
        if leads:
            self.seed_leads(leads)
        with connection.cursor() as cursor:  # fresh statistics, as a database that grew over years has
            if connection.vendor == "postgresql":  # beyond the site's statement timeout at a million rows
                cursor.execute("SET statement_timeout = 0")
            cursor.execute("ANALYZE")
        transaction.on_commit(content_changed)
        content_changed()
        self.stdout.write(self.style.SUCCESS(
            f"Now {Article.objects.count()} articles, {Section.objects.count()} sections and "
            f"{Enquiry.objects.count()} leads."))

    def seed_articles(self, count):
        topics = list(Topic.objects.select_related("paper"))
        if not topics:
            raise CommandError("The syllabus is empty: run migrate first.")
        tags = self.tags()
        start = Article.objects.count()  # articles are numbered from the first one ever seeded
        month_of = self.months_for(start, count)
        now = timezone.now()
        bar = tqdm(total=count, desc="articles", unit="article", file=self.stderr)
        for first in range(0, count, BATCH):
            numbers = range(start + first, start + min(first + BATCH, count))
            with transaction.atomic():
                editions = self.editions({month_of(number) for number in numbers})
                made = Article.objects.bulk_create([self.article(number, editions[month_of(number)], now)
                                                    for number in numbers])
                Section.objects.bulk_create([
                    Section(article=article, position=position, heading=heading,
                            body=f"<p><strong>{heading}:</strong> {self.sentence()}</p><p>{self.sentence()}</p>")
                    for article in made for position, heading in enumerate(SECTIONS, start=1)])
                Relevance.objects.bulk_create([
                    Relevance(article=article, paper=topic.paper, topic=topic, is_primary=True)
                    for article, topic in ((article, self.random.choice(topics)) for article in made)])
                TaggedArticle.objects.bulk_create([
                    TaggedArticle(content_object=article, tag=tag)
                    for article in made for tag in self.random.sample(tags, 3)])
                search_index.reindex([article.pk for article in made])  # bulk inserts send no signals
            bar.update(len(made))
        bar.close()

    def months_for(self, start, count):
        """Where the articles numbered start … start + count - 1 go: a function from an article's number to its
        month index (0 = this month, 1 = the one before …), at least 60 articles a month. Articles added to a
        seeded site go to the months before its oldest seeded one, as an archive reaching further back: its
        newest months stay as they were, so that the benchmarks compare the same recent months with and
        without a long archive behind them. With no earlier month left in the editions' years, they are
        spread over every allowed month instead."""
        now = timezone.localtime()
        months_back = (now.year - EDITION_YEARS[0]) * 12 + now.month  # every past month the editions allow
        oldest = Edition.objects.filter(articles__slug__startswith="scale-").order_by("year", "month").first()
        used = 0 if oldest is None else now.year * 12 + now.month - (oldest.year * 12 + oldest.month) + 1
        if used < months_back:
            per_month = max(60, -(-count // (months_back - used)))
            return lambda number: used + (number - start) // per_month
        per_month = max(60, -(-(start + count) // months_back))
        return lambda number: number // per_month

    def article(self, number, edition, now):
        """The month's articles are published through it, one every few hours, never in the future."""
        words = " ".join(self.random.sample(self.vocabulary, 4))
        month_start = timezone.make_aware(datetime(edition.year, edition.month, 1, 6))
        return Article(
            title=f"Analysis {number + 1}: {words}", slug=f"scale-{number + 1}", edition=edition,
            context=f"Recently, {self.sentence()}", status=Article.Status.PUBLISHED,
            published_at=min(month_start + timedelta(minutes=(number * 97) % (60 * 24 * 27)), now - timedelta(hours=1)))

    def editions(self, indexes):
        """{month index (0 = this month, 1 = the one before …): its released Edition}, creating those missing."""
        now = timezone.localtime()
        months = {index: divmod(now.year * 12 + now.month - 1 - index, 12) for index in indexes}
        months = {index: (year, month + 1) for index, (year, month) in months.items()}
        existing = {(edition.year, edition.month): edition for edition in Edition.objects.filter(
            year__in={year for year, _ in months.values()})}
        missing = [Edition(year=year, month=month, release_at=timezone.now() - timedelta(days=1))
                   for year, month in set(months.values()) if (year, month) not in existing]
        for edition in Edition.objects.bulk_create(missing):
            existing[(edition.year, edition.month)] = edition
        if any(edition.pk is None for edition in existing.values()):  # a backend that returns no ids
            existing = {(edition.year, edition.month): edition for edition in Edition.objects.all()}
        return {index: existing[month] for index, month in months.items()}

    def tags(self):
        wanted = [f"{self.random.choice(WORDS).title()} {number}" for number in range(TAG_POOL)]
        have = set(Tag.objects.filter(name__in=wanted).values_list("name", flat=True))
        Tag.objects.bulk_create([Tag(name=name, slug=Tag().slugify(name)) for name in wanted if name not in have],
                                ignore_conflicts=True)
        return list(Tag.objects.filter(name__in=wanted))

    def seed_leads(self, count):
        counsellors = self.counsellors()
        courses = list(Course.objects.all()) or [Course.objects.create(name="GS Foundation", position=1)]
        statuses = [value for value, _ in Enquiry.Status.choices]
        start = Enquiry.objects.count()
        now = timezone.now()
        practice_page = reverse("device_history")  # a third of the leads asked from a practice result
        bar = tqdm(total=count, desc="leads", unit="lead", file=self.stderr)
        for first in range(0, count, BATCH):
            rows = []
            for number in range(start + first, start + min(first + BATCH, count)):
                created = now - timedelta(minutes=number % (60 * 24 * 730))
                rows.append(Enquiry(
                    name=f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {SURNAMES[number // 7 % len(SURNAMES)]}",
                    phone=f"+9170{number:08d}", course=self.random.choice(courses),
                    consent_given=True, consent_by=Enquiry.ConsentBy.WEB_FORM, consent_at=created,
                    status=self.random.choice(statuses),
                    owner=self.random.choice(counsellors + [None]), created_at=created, last_enquired_at=created,
                    notified_at=created,  # years of leads whose counsellors were told long ago
                    next_follow_up_at=created + timedelta(days=self.random.randint(0, 10)),
                    **({"source_page": "/"} if number % 3 else
                       {"source_page": practice_page, "origin": Enquiry.Origin.PRACTICE})))
            Enquiry.objects.bulk_create(rows)
            bar.update(len(rows))
        bar.close()

    def counsellors(self):
        group = Group.objects.get(name="Counsellor")
        people = []
        for number in range(COUNSELLORS):
            user, _ = get_user_model().objects.get_or_create(
                username=f"scale-counsellor-{number}", defaults={"is_staff": True, "first_name": f"Counsellor {number}"})
            user.groups.add(group)
            people.append(user)
        return people

    def sentence(self):
        return " ".join(self.random.choices(self.vocabulary, k=18)) + "."
