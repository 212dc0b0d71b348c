// Wagtail's urlify has no mapping for Vietnamese letters that carry two marks (ộ, ế, ữ…) and
// turns đ into "dj", so "Hội nghị tổng kết" became "hi-ngh-tng-kt". Re-derive the slug the way
// the server does (site_pages/slugs.py): decompose, drop the marks, đ -> d.
(function () {
  "use strict";

  function vietnameseSlug(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase()
      .replace(/[^a-z0-9\s_-]/g, "")
      .trim()
      .replace(/[\s-]+/g, "-")
      .slice(0, 255)
      .replace(/-+$/, "");
  }

  function watch(slugInput) {
    if (slugInput.dataset.vietnameseSlug) return;
    slugInput.dataset.vietnameseSlug = "on";
    // Title typed: Wagtail's sync controller hands the title to the slug field.
    slugInput.addEventListener("w-sync:apply", function (event) {
      var title = event.detail && event.detail.value;
      if (typeof title === "string") {
        setTimeout(function () { slugInput.value = vietnameseSlug(title); }, 0);
      }
    });
    // Slug typed by hand, with diacritics: keep every letter when Wagtail tidies it on blur.
    slugInput.addEventListener("input", function () { slugInput.dataset.typed = slugInput.value; });
    slugInput.addEventListener("blur", function () {
      var typed = slugInput.dataset.typed || "";
      if (/[^\x00-\x7f]/.test(typed)) {
        setTimeout(function () { slugInput.value = vietnameseSlug(typed); }, 0);
      }
    });
  }

  function start() {
    document.querySelectorAll('input[data-controller~="w-slug"]').forEach(watch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
