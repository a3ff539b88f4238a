"""The admin form of the registered initiative: what collecting on this site requires, and
who may record paper batches; the initiative page's form: what no language version may change.

An initiative cannot be saved as collecting on this site without a collection window, the
organisers' public key and the organisers the regulation requires (Regulation (EU) 2019/788,
Article 5(1) and (3): a group of at least seven natural persons resident in at least seven member
states, one representative and one substitute as contact persons). Each missing piece gets its
own message on the field it concerns.

Where the record may collect online at all is the law's route (initiatives.collection_routes):
"On this site" is refused to a record the law sends to the Commission's central system, and to
an own system outside its collection period or without its certificate of conformity; each
refusal names its rule, in the editor's language.
"""

from types import SimpleNamespace

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText

from core.access import is_organiser, may

from . import collection_routes
from .countries import countries_in_reading_order
from .paper_days import refuse_days_outside

# Only users with this permission see or change the paper batches (Initiative.panels).
PAPER_PERMISSION = "initiatives.record_paper_statements"
ORGANISERS_REQUIRED = 7
MEMBER_STATES_OF_ORGANISERS_REQUIRED = 7

REQUIRED_FOR_COLLECTING = {
    "collection_start": _(
        "An initiative collecting on this site needs the start of its collection."
    ),
    "collection_end": _("An initiative collecting on this site needs the end of its collection."),
    "public_key": _(
        "An initiative collecting on this site needs the organisers' public key: no statement "
        "can be stored without it."
    ),
}


class OrganisersPanel(MultiFieldPanel):
    """A panel shown only to the initiative's organisers (and superusers) who hold its
    `permission`."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            # The organiser first: the children of a panel not shown are never bound (the
            # form leaves their formset out).
            return is_organiser(self.request.user, self.instance) and super().is_shown()


def in_reading_order(form_class):
    """`form_class` with its member states in the active language's order (one formset's)."""
    countries = [("", "---------"), *countries_in_reading_order()]

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        self.fields["country"].choices = countries

    return type(form_class.__name__, (form_class,), {"__init__": __init__, "countries": countries})


class InitiativeAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The panel is hidden from users without the permission or not organisers of this
        # initiative (OrganisersPanel); the formset is left out of their form as well, so that
        # nothing they post can touch the batches.
        if self.for_user is None or not may(self.for_user, PAPER_PERMISSION, self.instance):
            self.formsets.pop("paper_batches", None)
        # The member states in the editor's language's alphabetical order (ICU), not by code:
        # the form classes, and the choices they took from the model, are built once.
        for formset in self.formsets.values():
            if "country" in formset.form.base_fields:
                formset.form = in_reading_order(formset.form)
                for form in formset.forms:
                    form.fields["country"].choices = formset.form.countries

    def clean(self):
        cleaned = super().clean()
        initiative = self._meta.model
        collecting_here = (
            cleaned.get("status") == initiative.Status.COLLECTING
            and cleaned.get("collection") == initiative.Collection.ON_SITE
        )
        if collecting_here:
            for name, message in REQUIRED_FOR_COLLECTING.items():
                if name in self.fields and not cleaned.get(name):
                    self.add_error(name, message)
            for message in self.organisers_missing():
                self.add_error("status", message)
        self.clean_route(cleaned, collecting_here)
        if "paper_batches" in self.formsets:
            refuse_days_outside(
                self.formsets["paper_batches"],
                cleaned.get("collection_start"),
                cleaned.get("collection_end"),
            )
        return cleaned

    def clean_route(self, cleaned, collecting_here):
        """The law's route (initiatives.collection_routes), on the values as they would be saved."""
        if not cleaned.get("registration_date"):
            return  # the field has its own error
        initiative = self._meta.model
        certificate = cleaned.get("certificate_of_conformity")
        record = SimpleNamespace(
            **{name: cleaned.get(name) for name in ("registration_date", "collection_start",
                                                     "collection_end", "test_collection")},
            certificate_of_conformity_id=certificate.pk if certificate else None,
        )  # fmt: skip
        collection = cleaned.get("collection")
        if record.test_collection and collection != initiative.Collection.ON_SITE:
            self.add_error(
                "test_collection",
                _("A test collection collects on this site: choose “On this site”."),
            )
        if collection == initiative.Collection.EXTERNAL and collection_routes.central_system_only(
            record
        ):
            self.add_error("collection", collection_routes.central_system_message())
        if collection != initiative.Collection.ON_SITE:
            return
        for name, message in collection_routes.on_site_refusals(record):
            if name == "certificate_of_conformity" and not collecting_here:
                continue  # uploaded before the collection opens
            self.add_error(name if name in self.fields else None, message)

    def organisers_missing(self):
        formset = self.formsets["organisers"]
        formset.is_valid()  # cleans the organisers' forms, whose data the checks read
        organisers = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        roles = [organiser.get("role") for organiser in organisers]
        countries = {organiser.get("country") for organiser in organisers}
        role = formset.model.Role
        if (
            len(organisers) < ORGANISERS_REQUIRED
            or len(countries) < MEMBER_STATES_OF_ORGANISERS_REQUIRED
        ):
            yield _(
                "Collecting on this site needs a group of at least seven organisers resident in "
                "at least seven member states (Regulation (EU) 2019/788, Article 5)."
            )
        if roles.count(role.REPRESENTATIVE) != 1 or roles.count(role.SUBSTITUTE) != 1:
            yield _(
                "Collecting on this site needs one representative and one substitute among the "
                "organisers, as contact persons (Regulation (EU) 2019/788, Article 5)."
            )


