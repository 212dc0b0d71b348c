/* Title suggestions under the search box of /tim-kiem/, from GET /api/v1/suggest?q=.
   An enhancement only: without this script the box is a plain search form. With it, the box becomes
   an ARIA 1.2 combobox: arrow keys move through the suggestions, Enter opens the chosen page, Escape
   closes the list, and typing on submits the search as before. */
(function () {
  "use strict";

  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) { return; }

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;
  var endpoint = input.getAttribute("data-suggest-url");
  var list = document.createElement("ul");
  var status = document.createElement("p");
  var items = [];
  var active = -1;
  var timer = null;
  var pending = null;

  list.id = input.id + "-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function close() {
    list.hidden = true;
    list.textContent = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    active = index;
    items.forEach(function (item, position) {
      item.element.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", items[index].element.id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(suggestions) {
    close();
    suggestions.forEach(function (suggestion, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = suggestion.title;  // text, never HTML
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { window.location.assign(suggestion.url); });
      list.appendChild(option);
      items.push({ element: option, url: suggestion.url });
    });
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    status.textContent = items.length ? input.getAttribute("data-suggest-status") : "";
  }

  function fetchSuggestions() {
    var typed = input.value.trim();
    if (typed.length < MIN_LENGTH) { close(); return; }
    if (pending) { pending.abort(); }
    pending = window.AbortController ? new AbortController() : null;
    window.fetch(endpoint + "?q=" + encodeURIComponent(typed), {
      headers: { Accept: "application/json" },
      signal: pending ? pending.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) {
        if (input.value.trim() === typed) { show(body.suggestions || []); }
      })
      .catch(function () { /* a failed suggestion leaves the plain search box */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, DELAY_MS);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight(active + 1 < items.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active > 0 ? active - 1 : items.length - 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].url);
    }
  });

  input.addEventListener("blur", close);
})();
