from django.urls import path

from . import views

app_name = "answers"

urlpatterns = [
    path("articles/<slug:slug>/answer/<int:pk>/", views.write, name="write"),
    path("answers/<str:link>/", views.answer_page, name="answer"),
    path("answers/<str:link>/counsellor/", views.talk_to_counsellor, name="counsellor"),
    path("answers/<str:link>/photos/<int:position>.jpg", views.photo, name="photo"),
    path("answers/<str:link>/delete/", views.delete, name="delete"),
]
