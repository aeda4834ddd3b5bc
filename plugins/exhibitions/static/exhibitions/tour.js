/* A virtual tour, enhanced: ← → Home End and the tour's own links change the stop in place
   (the server's page of that stop, fetched), the address follows (history.pushState, and the
   back button works), focus goes to the stop's heading; a panorama pans when dragged.
   Without this script every stop is a complete page of its own. No framework. */
(() => {
  "use strict";

  const tour = document.querySelector("[data-tour]");
  if (!tour || !tour.querySelector("[data-tour-stop]")) return;

  const KEYS = { ArrowLeft: "previous", ArrowRight: "next", Home: "first", End: "last" };
  // Where arrow keys already mean something: typing, choosing, panning a panorama.
  const OWN_KEYS = "input, textarea, select, [contenteditable], [data-tour-panorama]";
  const pages = new Map();
  let shownPath = location.pathname;

  function destination(where) {
    const stops = [...tour.querySelectorAll("[data-tour-stops] a[data-tour-link]")];
    const link = {
      previous: () => tour.querySelector("[data-tour-previous]"),
      next: () => tour.querySelector("[data-tour-next]"),
      first: () => stops[0],
      last: () => stops[stops.length - 1],
    }[where]();
    if (!link || link.getAttribute("aria-current")) return null;
    return link.href;
  }

  async function fetchPage(url) {
    if (!pages.has(url)) {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      pages.set(url, await response.text());
    }
    return new DOMParser().parseFromString(pages.get(url), "text/html");
  }

  async function show(url, { push }) {
    const fresh = await fetchPage(url);
    for (const part of ["[data-tour-stop]", "[data-tour-stops] ol"]) {
      const replacement = fresh.querySelector(part);
      if (!replacement) throw new Error(`${url}: no ${part}`);
      tour.querySelector(part).replaceWith(document.importNode(replacement, true));
    }
    // The language switcher leads to this same stop in the other languages.
    const languages = fresh.querySelector(".language-switcher");
    if (languages) document.querySelector(".language-switcher")?.replaceWith(document.importNode(languages, true));
    document.title = fresh.title;
    const canonical = fresh.querySelector('link[rel="canonical"]');
    if (canonical) document.querySelector('link[rel="canonical"]')?.setAttribute("href", canonical.href);
    if (push) history.pushState({ tourStop: url }, "", url);
    shownPath = new URL(url).pathname;
    enablePanorama();
    tour.querySelector("[data-tour-stop] h2").focus();
  }

  function go(url) {
    show(url, { push: true }).catch(() => location.assign(url));
  }

  document.addEventListener("keydown", (event) => {
    const where = KEYS[event.key];
    if (!where || event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (target instanceof Element && (target.closest(OWN_KEYS) || target.isContentEditable)) return;
    const url = destination(where);
    if (!url) return;
    event.preventDefault();
    go(url);
  });

  tour.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-tour-link]");
    if (!link || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (!link.getAttribute("aria-current")) go(link.href);
  });

  window.addEventListener("popstate", () => {
    if (location.pathname === shownPath) return; // only the #fragment changed
    show(location.href, { push: false }).catch(() => location.reload());
  });

  function enablePanorama() {
    const viewport = tour.querySelector("[data-tour-panorama]");
    if (!viewport) return;
    let start = null;
    let dragged = false;
    viewport.addEventListener("pointerdown", (event) => {
      if (event.pointerType !== "mouse" || event.button !== 0) return; // touch scrolls natively
      start = { x: event.clientX, left: viewport.scrollLeft, pointer: event.pointerId };
      dragged = false;
    });
    viewport.addEventListener("pointermove", (event) => {
      if (!start) return;
      const moved = event.clientX - start.x;
      if (!dragged && Math.abs(moved) > 4) {
        dragged = true;
        viewport.setPointerCapture(start.pointer);
        viewport.classList.add("is-dragging");
      }
      if (dragged) viewport.scrollLeft = start.left - moved;
    });
    const stop = () => {
      start = null;
      viewport.classList.remove("is-dragging");
    };
    viewport.addEventListener("pointerup", stop);
    viewport.addEventListener("pointercancel", stop);
    // A drag that ends on a hotspot is not a click on it.
    viewport.addEventListener("click", (event) => {
      if (dragged) event.preventDefault();
      dragged = false;
    }, true);
  }

  history.replaceState({ tourStop: location.href }, "");
  tour.querySelector("[data-tour-keys]")?.removeAttribute("hidden");
  enablePanorama();
})();
