from django.core.management.base import BaseCommand, CommandError

from coaching.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write one restorable file holding the database and the uploaded media (restore it with `restore`)."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Where to write the backup, e.g. /var/backups/site.tar.gz")
        parser.add_argument("--encrypt-to", metavar="RECIPIENT",
                            help="Encrypt the file to this GPG public key (its e-mail address or fingerprint), so "
                                 "only the holder of the private key can read it once it leaves the host.")

    def handle(self, *args, output, encrypt_to=None, **options):
        try:
            manifest = create_backup(output, encrypt_to=encrypt_to)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Backed up the {manifest['engine']} database and {manifest['media_files']} media file(s), {manifest.get('private_files', 0)} answer photo(s) to {output}"
            + (f", encrypted to {encrypt_to}." if encrypt_to else ".")))
