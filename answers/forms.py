from django import forms
from django.utils.translation import gettext_lazy as _

from .photos import MAX_PHOTOS

MAX_TEXT = 20_000  # characters: ten times a 250-word answer


class PhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several files at once; each is judged by answers/photos.py, which says what is wrong with it."""

    def clean(self, data, initial=None):
        return [upload for upload in (data if isinstance(data, list) else [data]) if upload]


class AnswerForm(forms.Form):
    """A typed answer or the photos of a handwritten one, and an optional address for the review's news."""

    text = forms.CharField(
        label=_("Your answer"), required=False, max_length=MAX_TEXT, strip=True,
        widget=forms.Textarea(attrs={"rows": 14, "data-answer-text": "", "spellcheck": "true"}))
    photos = PhotosField(
        label=_("…or photos of your handwritten answer"), required=False,
        help_text=_("Up to %(count)s pages, JPEG, PNG or WebP.") % {"count": MAX_PHOTOS},
        widget=PhotosInput(attrs={"accept": "image/jpeg,image/png,image/webp", "capture": "environment"}))
    email = forms.EmailField(label=_("Email (optional)"), required=False, max_length=254,
                             help_text=_("Only to tell you when the review is ready."))
    consent = forms.BooleanField(required=False)
