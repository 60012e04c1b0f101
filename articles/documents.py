"""Documents as writers hand them in (plain text, HTML from a web page or Google Docs, .docx) turned into
blocks, the unit the importer recognises an article in; and rich text back into plain lines."""

import io
import re
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

# Blocks: the unit the parser works on — one paragraph, heading or list item.
PARAGRAPH, HEADING, BULLET, NUMBERED = "paragraph", "heading", "bullet", "numbered"


@dataclass
class Block:
    text: str
    kind: str = PARAGRAPH
    bold_lead: str = ""  # a bold label the source itself marked ("Economic Ties:")




BULLET_MARK = re.compile(r"^\s*(?:[•●▪◦‣∙·*\-–—➢➤►✓✔]|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+", re.IGNORECASE)
NUMBER_MARK = re.compile(r"^\s*\(?\d{1,2}[.)]\s+")


def blocks_from_text(text):
    blocks = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.replace("\xa0", " ").split())
        if not line:
            continue
        if NUMBER_MARK.match(line):
            blocks.append(Block(NUMBER_MARK.sub("", line, count=1), NUMBERED))
        elif BULLET_MARK.match(line):
            blocks.append(Block(BULLET_MARK.sub("", line, count=1), BULLET))
        else:
            blocks.append(Block(line))
    return Blocks(blocks)


class UnreadableDocument(ValueError):
    """A file the importer will not open, with the reason for the person importing it."""


class Blocks(list):
    """The blocks of a document, and the names of the elements whose text was left out (scripts, SVG,
    drop-down menus), so the import report can say so."""

    def __init__(self, blocks=(), skipped=()):
        super().__init__(blocks)
        self.skipped = list(skipped)


class _HtmlBlocks:
    """Flatten parsed HTML into blocks, keeping headings, list items and a bold opening label."""

    BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article",
                  "blockquote", "header", "footer", "nav", "figure", "td"}
    SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "button", "select", "form"}

    def __init__(self):
        self.blocks, self.text, self.kind = [], [], PARAGRAPH
        self.bold_depth, self.bold_text, self.bold_open_at_start = 0, [], False
        self.lists, self.skipped = [], []

    def walk(self, element):
        tag = _tag_name(element)
        if tag in self.SKIP_TAGS:
            self.recover(element, tag)
            return
        self.handle_starttag(tag)
        self.handle_data(element.text or "")
        for child in element:
            if _tag_name(child):
                self.walk(child)
            self.handle_data(child.tail or "")
        self.handle_endtag(tag)

    def recover(self, element, skipped_tag):
        """Leave out an element's own text, but keep whole blocks (paragraphs, headings, lists) that a
        page left open around it nested inside: an unclosed <svg>, <noscript> or <select> must not take the
        rest of the article with it."""
        dropped = [element.text or ""]
        for child in element:
            tag = _tag_name(child)
            if tag in self.BLOCK_TAGS or tag in ("ul", "ol"):
                self.walk(child)
            elif tag:
                dropped.append(self.recover(child, None))
            dropped.append(child.tail or "")
        dropped = "".join(dropped)
        if skipped_tag and dropped.strip() and skipped_tag not in self.skipped:
            self.skipped.append(skipped_tag)
        return dropped

    def handle_starttag(self, tag):
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append(tag)
        elif tag in self.BLOCK_TAGS:
            self.flush()
            if tag == "li":
                self.kind = NUMBERED if self.lists and self.lists[-1] == "ol" else BULLET
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.kind = HEADING
        elif tag in ("strong", "b"):
            if not "".join(self.text).strip():
                self.bold_open_at_start = True
            self.bold_depth += 1

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in self.BLOCK_TAGS:
            self.flush()
        elif tag in ("strong", "b"):
            self.bold_depth = max(0, self.bold_depth - 1)
            if self.bold_depth == 0:
                self.bold_open_at_start = False  # only the bold run that opens the paragraph is its label

    def handle_data(self, data):
        self.text.append(data)
        if self.bold_depth and self.bold_open_at_start:
            self.bold_text.append(data)

    def flush(self):
        text = " ".join("".join(self.text).replace("\xa0", " ").split())
        if text:
            lead = " ".join("".join(self.bold_text).split())
            self.blocks.append(Block(text, self.kind, lead if lead and lead != text else ""))
            if lead and lead == text and self.kind == PARAGRAPH:
                self.blocks[-1].kind = HEADING  # a paragraph that is all bold is a heading
        self.text, self.bold_text, self.kind, self.bold_open_at_start = [], [], PARAGRAPH, False


def _tag_name(element):
    """An element's lower-case name without its namespace (SVG keeps one); "" for comments."""
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def blocks_from_html(html):
    """Blocks from HTML parsed the forgiving way browsers parse it (libxml2, through lxml)."""
    parser = _HtmlBlocks()
    try:
        parser.walk(lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=HTML_PARSER))
    except lxml.etree.ParserError:
        pass  # nothing but whitespace or comments: no blocks
    parser.flush()
    return Blocks(parser.blocks, parser.skipped)


