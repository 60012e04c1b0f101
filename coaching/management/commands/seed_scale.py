"""Realistic volume for the scale benchmarks: published articles with sections, relevances and tags across
many months; leads at every step of the counselling funnel; daily readership rows; ranked Prelims attempts;
all inserted in bulk (100,000 articles, a million leads and ten million view rows take minutes, not hours)."""

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
from articles.models import (EDITION_YEARS, Article, ArticleReadership, Edition, Relevance, Section, Tag,
                             TaggedArticle, Topic)
from articles.readership import SOURCE_LABELS
from coaching.page_cache import content_changed
from enquiries.models import Course, Enquiry, FollowUp
from practice import marking
from practice.models import Answer, Attempt, Option, Question

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
        parser.add_argument("--views", type=int, default=0,
                            help="Daily readership rows (article × day × kind of page), over the articles' first weeks.")
        parser.add_argument("--attempts", type=int, default=0,
                            help="Ranked Prelims attempts at the newest seeded articles' questions (four each).")
        parser.add_argument("--seed", type=int, default=2024, help="Random seed, so runs are repeatable.")

    def handle(self, *args, articles, leads, views, attempts, seed, **options):
        if min(articles, leads, views, attempts) < 0:
            raise CommandError("--articles, --leads, --views and --attempts count rows: give 0 or more.")
        self.random = random.Random(seed)
        # About 20,000 words, as in a real archive: a searched word then matches about one article in a
        # hundred, not one in twenty.
        self.vocabulary = WORDS + sorted({"".join(self.random.choices(SYLLABLES, k=4)) for _ in range(20000)})
        if articles:
            self.seed_articles(articles)
        if leads:
            self.seed_leads(leads)
        if views:
            self.seed_views(views)
        if attempts:
            self.seed_attempts(attempts)
        with connection.cursor() as cursor:  # fresh statistics, as a database that grew over years has
            if connection.vendor == "postgresql":  # beyond the site's statement timeout at a million rows
                cursor.execute("SET statement_timeout = 0")
            cursor.execute("ANALYZE")
        transaction.on_commit(content_changed)
        content_changed()
        self.stdout.write(self.style.SUCCESS(
            f"Now {Article.objects.count()} articles, {Section.objects.count()} sections and "
            f"{Enquiry.objects.count()} leads, {ArticleReadership.objects.count()} readership rows and "
            f"{Attempt.objects.count()} attempts."))

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
        """Leads over the last two years, a third from practice results, some from articles and some logged by
        staff, at every step of the funnel: answered within minutes or hours, demos booked and enrolments
        recorded as the follow-ups a counsellor writes."""
        counsellors = self.counsellors()
        courses = list(Course.objects.all()) or [Course.objects.create(name="GS Foundation", position=1)]
        statuses = [value for value, _ in Enquiry.Status.choices]
        articles = list(Article.objects.published().order_by("-pk").values_list("pk", flat=True)[:2000])
        start = Enquiry.objects.count()
        now = timezone.now()
        practice_page = reverse("device_history")  # a third of the leads asked from a practice result
        bar = tqdm(total=count, desc="leads", unit="lead", file=self.stderr)
        for first in range(0, count, BATCH):
            rows = []
            for number in range(start + first, start + min(first + BATCH, count)):
                created = now - timedelta(minutes=number % (60 * 24 * 730))
                status = self.random.choice(statuses)
                rows.append(Enquiry(
                    name=f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {SURNAMES[number // 7 % len(SURNAMES)]}",
                    phone=f"+9170{number:08d}", course=self.random.choice(courses),
                    consent_given=True, consent_by=Enquiry.ConsentBy.WEB_FORM, consent_at=created,
                    status=status, owner=self.random.choice(counsellors + [None]),
                    created_at=created, last_enquired_at=created,
                    first_response_at=None if status == Enquiry.Status.NEW else min(
                        now, created + timedelta(minutes=self.random.choice((5, 20, 45, 90, 150, 300, 900)))),
                    notified_at=created,  # years of leads whose counsellors were told long ago
                    next_follow_up_at=created + timedelta(days=self.random.randint(0, 10)),
                    **self.origin(number, practice_page, articles)))
            follow_ups = [follow_up for lead in rows for follow_up in self.follow_ups(lead, now)]
            with transaction.atomic():
                Enquiry.objects.bulk_create(rows)
                FollowUp.objects.bulk_create(follow_ups)  # bulk: the leads' steps are set above, not by save()
            bar.update(len(rows))
        bar.close()

    def origin(self, number, practice_page, articles):
        if number % 3 == 0:
            return {"source_page": practice_page, "origin": Enquiry.Origin.PRACTICE}
        if number % 3 == 1 and articles:
            article = articles[number % len(articles)]
            return {"origin": Enquiry.Origin.ARTICLE, "source_article_id": article}
        if number % 9 == 5:
            return {"origin": Enquiry.Origin.STAFF, "channel": Enquiry.Channel.PHONE}
        return {"source_page": "/"}

    def follow_ups(self, lead, now):
        """The follow-ups that moved a lead to its status (a demo booked for those who visited or enrolled,
        then the enrolment), with the lead's funnel steps set to them."""
        found = []
        if lead.status in (Enquiry.Status.VISITED, Enquiry.Status.ENROLLED):
            lead.interested_at = min(now, lead.first_response_at + timedelta(days=self.random.randint(1, 6)))
            found.append(FollowUp(enquiry=lead, by=lead.owner, outcome=FollowUp.Outcome.DEMO_BOOKED,
                                  at=lead.interested_at))
        if lead.status == Enquiry.Status.ENROLLED:
            lead.enrolled_at = min(now, lead.interested_at + timedelta(days=self.random.randint(2, 20)))
            found.append(FollowUp(enquiry=lead, by=lead.owner, outcome=FollowUp.Outcome.ENROLLED,
                                  at=lead.enrolled_at))
        return found

    def seed_views(self, count):
        """Readership rows as the flush writes them: each article read on each of its first days live, from
        each kind of page, fewer a day as it ages; the newest articles first, as many days as it takes."""
        articles = list(Article.objects.published().order_by("-published_at")
                        .values_list("pk", "published_at"))
        if not articles:
            raise CommandError("No published article to count views of: seed articles first.")
        today = timezone.localdate()
        sources = list(SOURCE_LABELS)
        days = -(-count // (len(articles) * len(sources)))
        have = set()  # (article, first day) already counted, so that a second run adds new days
        if ArticleReadership.objects.exists():
            have = set(ArticleReadership.objects.values_list("article_id", "day").distinct())
        bar = tqdm(total=count, desc="views", unit="row", file=self.stderr)
        made, rows = 0, []
        for offset in range(days + 400):  # days beyond the first while rows are still missing
            for pk, published_at in articles:
                day = timezone.localtime(published_at).date() + timedelta(days=offset)
                if day > today or (pk, day) in have:
                    continue
                for source in sources:
                    rows.append(ArticleReadership(article_id=pk, day=day, source=source,
                                                  views=max(1, self.random.randint(0, 400) // (offset + 1))))
                    made += 1
                    if made == count:
                        break
                if len(rows) >= BATCH or made == count:
                    ArticleReadership.objects.bulk_create(rows)
                    bar.update(len(rows))
                    rows = []
                if made == count:
                    bar.close()
                    return
        ArticleReadership.objects.bulk_create(rows)
        bar.close()

    def seed_attempts(self, count):
        """Ranked attempts at the newest seeded articles' questions (four each, written here when missing),
        by students of every strength: the stronger, the likelier right, as real answer sheets are."""
        quizzes = self.quizzes(max(1, count // 200))
        start = Attempt.objects.count()
        bar = tqdm(total=count, desc="attempts", unit="attempt", file=self.stderr)
        for first in range(0, count, BATCH // 4):
            sheets = []
            for number in range(start + first, start + min(first + BATCH // 4, count)):
                article, questions = quizzes[number % len(quizzes)]
                strength = self.random.random()
                chosen = [self.choose(options, strength) for options in questions.values()]
                outcomes = [marking.BLANK if option is None else
                            marking.CORRECT if option.is_correct else marking.INCORRECT for option in chosen]
                attempt = Attempt(article_id=article, device=f"scale-device-{number}", submission=f"scale-{number}",
                                  ranked=True, correct=outcomes.count(marking.CORRECT),
                                  wrong=outcomes.count(marking.INCORRECT), blank=outcomes.count(marking.BLANK))
                sheets.append((attempt, list(zip(questions, chosen, outcomes))))
            with transaction.atomic():
                Attempt.objects.bulk_create([attempt for attempt, _ in sheets])
                Answer.objects.bulk_create([
                    Answer(attempt=attempt, question_id=question, option=option, outcome=outcome)
                    for attempt, answers in sheets for question, option, outcome in answers])
            bar.update(len(sheets))
        bar.close()

    def quizzes(self, wanted):
        """[(article id, {question id: its Options})] for the newest `wanted` seeded articles."""
        articles = list(Article.objects.published().filter(slug__startswith="scale-")
                        .order_by("-published_at").values_list("pk", flat=True)[:wanted])
        if not articles:
            raise CommandError("No seeded article to write questions for: seed articles first.")
        missing = set(articles) - set(Question.objects.filter(article__in=articles).values_list("article", flat=True))
        for article in sorted(missing):
            for position in range(4):
                question = Question.objects.create(
                    article_id=article, position=position, status=Question.Status.APPROVED,
                    stem=f"Which of the following is true of {' '.join(self.random.sample(self.vocabulary, 3))}?")
                Option.objects.bulk_create([Option(question=question, position=index, text=self.sentence()[:200],
                                                   is_correct=index == position % 4) for index in range(4)])
        options = {}
        for option in Option.objects.filter(question__article__in=articles).order_by("question", "position"):
            options.setdefault(option.question_id, []).append(option)
        by_article = {}
        for question in Question.objects.filter(article__in=articles).order_by("position", "pk"):
            by_article.setdefault(question.article_id, {})[question.pk] = options[question.pk]
        return list(by_article.items())

    def choose(self, options, strength):
        """A student's choice: blank now and then, right more often the stronger they are."""
        if self.random.random() < 0.1:
            return None
        if self.random.random() < 0.2 + 0.7 * strength:
            return next(option for option in options if option.is_correct)
        return self.random.choice(options)

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
