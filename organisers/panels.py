"""The admin home's panel for the organisers: each collection in progress that the user
organises (all of them for a superuser, as in the Collection list), its count as the public pages
show it, and its next deadline; the petitions open for signatures likewise."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from core.access import organised_by
from initiatives.deadlines import deadline_list
from initiatives.figures import figures_by_initiative
from initiatives.models import Initiative
from petitions.figures import with_totals
from petitions.models import Petition

CLOSING_FIRST = F("closes_on").asc(nulls_last=True)


class CollectionsPanel(Component):
    name = "collections_in_progress"
    title = _("Collections in progress")
    order = 50
    template_name = "organisers/home_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "rows": self.initiative_rows(today),
            "petitions": self.open_petitions(today),
            "title": self.title,
        }

    def initiative_rows(self, today):
        collecting = Initiative.objects.filter(
            collection=Initiative.Collection.ON_SITE, status=Initiative.Status.COLLECTING
        )
        initiatives = list(organised_by(self.user, collecting).order_by("collection_end"))
        figures = figures_by_initiative(initiatives, exact=True)[0] if initiatives else {}
        rows = []
        for initiative in initiatives:
            ahead = [
                item for item in deadline_list(initiative) if item.day >= today and not item.done
            ]
            rows.append(
                {
                    "initiative": initiative,
                    "total": sum(f.total for f in figures.get(initiative.pk, {}).values()),
                    "next": ahead[0] if ahead else None,
                }
            )
        return rows

    def open_petitions(self, today):
        organised = organised_by(self.user, Petition.objects.order_by(CLOSING_FIRST, "name"))
        return with_totals([petition for petition in organised if petition.is_open_on(today)])
