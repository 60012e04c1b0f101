from django.db import models


class HealthProbe(models.Model):
    """One row that /healthz rewrites, to prove the database takes writes (a read-only disk or a replica
    in recovery answers reads but not writes)."""

    checked_at = models.DateTimeField()

    class Meta:
        verbose_name = "health probe"
