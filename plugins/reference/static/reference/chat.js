/* The reader's live chat: start it, then send and show lines over a websocket.
   Reader and librarian text goes in with textContent only, never as markup. */
(function () {
  "use strict";
  var widget = document.querySelector(".live-chat[data-chat-offered='true']");
  if (!widget) return;
  var start = widget.querySelector("[data-chat-start]");
  var room = widget.querySelector("[data-chat-room]");
  var list = widget.querySelector("[data-chat-lines]");
  var status = widget.querySelector("[data-chat-status]");
  var say = widget.querySelector("[data-chat-say]");
  var field = say.querySelector("textarea");
  var after = widget.querySelector("[data-chat-after]");
  var texts = widget.querySelector("[data-chat-texts]").dataset;
  var STORE = "library20-chat";
  var socket = null;
  var ended = false;
  var retry = 1000;

  function show(line) {
    var id = "chat-line-" + line.id;
    if (document.getElementById(id)) return;  // seen before a reconnect
    var item = document.createElement("li");
    item.id = id;
    item.className = "live-chat__line live-chat__line--" + (line.from === "reader" ? "mine" : "theirs");
    var who = document.createElement("span");
    who.className = "live-chat__who";
    who.textContent = line.from === "reader" ? texts.you : (line.name || texts.librarian);
    var body = document.createElement("span");
    body.className = "live-chat__body";
    body.textContent = line.body;
    item.append(who, body);
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  function finish(threadUrl) {
    ended = true;
    sessionStorage.removeItem(STORE);
    say.hidden = true;
    status.textContent = "";
    after.hidden = false;
    var link = after.querySelector("a");
    if (threadUrl) {
      link.href = threadUrl;
      link.focus();
    } else {
      after.querySelector("[data-chat-thread-note]").hidden = true;
      after.focus();
    }
  }

  function connect(path) {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + path);
    socket.onopen = function () { retry = 1000; };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "history") {
        data.lines.forEach(show);
        if (data.ended) finish(data.thread_url);
        else if (list.querySelectorAll(".live-chat__line--theirs").length === 0) status.textContent = texts.waiting;
        else status.textContent = "";
      } else if (data.type === "line") {
        show(data.line);
        if (data.line.from === "librarian") status.textContent = "";
      } else if (data.type === "joined") {
        status.textContent = texts.joined + " " + data.name;
      } else if (data.type === "refused") {
        status.textContent = data.message;
      } else if (data.type === "ended") {
        finish(data.thread_url);
      }
    };
    socket.onclose = function (event) {
      if (ended) return;
      if (event.code === 4403) { sessionStorage.removeItem(STORE); status.textContent = texts.failed; return; }
      status.textContent = texts.lost;
      setTimeout(function () { connect(path); }, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  function enter(path) {
    start.hidden = true;
    room.hidden = false;
    connect(path);
    field.focus();
  }

  start.addEventListener("submit", function (event) {
    event.preventDefault();
    var errors = start.querySelector("[data-chat-errors]");
    errors.textContent = "";
    fetch(start.action, { method: "POST", body: new FormData(start), credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (data) { return [response, data]; }); })
      .then(function (result) {
        var data = result[1];
        if (!result[0].ok) {
          var messages = [];
          Object.keys(data.errors || {}).forEach(function (key) { messages = messages.concat(data.errors[key]); });
          errors.textContent = messages.join(" ") || texts.failed;
          return;
        }
        sessionStorage.setItem(STORE, data.socket);
        enter(data.socket);
      })
      .catch(function () { errors.textContent = texts.failed; });
  });

  say.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = field.value.trim();
    if (!body || !socket || socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ type: "line", body: body }));
    field.value = "";
  });
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); say.requestSubmit(); }
  });
  widget.querySelector("[data-chat-end]").addEventListener("click", function () {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "end" }));
  });

  var saved = sessionStorage.getItem(STORE);
  if (saved) enter(saved); else start.hidden = false;
})();
