"""What the site read of the Commission's central online collection system: every good reading
of an initiative's counts, with its time, and the state of the periodic job per initiative
(initiatives.central_system).

Counts only: a reading holds a total and a figure per member state, never anything about a
person. Readings are kept for the history (the open counts' readings.csv): the central system
and the register give the current figures only.
"""

from django.db import models

from .records import Initiative


class CentralReading(models.Model):
    """A good reading: the total and the member states' figures (the site's country codes),
    which add up to it, never below the reading before (initiatives.central_system)."""

    class Source(models.TextChoices):
        MAP = "map"  # the central system's api/report/map
        REGISTER = "register"  # the register's statements-of-support report (sosReport)

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="central_readings"
    )
    read_at = models.DateTimeField()
    total = models.PositiveIntegerField()
    countries = models.JSONField(default=dict)
    # Where the member states' figures came from (the total is the central system's own).
    source = models.CharField(max_length=10, choices=Source)

    class Meta:
        ordering = ["initiative", "read_at"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "read_at"], name="one_reading_per_time")
        ]

    def __str__(self):
        return f"{self.initiative_id} {self.read_at:%Y-%m-%d %H:%M}: {self.total}"


class CentralSystemState(models.Model):
    """The periodic job's state for one initiative: when it may read next (its period, or a
    back-off after failures), who holds the right to read it now, and what failed since when
    (the organisers' dashboard shows it). Cleared by the next good reading."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="central_system_state"
    )
    # One process reads an initiative at a time: it claims it until then (a conditional UPDATE).
    leased_until = models.DateTimeField(null=True, blank=True)
    next_reading_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)  # in a row, for the back-off
    failing_since = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(max_length=30, blank=True)  # a code of central_system.Failure
    # The failure's figures (status, seconds, totals) and the address that failed; no person.
    failure_details = models.JSONField(default=dict, blank=True)

    def __str__(self):
        return f"{self.initiative_id}: {self.failure or 'ok'}"
