// The milestone plan's percentages added up while the applicant types (the service checks the plan again on save).
// A file, not an inline script: the portal's Content-Security-Policy allows scripts from 'self' only.
(function () {
  'use strict';

  function total(plan) {
    var sum = 0;
    var readable = true;
    plan.querySelectorAll('input[data-tranche]').forEach(function (input) {
      var text = input.value.trim();
      if (text === '') {
        return;
      }
      if (!/^\d+$/.test(text)) {
        readable = false;
        return;
      }
      sum += parseInt(text, 10);
    });
    return readable ? sum : null;
  }

  function show(plan) {
    var output = plan.querySelector('[data-tranche-total]');
    if (!output) {
      return;
    }
    var sum = total(plan);
    var ok = sum === 100;
    output.textContent = ok ? output.dataset.ok : output.dataset.off.replace('{0}', sum === null ? '?' : String(sum));
    output.classList.toggle('total-ok', ok);
    output.classList.toggle('total-off', !ok);
  }

  function start() {
    document.querySelectorAll('[data-milestone-plan]').forEach(function (plan) {
      plan.addEventListener('input', function () { show(plan); });
      show(plan);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
