// The card payment step. The provider's script (loaded before this one) turns the card into a payment method with
// the provider, so the card number never reaches Caravan; the form then posts the method's id and the server pays.
// When the shopper's bank asks to confirm, the provider's script shows its dialog, then this page is loaded again
// and the server reads the outcome from the provider.
(function () {
  "use strict";
  if (typeof window.Stripe !== "function") {
    return;
  }
  var form = document.getElementById("pay-form");
  var auth = document.getElementById("pay-auth");
  var host = form || auth;
  if (!host) {
    return;
  }
  var stripe = window.Stripe(host.getAttribute("data-key"), { locale: host.getAttribute("data-locale") });
  if (auth) {
    stripe.confirmCardPayment(auth.getAttribute("data-secret")).then(function () {
      window.location.replace(auth.getAttribute("data-return"));
    });
    return;
  }
  var button = document.getElementById("pay-submit");
  var shown = document.getElementById("pay-error");
  var card = stripe.elements({ locale: host.getAttribute("data-locale") }).create("card");
  card.mount("#pay-card");
  button.disabled = false;
  var label = button.textContent;
  function message(error) {
    var code = String((error && (error.decline_code || error.code)) || "").replace(/_/g, "-");
    return form.getAttribute("data-msg-" + code) || (error && error.message) || form.getAttribute("data-msg-generic");
  }
  function fail(error) {
    shown.textContent = message(error);
    shown.hidden = false;
    button.disabled = false;
    button.textContent = label;
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    shown.hidden = true;
    button.disabled = true;
    button.textContent = button.getAttribute("data-busy");
    stripe.confirmCardSetup(form.getAttribute("data-secret"), { payment_method: { card: card } }).then(
      function (result) {
        var method = result && result.setupIntent && result.setupIntent.payment_method;
        if (!method) {
          fail(result && result.error);
          return;
        }
        document.getElementById("pay-method").value = typeof method === "string" ? method : method.id;
        form.submit();
      },
      function () {
        fail({ code: "unreachable" });
      }
    );
  });
})();
