"""Recognising an article in document blocks: title, context, relevance lines in their many spellings,
mains questions, the Dimensions list, sections, tags and the month.

Pure: it takes blocks and the syllabus (no models, no database) and returns a `ParsedArticle` with a report
of what was recognised, what was guessed and what needs a human look. Text is never dropped silently:
whatever cannot be placed ends up in the last section and is named in the report.
"""

import calendar
import difflib
import re
from dataclasses import dataclass, field
from html import escape

from common.text import tidy_line

from ..documents import BULLET, HEADING, NUMBERED, PARAGRAPH, blocks_from_pasted
from ..search.devanagari import fold

@dataclass
class Report:
    recognised: list = field(default_factory=list)
    guessed: list = field(default_factory=list)
    attention: list = field(default_factory=list)


@dataclass
class ParsedArticle:
    title: str = ""
    context: str = ""
    relevances: list = field(default_factory=list)  # (paper code, topic name or None, as written)
    mains_questions: list = field(default_factory=list)
    dimensions: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # (heading, sanitisable HTML)
    edition: tuple | None = None  # (year, month)
    tags: list = field(default_factory=list)
    language: str = "en"  # "hi" when the title is written in Devanagari
    report: Report = field(default_factory=Report)

    @property
    def edition_label(self):
        return f"{calendar.month_name[self.edition[1]]} {self.edition[0]}" if self.edition else ""


class ImportRefused(ValueError):
    """The text cannot be imported as one article; the message says why."""



BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE) for pattern in [
        r"^call us( now)?\b.*$", r"^for enquiry$", r"^enquire now$", r"^\+?[\d\s/()\-]{8,}$",
        r"^(share|share this|share on|follow us)( on)?\b.{0,60}$", r"^(facebook|twitter|x|whatsapp|telegram|linkedin|"
        r"email|print|copy link|pinterest|koo)$", r"^skip to content$", r"^(home|menu|search)$",
        r"^(tags?|categories)\s*:?\s*$", r"^privacy notice$", r"^(gs ?[1-4]|essay|prelims)$",
        r"^(previous|next) (post|article)\b.*$", r"^leave a (comment|reply)$",
        # The same furniture on a Hindi page: "call us now", "for enquiry", share buttons, tags heading.
        r"^(हमें\s+)?(अभी\s+)?कॉल\s+करें(\s.*)?$", r"^पूछताछ(\s+(के\s+लिए|करें))?$",
        r"^(\S+\s+पर\s+)?साझा\s+करें$", r"^(लिंक\s+कॉपी\s+करें|प्रिंट\s+करें)$", r"^टैग\s*:?\s*$",
    ]
]
READ_MORE = re.compile(r"^read more\b", re.IGNORECASE)
DIMENSIONS_LABEL = re.compile(
    r"^(?:(?:the\s+)?dimensions?(?:\s+of\s+(?:the|are|this|an)?\s*(?:article|topic|issue|editorial))?"
    r"|(?:लेख\s+के\s+)?आयाम)\s*[:\-–]?\s*$",
    re.IGNORECASE)
MAINS_LABEL = re.compile(r"^(?:mains?\s*(?:practice\s*)?questions?(?:\s*\(s\))?|मुख्य\s+परीक्षा\s+(?:के\s+लिए\s+)?प्रश्न)"
                         r"\s*(?:[:\-–]\s*|$)", re.IGNORECASE)
CONTEXT_LABEL = re.compile(r"^(?:context|in\s+news|why\s+in\s+(?:the\s+)?news\??|संदर्भ|सन्दर्भ|चर्चा\s+में\s+क्यों\s*\??)"
                           r"\s*[:\-–]\s*", re.IGNORECASE)
