// The ballot page is plain HTML (no framework download: it must stay light on old phones and
// prepaid plans). This small script only keeps the running total or count up to date as the
// voter chooses; without it the page still works and the server checks every ballot.
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
  // Boxes the browser restores after the script ran (back button, reload).
  window.addEventListener("pageshow", update);
})();
