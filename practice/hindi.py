"""What UPSC's Hindi paper prints where its English paper prints a fixed line, and which text a page shows.

A question is written once with one key; its Hindi is kept beside the English (stem_hi, text_hi, …). The
closing lines and the two-statement shapes' four options are the same on every paper, so their Hindi lives
here and is never typed again. A Hindi page shows the Hindi where it was written and the English otherwise.
"""

from . import keys

CLOSING_LINES = {
    keys.WHICH_CORRECT: "उपर्युक्त कथनों में से कौन-सा/से सही है/हैं?",
    keys.WHICH_INCORRECT: "उपर्युक्त कथनों में से कौन-सा/से सही नहीं है/हैं?",
    keys.HOW_MANY_CORRECT: "उपर्युक्त कथनों में से कितने सही हैं?",
    keys.HOW_MANY_INCORRECT: "उपर्युक्त कथनों में से कितने सही नहीं हैं?",
    keys.PAIRS: "उपर्युक्त युग्मों में से कितने सही सुमेलित हैं?",
    keys.MATCH_LIST: "नीचे दिए गए कूट का प्रयोग कर सही उत्तर चुनिए।",
    keys.STATEMENT_I_II: "उपर्युक्त कथनों के संदर्भ में, निम्नलिखित में से कौन-सा एक सही है?",
    keys.ASSERTION_REASON: "नीचे दिए गए कूट का प्रयोग कर सही उत्तर चुनिए।",
}

FIXED_OPTIONS = {
    keys.STATEMENT_I_II: [
        "कथन-I और कथन-II दोनों सही हैं और कथन-II, कथन-I की व्याख्या करता है",
        "कथन-I और कथन-II दोनों सही हैं, किंतु कथन-II, कथन-I की व्याख्या नहीं करता है",
        "कथन-I सही है, किंतु कथन-II गलत है",
        "कथन-I गलत है, किंतु कथन-II सही है",
    ],
    keys.ASSERTION_REASON: [
        "A और R दोनों सही हैं और R, A की सही व्याख्या है",
        "A और R दोनों सही हैं, किंतु R, A की सही व्याख्या नहीं है",
        "A सही है, किंतु R गलत है",
        "A गलत है, किंतु R सही है",
    ],
}

# A fixed option's English, as stored on its row, to its Hindi.
_HINDI_OF_FIXED = {english: hindi for shape, options in keys.FIXED_OPTIONS.items()
                   for english, hindi in zip(options, FIXED_OPTIONS[shape], strict=True)}


def fixed_option_in_hindi(english):
    return _HINDI_OF_FIXED.get(english, "")