TAGS_LINE = re.compile(r"^(?:tags?|टैग)\s*:\s*(\S.*)$", re.IGNORECASE)
# Month names in Hindi, written as fold() writes them (a month line is matched folded, so फ़रवरी and
# सितम्बर are फरवरी and सितंबर); अक्तूबर is the other common spelling of October.
HINDI_MONTHS = {"जनवरी": 1, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8,
                "सितंबर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "दिसंबर": 12}
MONTHS = {**{name.lower(): number for number, name in enumerate(calendar.month_name) if name}, **HINDI_MONTHS}
MONTH_LINE = re.compile(r"^(?:(?:edition|संस्करण)\s*[:\-–]\s*)?(" + "|".join(MONTHS) + r")[\s,]+(\d{4})$",
                        re.IGNORECASE)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# "GS2", "GS-II", "GS Paper 2", and in Hindi "सामान्य अध्ययन प्रश्नपत्र 2", "सा.अ. 2", "जीएस 2".
PAPER_MENTION = re.compile(r"(?:\bGS\s*[-–]?\s*(?:paper\s*[-–]?\s*)?|(?:सामान्य\s+अध्ययन|सा\.\s*अ\.?|जीएस)\s*[-–]?\s*"
                           r"(?:प्रश्न\s*-?\s*पत्र\s*[-–]?\s*)?)(IV|I{1,3}|[1-4])\b", re.IGNORECASE)
RELEVANCE_PREFIX = re.compile(r"^(?:relevance|focus|syllabus|mapping|प्रासंगिकता|पाठ्यक्रम)\s*[:\-–]\s*", re.IGNORECASE)
LABEL_LEAD = re.compile(r"^([A-Z0-9][^:.!?]{1,70}?):\s+(\S.*)$")
HEADING_WORDS_MAX = 12
# How a heading may be numbered: "1.", "2)", "(3)", "IV.", "(b)", "c)".
HEADING_NUMBER = re.compile(r"^\s*(?:\(\s*(?:\d{1,2}|[ivx]{1,5}|[a-z])\s*\)|(?:\d{1,2}|[ivx]{1,5}|[a-z])[.)])\s+",
                            re.IGNORECASE)
# A second article's relevance line stands this close above its Dimensions label.
HEAD_SPAN = 10
DIGEST_READ_MORES = 2


HINDI = "hi"


def written_in_devanagari(text):
    """More Devanagari letters than Latin ones: a Hindi title may hold an English acronym or two."""
    devanagari = len(re.findall(r"[\u0900-\u097f]", text))
    return devanagari > len(re.findall(r"[A-Za-z]", text))


def is_boilerplate(block):
    return any(pattern.match(block.text) for pattern in BOILERPLATE)


def paper_code(mention):
    """The paper code ("gs2") a PAPER_MENTION match names, however it was written ("GS 2", "GS-II", "GS Paper 2")."""
    number = mention.group(1).lower()
    return f"gs{ROMAN.get(number, number)}"


def parse_relevance(text, syllabus):
    """[(paper code, topic or None, as written)] for a relevance line, or [] when it is not one.

    `syllabus` maps paper codes to their topic names: {"gs2": ["International Relations", …], …}.
    """
    line = RELEVANCE_PREFIX.sub("", text.strip())
    mentions = list(PAPER_MENTION.finditer(line))
    if not mentions or mentions[0].start() > 2 or len(line) > 250:
        return []
    found = []
    for index, mention in enumerate(mentions):
        code = paper_code(mention)
        end = mentions[index + 1].start() if index + 1 < len(mentions) else len(line)
        written = line[mention.end():end].strip(" :-–—,;|&/")
        written = re.sub(r"^(?:and|&)\s+", "", written, flags=re.IGNORECASE)
        topic = match_topic(written, syllabus.get(code, []))
        found.append((code, topic, line[mention.start():end].strip(" ,;|&/")))
    return found


STOP_WORDS = {"and", "the", "of", "in", "to", "और", "तथा", "एवं", "का", "की", "के", "में"}


def _words(text):
    """The words that name a topic, Latin or Devanagari (folded, so that spellings with and without the
    nukta or a half letter are one word)."""
    text = re.sub(r"\([^)]*\)", " ", fold(text).lower().replace("&", " and "))
    return [word for word in re.findall(r"[a-z0-9]+|[\u0900-\u0963\u0966-\u097f]+", text) if word not in STOP_WORDS]


# What writers call a syllabus topic, in words of the topic's own name ("GS2- Polity" is the Constitution).
TOPIC_ALIASES = {"polity": ["constitution"], "ir": ["international", "relations"]}


def match_topic(written, topics):
    """The syllabus topic a writer meant, tolerating abbreviations, extra words and word order."""
    if not written or not topics:
        return None
    wanted = [alias for word in _words(written) for alias in TOPIC_ALIASES.get(word, [word])]
    if not wanted:
        return None
    best, best_score = None, 0.0
    for topic in topics:
        words = _words(topic)
        shared = len(set(wanted) & set(words))
        overlap = shared / max(len(set(words)), 1)
        # "Parliament" for "Parliament and State Legislatures": every written word is in the topic.
        contained = 0.9 * shared / len(set(wanted))
        ratio = difflib.SequenceMatcher(None, " ".join(wanted), " ".join(words)).ratio()
        score = max(overlap, contained, ratio)
        if score > best_score:
            best, best_score = topic, score
    return best if best_score >= 0.6 else None


def similarity(a, b):
    """How alike two headings read (0 to 1); 0 for headings that differ in a number or a short word, which
    name different sections however alike the rest is ("Phase 1 …" and "Phase 2 …")."""
    a_words, b_words = _words(a), _words(b)
    if not a_words or not b_words or _tell_apart(a_words, b_words):
        return 0.0
    overlap = len(set(a_words) & set(b_words)) / max(len(set(a_words)), len(set(b_words)))
    return max(overlap, difflib.SequenceMatcher(None, " ".join(a_words), " ".join(b_words)).ratio())


# Words that tell sections of one article apart: numbers in words, as well as digits, roman numerals and
# other words of three letters or fewer ("US", "EU", "II").
COUNTING_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second",
                  "third", "fourth", "fifth", "last", "next", "final"}


