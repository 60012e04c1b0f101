// Behaviour for the public pages, kept out of the HTML so the Content-Security-Policy allows no inline script.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
document.querySelectorAll("[data-copy-link]").forEach(function (button) {
  button.addEventListener("click", function () {
    var status = button.parentElement.querySelector("[role=status]");
    var link = button.getAttribute("data-copy-link");
    var done = function (message) { if (status) { status.textContent = message; } };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(function () { done("Link copied."); },
        function () { done(link); });
    } else {
      done(link);
    }
  });
});
// The monthly quiz's countdown (the server, not this clock, decides whether a sheet came back late).
document.querySelectorAll("[data-quiz-timer]").forEach(function (timer) {
  var ends = Date.now() + parseInt(timer.getAttribute("data-quiz-timer"), 10) * 1000;
  var shown = timer.querySelector("strong");
  var tick = function () {
    var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    shown.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left === 0) { timer.parentNode.classList.add("quiz-timer--over"); shown.textContent = "0:00 — " + timer.getAttribute("data-time-up"); return; }
    window.setTimeout(tick, 1000);
  };
  tick();
});

// How many of the paper's questions have an answer chosen, beside the time left (the words come from the page,
// in its language, with {answered} and {total} to fill in).
document.querySelectorAll("[data-quiz-answered]").forEach(function (counter) {
  var form = counter.closest("form"), total = counter.getAttribute("data-quiz-answered");
  var update = function () {
    var names = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (input) { if (input.value) { names[input.name] = true; } });
    counter.textContent = counter.getAttribute("data-words").replace("{answered}", Object.keys(names).length).replace("{total}", total);
  };
  form.addEventListener("change", update);
  update();
});

// Mains answer writing: the draft is kept in this browser as it is typed (a lost connection or a failed
// send loses nothing), the words are counted against the limit, and an optional timer runs at UPSC's pace.
document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
  var key = form.getAttribute("data-draft-key"), text = form.querySelector("[data-answer-text]");
  var counter = form.querySelector("[data-word-limit]");
  var store = function (value) { try { window.localStorage.setItem(key, value); } catch (error) { /* private mode */ } };
  var kept = null;
  try { kept = window.localStorage.getItem(key); } catch (error) { kept = null; }
  if (text && kept && !text.value) { text.value = kept; }
  var count = function () {
    if (!counter || !text) { return; }
    var words = (text.value.match(/[^\s\-–—.,;:!?()"'“”‘’/]+/g) || []).length;
    counter.textContent = counter.getAttribute("data-words").replace("{count}", words).replace("{limit}", counter.getAttribute("data-word-limit"));
    counter.classList.toggle("answer-count--over", words > parseInt(counter.getAttribute("data-word-limit"), 10));
  };
  if (text) { text.addEventListener("input", function () { store(text.value); count(); }); }
  count();
  var start = form.querySelector("[data-answer-timer]"), shown = form.querySelector(".answer-timer");
  if (start && shown) {
    start.addEventListener("click", function () {
      var ends = Date.now() + parseInt(start.getAttribute("data-answer-timer"), 10) * 60000;
      start.hidden = true; shown.hidden = false;
      var tick = function () {
        var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
        shown.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
        if (left === 0) { shown.classList.add("answer-timer--over"); return; }
        window.setTimeout(tick, 1000);
      };
      tick();
    });
  }
});
// The answer arrived: its draft is no longer needed.
document.querySelectorAll("[data-clear-draft]").forEach(function (page) {
  try { window.localStorage.removeItem(page.getAttribute("data-clear-draft")); } catch (error) { /* private mode */ }
});
