"""Importer uploads a stranger could craft: zip bombs, broken or mislabelled .docx files, HTML that never
closes its tags, and months that do not exist."""

import io
import resource
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.documents import UnreadableDocument, blocks_from_html, check_docx, docx_to_html
from articles.importing.drafts import create_draft, read_article
from articles.models import Edition
from tests.articles.samples import ARTICLE


def a_docx(paragraph="Recently, the monsoon arrived early."):
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def zip_of(entries):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return stream.getvalue()


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked():
    """A .docx of a few hundred KB that would unpack to gigabytes is refused from its declared sizes, without
    the worker's memory growing."""
    bomb = zip_of({"word/document.xml": b"<w:document/>", "word/padding.xml": b"\0" * (400 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(UnreadableDocument) as refused:
        docx_to_html(bomb)

    assert "would unpack to 400 MB, far more than a Word article needs (at most 50 MB)" in str(refused.value)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # KB: nothing was unpacked


def test_one_highly_compressed_entry_is_refused_even_under_the_total_limit():
    """An entry that unpacks to over a hundred times its packed size is refused like a bomb."""
    with pytest.raises(UnreadableDocument):
        check_docx(zip_of({"word/document.xml": b"a" * (20 * 1024 * 1024)}))


@pytest.mark.parametrize("data, reason", [
    (b"plain bytes, not a zip", "File is not a zip file"),
    (a_docx()[:2000], "File is not a zip file"),                                   # cut short in transit
    (zip_of({"notes.txt": b"hello"}), "it has no word/document.xml"),              # some other zip
    (zip_of({"word/document.xml": b"<w:document><w:body>"}), "ExpatError"),        # XML cut short
    (zip_of({"word/document.xml": b"\xff\xfe not xml"}), "ExpatError"),
])
def test_a_broken_or_mislabelled_docx_is_refused_with_a_reason(data, reason):
    """Damaged, truncated and mislabelled .docx files are refused with a message naming what is wrong."""
    with pytest.raises(UnreadableDocument) as refused:
        docx_to_html(data)

    assert str(refused.value) == (
        f"This .docx file cannot be read: it is damaged, cut short or not a Word document ({reason}).")


def test_a_word_document_named_like_a_text_file_is_read_as_word():
    """A .docx saved as "article.txt" is recognised by its contents and read as Word, not as garbled bytes."""
    from articles.documents import document_text

    assert document_text("article.txt", a_docx()) == "<p>Recently, the monsoon arrived early.</p>"


def test_a_real_docx_still_imports():
    """The checks let an ordinary Word document through."""
    assert docx_to_html(a_docx()) == "<p>Recently, the monsoon arrived early.</p>"


@pytest.mark.parametrize("unclosed", ["<svg><text>chart</text>", "<noscript>Enable JavaScript", "<select><option>GS1"])
def test_an_unclosed_element_does_not_swallow_the_rest_of_the_article(unclosed):
    """HTML is parsed as browsers parse it: text after an unclosed <svg>, <noscript> or <select> is kept,
    and what was left out is named."""
    html = f"<p>Before the element.</p>{unclosed}<p>After the element.</p><h2>Way Forward</h2><p>Act now.</p>"

    blocks = blocks_from_html(html)

    texts = [block.text for block in blocks]
    assert texts[0] == "Before the element."
    assert "Way Forward" in texts and "Act now." in texts
    assert blocks.skipped


@pytest.mark.django_db
def test_the_report_names_what_was_left_out(client):
    """Text inside scripts, SVG or drop-downs is not imported, and the report says which elements it skipped."""
    html = ARTICLE.replace("\n", "<br>") + "<svg><text>Figure 1</text></svg><select><option>GS1</option></select>"

    parsed = read_article("page.html", html.encode())

    assert "Left out what a reader would not see as article text: <svg>, <select>." in parsed.report.attention


@pytest.mark.django_db
def test_the_import_files_under_an_existing_edition_and_never_creates_one(writer):
    """An article whose month line names a month nobody has opened is imported without an edition, with a note;
    with the month opened, it is filed there."""
    parsed = read_article("article.txt", ARTICLE.encode())
    article = create_draft(parsed, author=writer)

    assert article.edition is None
    assert not Edition.objects.exists()
    assert any("edition yet: an editor creates it" in line for line in parsed.report.attention)


@pytest.mark.django_db
def test_a_month_outside_2000_to_2100_is_never_an_edition(writer):
    """A month line such as "March 9999" is reported and leaves the edition empty; the database refuses such a row."""
    from django.db import IntegrityError

    parsed = read_article("article.txt", ARTICLE.replace("June 2024", "March 9999").encode())
    article = create_draft(parsed, author=writer, create_edition=True)

    assert article.edition is None
    assert "“March 9999” is outside 2000–2100: choose the edition." in parsed.report.attention
    with pytest.raises(IntegrityError):
        Edition.objects.create(year=9999, month=3)


@pytest.mark.django_db
def test_a_zip_bomb_uploaded_in_the_admin_is_a_form_error(client, writer):
    """The admin import page answers a bomb with its reason, not an error page, and creates nothing."""
    client.force_login(writer)
    bomb = zip_of({"word/document.xml": b"<w:document/>", "word/padding.xml": b"\0" * (200 * 1024 * 1024)})

    response = client.post("/admin/articles/article/import/", {
        "file": SimpleUploadedFile("article.docx", bomb), "preview": "Preview"})

    assert response.status_code == 200
    assert "far more than a Word article needs" in response.content.decode()


@pytest.mark.parametrize("html", ["", "   ", "<!-- only a comment -->", "<", "\x00", "&#0;", "<p>a\udc80b</p>",
                                  '<?xml version="1.0" encoding="latin-1"?><p>x</p>'])
def test_odd_html_gives_blocks_or_none_never_an_exception(html):
    """Empty, comment-only, stray-bracket, NUL and badly encoded HTML all parse without raising."""
    assert isinstance(blocks_from_html(html), list)


@pytest.mark.django_db
def test_a_text_file_with_nul_bytes_imports_without_them(writer):
    """NUL bytes in an uploaded text file are dropped, so the draft saves on PostgreSQL too."""
    parsed = read_article("article.txt", ARTICLE.replace("Recently", "Rec\x00ently", 1).encode())
    article = create_draft(parsed, author=writer)

    assert "\x00" not in article.context and "Recently" in article.context