def _tell_apart(a_words, b_words):
    differing = set(a_words) ^ set(b_words)
    return any(word.isdigit() or len(word) <= 3 or word in COUNTING_WORDS for word in differing)


def looks_like_heading(block):
    if block.kind == HEADING:
        return True
    return block.kind == PARAGRAPH and not block.bold_lead and _reads_like_a_heading(block.text)


def could_be_numbered_heading(block):
    """A list item that may really be a numbered section heading ("1. Mission profile:"), which only
    a matching Dimensions entry can confirm."""
    return block.kind in (BULLET, NUMBERED) and _reads_like_a_heading(block.text)


def _reads_like_a_heading(text):
    text = heading_text_of(text)
    if not text or LABEL_LEAD.match(text) or len(text.split()) > HEADING_WORDS_MAX:
        return False
    return not re.search(r"[.!]\s*$", text) and not re.search(r"[.;]\s", text)


def heading_text(block):
    return heading_text_of(block.text)


def heading_text_of(text):
    return HEADING_NUMBER.sub("", text, count=1).rstrip(":").strip()


def parse(blocks, syllabus):
    """Recognise an article's parts in its blocks. Raises ImportRefused for a multi-article digest."""
    article = ParsedArticle()
    report = article.report
    dropped = [block for block in blocks if is_boilerplate(block)]
    blocks = [block for block in blocks if not is_boilerplate(block)]
    if dropped:
        report.recognised.append(f"Dropped {len(dropped)} line(s) of site boilerplate "
                                 f"(call-us numbers, “For Enquiry”, share buttons).")
    read_mores = [block for block in blocks if READ_MORE.match(block.text)]
    if len(read_mores) >= DIGEST_READ_MORES:
        raise ImportRefused(
            f"This text looks like a digest of several articles ({len(read_mores)} “Read more” links). "
            "Import each article on its own.")
    if not blocks:
        raise ImportRefused("There is no article text to import.")
    _refuse_several_articles(blocks, syllabus)

    remaining = _take_tags(_take_edition(blocks, article), article)
    article.title = remaining.pop(0).text
    report.recognised.append(f"Title: “{article.title}”.")
    if written_in_devanagari(article.title):
        article.language = HINDI
        report.recognised.append("Language: Hindi (the title is in Devanagari).")
    remaining = _take_relevances(remaining, article, syllabus)
    remaining = _take_mains_questions(remaining, article)
    remaining, dimension_at = _take_dimensions(remaining, article)
    remaining = _take_context(remaining, article, before=dimension_at)
    _build_sections(remaining, article)
    if not article.relevances:
        report.attention.append("No relevance line (e.g. “GS2- International Relations”) was found: add one.")
    if not article.edition:
        report.attention.append("No month line (e.g. “March 2024”) was found: choose the edition.")
    return article


