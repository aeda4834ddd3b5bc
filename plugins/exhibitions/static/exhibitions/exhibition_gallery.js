// The gallery's lightbox: a thumbnail opens the full image in a modal <dialog>; arrow keys and
// the buttons move through the gallery, Esc or Close shut it and focus returns to the
// thumbnail. Without this script the thumbnails are links to the full images.
(function () {
  "use strict";

  function setUp(gallery) {
    var dialog = gallery.querySelector("dialog.lightbox");
    if (!dialog || typeof dialog.showModal !== "function") return;
    var links = Array.prototype.slice.call(gallery.querySelectorAll(".exhibit-gallery__link"));
    var image = dialog.querySelector(".lightbox__image");
    var caption = dialog.querySelector(".lightbox__caption");
    var count = dialog.querySelector(".lightbox__count");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      image.src = link.href;
      image.alt = link.dataset.alt || "";
      if (link.dataset.width) image.width = link.dataset.width;
      if (link.dataset.height) image.height = link.dataset.height;
      caption.textContent = link.dataset.caption || "";
      count.textContent = count.dataset.template
        .replace("{n}", String(current + 1))
        .replace("{total}", String(links.length));
    }

    function focusable() {
      return Array.prototype.slice.call(dialog.querySelectorAll("button"));
    }

    links.forEach(function (link, index) {
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        dialog.querySelector(".lightbox__close").focus();
      });
    });
    dialog.querySelector(".lightbox__previous").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".lightbox__next").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector(".lightbox__close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
      else if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
      else if (event.key === "Home") { event.preventDefault(); show(0); }
      else if (event.key === "End") { event.preventDefault(); show(links.length - 1); }
      else if (event.key === "Tab") {
        // Keep focus on the dialog's buttons: the page behind is inert while it is open.
        var buttons = focusable();
        var at = buttons.indexOf(document.activeElement);
        var next = event.shiftKey ? at - 1 : at + 1;
        event.preventDefault();
        buttons[(next + buttons.length) % buttons.length].focus();
      }
    });
    if (links.length < 2) {
      dialog.querySelector(".lightbox__previous").hidden = true;
      dialog.querySelector(".lightbox__next").hidden = true;
    }
  }

  document.querySelectorAll("[data-gallery]").forEach(setUp);
})();
