// The main menu folds behind a « Menu » button on narrow screens (under 44rem, about 700 px).
// Without JavaScript the menu simply stays open; the button is a real <button> with
// aria-expanded, so keyboards and screen readers use it as they would any disclosure.
(function () {
  "use strict";
  var button = document.querySelector("[data-menu-toggle]");
  if (!button) return;
  var list = document.getElementById(button.getAttribute("aria-controls"));
  var narrow = window.matchMedia("(max-width: 44rem)");

  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.hidden = !open;
  }
  function fit() {
    button.hidden = !narrow.matches;
    show(!narrow.matches);
  }
  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && !list.hidden) {
      show(false);
      button.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener("change", fit);
  fit();
})();

// Tables reflow on phones: each cell is labelled with its column's header (data-label), and the
// stylesheet turns rows into stacked cards under 40rem. Tables without a header row, or whose
// header spans columns, are left to scroll sideways.
(function () {
  "use strict";
  var tables = document.querySelectorAll("table");
  Array.prototype.forEach.call(tables, function (table) {
    var head = table.tHead && table.tHead.rows.length === 1 ? table.tHead.rows[0] : null;
    if (!head) return;
    var labels = Array.prototype.map.call(head.cells, function (cell) {
      return cell.colSpan > 1 ? null : cell.textContent.trim();
    });
    if (labels.indexOf(null) !== -1) return;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (labels[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", labels[index]);
          }
        });
      });
    });
    table.classList.add("reflow");
  });
})();
