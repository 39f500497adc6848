// The rubric's total added up while the expert types (milestone-review checks every score again when it is sent).
// A file, not an inline script: the portal's Content-Security-Policy allows scripts from 'self' only.
(function () {
  'use strict';

  function show(form) {
    var output = form.querySelector('[data-score-total]');
    if (!output) {
      return;
    }
    var sum = 0;
    var readable = true;
    form.querySelectorAll('input[data-score]').forEach(function (input) {
      var text = input.value.trim();
      if (text === '') {
        return;
      }
      var max = parseInt(input.getAttribute('max'), 10);
      if (!/^\d+$/.test(text) || parseInt(text, 10) > max) {
        readable = false;
        return;
      }
      sum += parseInt(text, 10);
    });
    output.textContent = readable ? String(sum) : '?';
    output.classList.toggle('total-off', !readable);
  }

  function start() {
    document.querySelectorAll('form[data-rubric]').forEach(function (form) {
      form.addEventListener('input', function () { show(form); });
      show(form);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
