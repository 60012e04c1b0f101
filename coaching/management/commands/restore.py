from django.core.management.base import BaseCommand, CommandError

from coaching.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Restore a file made by `backup` into the configured database, which must be new and empty, "
            "and its media into MEDIA_ROOT.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file")

    def handle(self, *args, file, **options):
        try:
            manifest = restore_backup(file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Restored the {manifest['engine']} database of {manifest['created_at']} and "
            f"{manifest['media_files']} media file(s), {manifest.get('private_files', 0)} answer photo(s). Run `manage.py migrate` if the code is newer than the backup."))
