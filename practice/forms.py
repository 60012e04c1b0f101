from django import forms


class CounsellorCallbackForm(forms.Form):
    """"Talk to a counsellor about your preparation", from a practice result. The number and the consent are
    checked by the enquiry service, like every other enquiry."""

    name = forms.CharField(max_length=100, label="Your name")
    phone = forms.CharField(max_length=25, label="Mobile number")
    share_score = forms.BooleanField(required=False, label="Share my score on this quiz with the counsellor")
    consent = forms.BooleanField(required=False)
    # Left empty by people; bots fill every field they find.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
