// "Write a comment" fetches the form when the reader opens it and puts it in place: the form
// carries this reader's CSRF token, which the page must not (anonymous readers get pages from
// a shared cache). Without this script, or when the form cannot be fetched, the link leads to
// the form on a page of its own.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("[data-comment-open]");
  const box = link && link.closest("[data-comment-form]");
  if (!box) return;
  event.preventDefault();
  const slot = box.querySelector("#comment-form-slot");
  try {
    const response = await fetch(box.dataset.commentForm, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${response.status}`);
    slot.innerHTML = await response.text();
  } catch {
    window.location.assign(link.href);
    return;
  }
  link.parentElement.remove();
  slot.querySelector(".comment-form__field input, .comment-form__field textarea")?.focus();
});
