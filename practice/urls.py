from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("articles/<slug:slug>/practice/", views.article_practice, name="article"),
    path("practice/attempts/<uuid:public_id>/", views.attempt_detail, name="attempt"),
    path("practice/attempts/<uuid:public_id>/report/", views.report_problem, name="report"),
    path("practice/attempts/<uuid:public_id>/counsellor/", views.talk_to_counsellor, name="counsellor"),
    path("practice/history/", views.history, name="history"),
]
