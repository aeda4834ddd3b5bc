// The frame's "Ask a librarian" link opens its compact form in a dialog; without this script
// (or without <dialog>, or when the form cannot be fetched) the link goes to the full question
// page. The form is fetched when the dialog first opens: it carries this reader's CSRF token,
// which the page itself must not (anonymous readers get pages from a shared cache).
document.addEventListener("click", async (event) => {
  const link = event.target.closest("[data-ask-dialog]");
  const dialog = link && document.getElementById(link.dataset.askDialog);
  if (!dialog || typeof dialog.showModal !== "function") return;
  event.preventDefault();
  const slot = dialog.querySelector("[data-ask-form]");
  if (slot && !slot.firstElementChild) {
    try {
      const response = await fetch(slot.dataset.askForm, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`${response.status}`);
      slot.innerHTML = await response.text();
    } catch {
      window.location.assign(link.href);
      return;
    }
  }
  dialog.showModal();
});
