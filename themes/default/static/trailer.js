/* vitrine: a MOOC's trailer, loaded only when the visitor asks.
 *
 * The page names the player (a privacy-enhanced one: youtube-nocookie.com,
 * Vimeo with dnt=1) in `data-embed` and loads nothing from it; this script
 * shows the section with its button, and the button puts the player in
 * its place. Without JavaScript the section stays hidden and the facts of
 * the MOOC link to the video.
 */
(function () {
  "use strict";
  var sections = document.querySelectorAll("[data-embed]");
  Array.prototype.forEach.call(sections, function (section) {
    var button = section.querySelector("[data-trailer-load]");
    if (!button) return;
    section.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = section.getAttribute("data-embed");
      frame.title = section.getAttribute("data-embed-title") || "";
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.className = "trailer-frame";
      var offer = button.closest("p");
      offer.parentNode.replaceChild(frame, offer);
      frame.focus();
    });
  });
})();
