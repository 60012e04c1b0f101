"""Demo call-us numbers, courses and leads for `manage.py load_demo`."""

import random
from datetime import timedelta

from django.utils import timezone

from articles.models import Article

from .consent import NOTICE_VERSION
from .models import Activity, CallUsNumber, Course, Enquiry, FollowUp
from .phones import normalise_indian_phone

DEMO_CALL_US_NUMBERS = [
    ("Admissions desk", "+91 96069 00005"),
    ("Admissions desk (second line)", "9606900004"),
]

DEMO_COURSES = ["GS Foundation (Prelims + Mains)", "Prelims Test Series", "Mains Answer Writing",
                "Optional: Public Administration", "Interview Guidance"]

DEMO_PEOPLE = [
    ("Aditi Sharma", "Delhi"), ("Rahul Verma", "Jaipur"), ("प्रिया सिंह", "Lucknow"), ("Karthik R", "Chennai"),
    ("Sneha Patil", "Pune"), ("Mohammed Irfan", "Hyderabad"), ("அருண் குமார்", "Madurai"), ("Neha Gupta", "Noida"),
    ("Vikram Rathore", "Jodhpur"), ("Ananya Das", "Kolkata"), ("Rohit Yadav", "Patna"), ("Meenakshi Iyer", "Bengaluru"),
    ("Sandeep Kaur", "Chandigarh"), ("Farhan Ali", "Bhopal"), ("Pooja Mishra", "Prayagraj"), ("Arjun Nair", "Kochi"),
    ("Divya Reddy", "Vijayawada"), ("Suresh Meena", "Kota"), ("Tanvi Joshi", "Nagpur"), ("Imran Khan", "Srinagar"),
    ("Lakshmi Prasad", "Mysuru"), ("Gaurav Tiwari", "Varanasi"), ("Ritika Bansal", "Gurugram"), ("Nitin Chauhan", "Dehradun"),
    ("Shreya Ghosh", "Guwahati"), ("Ajay Kumar", "Ranchi"), ("Fatima Sheikh", "Mumbai"), ("Harsh Vardhan", "Indore"),
    ("Kavitha S", "Coimbatore"), ("Manish Pandey", "Kanpur"),
]

# Spread over the pipeline: (status, days ago, follow-up outcome or None, next follow-up in days or None)
DEMO_STAGES = [
    ("new", 0, None, 0), ("new", 0, None, 0), ("new", 1, None, -1), ("new", 2, None, -2),
    ("contacted", 3, "reached", None), ("follow_up", 2, "call_back", 0), ("follow_up", 4, "call_back", 1),
    ("follow_up", 6, "no_answer", -1), ("visited", 8, "demo_booked", 2), ("enrolled", 12, "enrolled", None),
    ("not_interested", 10, "not_interested", None), ("invalid", 9, "wrong_number", None),
]
DEMO_PHONE_PREFIX = "+9199000"


def load_call_us_numbers():
    for position, (label, raw) in enumerate(DEMO_CALL_US_NUMBERS, start=1):
        CallUsNumber.objects.update_or_create(
            number=normalise_indian_phone(raw, mobile_only=False),
            defaults={"label": label, "position": position, "is_active": True},
        )
    return len(DEMO_CALL_US_NUMBERS)


def load_courses():
    for position, name in enumerate(DEMO_COURSES, start=1):
        Course.objects.update_or_create(name=name, defaults={"position": position, "is_active": True})
    return len(DEMO_COURSES)


def load_leads(counsellors):
    """About thirty leads across channels, courses and pipeline stages, replaced on every run."""
    Enquiry.objects.filter(phone__startswith=DEMO_PHONE_PREFIX).delete()
    randomness = random.Random(2024)
    now = timezone.now()
    courses = list(Course.objects.all())
    articles = list(Article.objects.published()[:4])
    numbers = list(CallUsNumber.objects.shown())
    channels = ["web", "web", "web", "phone", "walk_in", "whatsapp"]
    for index, (name, city) in enumerate(DEMO_PEOPLE):
        status, days_ago, outcome, next_in_days = DEMO_STAGES[index % len(DEMO_STAGES)]
        created = now - timedelta(days=days_ago, hours=randomness.randint(1, 9))
        channel = channels[index % len(channels)]
        article = articles[index % len(articles)] if channel == "web" and articles and index % 2 == 0 else None
        lead = Enquiry.objects.create(
            name=name, phone=f"{DEMO_PHONE_PREFIX}{index:05d}", city=city, course=courses[index % len(courses)],
            mode=["classroom", "online"][index % 2], channel=channel, status=status,
            message="Please share the batch timings and fees." if index % 3 == 0 else "",
            consent_given=True, consent_notice_version=NOTICE_VERSION, consent_at=created,
            consent_by=Enquiry.ConsentBy.WEB_FORM if channel == "web" else Enquiry.ConsentBy.SPOKEN,
            source_article=article, source_page=article.get_absolute_url() if article else "",
            call_us_number=numbers[index % len(numbers)] if channel == "phone" and numbers else None,
            owner=counsellors[index % len(counsellors)] if counsellors and index % 7 else None,
            created_at=created, last_enquired_at=created, notified_at=created,
            next_follow_up_at=(None if next_in_days is None else now + timedelta(days=next_in_days, hours=1))
            if status in Enquiry.Status.open_states() else None,
        )
        Activity.objects.create(enquiry=lead, at=created, text=f"Received via {lead.get_channel_display().lower()}.")
        if outcome:
            answered = created + timedelta(minutes=randomness.randint(20, 300))
            FollowUp.objects.create(enquiry=lead, at=answered, by=lead.owner, outcome=outcome,
                                    note="Explained the batches; shared the fee structure.",
                                    next_due_at=lead.next_follow_up_at)
            Enquiry.objects.filter(pk=lead.pk).update(first_response_at=answered)
    return len(DEMO_PEOPLE)
