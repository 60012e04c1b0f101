from django.urls import path, re_path

from . import views

app_name = "practice"

urlpatterns = [
    path("articles/<slug:slug>/practice/", views.article_practice, name="article"),
    re_path(r"^editions/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/quiz/$", views.edition_quiz, name="edition"),
    re_path(r"^editions/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/quiz/print/$", views.printable_quiz,
            name="edition_print"),
    re_path(r"^editions/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/quiz/key/$", views.quiz_key, name="edition_key"),
    path("practice/attempts/<uuid:public_id>/", views.attempt_detail, name="attempt"),
    path("practice/attempts/<uuid:public_id>/report/", views.report_problem, name="report"),
    path("practice/attempts/<uuid:public_id>/counsellor/", views.talk_to_counsellor, name="counsellor"),
    path("practice/", views.practice_index, name="index"),
]
