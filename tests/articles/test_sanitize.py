import pytest

from articles import sanitize
from articles.sanitize import clean_rich_text, has_visible_text, plain_text, same_rich_text
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


# What editors may write, stated here independently of the allowlist in articles/sanitize.py.
INLINE_AND_BLOCK_TAGS = ["p", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark", "h3", "h4", "h5",
                         "blockquote", "code", "pre", "figcaption"]
TABLE = ('<figure class="table"><table><caption>Budget</caption><colgroup><col span="2"></colgroup>'
         '<thead><tr><th colspan="2" rowspan="1" scope="col">Year</th></tr></thead>'
         '<tbody><tr><td colspan="1" rowspan="2">2020</td></tr></tbody>'
         '<tfoot><tr><td>Total</td></tr></tfoot></table><figcaption>Source: Budget</figcaption></figure>')
FORBIDDEN_TAGS = ["div", "span", "img", "h1", "h2", "h6", "font", "center", "form", "input", "button", "select",
                  "textarea", "label", "svg", "math", "video", "audio", "source", "picture", "details", "summary",
                  "dialog", "marquee", "link", "meta", "base", "area", "map", "canvas"]
DROPPED_WITH_THEIR_TEXT = ["script", "style", "iframe", "object", "noscript", "template", "title"]


@pytest.mark.parametrize("tag", INLINE_AND_BLOCK_TAGS)
def test_every_tag_editors_may_use_survives(tag):
    """Each formatting tag CKEditor offers is kept exactly as written."""
    assert clean_rich_text(f"<{tag}>Kept text</{tag}>") == f"<{tag}>Kept text</{tag}>"


@pytest.mark.parametrize("html", [
    "<p>One<br>two</p>", "<hr>", "<ul><li>One</li></ul>", '<ol start="3" reversed=""><li>Three</li></ol>',
    '<p><a href="https://pib.gov.in/release" title="PIB release" rel="noopener noreferrer">release</a></p>', TABLE,
])
def test_lists_links_rules_and_tables_survive_with_their_allowed_attributes(html):
    """Line breaks, rules, lists (with start and reversed), titled links and whole CKEditor tables with their
    spans, scopes and caption come through unchanged."""
    assert clean_rich_text(html) == html


@pytest.mark.parametrize("tag", FORBIDDEN_TAGS)
def test_every_other_tag_is_removed_and_its_text_kept(tag):
    """Tags outside the allowlist are taken out; the words inside them stay."""
    cleaned = clean_rich_text(f"<p>Before <{tag}>inside</{tag}> after</p>")

    assert f"<{tag}" not in cleaned
    assert plain_text(cleaned).split() == ["Before", "inside", "after"]


@pytest.mark.parametrize("tag", DROPPED_WITH_THEIR_TEXT)
def test_script_like_tags_are_dropped_with_everything_inside(tag):
    """Scripts, styles, frames and similar go together with their contents."""
    assert clean_rich_text(f"<p>Visible</p><{tag}>hidden()</{tag}>") == "<p>Visible</p>"


@pytest.mark.parametrize("attribute", ['onclick="x()"', 'style="color:red"', 'id="top"', 'class="lead"',
                                       'data-id="7"', 'onmouseover="x()"', 'target="_blank"', 'dir="rtl"'])
@pytest.mark.parametrize("tag", ["p", "a", "td", "ol", "strong", "li"])
def test_attributes_outside_the_allowlist_are_removed_from_every_tag(tag, attribute):
    """Event handlers, styles, ids, classes and data attributes never survive, on any tag."""
    html = f'<{tag} {attribute}>text</{tag}>'
    if tag == "td":
        html = f"<table><tbody><tr>{html}</tr></tbody></table>"
    if tag == "li":
        html = f"<ul>{html}</ul>"

    assert attribute.split("=")[0] not in clean_rich_text(html)


def test_embeds_are_removed():
    """An <embed> (a void tag) never survives."""
    assert "<embed" not in clean_rich_text('<p>Text</p><embed src="https://evil.example/x.swf">')


