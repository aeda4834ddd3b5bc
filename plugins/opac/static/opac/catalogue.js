// On a narrow screen the facets start folded, so the results come first; without JavaScript
// they stay open, and the page works the same.
(function () {
  var panel = document.querySelector("details.facets__panel");
  if (panel && window.matchMedia("(max-width: 48rem)").matches) {
    panel.removeAttribute("open");
  }
})();
