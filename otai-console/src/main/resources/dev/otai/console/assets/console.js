// otai console: shows times in the reader's time zone, and reloads a page that waits for a result.
(function () {
  "use strict";
  document.querySelectorAll("time[datetime]").forEach(function (el) {
    var at = new Date(el.getAttribute("datetime"));
    if (!isNaN(at.getTime())) {
      el.title = el.textContent;
      el.textContent = at.toLocaleString();
    }
  });
  var waiting = document.querySelector("[data-refresh]");
  if (waiting) {
    var seconds = Math.max(1, parseInt(waiting.getAttribute("data-refresh"), 10) || 2);
    setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
})();
