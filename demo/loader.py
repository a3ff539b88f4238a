"""Builds the demo site in every content language that has demo text (English, Bulgarian, Romanian).

Idempotent: a page, snippet or record that already exists is left as it is, so a second run
changes nothing and duplicates nothing. Translations are made through wagtail-localize, so each
one stays linked to its source and translators can keep working on it in the admin.
"""

import datetime
import json
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.crypto import PrivateKey
from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import (
    ContactFormField,
    ContactPage,
    HomeFeaturedInitiative,
    HomePage,
    SiteIdentity,
    StandardPage,
)
from initiatives import collection_routes
from initiatives.daily import CENTRAL, forget_past_days
from initiatives.figures import forget_snapshot
from initiatives.models import (
    CentralReading,
    ExternalCount,
    Initiative,
    InitiativeIndexPage,
    InitiativePage,
    InitiativeTopic,
    Organiser,
    PaperBatch,
    Topic,
)
from news.models import NewsIndexPage, NewsPage
from petitions.models import Petition, PetitionIndexPage, PetitionPage
from signing.models import SigningPage
from signing.services import sealed_statement, store_and_count

from . import content

SOURCE_LANGUAGE = "en"
# What a demo record lists besides its own fields.
RECORD_RELATIONS = (
    "organisers", "external_counts", "paper_batches", "formerly", "certificate_of_conformity",
    "demo_statements",
)  # fmt: skip
# What the loader corrects in a record an earlier demo left off the law's route
# (initiatives.collection_routes): the route and the dates that decide it.
ROUTE_FIELDS = (
    "registration_number", "registration_date", "collection_start", "collection_end", "status",
    "collection", "external_system_url", "test_collection", "legal_hold_reason",
)  # fmt: skip

about, central_readings, guidance, initiatives, petitions, site = (
    content.load(part)
    for part in ("about", "central_readings", "guidance", "initiatives", "petitions", "site")
)


