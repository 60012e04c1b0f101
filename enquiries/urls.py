from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("enquiry/", views.enquiry_form, name="form"),
    path("enquiry/thanks/", views.thanks, name="thanks"),
    path("privacy/", views.privacy, name="privacy"),
]