class LockedFieldPanel(FieldPanel):
    """A field the page's form may lock for one page (InitiativePageForm.locked): it is then
    left out of the form, so nothing posted can change it, and shown read only."""

    def format_value_for_display(self, value):
        # A RichTextField holds its HTML as a string; Wagtail shows rich text read only as its
        # text, never its markup, when it is given as RichText.
        if isinstance(self.db_field, RichTextField) and isinstance(value, str):
            value = RichText(value)
        return super().format_value_for_display(value)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                self.heading = capfirst(self.panel.db_field.verbose_name)
                self.help_text = self.form.locked.get(self.field_name, "")


class LockedTitlePanel(LockedFieldPanel, TitleFieldPanel):
    class BoundPanel(LockedFieldPanel.BoundPanel, TitleFieldPanel.BoundPanel):
        pass


REGISTERED_TEXT_LOCKED = _(
    "The Commission's registered text in this language: no edit or translation can change it. "
    "Import the initiative from the register again to update it."
)

SAME_RECORD = _(
    "Every language version of this page shows the same initiative; it cannot point at "
    "another record."
)


class InitiativePageForm(WagtailAdminPageForm):
    """The initiative page's form: each topic once; and locked, what no language version may
    change: the registered title and objectives of an initiative imported from the register, and
    the record once other language versions share it. The model enforces the same
    (InitiativePage.clean); the form shows it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        self.locked = {}
        if page.pk and page.initiative_id and page.registered_text() is not None:
            self.locked |= dict.fromkeys(("title", "objectives"), REGISTERED_TEXT_LOCKED)
        if page.pk and page.shares_its_record():
            self.locked["initiative"] = SAME_RECORD
        for name in self.locked:
            self.fields.pop(name, None)

    def clean(self):
        cleaned = super().clean()
        chosen = set()
        formset = self.formsets.get("topic_links")
        for form in formset.forms if formset else []:
            topic = form.cleaned_data.get("topic") if form.is_valid() else None
            if topic is None or form.cleaned_data.get("DELETE"):
                continue
            if topic.pk in chosen:
                form.add_error("topic", _("This topic is already chosen for this page."))
            chosen.add(topic.pk)
        return cleaned
