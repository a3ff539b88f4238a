from django.urls import path, register_converter

from . import views


class RegistrationNumber:
    """A registration number as a path holds it: no slash, and no NUL or other control
    character (PostgreSQL refuses a NUL in a query: such a path is no initiative's, 404)."""

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(RegistrationNumber, "registration")

# Outside the language prefix: the figures are the same in every language.
urlpatterns = [
    path("<registration:registration_number>.json", views.counts_json, name="open-counts-json"),
    path(
        "<registration:registration_number>/countries.csv",
        views.counts_by_country_csv,
        name="open-counts-countries-csv",
    ),
    path(
        "<registration:registration_number>/days.csv",
        views.counts_by_day_csv,
        name="open-counts-days-csv",
    ),
    path(
        "<registration:registration_number>/partners.csv",
        views.counts_by_partner_csv,
        name="open-counts-partners-csv",
    ),
    path(
        "<registration:registration_number>/readings.csv",
        views.counts_readings_csv,
        name="open-counts-readings-csv",
    ),
]
