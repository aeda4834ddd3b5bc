// The frame's "Ask a librarian" link opens its compact form in a dialog; without this script
// (or without <dialog>) the link goes to the full question page.
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-ask-dialog]");
  const dialog = link && document.getElementById(link.dataset.askDialog);
  if (!dialog || typeof dialog.showModal !== "function") return;
  event.preventDefault();
  dialog.showModal();
});
