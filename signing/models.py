"""Statements of support and the counters that make reading progress cheap."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportCounter(models.Model):
    """Statements per initiative and country, spread over shards.

    A signing rush usually means every signer supports the same initiative for the same country:
    one counter row would make all of them queue on its lock. Each statement increments one of
    `signing.counters.SHARDS` rows chosen at random instead, and readers add the shards up.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    country = models.CharField(max_length=2)
    shard = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("support counter")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "country", "shard"], name="one_counter_per_shard"
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}/{self.country}/{self.shard}: {self.count}"
