// The kiosk page, live: follows the station's screen by long polling, sends the forms without
// reloading, and swaps only what changed so focus and typed digits stay where they were.
// Without this script the page still works: forms post and redirect, a meta refresh follows the pad.
(() => {
  "use strict";

  const screen = document.getElementById("screen");
  let version = Number(screen.dataset.version);
  let lastTouch = 0;
  // Each region as the server last sent it: the page changes its own copy (the keypad shows,
  // fields fill), so "unchanged" is judged against what was sent, not against the page.
  const sent = new Map();
  const remember = (root) => {
    for (const region of root.querySelectorAll("[data-region]")) sent.set(region.dataset.region, region.outerHTML);
  };

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // What identifies a control across two renderings of the same screen.
  function focusKey(element) {
    if (!element || element === document.body) return null;
    if (element.id) return `#${element.id}`;
    const form = element.closest("form");
    if (element.tagName === "BUTTON" && form) {
      return `${form.getAttribute("action")}|${element.name}|${element.value}|${element.dataset.key || ""}`;
    }
    if (element.dataset.key) return `key|${element.dataset.key}`;
    return null;
  }

  function findByKey(key) {
    if (!key) return null;
    if (key.startsWith("#")) return document.getElementById(key.slice(1));
    return [...screen.querySelectorAll("button")].find((button) => focusKey(button) === key) || null;
  }

  // Items keep their list element (an aria-live region): changed lines are replaced, new ones added.
  function patchItems(oldList, newList) {
    const old = new Map([...oldList.children].map((li) => [li.dataset.key, li]));
    const keep = new Set();
    let previous = null;
    for (const fresh of [...newList.children]) {
      const key = fresh.dataset.key;
      keep.add(key);
      let current = old.get(key);
      if (!current) {
        current = fresh;
        previous ? previous.after(current) : oldList.prepend(current);
      } else if (current.outerHTML !== fresh.outerHTML) {
        current.replaceWith(fresh);
        current = fresh;
      }
      previous = current;
    }
    for (const [key, li] of old) if (!keep.has(key)) li.remove();
  }

  function patchRegion(oldRegion, newRegion) {
    if (oldRegion.dataset.patch === "inner") {
      oldRegion.innerHTML = newRegion.innerHTML; // a live region: it must stay in the page
      return;
    }
    const oldList = oldRegion.querySelector("#items");
    const newList = newRegion.querySelector("#items");
    if (oldList && newList) {
      const wanted = [...newRegion.children];
      for (const [index, child] of wanted.entries()) {
        const before = oldRegion.children[index];
        if (child.id === "items") patchItems(oldList, newList);
        else if (!before) oldRegion.append(child);
        else if (before.outerHTML !== child.outerHTML) before.replaceWith(child);
      }
      while (oldRegion.children.length > wanted.length) oldRegion.lastElementChild.remove();
      return;
    }
    oldRegion.replaceWith(newRegion);
  }

  function sameLayout(fresh) {
    const names = (root) => [...root.querySelectorAll("[data-region]")].map((r) => r.dataset.region).join();
    return names(screen) === names(fresh);
  }

  function apply(data) {
    if (data.version <= version) return;
    const modeChanged = data.mode !== screen.dataset.mode;
    const active = document.activeElement;
    const key = focusKey(active);
    const hadTaker = !!screen.querySelector("[data-take-focus]");
    const typed = new Map(
      // Only fields marked to be kept (the card number, after a wrong PIN); a PIN never is.
      [...screen.querySelectorAll("input[id][data-keep]")].map((input) => [input.id, input.value]),
    );
    const fresh = document.createElement("div");
    fresh.innerHTML = data.html;
    const previous = new Map(sent);
    remember(fresh);

    document.documentElement.lang = data.lang;
    document.title = data.title;
    version = data.version;
    screen.dataset.version = String(data.version);
    screen.dataset.mode = data.mode;

    if (modeChanged || !sameLayout(fresh)) {
      screen.replaceChildren(...fresh.childNodes);
    } else {
      const regions = [...fresh.querySelectorAll("[data-region]")];
      for (const region of regions) {
        if (region.parentElement.closest("[data-region]")) continue;
        const name = region.dataset.region;
        const current = screen.querySelector(`[data-region="${name}"]`);
        if (current && previous.get(name) !== region.outerHTML) patchRegion(current, region);
      }
      for (const [id, value] of typed) {
        const input = document.getElementById(id);
        if (input && !input.value) input.value = value;
      }
    }
    setUp();
    const taker = screen.querySelector("[data-take-focus]");
    if (taker && !hadTaker) {
      taker.focus(); // the card just found on the pad: the PIN is what is wanted now
    } else if (modeChanged) {
      (screen.querySelector("[autofocus]") || document.getElementById("heading")).focus();
    } else if (!screen.contains(document.activeElement) || document.activeElement !== active) {
      const again = findByKey(key);
      if (again) again.focus();
      else if (!screen.contains(document.activeElement)) document.getElementById("heading").focus();
    }
  }

  async function poll() {
    for (;;) {
      try {
        const response = await fetch(`/screen?after=${version}`, { cache: "no-store" });
        if (response.status === 200) apply(await response.json());
        else if (response.status !== 204) await sleep(2000);
      } catch {
        await sleep(2000); // the station is restarting: try again shortly
      }
    }
  }

  async function post(action, body) {
    const response = await fetch(action, {
      method: "POST",
      body,
      headers: { "X-Kiosk-Fragment": "1" },
      cache: "no-store",
    });
    if (response.ok) apply(await response.json());
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form, event.submitter));
    // Typed fields not marked to be kept (a PIN) are emptied once sent, whatever the answer: the
    // screen may come back unchanged around them (a wrong PIN whose busy state was never seen).
    const typed = () => form.querySelectorAll("input[data-keypad]:not([data-keep])");
    post(form.getAttribute("action"), body)
      .then(() => typed().forEach((input) => { input.value = ""; }))
      .catch(() => form.submit());
  });

  // Any touch or key tells the station the reader is still there (at most every few seconds).
  function touched() {
    const now = Date.now();
    if (now - lastTouch < 5000 || !screen.querySelector(".countdown")) return;
    lastTouch = now;
    fetch("/touch", { method: "POST", headers: { "X-Kiosk-Fragment": "1" } }).catch(() => {});
  }
  document.addEventListener("pointerdown", touched, { passive: true });
  document.addEventListener("keydown", touched);

  function tick() {
    for (const countdown of screen.querySelectorAll(".countdown[data-ends-at]")) {
      const left = Math.max(0, Math.round((Date.parse(countdown.dataset.endsAt) - Date.now()) / 1000));
      countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    }
  }

  // The on-screen keypad types into the last field of its form that had focus.
  function setUp() {
    for (const host of screen.querySelectorAll(".keypad-host")) {
      const keypad = host.querySelector(".keypad");
      const fields = [...host.querySelectorAll("input[data-keypad]")];
      if (!keypad || !fields.length) continue;
      keypad.hidden = false;
      const show = (field) => {
        host.dataset.target = field.id;
        const label = host.querySelector(`label[for="${field.id}"]`);
        keypad.querySelector("[data-keypad-target]").textContent = label ? label.textContent : "";
      };
      show(fields.find((field) => field.id === host.dataset.target) || fields[0]);
      for (const field of fields) field.addEventListener("focus", () => show(field));
    }
    tick();
  }

  screen.addEventListener("click", (event) => {
    const key = event.target.closest(".keys button");
    if (!key) return;
    const host = key.closest(".keypad-host");
    const field = document.getElementById(host.dataset.target);
    if (!field) return;
    const max = field.maxLength > 0 ? field.maxLength : Infinity;
    if (key.dataset.key === "delete") field.value = field.value.slice(0, -1);
    else if (key.dataset.key === "clear") field.value = "";
    else if (field.value.length < max) field.value += key.dataset.key;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });

  remember(screen);
  setUp();
  setInterval(tick, 1000);
  poll();
})();
