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
  // A packing slip's Print button (the browser's own print command works without it).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
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
  // The search box completes what is typed (ARIA combobox with a listbox): arrows move through the
  // suggestions, Enter opens the one chosen, Escape closes the list. Without this file the form searches.
  var box = document.getElementById("site-q");
  if (box && box.getAttribute("data-suggest") && window.fetch) {
    var list = document.createElement("ul");
    list.id = "site-q-list";
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    box.parentNode.appendChild(list);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", list.id);
    box.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, asked = "";
    var close = function () {
      list.hidden = true;
      active = -1;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
    };
    var mark = function (i) {
      active = i;
      for (var k = 0; k < list.children.length; k++) {
        list.children[k].setAttribute("aria-selected", k === i ? "true" : "false");
      }
      if (i >= 0) { box.setAttribute("aria-activedescendant", list.children[i].id); }
      else { box.removeAttribute("aria-activedescendant"); }
    };
    var show = function (found) {
      items = found;
      list.textContent = "";
      for (var k = 0; k < found.length; k++) {
        var li = document.createElement("li");
        li.id = "site-q-opt-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var label = document.createElement("span");
        label.textContent = found[k].label;
        li.appendChild(label);
        if (found[k].note) {
          var note = document.createElement("span");
          note.className = "note";
          note.textContent = found[k].note;
          li.appendChild(note);
        }
        li.setAttribute("data-href", found[k].href);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function (e) {
          window.location.href = e.currentTarget.getAttribute("data-href");
        });
        list.appendChild(li);
      }
      active = -1;
      box.removeAttribute("aria-activedescendant");
      list.hidden = found.length === 0;
      box.setAttribute("aria-expanded", found.length ? "true" : "false");
    };
    var ask = function () {
      var q = box.value;
      if (q === asked) { return; }
      asked = q;
      if (q.trim().length < 2) { show([]); return; }
      fetch(box.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) { if (box.value === q) { show(found); } })
        .catch(function () {});
    };
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden) { if (items.length) { show(items); } else { return; } }
        e.preventDefault();
        var n = items.length;
        mark(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
        e.preventDefault();
        window.location.href = items[active].href;
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    box.addEventListener("blur", close);
  }
})();
