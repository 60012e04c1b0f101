// The review page: a comment beside the words the evaluator selects in a typed answer (sent as the
// passage's first and last character, counted in the answer's text), and the rubric's running total.
(function () {
  var answer = document.querySelector("[data-answer-for-review]");
  var button = document.querySelector("[data-comment-selection]");
  var list = document.querySelector("[data-review-comments]");
  if (answer && button && list) {
    var passage = null;
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      passage = null;
      if (selection.rangeCount && !selection.isCollapsed) {
        var range = selection.getRangeAt(0), text = answer.firstChild;
        if (text && range.startContainer === text && range.endContainer === text && range.endOffset > range.startOffset) {
          passage = [range.startOffset, range.endOffset, selection.toString()];
        }
      }
      button.hidden = !passage;
    });
    button.addEventListener("click", function () {
      if (!passage) { return; }
      var item = document.createElement("li"), quote = document.createElement("q"), box = document.createElement("textarea");
      quote.textContent = passage[2];
      box.name = "comment_text"; box.rows = 2; box.setAttribute("aria-label", "Comment on: " + passage[2]);
      [["comment_start", passage[0]], ["comment_end", passage[1]]].forEach(function (pair) {
        var hidden = document.createElement("input");
        hidden.type = "hidden"; hidden.name = pair[0]; hidden.value = pair[1];
        item.appendChild(hidden);
      });
      item.appendChild(quote); item.appendChild(box);
      list.appendChild(item);
      box.focus();
    });
  }
  var total = document.querySelector("[data-rubric-total]");
  if (total) {
    var parts = document.querySelectorAll("[data-rubric-part]");
    var sum = function () {
      var marks = 0;
      parts.forEach(function (part) { var value = parseFloat(part.value.replace(",", ".")); if (value > 0) { marks += value; } });
      total.textContent = marks;
      total.classList.toggle("overdue", marks > parseFloat(total.getAttribute("data-maximum")));
    };
    parts.forEach(function (part) { part.addEventListener("input", sum); });
    sum();
  }
})();
