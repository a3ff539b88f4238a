"""Paper batches recorded from the collection dashboard: how many signed paper forms the
organisers collected in one member state on one day (initiatives.PaperBatch, which the progress
counts). The same batches as the initiative record's, where editors with the permission also
see them; here an organiser records one without opening the record. Each batch is a new
revision of the record (its History says who recorded what), and the member states come in the
organiser's language's order.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from initiatives.countries import countries_in_reading_order
from initiatives.models import PaperBatch
from initiatives.paper_days import OUTSIDE_THE_PERIOD, counts_on

from .views import RECORD_PAPER, InitiativeMixin, followed


class PaperBatchForm(forms.ModelForm):
    class Meta:
        model = PaperBatch
        fields = ["country", "collected_on", "count"]
        widgets = {"collected_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative
        self.fields["country"].choices = [("", "---------"), *countries_in_reading_order()]

    def clean_collected_on(self):
        day = self.cleaned_data["collected_on"]
        initiative = self.instance.initiative
        if not counts_on(day, initiative.collection_start, initiative.collection_end):
            raise forms.ValidationError(OUTSIDE_THE_PERIOD)
        return day


class RecordPaperBatch(InitiativeMixin, FormView):
    permission_required = RECORD_PAPER
    records = staticmethod(followed)  # paper is open to every route, the central system's too
    page_title = _("Record a batch of paper statements")
    template_name = "organisers/paper_batch.html"
    form_class = PaperBatchForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiative": self.initiative}

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        form.save()
        self.initiative.save_revision(user=self.request.user, log_action=True)
        messages.success(self.request, _("The batch of paper statements was recorded."))
        return redirect("collection:dashboard", pk=self.initiative.pk)
