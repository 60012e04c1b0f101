"""Documents as writers hand them in (plain text, HTML from a web page or Google Docs, .docx) turned into
blocks, the unit the importer recognises an article in; and rich text back into plain lines."""

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import mammoth

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
    return blocks


class _HtmlBlocks(HTMLParser):
    """Flatten HTML into blocks, keeping headings, list items and a bold opening label."""

    BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article",
                  "blockquote", "header", "footer", "nav", "figure", "td"}
    SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "button", "select", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.text, self.kind = [], [], PARAGRAPH
        self.bold_depth, self.bold_text, self.bold_open_at_start = 0, [], False
        self.lists, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP_TAGS:
            self.skipping += 1
            return
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
        if tag in self.SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
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
        if self.skipping:
            return
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


def blocks_from_html(html):
    parser = _HtmlBlocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks


def docx_to_html(data):
    """A Word document's text as HTML (headings, lists and bold kept), through mammoth."""
    return mammoth.convert_to_html(io.BytesIO(data)).value


def blocks_from_docx(data):
    return blocks_from_html(docx_to_html(data))


def looks_like_html(text):
    return bool(re.search(r"<(p|div|h[1-6]|li|br|span|strong|b|body|html)\b", text, re.IGNORECASE))


def document_text(name, data):
    """A file's contents as text by its type: a .docx becomes its HTML, anything else is decoded as UTF-8."""
    if name.lower().endswith(".docx"):
        return docx_to_html(data)
    return data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data


def blocks_from_upload(name, data):
    """Blocks from an uploaded or given file, by its type."""
    text = document_text(name, data)
    if name.lower().endswith((".docx", ".html", ".htm")) or looks_like_html(text):
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
