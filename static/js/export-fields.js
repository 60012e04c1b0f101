// The leads' export page: "Select all" ticks or clears every column (bound here, not inline, for the CSP).
document.addEventListener("DOMContentLoaded", function () {
  var toggle = document.querySelector("[data-select-all]");
  if (!toggle) { return; }
  var boxes = function () { return document.querySelectorAll(".selectable-field-export-row input[type=checkbox]"); };
  toggle.addEventListener("change", function () {
    boxes().forEach(function (box) { box.checked = toggle.checked; });
  });
  document.addEventListener("change", function (event) {
    if (event.target !== toggle && event.target.closest(".selectable-field-export-row")) {
      toggle.checked = Array.prototype.every.call(boxes(), function (box) { return box.checked; });
    }
  });
});
