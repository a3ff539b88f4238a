"""A petition's figures: the confirmed signatures and those collected on paper (the organisers'
batches), in all, per country of residence and per day; and the online ones per partner.

Only confirmed signatures count online. The pages, the widget and the open counts (JSON and
CSV) read `figures_for`: counted at most once per third of PUBLIC_COUNTS_SECONDS and shared by
every process, as the initiatives' public figures are. The page cache (core.page_cache) keeps
the pages themselves, but not a page asked with a query string (a partner's link): requests
alone must never set off a count.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone

from .models.records import PaperBatch, Signature


@dataclass(frozen=True)
class Figures:
    total: int  # online and paper
    paper: int
    target: int
    countries: dict  # country code ("XX": another country) → signatures, most first
    days: list  # [(date, signatures confirmed or collected on paper that day)], oldest first
    # [(code, name, signatures)] for every partner (and every code signatures still carry,
    # named by its code), most signatures first.
    partners: list
    taken_at: object

    @property
    def percent(self):
        return min(100, round(100 * self.total / self.target)) if self.target else 0


def figures_for(petition):
    key = f"petition-figures:{petition.pk}"
    figures = cache.get(key)
    if figures is None:
        figures = counted(petition)
        cache.set(key, figures, max(1, settings.PUBLIC_COUNTS_SECONDS // 3))
    return figures


def counting(**petitions):
    """What counts for the petitions a filter selects (`petition=…` or `petition__in=…`): the
    confirmed signatures, and the paper batches. The one rule of `counted` and `with_totals`."""
    confirmed = Signature.objects.filter(confirmed_on__isnull=False, **petitions)
    return confirmed, PaperBatch.objects.filter(**petitions).order_by()


def counted(petition):
    confirmed, paper = counting(petition=petition)
    countries = Counter(
        dict(confirmed.exclude(country="").values_list("country").annotate(n=Count("id")))
    ) + Counter(dict(paper.exclude(country="").values_list("country").annotate(n=Sum("count"))))
    days = Counter(
        dict(confirmed.values_list("confirmed_on").annotate(n=Count("id")).order_by())
    ) + Counter(dict(paper.values_list("collected_on").annotate(n=Sum("count"))))
    return Figures(
        total=sum(days.values()),
        paper=paper.aggregate(n=Sum("count"))["n"] or 0,
        target=petition.target,
        countries=dict(sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
        days=sorted(days.items()),
        partners=per_partner(petition, confirmed),
        taken_at=timezone.now(),
    )


def with_totals(petitions):
    """`petitions` (a list), each given its `total` as `counted` gives it, in two queries
    whatever their number (the organisers' lists)."""
    confirmed, paper = counting(petition__in=[petition.pk for petition in petitions])
    online = dict(confirmed.values_list("petition").annotate(n=Count("id")).order_by())
    on_paper = dict(paper.values_list("petition").annotate(n=Sum("count")))
    for petition in petitions:
        petition.total = online.get(petition.pk, 0) + on_paper.get(petition.pk, 0)
    return petitions


def per_partner(petition, confirmed):
    names = dict(petition.partners.values_list("code", "name"))
    counted = dict(
        confirmed.exclude(partner="").values_list("partner").annotate(n=Count("id")).order_by()
    )
    rows = [(code, names.get(code, code), counted.get(code, 0)) for code in names | counted]
    return sorted(rows, key=lambda row: (-row[2], row[1].lower()))
