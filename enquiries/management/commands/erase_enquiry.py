from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from enquiries.models import Enquiry
from enquiries.phones import normalise_indian_phone
from enquiries.services import enquiry_erase


class Command(BaseCommand):
    help = "Erase a person's personal data from every lead with their mobile number (a DPDP erasure request)."

    def add_arguments(self, parser):
        parser.add_argument("--phone", required=True, help="The person's mobile number, written any usual way.")

    def handle(self, *args, phone, **options):
        try:
            e164 = normalise_indian_phone(phone)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        erased = enquiry_erase(leads=Enquiry.objects.of_person(e164), reason="Erasure request (by mobile number)")
        self.stdout.write(f"Erased the personal data of {erased} lead(s) for the number ending {e164[-4:]}; "
                          "anonymous counts are kept.")