class DemoLoader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.created = 0
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.source_locale, _ = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
        # Only languages the demo has text for; others are for translators to fill in.
        self.target_locales = [
            Locale.objects.get_or_create(language_code=code)[0]
            for code in codes
            if code != SOURCE_LANGUAGE and code in site.HOME
        ]

    def run(self):
        identity = self.snippet(SiteIdentity, SiteIdentity.objects.first(), site.IDENTITY)
        topics = {
            spec["slug"]: self.snippet(
                Topic,
                Topic.objects.filter(slug=spec["slug"], locale=self.source_locale).first(),
                {code: {"name": spec[code], "slug": spec["slug"]} for code in site.HOME},
            )
            for spec in initiatives.TOPICS
        }
        home = self.home_page()
        self.page(home, StandardPage, "about", about.ABOUT, menu=True, children=[
            (StandardPage, "civic-platform-open-government", about.OPEN_GOVERNMENT, {}),
            (StandardPage, "bg-ro-e-governet", about.E_GOVERNET, {}),
        ])  # fmt: skip
        initiative_index = self.page(
            home, InitiativeIndexPage, "initiatives", site.INITIATIVE_INDEX, menu=True
        )
        initiative_pages = [
            self.initiative(initiative_index, spec, topics) for spec in initiatives.INITIATIVES
        ]
        self.central_readings()
        guidance_index = self.page(
            home, GuidanceIndexPage, "organise", site.GUIDANCE_INDEX, menu=True
        )
        self.page(guidance_index, GuidancePage, "prepare-online-collection-system",
                  guidance.PREPARE, children=[
            (GuidancePage, "hosting-by-the-commission", guidance.HOSTING, {}),
            (GuidancePage, "certification", guidance.CERTIFICATION, {}),
        ])  # fmt: skip
        self.page(home, StandardPage, "more-information", about.MORE_INFORMATION, menu=True,
                  children=[
            (StandardPage, "privacy", about.PRIVACY, {}),
            (StandardPage, "accessibility", about.ACCESSIBILITY, {}),
        ])  # fmt: skip
        news_index = self.page(home, NewsIndexPage, "news", site.NEWS_INDEX)
        for item in site.NEWS:
            self.page(news_index, NewsPage, item["slug"], item, extra={"date": item["date"]})
        privacy = StandardPage.objects.get(slug="privacy", locale=self.source_locale)
        for page, spec in zip(initiative_pages, initiatives.INITIATIVES, strict=True):
            # A central-system initiative's signing page holds its call to sign and widget.
            if page.initiative.collects_on_site or page.initiative.collects_on_central_system:
                self.page(page, SigningPage, "sign", initiatives.SIGNING_PAGE,
                          extra={"privacy_page": privacy})  # fmt: skip
            if page.initiative.collects_on_site:
                self.demo_key(page.initiative)
                self.demo_statements(page.initiative, spec["record"].get("demo_statements", []))
        self.contact_page(home)
        self.feature(home, initiative_pages[:2])
        self.petitions(home)
        self.stdout.write(
            f"Demo content ready ({self.created} objects created; site name: {identity})."
        )

    # --- Pages ------------------------------------------------------------------------------

    def home_page(self):
        site_record = Site.objects.filter(is_default_site=True).first()
        if site_record and isinstance(site_record.root_page.specific, HomePage):
            return site_record.root_page.specific
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a "Welcome" page where the home page belongs.
        for welcome in root.get_children().filter(slug="home").exact_type(Page):
            welcome.delete()
        home = self.create_page(root, HomePage, "home", site.HOME[SOURCE_LANGUAGE], {})
        if site_record:
            site_record.root_page = home
            site_record.site_name = site.IDENTITY[SOURCE_LANGUAGE]["site_name"]
            site_record.save()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True,
                site_name=site.IDENTITY[SOURCE_LANGUAGE]["site_name"],
            )  # fmt: skip
        self.translate_all(home, site.HOME)
        return home

    def page(self, parent, model, slug, texts, menu=False, extra=None, children=()):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            fields = {**texts[SOURCE_LANGUAGE], **(extra or {}), "show_in_menus": menu}
            page = self.create_page(parent, model, slug, fields, {})
            self.translate_all(page, texts)
        for child_model, child_slug, child_texts, child_extra in children:
            self.page(page, child_model, child_slug, child_texts, extra=child_extra)
        return page

    def create_page(self, parent, model, slug, fields, relations):
        page = model(slug=slug, locale=self.source_locale, **self.stored(model, fields))
        for name, objects in relations.items():
            setattr(page, name, objects)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def initiative(self, index, spec, topics):
        record = spec["record"]
        numbers = [record["registration_number"], record.get("formerly")]
        initiative = Initiative.objects.filter(registration_number__in=numbers).first()
        if initiative is not None:
            self.onto_the_route(initiative, record)
        else:
            initiative = Initiative(
                is_demonstration=True,
                certificate_of_conformity=self.certificate(record),
                **{k: v for k, v in record.items() if k not in RECORD_RELATIONS},
            )
            initiative.organisers = [
                Organiser(name=name, country=country, role=role, email=email)
                for name, country, role, email in record["organisers"]
            ]
            initiative.external_counts = [
                ExternalCount(country=country, count=count)
                for country, count in record.get("external_counts", {}).items()
            ]
            initiative.save()
            self.created += 1
        self.paper_batches(initiative, record.get("paper_batches", []))
        page = InitiativePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            page = self.create_page(
                index,
                InitiativePage,
                spec["slug"],
                {**spec[SOURCE_LANGUAGE], "initiative": initiative},
                {"topic_links": [InitiativeTopic(topic=topics[slug]) for slug in spec["topics"]]},
            )
            self.translate_all(page, spec)
        return page

    def onto_the_route(self, initiative, record):
        """Move a record an earlier demo made onto the law's route: the central system for one
        registered from 2023, a 2022 registration for the closed own-system one (its former
        number), the test collection's purpose. A record on its route is left as it is."""
        off_route = (
            initiative.registration_number != record["registration_number"]
            or (initiative.collects_on_site and collection_routes.on_site_refusals(initiative))
            or (
                not initiative.collects_on_central_system
                and record["collection"] == Initiative.Collection.CENTRAL
            )
            or initiative.test_collection != record.get("test_collection", "")
        )
        if not off_route:
            return
        for name in ROUTE_FIELDS:
            setattr(initiative, name, record.get(name, ""))
        initiative.certificate_of_conformity = self.certificate(record)
        initiative.save()
        self.created += 1

    def certificate(self, record):
        """The demo's certificate of conformity: a one-page PDF saying it is a demonstration,
        made once (a Wagtail document, published on the signing page)."""
        name = record.get("certificate_of_conformity")
        if not name:
            return None
        documents = get_document_model()
        title = f"Certificate of conformity, {record['registration_number']} (demonstration)"
        document = documents.objects.filter(title=title).first()
        if document is None:
            document = documents(title=title, collection=Collection.get_first_root_node())
            document.file.save(name, ContentFile(demo_pdf(title)), save=False)
            document.save()
            self.created += 1
        return document

    def demo_statements(self, initiative, statements):
        """Statements for the export demo, encrypted to the demo key like signed ones, on the
        days given, once (only while the initiative has none)."""
        if not statements or initiative.statements.exists():
            return
        for given in statements:
            data = {k: v for k, v in given.items() if k != "submitted_on"}
            country = data["country"]
            if "document_number" in data:  # Part B: the document; Part A: name and birth
                identity = f"{country}|{data['document_type']}|{data['document_number']}"
            else:
                identity = f"{country}|{data['family_names']}|{data['date_of_birth']}"
            statement = sealed_statement(
                initiative, country, data, identity, submitted_on=given["submitted_on"],
                language=SOURCE_LANGUAGE, page_revision_id=None, partner="",
            )  # fmt: skip
            store_and_count(statement, initiative)
            self.created += 1

    def paper_batches(self, initiative, batches):
        """The demo's paper batches, each added once (also to a record made by an earlier
        version of the demo), so that the paper figures show."""
        for batch in batches:
            _batch, created = PaperBatch.objects.get_or_create(
                initiative=initiative,
                country=batch["country"],
                collected_on=batch["collected_on"],
                defaults={"count": batch["count"]},
            )
            self.created += created

    def petitions(self, home):
        index = self.page(home, PetitionIndexPage, "petitions", petitions.PETITION_INDEX, menu=True)
        for spec in petitions.PETITIONS:
            record = Petition.objects.filter(name=spec["record"]["name"]).first()
            if record is None:
                key = self.demo_key_file(f"petition-{spec['slug']}")
                record = Petition.objects.create(**spec["record"], public_key=key.public_key_text())
                self.created += 1
            self.page(index, PetitionPage, spec["slug"], spec, extra={"petition": record})

    def central_readings(self):
        """The shipped history of readings of the central system (central_readings.json), each
        reading added once, so that the pages show figures offline: the periodic job then fails
        politely and the last shipped reading stays, with its time."""
        for number, history in vars(central_readings).items():
            initiative = Initiative.objects.filter(registration_number=number).first()
            if initiative is None:  # also the file's "_about"
                continue
            kept = set(initiative.central_readings.values_list("read_at", flat=True))
            new = [
                CentralReading(
                    initiative=initiative,
                    read_at=datetime.datetime.fromisoformat(moment),
                    total=sum(figures),
                    countries=dict(zip(history["countries"], figures, strict=True)),
                    source=CentralReading.Source.REGISTER,
                )
                for moment, figures in history["readings"]
                if datetime.datetime.fromisoformat(moment) not in kept
            ]
            if new:
                # Saved in bulk, without the signals: say what they would have said.
                CentralReading.objects.bulk_create(new)
                forget_past_days(CENTRAL, initiative.pk)
                forget_snapshot()
                self.created += len(new)

    def demo_key(self, initiative):
        """A key pair for a demo initiative; its private file goes under DEMO_KEY_DIR (ignored
        by git), so a new user can sign and then export with the organisers' tools."""
        if initiative.public_key:
            return
        key = self.demo_key_file(slugify(initiative.registration_number))
        initiative.public_key = key.public_key_text()
        initiative.save()

    def demo_key_file(self, name):
        """A new key pair whose private file is `name`.key.json under DEMO_KEY_DIR."""
        key = PrivateKey.generate()
        path = Path(settings.DEMO_KEY_DIR) / f"{name}.key.json"
        # A file left by an earlier demo database belongs to a key that database took with it.
        key.write_file(path, content.DEMO_KEY_PASSPHRASE, replace=True)
        self.stdout.write(f"Demo private key: {path} (passphrase: {content.DEMO_KEY_PASSPHRASE!r})")
        return key

    def contact_page(self, home):
        if ContactPage.objects.child_of(home).filter(slug="contact").exists():
            return
        texts = {
            code: {
                **{k: v for k, v in values.items() if k != "fields"},
                "form_fields": self.form_fields(values["fields"]),
            }
            for code, values in site.CONTACT.items()
        }
        source = texts[SOURCE_LANGUAGE]
        page = self.create_page(
            home,
            ContactPage,
            "contact",
            {k: v for k, v in source.items() if k != "form_fields"},
            {"form_fields": source["form_fields"]},
        )
        self.translate_all(page, texts)

    @staticmethod
    def form_fields(texts):
        return [
            ContactFormField(
                sort_order=order,
                label=label,
                help_text=help_text,
                field_type=kind,
                required=required,
            )  # fmt: skip
            for order, ((label, help_text), (kind, required)) in enumerate(
                zip(texts, site.CONTACT_FIELD_KINDS, strict=True)
            )
        ]

    def feature(self, home, pages):
        if home.featured_initiatives.exists():
            return
        home.featured_initiatives = [HomeFeaturedInitiative(initiative=page) for page in pages]
        home.save_revision().publish()
        # The links are synchronised to the translations: update them from the new source.
        source, _ = TranslationSource.update_or_create_from_instance(home)
        for translation in Translation.objects.filter(source=source):
            self.save_target(translation, home)

    # --- Snippets ---------------------------------------------------------------------------

    def snippet(self, model, existing, texts):
        if existing is not None:
            return existing
        instance = model(locale=self.source_locale, **texts[SOURCE_LANGUAGE])
        instance.save()
        self.created += 1
        self.translate_all(instance, texts)
        return instance

    # --- Translation through wagtail-localize --------------------------------------------------

    def translate_all(self, instance, texts):
        for locale in self.target_locales:
            if instance.get_translation_or_none(locale) is None:
                self.translate(instance, locale, texts[locale.language_code])

    def translate(self, instance, locale, values):
        """Give wagtail-localize a translation for each of the source's segments, then save.

        The translated text comes as field values shaped like the source's; extracting segments
        from an unsaved copy carrying those values yields the translations in the source's
        segment order.
        """
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        model = type(instance)
        target = model.objects.get(pk=instance.pk)
        for name, value in self.stored(model, values).items():
            setattr(target, name, value)
        translated = [
            segment.string.data
            for segment in extract_segments(target)
            if isinstance(segment, StringSegmentValue)
        ]
        segments = list(
            StringSegment.objects.filter(source=source)
            .order_by("order")
            .select_related("string", "context")
        )
        if len(segments) != len(translated):
            raise ValueError(
                f"{instance}: {len(segments)} source segments but {len(translated)} translated "
                f"for {locale.language_code}; the demo texts must have the same shape."
            )
        for segment, text in zip(segments, translated, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
        self.save_target(translation, instance)
        self.created += 1

    @staticmethod
    def save_target(translation, instance):
        """Save the translation and, for pages, publish it now.

        wagtail-localize defers publishing a page to the end of the transaction, where it would
        publish a stale copy of the page (losing its children count) and never run in tests.
        """
        if not isinstance(instance, Page):
            translation.save_target(publish=True)
            return
        translation.save_target(publish=False)
        target = instance.get_translation(translation.target_locale)
        target.get_latest_revision().publish()

    @staticmethod
    def stored(model, fields):
        """Field values as the model stores them (StreamFields from their JSON form)."""
        return {
            name: json.dumps([{**block, "id": str(uuid.uuid4())} for block in value])
            if isinstance(model._meta.get_field(name), StreamField)
            else value
            for name, value in fields.items()
        }


def demo_pdf(title):
    """A one-page PDF (1.4) holding `title` and a line saying it certifies nothing: the demo's
    stand-in for the certificate an authority issues (Annex IV of Regulation (EU) 2019/788)."""
    lines = [title, "Demonstration only: this document certifies nothing."]
    text = (
        "BT /F1 14 Tf 72 760 Td "
        + " 0 -24 Td ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, pdf_object in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{pdf_object}\nendobj\n".encode("latin-1")
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return body