def _refuse_several_articles(blocks, syllabus):
    """Whole articles pasted one after another each bring a title, a relevance line and a Dimensions list;
    more than one such head means the text must be imported article by article."""
    titles, previous_label = [], -1
    for index, block in enumerate(blocks):
        if not DIMENSIONS_LABEL.match(block.text):
            continue
        window = range(index - 1, max(previous_label, index - HEAD_SPAN - 1), -1)
        relevance_at = next((at for at in window if parse_relevance(blocks[at].text, syllabus)), None)
        if relevance_at is not None:
            titles.append(_title_above(blocks, relevance_at, floor=previous_label))
        previous_label = index
    if len(titles) > 1:
        named = ", ".join(f"“{title}”" for title in titles)
        raise ImportRefused(
            f"This text holds {len(titles)} articles ({named}): each has its own title, relevance line and "
            "Dimensions list. Import each article on its own.")


TITLE_WORDS_MAX = 25  # titles run longer than section headings ("Why India Must Rethink …")
# A dated line under a title: "12 June 2024", "June 12, 2024", "12/06/2024", "Published on 12th June 2024".
DATE_LINE = re.compile(r"^(?:[a-z ]*:?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4}|[a-z]+\s+\d{1,2},?\s+\d{4}"
                       r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})$", re.IGNORECASE)


def _title_above(blocks, relevance_at, floor=-1):
    """The title of the article whose relevance line is at `relevance_at`: the nearest line above it (not past
    the previous article's Dimensions label at `floor`) that reads like a title, over a date, a "Context"
    label and context paragraphs; failing that, the relevance line itself names the article."""
    for at in range(relevance_at - 1, floor, -1):
        if _reads_like_a_title(blocks[at]):
            return blocks[at].text
    return f"the one filed under “{blocks[relevance_at].text}”"


def _reads_like_a_title(block):
    text = block.text.strip()
    if block.kind not in (HEADING, PARAGRAPH) or MONTH_LINE.match(text) or DATE_LINE.match(text) \
            or CONTEXT_LABEL.match(text):
        return False
    if LABEL_LEAD.match(text) or re.match(r"^(?:context|relevance|tags?|source)\b", text, re.IGNORECASE):
        return False
    return len(text.split()) <= TITLE_WORDS_MAX and not re.search(r"[.!;]\s*$", text) and not re.search(r"[.;]\s", text)


def _take_edition(blocks, article):
    kept = []
    for block in blocks:
        match = MONTH_LINE.match(fold(block.text.strip()))
        if match and article.edition is None:
            article.edition = (int(match.group(2)), MONTHS[match.group(1).lower()])
            article.report.recognised.append(f"Edition: {article.edition_label}.")
        else:
            kept.append(block)
    return kept


def _take_tags(blocks, article):
    kept = []
    for block in blocks:
        match = TAGS_LINE.match(block.text)
        if match and not article.tags:
            article.tags = [tag for tag in map(tidy_line, re.split(r"[,;|]", match.group(1))) if tag][:20]
            article.report.recognised.append("Tags: " + ", ".join(article.tags) + ".")
        else:
            kept.append(block)
    return kept


