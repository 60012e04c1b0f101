"""A .docx that would take a web worker's memory or time is refused: its text is capped before anything is
unpacked, and converting runs in a process of its own with memory and time limits."""

import io
import random
import resource
import zipfile

import pytest

from articles import documents
from articles.documents import UnreadableDocument, docx_to_html
from tests.articles.test_import_safety import a_docx

VOCABULARY = ["monsoon", "tariff", "treaty", "budget", "reform", "court", "river", "export", "census", "grain"]


def a_docx_holding(megabytes_of_xml):
    """A real Word document (made by python-docx) whose word/document.xml is swapped for one of
    `megabytes_of_xml` MB of paragraphs: an ordinary-looking upload of a few MB, well within the zip-bomb
    bounds (about 8 times its packed size)."""
    words = random.Random(7)
    paragraphs = "".join("<w:p><w:r><w:t>" + " ".join(words.choice(VOCABULARY) for _ in range(40)) + "</w:t></w:r></w:p>"
                         for _ in range(3000)).encode()
    body = paragraphs * max(1, megabytes_of_xml * 1024 * 1024 // len(paragraphs))
    original = zipfile.ZipFile(io.BytesIO(a_docx()))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "word/document.xml":
                start = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:start] + body + data[start:]
            archive.writestr(entry.filename, data)
    return stream.getvalue()


def test_a_few_mb_upload_holding_36_mb_of_word_markup_is_refused_before_it_is_read():
    """The 2.5–5 MB file with 36 MB of XML that once held a worker for 30 s and 1 GB is refused from its
    declared size, with a message, and the worker's memory does not grow."""
    upload = a_docx_holding(36)
    assert len(upload) < 6 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(UnreadableDocument) as refused:
        docx_to_html(upload)

    assert "text is 35 MB of Word markup, far more than any article (at most 5 MB)" in str(refused.value)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20 * 1024  # KB


def test_a_long_article_under_the_cap_still_converts():
    """A document of about 1 MB of markup (a very long article) converts as before."""
    html = docx_to_html(a_docx_holding(1))

    assert html.startswith("<p>") and html.count("<p>") > 1000


def test_a_document_that_needs_more_memory_than_allowed_ends_the_converter_not_the_worker(monkeypatch):
    """Converting in its own process: a document needing more than the memory limit is refused with a
    message naming the limit, and this process carries on."""
    monkeypatch.setattr(documents, "DOCX_CONVERT_MEMORY_BYTES", 60 * 1024 * 1024)  # 4 MB of markup needs ~64 MB

    with pytest.raises(UnreadableDocument) as refused:
        docx_to_html(a_docx_holding(4))
    monkeypatch.undo()

    assert str(refused.value).startswith("This .docx file needs more than 60 MB to read")
    assert docx_to_html(a_docx()) == "<p>Recently, the monsoon arrived early.</p>"


def test_a_document_that_takes_too_long_is_refused_with_a_message(monkeypatch):
    """Past the time limit the converter is stopped and the person importing is told why."""
    monkeypatch.setattr(documents, "DOCX_CONVERT_SECONDS", 0.01)

    with pytest.raises(UnreadableDocument) as refused:
        docx_to_html(a_docx())

    assert "took longer than 0.01 seconds to read" in str(refused.value)
