// The ballot page is plain HTML (no framework download: it must stay light on old phones and
// prepaid plans). This small script keeps the running total or count up to date as the voter
// chooses, and the voting session open while they do; without it the page still works, the
// server checks every ballot, and choices sent after the session closed are kept for the code.
(function () {
  var form = document.querySelector("form[data-ballot]");
  var summary = document.querySelector("[data-ballot-summary]");
  if (!form || !summary) return;
  var d = summary.dataset;
  // With the script running, the live summary replaces the server's "last checked" line.
  var fixed = document.querySelector("[data-static-summary]");
  if (fixed) fixed.hidden = true;
  summary.hidden = false;
  var meter0 = document.querySelector("[data-meter]");
  if (meter0) meter0.hidden = false;
  function money(cents) {
    var digits = cents % 100 === 0 ? 0 : 2;
    return new Intl.NumberFormat(d.locale, { style: "currency", currency: d.currency, minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(cents / 100);
  }
  function update() {
    var boxes = form.querySelectorAll('input[name="project"]:checked');
    if (d.method === "knapsack") {
      var total = 0;
      for (var i = 0; i < boxes.length; i++) total += Number(boxes[i].getAttribute("data-cost")) || 0;
      var budget = Number(d.budget);
      var over = total > budget;
      summary.querySelector("[data-testid=running-total]").textContent = money(total);
      var rest = summary.querySelector("[data-remaining]");
      rest.textContent = "";
      var text = " — " + (over ? d.over : d.left).replace("{amount}", money(Math.abs(budget - total)));
      if (over) {
        var strong = document.createElement("strong");
        strong.className = "error";
        strong.textContent = text;
        rest.appendChild(strong);
      } else rest.textContent = text;
      var meter = document.querySelector("[data-meter]");
      if (meter) {
        meter.className = over ? "meter over" : "meter";
        meter.firstElementChild.style.width = Math.min(100, (total / budget) * 100) + "%";
      }
    } else if (d.method === "approval") {
      var n = boxes.length;
      var form_ = new Intl.PluralRules(d.locale).select(n);
      var template = document.querySelector('template[data-plural="' + form_ + '"]') || document.querySelector('template[data-plural="other"]');
      if (!template) return;
      summary.replaceChildren(template.content.cloneNode(true));
      summary.querySelector("[data-testid=running-count]").textContent = String(n);
      if (n > Number(d.max)) {
        var warn = document.createElement("strong");
        warn.className = "error";
        warn.textContent = " — " + d.tooMany;
        summary.appendChild(warn);
      }
    }
  }
  form.addEventListener("change", update);
  update();

  // The session closes after some minutes without a step (a shared computer). A voter still
  // choosing keeps it: ticking renews it now and then, and a warning offers more time before
  // it closes. Opening the ballot page again is a step, so that is how it is renewed.
  var warning = document.querySelector("[data-session-warning]");
  var ended = document.querySelector("[data-session-ended]");
  if (warning) {
    var minute = 60000;
    var limit = Number(warning.getAttribute("data-minutes")) * minute;
    var renewedAt = Date.now();
    var renewing = null;
    var waiting = false;
    var renew = function () {
      renewedAt = Date.now();
      warning.hidden = true;
      renewing = fetch(location.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (answer) {
          // Sent back to the start page: the session had already closed, so nothing was renewed. Say so now,
          // not at the next step (the choices on the page are kept when the voter sends them).
          if (ended && answer.redirected && new URL(answer.url).pathname !== location.pathname) ended.hidden = false;
        })
        .catch(function () {})
        .then(function () {
          renewing = null;
        });
    };
    // A renewal answers with the cookie as it was when it left. Arriving after "Review my ballot"
    // it would put back a cookie without the choices just sent: the ballot waits for it first.
    form.addEventListener("submit", function (event) {
      if (!renewing) return;
      event.preventDefault();
      if (waiting) return; // pressed again meanwhile: it is sent once
      waiting = true;
      var by = event.submitter;
      var send = function () {
        if (by && by.name) {
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = by.name;
          field.value = by.value;
          form.appendChild(field);
        }
        HTMLFormElement.prototype.submit.call(form);
      };
      Promise.race([renewing, new Promise(function (done) { setTimeout(done, 5000); })]).then(send);
    });
    form.addEventListener("change", function () {
      if (Date.now() - renewedAt > 5 * minute) renew();
    });
    warning.querySelector("button").addEventListener("click", function () {
      renew();
      var first = form.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    });
    setInterval(function () {
      if (warning.hidden && Date.now() - renewedAt > limit - 3 * minute) warning.hidden = false;
    }, 15000);
  }
  // Boxes the browser restores after the script ran (back button, reload).
  window.addEventListener("pageshow", update);
})();
