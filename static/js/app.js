// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Changing the sort order applies it at once (the Apply button still works without JavaScript).
  // On narrow screens the filter panel starts folded so results come first.
  var facets = document.querySelector("details.facets");
  if (facets && window.matchMedia && window.matchMedia("(max-width: 899px)").matches) {
    facets.removeAttribute("open");
  }
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
})();
