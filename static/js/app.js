// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Changing the sort order applies it at once (the Apply button still works without JavaScript).
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
})();
