"""An initiative's partners: organisations that embed its widget or signing form on their own
sites and link to it with their code, so that the statements they bring are counted for them.

A partner holds no personal data: a name of an organisation, a code, a site's origin.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .records import Initiative, optional_text


def normalise_origin(value):
    """`scheme://host[:port]` as browsers compare origins: lower case, without the scheme's
    default port; a single trailing slash is dropped. ValidationError for anything else (a
    path, a query, credentials, another scheme): frame-ancestors must name exact origins."""
    value = value.strip()
    message = _(
        "Enter an origin such as https://www.example.org, with nothing after the host name or port."
    )
    try:
        URLValidator(schemes=["http", "https"])(value)
        parts = urlsplit(value)
        port = parts.port
    except (ValidationError, ValueError):
        raise ValidationError(message, code="invalid_origin") from None
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValidationError(message, code="invalid_origin")
    default_port = {"http": 80, "https": 443}[parts.scheme.lower()]
    host = parts.hostname
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    port_part = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme.lower()}://{host}{port_part}"


class AbstractPartner(Orderable):
    """An organisation campaigning for a collection (an initiative, a petition): its code is
    kept with what is signed through its widget, its form or its links; its site may frame the
    signing form. Each collection's partners are an inline of its record (a ParentalKey)."""

    name = models.CharField(max_length=200, verbose_name=_("organisation"))
    code = models.SlugField(
        max_length=40,
        verbose_name=_("partner code"),
        help_text=_(
            "Stored with the statements signed through this partner's links. Do not change it "
            "once statements carry it."
        ),
    )
    origin = optional_text(
        200,
        _("site allowed to embed the signing form"),
        _(
            "For example https://www.example.org. Only the sites listed here may show the "
            "signing form in a frame."
        ),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code")]), FieldPanel("origin")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        if self.origin:
            try:
                self.origin = normalise_origin(self.origin)
            except ValidationError as error:
                raise ValidationError({"origin": error}) from None


class Partner(AbstractPartner):
    """An initiative's partner: its code is stored with the statements it brought."""

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="partners")

    class Meta(AbstractPartner.Meta):
        constraints = [
            models.UniqueConstraint(fields=["initiative", "code"], name="one_partner_per_code")
        ]


class ClickThroughCounter(models.Model):
    """How many times a call to sign sent someone to the Commission's central system, per
    partner ("" for the site's own pages): a number, nothing about anyone (no address, time,
    cookie or agent is kept). Spread over shards like the statement counters
    (initiatives.counters), so that a rush of clicks does not queue on one row's lock."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    partner = models.CharField(max_length=40, blank=True)
    shard = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("click-throughs to the central system")
        verbose_name_plural = _("click-throughs to the central system")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "partner", "shard"], name="one_click_counter_per_shard"
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}/{self.partner or '-'}/{self.shard}: {self.count}"
