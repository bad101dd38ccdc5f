// Vigil's only script besides htmx. No inline scripts exist: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Every htmx request carries the session's CSRF token, as every form does.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // Keyboard shortcuts: a key clicks the visible, enabled element that declares it with data-key. A held
  // key never repeats, and keys wait a moment after the next case appears, so that no case is decided
  // before the reviewer has seen it; the page carries data-keys-quiet for that moment.
  var quietTimer = null;
  document.addEventListener("keydown", function (event) {
    if (event.repeat || document.body.hasAttribute("data-keys-quiet")) {
      return;
    }
    var target = event.target;
    if (event.key === "Escape" && target && target.blur && target !== document.body) {
      target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
      return;
    }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var candidates = document.querySelectorAll('[data-key="' + CSS.escape(event.key.toLowerCase()) + '"]');
    for (var i = 0; i < candidates.length; i++) {
      var element = candidates[i];
      if (!element.disabled && element.offsetParent !== null) {
        event.preventDefault();
        element.click();
        return;
      }
    }
  });

  // Put the keyboard back on the page after htmx swaps in the next case.
  document.addEventListener("htmx:afterSwap", function (event) {
    document.body.setAttribute("data-keys-quiet", "");
    clearTimeout(quietTimer);
    quietTimer = setTimeout(function () {
      document.body.removeAttribute("data-keys-quiet");
    }, 500);
    var focus = event.detail.target.querySelector("[data-autofocus]");
    if (focus) {
      focus.focus();
    }
  });

  // A request the server refused, or could not be sent, is never silent: htmx swaps nothing for it, so
  // the page says why at the top of its main part (the server's problem detail, as text, never markup)
  // until a request of the user's own succeeds (a background refresh does not take it away).
  function showRefusal(text) {
    var box = document.getElementById("request-refused");
    if (!box) {
      box = document.createElement("div");
      box.id = "request-refused";
      box.className = "problems";
      box.setAttribute("role", "alert");
      var main = document.querySelector("main") || document.body;
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = text;
  }

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var text = "The request was refused (" + xhr.status + ").";
    if ((xhr.getResponseHeader("Content-Type") || "").indexOf("json") >= 0) {
      try {
        var problem = JSON.parse(xhr.responseText);
        if (problem && typeof problem.detail === "string" && problem.detail) {
          text = problem.detail.length > 500 ? problem.detail.substring(0, 500) + "…" : problem.detail;
        }
      } catch (ignored) {
        // not a problem document after all: the status says enough
      }
    }
    showRefusal(text);
  });

  document.addEventListener("htmx:sendError", function () {
    showRefusal("Vigil could not be reached. Check the connection and try again.");
  });

  // After a request: a refusal shown earlier goes once the user's next request succeeds, and a button that does
  // its work once (revealing a hidden media item, which the server records) goes once it has.
  document.addEventListener("htmx:afterRequest", function (event) {
    var element = event.detail.elt;
    var polling = element && (element.getAttribute("hx-trigger") || "").indexOf("every") >= 0;
    if (event.detail.successful && !polling) {
      var refused = document.getElementById("request-refused");
      if (refused) {
        refused.remove();
      }
    }
    if (element && element.hasAttribute("data-once") && event.detail.successful) {
      element.remove();
    }
  });
})();
