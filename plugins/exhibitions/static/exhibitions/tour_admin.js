/* The tour editor: a click on a stop's chosen picture puts the hotspot being edited (the one
   last focused in that stop, else its last one) where the click was, in percent of the picture.
   Wagtail draws StreamFields in the browser, so this listens on the document. */
(() => {
  "use strict";

  const lastEdited = new WeakMap(); // stop element -> hotspot element last focused in it

  document.addEventListener("focusin", (event) => {
    const hotspot = event.target instanceof Element && event.target.closest(".tour-hotspot-block");
    const stop = hotspot && hotspot.closest(".tour-stop-block");
    if (stop) lastEdited.set(stop, hotspot);
  });

  function fieldsOf(hotspot) {
    const x = hotspot.querySelector('input[name$="-value-x"]');
    const y = hotspot.querySelector('input[name$="-value-y"]');
    if (!x || !y) return null;
    const item = x.name.slice(0, -"-value-x".length);
    const deleted = document.querySelector(`input[name="${CSS.escape(item)}-deleted"]`);
    return deleted && deleted.value ? null : { x, y };
  }

  function hotspotToPlace(stop) {
    const remembered = lastEdited.get(stop);
    if (remembered && remembered.isConnected && fieldsOf(remembered)) return remembered;
    const hotspots = [...stop.querySelectorAll(".tour-hotspot-block")].filter(fieldsOf);
    return hotspots[hotspots.length - 1] || null;
  }

  function fill(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.classList.add("tour-hotspot-placed");
    setTimeout(() => input.classList.remove("tour-hotspot-placed"), 1500);
  }

  const percent = (offset, size) => Math.min(100, Math.max(0, (offset / size) * 100)).toFixed(1);

  document.addEventListener("click", (event) => {
    const picture = event.target instanceof Element && event.target.closest("[data-chooser-image]");
    const stop = picture && picture.closest(".tour-stop-block");
    // Only the stop's own picture, not one chosen inside a hotspot.
    if (!stop || picture.closest(".tour-hotspot-block")) return;
    const hotspot = hotspotToPlace(stop);
    if (!hotspot) return;
    const box = picture.getBoundingClientRect();
    const { x, y } = fieldsOf(hotspot);
    fill(x, percent(event.clientX - box.left, box.width));
    fill(y, percent(event.clientY - box.top, box.height));
  });
})();