def test_language_and_title_may_mark_any_text():
    """lang (Hindi terms inside English text) and title are kept on any tag."""
    assert clean_rich_text('<p lang="hi" title="Gram Sabha">ग्राम सभा</p>') == (
        '<p lang="hi" title="Gram Sabha">ग्राम सभा</p>')


def test_only_the_table_class_survives_on_a_figure():
    """CKEditor's figure class "table" is kept; any other class on it is dropped."""
    assert clean_rich_text('<figure class="table image"><figcaption>x</figcaption></figure>') == (
        '<figure class="table"><figcaption>x</figcaption></figure>')


@pytest.mark.parametrize("href", ["http://pib.gov.in/", "https://pib.gov.in/", "mailto:desk@example.in",
                                  "tel:+919606900005", "/articles/quad/", "#way-forward"])
def test_web_mail_phone_and_relative_links_are_kept(href):
    """Links to web pages, mail addresses, phone numbers and this site keep their address."""
    assert f'href="{href}"' in clean_rich_text(f'<a href="{href}">link</a>')


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x",
                                  "ftp://files.example/", "file:///etc/passwd"])
def test_links_with_other_schemes_lose_their_address(href):
    """Script, data, file and other schemes are removed from links."""
    assert "href" not in clean_rich_text(f'<a href="{href}">link</a>')


def test_links_open_safely_and_comments_and_surrounding_space_go():
    """Links get rel="noopener noreferrer"; HTML comments and leading/trailing whitespace are removed."""
    cleaned = clean_rich_text('  <!-- editor note --><p><a href="https://x.in/" rel="opener">x</a></p>\n ')

    assert cleaned == '<p><a href="https://x.in/" rel="noopener noreferrer">x</a></p>'


@pytest.mark.parametrize("value", [None, ""])
def test_nothing_cleans_to_nothing(value):
    """An empty or missing body is stored as an empty string."""
    assert clean_rich_text(value) == ""


def test_plain_text_keeps_the_words_and_decodes_entities():
    """plain_text drops tags, decodes entities and turns no-break spaces into spaces."""
    assert plain_text("<p>Fish&nbsp;&amp;&nbsp;chips</p><p>&lt;b&gt;</p>").split() == ["Fish", "&", "chips", "<b>"]


CKEDITOR_RESAVE = (
    '<p><b>Launch:</b>&nbsp;the craft lifted off   from Sriharikota.</p>\n<ul>\n  <li><i>Payload</i> on board</li>\n</ul>'
    '<table><tr><th>Stage</th></tr><tr><td>Solid</td></tr></table>',
    '<p><strong>Launch:</strong> the craft lifted off from Sriharikota.</p><ul><li><em>Payload</em> on board</li></ul>'
    '<figure class="table"><table><thead><tr><th>Stage</th></tr></thead><tbody><tr><td>Solid</td></tr></tbody>'
    '</table></figure>',
)


def test_a_body_re_serialised_by_the_editor_is_the_same_rich_text():
    """Equivalent tags, table wrappers, no-break spaces and layout whitespace are not differences."""
    assert same_rich_text(*CKEDITOR_RESAVE)


@pytest.mark.parametrize("edited", [
    '<p><strong>Launch:</strong> the craft lifted off from Sriharikota!</p>',    # a character
    '<p><strong>Launch:</strong> the craftlifted off from Sriharikota.</p>',     # a space between words
    '<p><strong>Launch: the craft</strong> lifted off from Sriharikota.</p>',    # bold moved
    '<p><strong>Launch:</strong> the craft <a href="https://isro.gov.in">lifted off</a> from Sriharikota.</p>',
    '<h4><strong>Launch:</strong> the craft lifted off from Sriharikota.</h4>',  # paragraph became a heading
])
def test_every_visible_edit_is_a_difference(edited):
    """Changed words, spaces between words, formatting, links and block types all count as edits."""
    assert not same_rich_text('<p><strong>Launch:</strong> the craft lifted off from Sriharikota.</p>', edited)


