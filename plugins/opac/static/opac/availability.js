// A record page is kept for anonymous readers; which copies are on the shelf is live: fetched
// from the record's availability route into the page. Without this script, or when it cannot
// be fetched, the link there stays.
for (const slot of document.querySelectorAll("[data-availability]")) {
  fetch(slot.dataset.availability, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((html) => {
      slot.innerHTML = html;
    })
    .catch(() => {});
}