def _take_relevances(blocks, article, syllabus):
    kept = []
    for position, block in enumerate(blocks):
        found = parse_relevance(block.text, syllabus) if position < 12 else []
        if not found:
            kept.append(block)
            continue
        for code, topic, written in found:
            article.relevances.append((code, topic, written))
            if topic:
                article.report.recognised.append(f"Relevance: “{written}” → {code.upper()} - {topic}.")
            else:
                article.report.attention.append(
                    f"Relevance “{written}”: paper {code.upper()} recognised, but no syllabus topic matched; "
                    "choose the topic.")
    return kept


# A line that reads as a Mains question: its marks or words, a question mark, or an examiner's verb.
MAINS_QUESTION = re.compile(
    r"\(\s*\d+\s*(?:marks?|words|अंक|शब्द)\s*\)|\?\s*$|\b(?:discuss|examine|analyse|analyze|evaluate|comment|elucidate)\b"
    r"|(?:चर्चा|विश्लेषण|परीक्षण|मूल्यांकन|समीक्षा|टिप्पणी|विवेचना|स्पष्ट)\s+(?:कीजिए|करें|करते\s+हुए)", re.IGNORECASE)


def _take_mains_questions(blocks, article):
    kept, collecting = [], False
    for block in blocks:
        label = MAINS_LABEL.match(block.text)
        if label:
            rest = block.text[label.end():].strip()
            if rest:
                article.mains_questions.append(rest)
            collecting = True
            continue
        if collecting and (MAINS_QUESTION.search(block.text)
                           and not DIMENSIONS_LABEL.match(block.text)):
            article.mains_questions.append(block.text)
            continue
        collecting = False
        kept.append(block)
    if article.mains_questions:
        article.report.recognised.append(f"Mains question(s): {len(article.mains_questions)}.")
    return kept


def _take_dimensions(blocks, article):
    """Returns the blocks without the Dimensions list, and where the list stood (or None)."""
    for index, block in enumerate(blocks):
        if not DIMENSIONS_LABEL.match(block.text):
            continue
        items, end = [], index + 1
        while end < len(blocks):
            item = blocks[end]
            if not (item.kind in (BULLET, NUMBERED) or (item.kind == PARAGRAPH and looks_like_heading(item))):
                break
            if any(similarity(heading_text(item), earlier) > 0.9 for earlier in items):
                break  # the body has begun: its first heading repeats a dimension
            items.append(heading_text(item))
            end += 1
        if items:
            article.dimensions = items
            article.report.recognised.append(
                f"Dimensions ({len(items)}), from the label “{block.text}”: " + "; ".join(items) + ".")
            return blocks[:index] + blocks[end:], index
    return blocks, None


def _take_context(blocks, article, before):
    for index, block in enumerate(blocks):
        if before is not None and index >= before:
            break
        if block.kind == PARAGRAPH and not looks_like_heading(block):
            article.context = CONTEXT_LABEL.sub("", block.text)
            article.report.recognised.append("Context: the first paragraph after the title.")
            return blocks[:index] + blocks[index + 1:]
        if CONTEXT_LABEL.match(block.text) and looks_like_heading(block) and index + 1 < len(blocks):
            article.context = blocks[index + 1].text
            article.report.recognised.append("Context: the paragraph under “Context”.")
            return blocks[:index] + blocks[index + 2:]
    article.report.attention.append("No context paragraph was recognised: write the lead.")
    return blocks


