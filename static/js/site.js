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
