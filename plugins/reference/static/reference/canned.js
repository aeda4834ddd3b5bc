// The canned answer picker: "Use" puts the chosen text where the cursor is in the answer,
// here in the page. Without this script the button asks the server to do the same.
(function () {
  "use strict";
  var data = document.getElementById("reference-canned-texts");
  var use = document.querySelector(".reference-canned__use");
  var select = document.getElementById("id_canned");
  var answer = document.getElementById("id_body");
  if (!data || !use || !select || !answer) return;
  var texts = JSON.parse(data.textContent);
  use.addEventListener("click", function (event) {
    var text = texts[select.value];
    event.preventDefault();
    if (!text) {
      select.focus();
      return;
    }
    var start = answer.selectionStart, end = answer.selectionEnd;
    answer.value = answer.value.slice(0, start) + text + answer.value.slice(end);
    answer.focus();
    answer.setSelectionRange(start + text.length, start + text.length);
  });
})();
