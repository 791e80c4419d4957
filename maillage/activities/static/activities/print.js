// The "Print" button of a personal schedule (no inline script: the CSP allows only our files).
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("print-schedule");
  if (button) {
    button.addEventListener("click", function () { window.print(); });
  }
});
