// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // The filter panel and the header menu are closed disclosures (on phones results come first and the header
  // stays short). Wide screens show their content by CSS; opening them here makes that content open for
  // assistive technology and automation too, and shows it in browsers that cannot style a closed <details>.
  if (window.matchMedia && window.matchMedia("(min-width: 900px)").matches) {
    var panels = document.querySelectorAll("details.facets, details.nav-menu");
    for (var p = 0; p < panels.length; p++) {
      panels[p].setAttribute("open", "");
    }
  }
  // Tables stack into one card per row on phones: each cell is labelled with its column's heading.
  var tables = document.querySelectorAll("table.data");
  for (var t = 0; t < tables.length; t++) {
    var heads = tables[t].querySelectorAll("thead th");
    var rows = tables[t].querySelectorAll("tbody tr");
    for (var r = 0; r < rows.length; r++) {
      var cells = rows[r].children;
      for (var c = 0; c < cells.length && c < heads.length; c++) {
        var label = heads[c].textContent.trim();
        if (label && !cells[c].hasAttribute("data-label")) {
          cells[c].setAttribute("data-label", label);
        }
      }
    }
  }
  // Changing the sort order applies it at once (the Apply button still works without JavaScript).
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
  // Choosing a size or colour shows that variant at once (the Choose button still works without JavaScript).
  var pickers = document.querySelectorAll("form[data-auto-submit]");
  for (var p = 0; p < pickers.length; p++) {
    pickers[p].addEventListener("change", function (e) { e.currentTarget.submit(); });
  }
  // Pages are cached for everyone, so they cannot know what this shopper saved: the list is asked for once,
  // and each saved product's button turns into "Saved" (a click takes it off the list). Without this file the
  // button saves, and saving twice says so.
  var wishes = document.querySelectorAll("form.wish-add");
  if (wishes.length && window.fetch) {
    fetch(wishes[0].getAttribute("data-saved"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (ids) {
        for (var w = 0; w < wishes.length; w++) {
          var f = wishes[w];
          var id = Number(f.elements.product_id && f.elements.product_id.value);
          if (ids.indexOf(id) < 0) { continue; }
          f.setAttribute("action", f.getAttribute("data-remove"));
          f.classList.add("saved");
          f.querySelector(".wish-heart").textContent = "\u2665";
          f.querySelector(".wish-label").textContent = f.getAttribute("data-saved-label");
        }
      })
      .catch(function () {});
  }
})();
