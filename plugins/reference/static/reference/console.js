/* The librarians' chat console: waiting chats, the ones taken, lines both ways over a websocket.
   Readers' text goes in with textContent only, never as markup. */
(function () {
  "use strict";
  var root = document.querySelector("[data-chat-console]");
  if (!root) return;
  var t = root.dataset;
  var waitingList = root.querySelector("[data-console-waiting]");
  var none = root.querySelector("[data-console-none]");
  var chats = root.querySelector("[data-console-chats]");
  var state = root.querySelector("[data-console-state]");
  var duty = root.querySelector("[data-console-duty]");
  var stateTexts = root.querySelector("[data-console-connecting-text]").dataset;
  var socket = null, heartbeat = null, retry = 1000, waiting = [], shownAt = Date.now();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function send(data) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(data));
  }
  function age(seconds) {
    var minutes = Math.floor(seconds / 60);
    return minutes + ":" + String(seconds % 60).padStart(2, "0");
  }

  function renderWaiting() {
    waitingList.replaceChildren();
    none.hidden = waiting.length > 0;
    var elapsed = Math.floor((Date.now() - shownAt) / 1000);
    waiting.forEach(function (chat) {
      var item = el("li", "chat-console__waiting-item");
      item.dataset.question = chat.question;
      var summary = el("span", "chat-console__summary", chat.summary);
      var who = el("strong", "", (chat.name || t.textReader) + " ");
      summary.prepend(who);
      var ageText = el("span", "chat-console__age", t.textWaits + " " + age(chat.waiting_seconds + elapsed));
      var take = el("button", "button button-small", t.textTake);
      take.type = "button";
      take.addEventListener("click", function () { send({ type: "take", question: chat.question }); });
      item.append(summary, ageText, take);
      waitingList.append(item);
    });
  }

  function showLine(panel, line) {
    var list = panel.querySelector("ol");
    var id = "console-line-" + panel.dataset.question + "-" + line.id;
    if (document.getElementById(id)) return;
    var item = el("li", "chat-console__line live-chat__line live-chat__line--" + (line.from === "reader" ? "theirs" : "mine"));
    item.id = id;
    var who = line.from === "reader" ? (line.name || t.textReader) : (line.name || t.textYou);
    item.append(el("span", "live-chat__who", who), el("span", "live-chat__body", line.body));
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  function panelOf(question) { return chats.querySelector("[data-question='" + question + "']"); }

  function openChat(chat) {
    var panel = panelOf(chat.question);
    if (!panel) {
      panel = el("section", "chat-console__chat");
      panel.dataset.question = chat.question;
      var headingId = "chat-heading-" + chat.question;
      panel.setAttribute("aria-labelledby", headingId);
      var heading = el("h3", "", (chat.name || t.textReader) + " — " + chat.summary + " (" + chat.language + ")");
      heading.id = headingId;
      var list = el("ol", "chat-console__lines");
      list.setAttribute("aria-live", "polite");
      var status = el("p", "live-chat__status");
      status.setAttribute("role", "status");
      var form = el("form");
      var fieldId = "chat-line-" + chat.question;
      var label = el("label", "", t.textMessage);
      label.htmlFor = fieldId;
      var field = el("textarea");
      field.id = fieldId;
      field.rows = 2;
      field.maxLength = Number(t.lineMax);
      var actions = el("div", "chat-console__actions");
      var sendButton = el("button", "button", t.textSend);
      sendButton.type = "submit";
      var end = el("button", "button button-secondary", t.textEnd);
      end.type = "button";
      end.addEventListener("click", function () { send({ type: "end", question: chat.question }); });
      actions.append(sendButton, end);
      if (t.questionUrl) {
        var link = el("a", "", t.textOpen);
        link.href = t.questionUrl.replace(/\/0\/(?=[^/]*$)/, "/" + chat.question + "/");
        link.target = "_blank";
        actions.append(link);
      }
      form.append(label, field, actions);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var body = field.value.trim();
        if (!body) return;
        send({ type: "line", question: chat.question, body: body });
        field.value = "";
      });
      field.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
      });
      panel.append(heading, list, status, form);
      chats.prepend(panel);
    }
    (chat.lines || []).forEach(function (line) { showLine(panel, line); });
    return panel;
  }

  function closeChat(question, message) {
    var panel = panelOf(question);
    if (!panel) return;
    panel.classList.add("chat-console__chat--ended");
    panel.querySelector(".live-chat__status").textContent = message;
    var form = panel.querySelector("form");
    form.querySelectorAll("textarea, button[type=submit]").forEach(function (c) { c.disabled = true; });
    var end = form.querySelector(".button-secondary");
    end.textContent = t.textClose;
    end.onclick = function () { panel.remove(); };
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/ask/chat/console/");
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "hello") {
        retry = 1000;
        state.textContent = stateTexts.consoleConnectedText;
        duty.hidden = false;
        clearInterval(heartbeat);
        heartbeat = setInterval(function () { send({ type: "heartbeat" }); }, data.heartbeat_seconds * 1000);
        data.chats.forEach(openChat);
        waiting = data.waiting; shownAt = Date.now(); renderWaiting();
      } else if (data.type === "waiting") {
        waiting = data.waiting; shownAt = Date.now(); renderWaiting();
      } else if (data.type === "chat") {
        openChat(data.chat).querySelector("textarea").focus();
      } else if (data.type === "line") {
        var panel = panelOf(data.question);
        if (panel) showLine(panel, data.line);
      } else if (data.type === "ended") {
        closeChat(data.question, t.textEnded);
      } else if (data.type === "gone") {
        if (panelOf(data.question)) closeChat(data.question, t.textGone); else state.textContent = t.textGone;
      } else if (data.type === "refused") {
        var target = panelOf(data.question);
        if (target) target.querySelector(".live-chat__status").textContent = data.message;
      }
    };
    socket.onclose = function () {
      clearInterval(heartbeat);
      duty.hidden = true;
      state.textContent = stateTexts.consoleConnectingText;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }
  setInterval(renderWaiting, 15000);
  connect();
})();