def _build_sections(blocks, article):
    report = article.report
    candidates = [index for index, block in enumerate(blocks) if looks_like_heading(block)]
    if article.dimensions:
        numbered = [index for index, block in enumerate(blocks) if could_be_numbered_heading(block)]
        starts = _match_dimensions(article.dimensions, blocks, candidates, numbered, report)
        headings = list(article.dimensions)
    else:
        starts = candidates
        headings = [heading_text(blocks[index]) for index in candidates]
        if headings:
            report.guessed.append("No Dimensions list: sections taken from the text's headings ("
                                  + "; ".join(headings) + ").")

    placed = [(heading, start) for heading, start in zip(headings, starts, strict=True) if start is not None]
    placed.sort(key=lambda pair: pair[1])
    leftovers = []
    first_start = placed[0][1] if placed else len(blocks)
    leftovers.extend(blocks[:first_start])
    for position, (heading, start) in enumerate(placed):
        end = placed[position + 1][1] if position + 1 < len(placed) else len(blocks)
        body = blocks[start + 1:end]
        article.sections.append((heading, blocks_to_html(body)))
    for heading, start in zip(headings, starts, strict=True):
        if start is None:
            article.sections.append((heading, ""))
            report.attention.append(f"Dimension “{heading}” has no matching section in the text: write it.")
    if not article.sections:
        article.sections.append(("Details", ""))
        report.attention.append("No section headings were found: all the text is in one section.")
    if leftovers:
        heading, html = article.sections[-1]
        article.sections[-1] = (heading, html + blocks_to_html(leftovers))
        report.attention.append(
            f"{len(leftovers)} paragraph(s) could not be placed (before the first section); they were added at "
            f"the end of the last section, “{heading}”: move or delete them.")


def _match_dimensions(dimensions, blocks, candidates, numbered, report):
    """For each dimension, the index of the block that starts its section (or None). List items that read
    like headings (`numbered`) count only when their words match a dimension, never by position."""
    starts = [None] * len(dimensions)
    taken = set()
    for number, dimension in enumerate(dimensions):
        scored = [(similarity(dimension, heading_text(blocks[index])), index)
                  for index in candidates + numbered if index not in taken]
        if scored:
            score, index = max(scored)
            if score >= 0.75:
                starts[number] = index
                taken.add(index)
                report.recognised.append(f"Dimension {number + 1} “{dimension}” matched to its heading.")
    for number, dimension in enumerate(dimensions):
        if starts[number] is not None:
            continue
        after = max([start for start in starts[:number] if start is not None] or [-1])
        before = min([start for start in starts[number + 1:] if start is not None] or [len(blocks)])
        between = [index for index in candidates if after < index < before and index not in taken]
        if between:
            starts[number] = between[0]
            taken.add(between[0])
            report.guessed.append(f"Dimension {number + 1} “{dimension}” matched to heading "
                                  f"“{heading_text(blocks[between[0]])}” by position.")
    return starts


def blocks_to_html(blocks):
    """Body blocks as the rich text a section stores: bold lead-ins, lists and sub-headings."""
    html, open_list = [], None
    for block in blocks:
        tag = {BULLET: "ul", NUMBERED: "ol"}.get(block.kind)
        if tag != open_list:
            if open_list:
                html.append(f"</{open_list}>")
            if tag:
                html.append(f"<{tag}>")
            open_list = tag
        if tag:
            html.append(f"<li>{_with_lead(block)}</li>")
        elif looks_like_heading(block):
            html.append(f"<h3>{escape(heading_text(block))}</h3>")
        else:
            html.append(f"<p>{_with_lead(block)}</p>")
    if open_list:
        html.append(f"</{open_list}>")
    return "".join(html)


def _with_lead(block):
    if block.bold_lead and block.text.startswith(block.bold_lead):
        rest = block.text[len(block.bold_lead):].strip()
        return f"<strong>{escape(block.bold_lead)}</strong> {escape(rest)}".strip()
    match = LABEL_LEAD.match(block.text)
    if match and len(match.group(1).split()) <= 8:
        return f"<strong>{escape(match.group(1))}:</strong> {escape(match.group(2))}"
    return escape(block.text)


def parse_text(text, syllabus):
    return parse(blocks_from_pasted(text), syllabus)
