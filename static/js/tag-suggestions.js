// Suggests existing tags while an editor types in the comma-separated tags field, so the same
// idea is not filed under two spellings ("India-Japan" and "India Japan").
(function () {
  "use strict";
  function setUp() {
    var input = document.getElementById("id_tags");
    if (!input) return;
    var list = document.createElement("datalist");
    list.id = "tag-suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    var url = document.location.pathname.replace(/(\d+\/change|add)\/?$/, "") + "tag-suggestions/";
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = input.value.split(",");
        var typed = parts.pop().trim();
        var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
        if (!typed) { list.innerHTML = ""; return; }
        fetch(url + "?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
          .then(function (data) {
            list.innerHTML = "";
            data.tags.filter(function (name) { return before.indexOf(name) === -1; }).forEach(function (name) {
              var option = document.createElement("option");
              option.value = before.concat([name]).join(", ");
              list.appendChild(option);
            });
          });
      }, 150);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
