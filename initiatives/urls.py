from django.urls import path

from . import views

# Outside the language prefix: the figures are the same in every language.
urlpatterns = [
    path("<str:registration_number>.json", views.counts_json, name="open-counts-json"),
    path(
        "<str:registration_number>/countries.csv",
        views.counts_by_country_csv,
        name="open-counts-countries-csv",
    ),
    path(
        "<str:registration_number>/days.csv", views.counts_by_day_csv, name="open-counts-days-csv"
    ),
    path(
        "<str:registration_number>/partners.csv",
        views.counts_by_partner_csv,
        name="open-counts-partners-csv",
    ),
    path(
        "<str:registration_number>/readings.csv",
        views.counts_readings_csv,
        name="open-counts-readings-csv",
    ),
]
