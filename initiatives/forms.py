"""The initiative record's admin form."""

from wagtail.admin.forms import WagtailAdminModelForm

PAPER_PERMISSION = "initiatives.record_paper_statements"


class InitiativeForm(WagtailAdminModelForm):
    """Only users with the permission to record paper statements see or change the batches
    (the panel is hidden from others: models.records.Initiative.panels). For anyone else the
    formset is left out of the form, so nothing they post can touch the batches."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or not self.for_user.has_perm(PAPER_PERMISSION):
            self.formsets.pop("paper_batches", None)
