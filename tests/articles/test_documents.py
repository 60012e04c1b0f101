import io

from articles.documents import blocks_from_docx, blocks_from_html, document_text, rich_text_as_lines
from articles.importing.recognition import parse
from tests.articles.samples import SYLLABUS_TOPICS


def test_html_pasted_from_google_docs_imports():
    """HTML with spans, bold labels, headings and lists becomes the same structure."""
    html = """<html><body><p><span>For Enquiry</span></p><h1>Monsoon Forecast Raises Hopes</h1>
    <p><span>Recently, the weather office forecast an above-normal monsoon.</span></p>
    <p>GS3- Agriculture</p><p><b>Dimensions of the article:</b></p>
    <ol><li>About the forecast</li><li>Way Forward</li></ol>
    <h2>About the forecast</h2><p><b>Long period average:</b> 106 per cent is expected.</p>
    <ul><li>Rice acreage may rise.</li></ul><h2>Way Forward</h2><p>Storage must be ready.</p>
    <p>June 2024</p><script>alert(1)</script></body></html>"""
    article = parse(blocks_from_html(html), SYLLABUS_TOPICS)

    assert article.title == "Monsoon Forecast Raises Hopes"
    assert article.dimensions == ["About the forecast", "Way Forward"]
    body = dict(article.sections)["About the forecast"]
    assert "<p><strong>Long period average:</strong> 106 per cent is expected.</p>" in body
    assert "<ul><li>Rice acreage may rise.</li></ul>" in body
    assert "alert" not in " ".join(b for _, b in article.sections)


def test_docx_files_import():
    """A Word file with a bold label and a bulleted list imports like the text."""
    import docx

    document = docx.Document()
    document.add_heading("Monsoon Forecast Raises Hopes", level=1)
    document.add_paragraph("Recently, the weather office forecast an above-normal monsoon.")
    document.add_paragraph("GS3- Agriculture")
    document.add_paragraph("Dimensions of the article:")
    document.add_paragraph("About the forecast", style="List Number")
    document.add_paragraph("Way Forward", style="List Number")
    document.add_heading("About the forecast", level=2)
    lead = document.add_paragraph()
    lead.add_run("Long period average:").bold = True
    lead.add_run(" 106 per cent is expected.")
    document.add_paragraph("Rice acreage may rise.", style="List Bullet")
    document.add_heading("Way Forward", level=2)
    document.add_paragraph("Storage must be ready.")
    document.add_paragraph("June 2024")
    stream = io.BytesIO()
    document.save(stream)

    article = parse(blocks_from_docx(stream.getvalue()), SYLLABUS_TOPICS)

    assert article.title == "Monsoon Forecast Raises Hopes"
    assert article.dimensions == ["About the forecast", "Way Forward"]
    assert "<strong>Long period average:</strong> 106 per cent is expected." in dict(article.sections)[
        "About the forecast"]
    assert "<li>Rice acreage may rise.</li>" in dict(article.sections)["About the forecast"]
    assert article.edition == (2024, 6)


def test_a_docx_reads_as_the_same_html_the_import_preview_shows():
    """document_text turns a .docx into its HTML and decodes other files as UTF-8 (a BOM is dropped)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Recently, the monsoon arrived early.")
    stream = io.BytesIO()
    document.save(stream)

    assert document_text("notes.docx", stream.getvalue()) == "<p>Recently, the monsoon arrived early.</p>"
    assert document_text("notes.txt", "\ufeffजल शक्ति".encode()) == "जल शक्ति"


def test_rich_text_reads_back_as_plain_lines_with_labels_bullets_and_numbers():
    """A section's HTML becomes paragraphs, "•" bullets and numbered items, with bold labels kept as text."""
    html = ("<p><strong>Storage:</strong> warehouses must be ready.</p><ul><li>Rice</li><li>Pulses</li></ul>"
            "<ol><li>First step</li><li>Second step</li></ol>")

    assert rich_text_as_lines(html) == (
        "Storage: warehouses must be ready.\n\n• Rice\n\n• Pulses\n\n1. First step\n\n2. Second step")
