"""The admin home's panel for the organisers: each collection in progress on this site, its
count as the public pages show it, and its next deadline."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from initiatives.deadlines import deadline_list
from initiatives.figures import figures_by_initiative
from initiatives.models import Initiative


class CollectionsPanel(Component):
    name = "collections_in_progress"
    title = _("Collections in progress")
    order = 50
    template_name = "organisers/home_panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        initiatives = list(
            Initiative.objects.filter(
                collection=Initiative.Collection.ON_SITE, status=Initiative.Status.COLLECTING
            ).order_by("collection_end")
        )
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
        return {"rows": rows, "title": self.title}
