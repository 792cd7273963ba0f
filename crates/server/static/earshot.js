// Deep links to a moment: "#t=754" (seconds) or "#t=12:34" scrolls the transcript to the
// segment playing then, highlights it and seeks the audio player there.
(function () {
  "use strict";
  function seconds(v) {
    if (/^\d+(\.\d+)?$/.test(v)) return parseFloat(v);
    var parts = v.split(":").map(Number);
    if (parts.some(isNaN)) return null;
    return parts.reduce(function (acc, p) { return acc * 60 + p; }, 0);
  }
  function go() {
    var m = /^#t=([0-9:.]+)$/.exec(window.location.hash);
    if (!m) return;
    var t = seconds(m[1]);
    if (t === null) return;
    var segs = document.querySelectorAll(".transcript .seg[data-t]");
    var best = null;
    segs.forEach(function (s) {
      if (parseFloat(s.dataset.t) <= t) best = s;
    });
    if (!best && segs.length) best = segs[0];
    document.querySelectorAll(".seg.here").forEach(function (s) { s.classList.remove("here"); });
    if (best) {
      best.classList.add("here");
      best.scrollIntoView({ block: "center" });
    }
    var player = document.getElementById("player");
    if (player) {
      try { player.currentTime = t; } catch (e) { /* not loaded yet: the browser seeks on play */ }
    }
  }
  window.addEventListener("hashchange", go);
  document.addEventListener("DOMContentLoaded", go);
})();
