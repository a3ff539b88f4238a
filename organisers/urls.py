from django.urls import path

from . import batches, paper, petition_views, views

app_name = "collection"
urlpatterns = [
    path("", views.CollectionIndex.as_view(), name="index"),
    path("<int:pk>/", views.CollectionDashboard.as_view(), name="dashboard"),
    path("<int:pk>/bundle/", views.DownloadBundle.as_view(), name="bundle"),
    path("<int:pk>/destroy/", views.DestroyStatements.as_view(), name="destroy"),
    path("<int:pk>/paper/", paper.KeyInPaperStatement.as_view(), name="paper"),
    path("<int:pk>/paper-batch/", batches.RecordPaperBatch.as_view(), name="paper_batch"),
    # A petition's, by <int:petition_pk> (tests/organisers/test_petitions.py finds them by it).
    path(
        "petition/<int:petition_pk>/",
        petition_views.PetitionDashboard.as_view(),
        name="petition_dashboard",
    ),
    path(
        "petition/<int:petition_pk>/bundle/",
        petition_views.DownloadPetitionBundle.as_view(),
        name="petition_bundle",
    ),
]
