from django.urls import path

from . import batches, paper, views

app_name = "collection"
urlpatterns = [
    path("", views.CollectionIndex.as_view(), name="index"),
    path("<int:pk>/", views.CollectionDashboard.as_view(), name="dashboard"),
    path("<int:pk>/bundle/", views.DownloadBundle.as_view(), name="bundle"),
    path("<int:pk>/destroy/", views.DestroyStatements.as_view(), name="destroy"),
    path("<int:pk>/paper/", paper.KeyInPaperStatement.as_view(), name="paper"),
    path("<int:pk>/paper-batch/", batches.RecordPaperBatch.as_view(), name="paper_batch"),
]
