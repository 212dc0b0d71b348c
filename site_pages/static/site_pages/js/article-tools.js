// Article tools that need a browser: copy the address, print. The page works without this file:
// the buttons stay hidden and the print view's own link still leads to a printable page.
(function () {
  "use strict";

  function announce(button, text) {
    var status = document.getElementById(button.getAttribute("aria-controls"));
    if (status) {
      status.textContent = text;
    }
  }

  function copyAddress(button) {
    var address = button.getAttribute("data-copy-link");
    var done = function () { announce(button, button.getAttribute("data-copied")); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(done, function () { window.prompt("", address); });
    } else {
      // Plain http or an old browser: let the reader copy it from a dialog.
      window.prompt("", address);
    }
  }

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copyAddress(button); });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  if (document.body.hasAttribute("data-auto-print")) {
    window.addEventListener("load", function () { window.print(); });
  }
})();
