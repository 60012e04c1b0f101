import pytest

from articles.sanitize import clean_rich_text, has_visible_text
from tests.factories import SectionFactory

HOSTILE = (
    '<h3>Economic ties</h3>'
    '<p onclick="steal()">Trade <strong>grew</strong> <a href="https://pib.gov.in/x" onmouseover="x()">fast</a>.</p>'
    '<script>alert("x")</script>'
    '<ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>'
    '<figure class="table evil"><table><thead><tr><th>Year</th></tr></thead>'
    '<tbody><tr><td>2020</td></tr></tbody></table></figure>'
    '<img src="x" onerror="steal()"><a href="javascript:steal()">click</a>'
    '<iframe src="https://evil.example"></iframe><div style="position:fixed">overlay</div>'
)


def test_sanitising_strips_scripts_and_event_handlers():
    """Scripts, iframes, event-handler attributes, inline styles and javascript: links are removed."""
    cleaned = clean_rich_text(HOSTILE)

    for forbidden in ["<script", "alert(", "onclick", "onmouseover", "onerror", "<img", "javascript:",
                      "<iframe", "style=", "evil"]:
        assert forbidden not in cleaned


def test_sanitising_keeps_headings_lists_tables_and_links():
    """What editors legitimately write survives: sub-headings, lists, CKEditor tables and links."""
    cleaned = clean_rich_text(HOSTILE)

    assert "<h3>Economic ties</h3>" in cleaned
    assert "<ul><li>One</li><li>Two</li></ul>" in cleaned
    assert "<ol><li>First</li></ol>" in cleaned
    assert '<figure class="table"><table><thead><tr><th>Year</th></tr></thead>' in cleaned
    assert '<a href="https://pib.gov.in/x" rel="noopener noreferrer">fast</a>' in cleaned
    assert "<strong>grew</strong>" in cleaned
    assert "overlay" in cleaned


@pytest.mark.django_db
def test_section_body_is_stored_sanitised():
    """Whatever path a section is saved by, the database holds only the cleaned HTML."""
    section = SectionFactory(body='<p onclick="x()">Safe text</p><script>bad()</script>')
    section.refresh_from_db()

    assert section.body == "<p>Safe text</p>"


@pytest.mark.parametrize(
    "body, expected",
    [("<p>&nbsp;</p>", False), ("<p> </p><p><br></p>", False), ("", False), ("<p>Real words</p>", True)],
)
def test_visible_text_ignores_an_empty_editor(body, expected):
    """An editor's empty paragraph does not count as text."""
    assert has_visible_text(body) is expected
