from django import forms
from django.utils.translation import gettext_lazy as _

from enquiries.callbacks import CallbackForm

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


class ReviewForm(forms.Form):
    """The rubric, the remark and the comments; answers/reviewing.py judges the marks and the passages."""

    introduction = forms.CharField(max_length=10, label="Introduction")
    body = forms.CharField(max_length=10, label="Body: content, structure, examples and data")
    conclusion = forms.CharField(max_length=10, label="Conclusion")
    presentation = forms.CharField(max_length=10, label="Presentation")
    remark = forms.CharField(label="Overall remark", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    general_comment = forms.CharField(label="General comment", required=False, max_length=4000,
                                      widget=forms.Textarea(attrs={"rows": 3}),
                                      help_text="For a photographed answer, or anything not tied to a passage.")
    MAX_COMMENTS = 50

    def __init__(self, *args, maximum, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("introduction", "body", "conclusion", "presentation"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "size": 4, "data-rubric-part": ""})
        self.maximum = maximum

    def anchored_comments(self):
        """[(start, end, text)] from the passage comments the page added (start and end as numbers, or None
        for anything that is not one, which the review refuses)."""
        starts, ends = self.data.getlist("comment_start"), self.data.getlist("comment_end")
        texts = self.data.getlist("comment_text")
        return [(_number(start), _number(end), text[:4000])
                for start, end, text in list(zip(starts, ends, texts))[:self.MAX_COMMENTS]]


def _number(raw):
    return int(raw) if raw.isdigit() and len(raw) < 9 else None


class MainsCallbackForm(CallbackForm):
    """"Talk to a counsellor about Mains preparation", from a reviewed answer."""

    share_label = _("Share the marks of this answer with the counsellor")