# For each block tag, a body with whitespace at that block's edges (and next to no other block's), and
# the same body without it.
SPACED_AT_BLOCK_EDGES = {
    "p": ("<p> Rain fell. </p>", "<p>Rain fell.</p>"),
    "h3": ("<h3> Heading </h3>", "<h3>Heading</h3>"),
    "h4": ("<h4> Heading </h4>", "<h4>Heading</h4>"),
    "h5": ("<h5> Heading </h5>", "<h5>Heading</h5>"),
    "ul": ("a <ul><li>b</li></ul> c", "a<ul><li>b</li></ul>c"),
    "ol": ("a <ol><li>b</li></ol> c", "a<ol><li>b</li></ol>c"),
    "li": ("<ul><li> a </li><li> b </li></ul>", "<ul><li>a</li><li>b</li></ul>"),
    "blockquote": ("<blockquote> Quoted </blockquote>", "<blockquote>Quoted</blockquote>"),
    "hr": ("a <hr> b", "a<hr>b"),
    "pre": ("<pre> code </pre>", "<pre>code</pre>"),
    "table": ("a <table><tbody><tr><td>x</td></tr></tbody></table> b", "a<table><tbody><tr><td>x</td></tr></tbody></table>b"),
    "caption": ("<table><caption> Cap </caption><tbody><tr><td>x</td></tr></tbody></table>", "<table><caption>Cap</caption><tbody><tr><td>x</td></tr></tbody></table>"),
    "tr": ("<table><tbody><tr><td>x</td></tr> <tr><td>y</td></tr></tbody></table>", "<table><tbody><tr><td>x</td></tr><tr><td>y</td></tr></tbody></table>"),
    "th": ("<table><tbody><tr><th> h </th></tr></tbody></table>", "<table><tbody><tr><th>h</th></tr></tbody></table>"),
    "td": ("<table><tbody><tr><td> x </td></tr></tbody></table>", "<table><tbody><tr><td>x</td></tr></tbody></table>"),
    "colgroup": ("<table><colgroup><col></colgroup> <colgroup><col></colgroup><tbody><tr><td>x</td></tr></tbody></table>", "<table><colgroup><col></colgroup><colgroup><col></colgroup><tbody><tr><td>x</td></tr></tbody></table>"),
    "col": ("<table><colgroup><col> <col></colgroup><tbody><tr><td>x</td></tr></tbody></table>", "<table><colgroup><col><col></colgroup><tbody><tr><td>x</td></tr></tbody></table>"),
    "figcaption": ('<figure class="table"><table><tbody><tr><td>x</td></tr></tbody></table><figcaption> Cap </figcaption></figure>', '<figure class="table"><table><tbody><tr><td>x</td></tr></tbody></table><figcaption>Cap</figcaption></figure>'),
    "br": ("<p>a <br> b</p>", "<p>a<br>b</p>"),
}


@pytest.mark.parametrize("tag", sorted(SPACED_AT_BLOCK_EDGES))
def test_whitespace_at_a_blocks_edge_is_layout_but_next_to_inline_text_it_is_a_space(tag):
    """Space just inside or outside a paragraph, heading, list, rule, table part, caption or line break is
    not a difference; a space next to bold text is."""
    spaced, tight = SPACED_AT_BLOCK_EDGES[tag]

    assert sorted(SPACED_AT_BLOCK_EDGES) == sorted(sanitize._BLOCKS)
    assert same_rich_text(spaced, tight)
    assert not same_rich_text("<p>a <strong>b</strong></p>", "<p>a<strong>b</strong></p>")


def test_no_body_at_all_reads_as_an_empty_one():
    """A missing body (None) has no words and reads the same as an empty one, and unlike any with words."""
    assert plain_text(None) == "" and not has_visible_text(None)
    assert same_rich_text(None, "") and same_rich_text("", "<!-- a comment -->")
    assert not same_rich_text("", "<p>a</p>")


def test_table_wrappers_are_layout():
    """A last row kept in <tfoot> reads as the same table as one with that row in <tbody>, and a table in
    CKEditor's <figure class="table"> as the bare table."""
    footed = "<table><tbody><tr><td>Kharif</td></tr></tbody><tfoot><tr><td>Total</td></tr></tfoot></table>"
    plain = "<table><tbody><tr><td>Kharif</td></tr><tr><td>Total</td></tr></tbody></table>"

    assert same_rich_text(footed, plain)
    assert same_rich_text(f'<figure class="table">{plain}</figure>', plain)
