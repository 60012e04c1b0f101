"""Admin forms for editors: where a section's body is checked for real text and positions are filled."""

from django import forms
from django.db.models import F
from django.urls import reverse
from django.utils.html import format_html

from .documents import document_text
from .models import Article, Paper, Relevance, Section
from .sanitize import has_visible_text, same_rich_text


class QueryForm(forms.Form):
    """What someone typed into a search box: at most 100 characters, no control characters, spaces tidied.

    CharField already refuses NUL bytes, which PostgreSQL cannot store or compare.
    """

    MAX_LENGTH = 100

    q = forms.CharField(max_length=MAX_LENGTH, required=False, label="Search words",
                        error_messages={"max_length": "Search for at most %(limit_value)d characters."})

    def clean_q(self):
        words = " ".join(self.cleaned_data["q"].split())
        if any(not character.isprintable() for character in words):
            raise forms.ValidationError("Search for words, without control characters.")
        return words


class RichTextField(forms.CharField):
    """Rich text in which an untouched editor (CKEditor posts `<p>&nbsp;</p>`) counts as empty, so a
    spare inline row is ignored and a required one says it needs text."""

    def to_python(self, value):
        value = super().to_python(value)
        return value if has_visible_text(value) else ""

    def has_changed(self, initial, data):
        # CKEditor re-serialises what it loads (<b> becomes <strong>, tables gain wrappers), so comparing
        # strings would record an untouched section as edited in the history.
        return not same_rich_text(initial or "", self.to_python(data))


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["position", "heading", "body"]
        field_classes = {"body": RichTextField}
        error_messages = {"body": {"required": "Write the section's text: an empty section cannot be saved."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False


class SectionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        self._fill_missing_positions()
        super().clean()

    def _fill_missing_positions(self):
        """Sections left without a position go after the others, in the order they appear."""
        kept = [
            form for form in self.forms
            if (form.has_changed() or form.instance.pk)
            and hasattr(form, "cleaned_data")
            and not self._should_delete_form(form)
        ]
        highest = max([form.cleaned_data.get("position") or 0 for form in kept] or [0])
        for form in kept:
            if not form.cleaned_data.get("position"):
                highest += 1
                form.cleaned_data["position"] = form.instance.position = highest

    def save(self, commit=True):
        if commit and self.instance.pk:
            self._release_positions_being_changed()
        return super().save(commit)

    def _release_positions_being_changed(self):
        """Park re-ordered and deleted rows on unique negative positions first, so that swapping
        two sections never trips the (article, position) unique constraint mid-save."""
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk and ("position" in form.changed_data or self._should_delete_form(form))
        ]
        if moving:
            Section.objects.filter(pk__in=moving).update(position=-F("pk"))


class RelevanceInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        primaries = [
            form for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not self._should_delete_form(form)
            and form.cleaned_data.get("is_primary")
        ]
        if len(primaries) > 1:
            raise forms.ValidationError("Mark only one relevance as primary.")


class RelevanceForm(forms.ModelForm):
    """A GS paper and syllabus topic. The topic alone decides the paper (its label names it, e.g.
    "GS2 - International Relations"); the paper is chosen by itself only for a paper-wide article."""

    paper = forms.ModelChoiceField(Paper.objects.all(), required=False,
                                   help_text="Filled from the topic; choose it alone for a paper-wide article.")

    class Meta:
        model = Relevance
        fields = ["paper", "topic", "is_primary"]
        help_texts = {"topic": "Type the topic, or its paper and topic (“gs3 space”): the topic decides the paper."}

    def clean(self):
        cleaned = super().clean()
        topic, paper = cleaned.get("topic"), cleaned.get("paper")
        if topic and not paper:
            cleaned["paper"] = topic.paper
        elif not topic and not paper and not self.errors:
            raise forms.ValidationError("Choose a topic (or, for an article about a whole paper, the paper).")
        return cleaned


class ArticleForm(forms.ModelForm):
    """The article form, which refuses a save made from a copy that someone else has saved over since."""

    # The edit_version the editor's copy was loaded at; named apart from the model field, which forms cannot set.
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # For a Hindi twin: the translator's word that it says what the English says now (articles/twins.py).
    follows_english_now = forms.BooleanField(
        required=False, label="Up to date with the English",
        help_text="Tick when this translation says everything the English original says now: the article "
                  "leaves the “Hindi behind English” queue until the English changes again.")

    class Meta:
        model = Article
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on_version"].initial = self.instance.edit_version
        if self.is_bound and "language" in self.fields and self.add_prefix("language") not in self.data:
            # A form sent without it (a script, a page opened before languages existed) keeps the article's.
            self.data = self.data.copy()
            self.data[self.add_prefix("language")] = self.instance.language

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locked until the admin's transaction ends, so two saves cannot both pass this check.
            newer = Article.objects.select_for_update().filter(pk=self.instance.pk).values("edit_version").first()
            if newer and cleaned.get("based_on_version") != newer["edit_version"]:
                raise forms.ValidationError(
                    format_html(
                        "Someone else saved this article after you opened it, so your changes were not saved. "
                        '<a href="{}">Open the newer version</a>, then make your changes again '
                        "(what you typed is still below to copy from).",
                        reverse("admin:articles_article_change", args=[self.instance.pk]),
                    ),
                    code="stale_copy",
                )
        return cleaned


class WorkflowMoveForm(forms.Form):
    """What a workflow button may send besides its name: a comment and a go-live time."""

    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    when = forms.DateTimeField(
        required=False, label="Go live at (IST)",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "step": 1}, format="%Y-%m-%dT%H:%M"),
    )


class ImportForm(forms.Form):
    """Pasted text or an uploaded file (.txt, .html, .docx) to import as an article."""

    MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    MAX_TEXT = 200_000

    text = forms.CharField(required=False, max_length=MAX_TEXT, label="Paste the article",
                           widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
                           help_text="Plain text or HTML copied from a web page or Google Docs.")
    file = forms.FileField(required=False, label="…or upload a file", help_text=".txt, .html or .docx")
    # Asked for only when the preview found an article with the same title (see the import page).
    create_another = forms.BooleanField(required=False, label="Create a second article anyway")
    # Asked for only when the preview found a Hindi article: the English article it translates, if any.
    english_original = forms.ModelChoiceField(
        Article.objects.filter(language=Article.Language.ENGLISH, hindi_twin__isnull=True), required=False,
        label="English original", error_messages={
            "invalid_choice": "That article cannot be the English original: it is not English, already has a "
                              "Hindi twin, or no longer exists. Choose another, or none."})
    PREVIEW_ONLY = ("create_another", "english_original")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith((".txt", ".html", ".htm", ".docx", ".md")):
            raise forms.ValidationError("Upload a .txt, .html or .docx file.")
        if upload.size > self.MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB.")
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError("Paste the article's text or choose a file.")
        return cleaned

    @property
    def source_name(self):
        upload = self.cleaned_data.get("file")
        return upload.name if upload else "pasted.txt"

    @property
    def source(self):
        upload = self.cleaned_data.get("file")
        return upload.read() if upload else self.cleaned_data["text"]

    def source_as_text(self):
        """What goes back into the text box after a preview, so "Create draft" imports the same article;
        a .docx becomes its HTML."""
        upload = self.cleaned_data.get("file")
        if upload is None:
            return self.cleaned_data["text"]
        upload.seek(0)
        return document_text(upload.name, upload.read())