# A .docx is a zip: these bounds keep a small "zip bomb" from unpacking into gigabytes in a worker.
DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
DOCX_MAX_RATIO = 100
DOCX_MAX_ENTRIES = 2000
# The text itself: a long analysis article's word/document.xml is under 1 MB. A 2.5 MB file holding 36 MB of
# XML passed the bounds above and took a worker for 30 s and about 1 GB.
DOCX_MAX_DOCUMENT_XML_BYTES = 5 * 1024 * 1024
# Converting runs in a process of its own (articles/docx_convert.py) with these limits.
DOCX_CONVERT_MEMORY_BYTES = 512 * 1024 * 1024
DOCX_CONVERT_SECONDS = 20
DOCX_UNREADABLE = "This .docx file cannot be read: it is damaged, cut short or not a Word document ({})."


def check_docx(data):
    """Refuse a .docx that is not a Word document or would unpack to far more than it weighs.

    zipfile never reads more than an entry's declared size, so checking the declared sizes bounds memory.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise UnreadableDocument(DOCX_UNREADABLE.format(error)) from None
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise UnreadableDocument(DOCX_UNREADABLE.format("it has no word/document.xml"))
    document = next(entry for entry in entries if entry.filename == "word/document.xml")
    if document.file_size > DOCX_MAX_DOCUMENT_XML_BYTES:
        raise UnreadableDocument(
            f"This .docx file's text is {document.file_size // (1024 * 1024)} MB of Word markup, far more than "
            f"any article (at most {DOCX_MAX_DOCUMENT_XML_BYTES // (1024 * 1024)} MB): split it, or paste its text.")
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > DOCX_MAX_ENTRIES or unpacked > DOCX_MAX_UNPACKED_BYTES or any(
            entry.file_size > DOCX_MAX_RATIO * max(entry.compress_size, 1024) for entry in entries):
        raise UnreadableDocument(
            f"This .docx file would unpack to {unpacked // (1024 * 1024)} MB, far more than a Word article "
            f"needs (at most {DOCX_MAX_UNPACKED_BYTES // (1024 * 1024)} MB): save it again from Word, or paste its text.")


def docx_to_html(data):
    """A Word document's text as HTML (headings, lists and bold kept), through mammoth, converted in a
    process of its own that may use at most DOCX_CONVERT_MEMORY_BYTES and DOCX_CONVERT_SECONDS."""
    check_docx(data)
    memory, seconds = DOCX_CONVERT_MEMORY_BYTES, DOCX_CONVERT_SECONDS

    def limit_the_converter():  # runs in the child, before it starts converting
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    try:
        converted = subprocess.run([sys.executable, "-I", str(CONVERTER)], input=data, capture_output=True,
                                   timeout=seconds, preexec_fn=limit_the_converter)
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"This .docx file took longer than {seconds} seconds to read, far longer than "
                                 "any article: save it again from Word, or paste its text.") from None
    if converted.returncode == 0:
        return converted.stdout.decode("utf-8")
    error = converted.stderr.decode("utf-8", errors="replace").strip().splitlines()
    if converted.returncode < 0 or error[-1:] == ["MemoryError"]:  # killed by a limit, or out of memory
        raise UnreadableDocument(
            f"This .docx file needs more than {memory // (1024 * 1024)} MB to read, far more than any article: "
            "save it again from Word, or paste its text.")
    raise UnreadableDocument(DOCX_UNREADABLE.format(error[-1] if error else f"exit {converted.returncode}"))


CONVERTER = Path(__file__).with_name("docx_convert.py")


def blocks_from_docx(data):
    return blocks_from_html(docx_to_html(data))


def looks_like_html(text):
    return bool(re.search(r"<(p|div|h[1-6]|li|br|span|strong|b|body|html)\b", text, re.IGNORECASE))


ZIP_SIGNATURE = b"PK\x03\x04"


def is_word_document(name, data):
    """Named .docx, or a zip whatever its name: a Word file saved as "article.txt" is still read as Word."""
    return name.lower().endswith(".docx") or (isinstance(data, bytes) and data.startswith(ZIP_SIGNATURE))


def document_text(name, data):
    """A file's contents as text by its type: a .docx becomes its HTML, anything else is decoded as UTF-8."""
    if is_word_document(name, data):
        return docx_to_html(data)
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    return text.replace("\x00", "")  # NUL bytes mean nothing in an article, and PostgreSQL cannot store them


def blocks_from_upload(name, data):
    """Blocks from an uploaded or given file, by its type."""
    text = document_text(name, data)
    if is_word_document(name, data) or name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        return blocks_from_html(text)
    return blocks_from_text(text)


def blocks_from_pasted(text):
    """Blocks from text pasted into a form: HTML when it looks like HTML, else plain lines."""
    return blocks_from_html(text) if looks_like_html(text) else blocks_from_text(text)



def rich_text_as_lines(html):
    """A section's rich text as plain lines: labels kept, bullets as "•", numbered items as "1."."""
    lines, number = [], 0
    for block in blocks_from_html(html):
        number = number + 1 if block.kind == NUMBERED else 0
        prefix = {BULLET: "• ", NUMBERED: f"{number}. "}.get(block.kind, "")
        lines.append(prefix + block.text)
    return "\n\n".join(lines)
