// My contacts: checks the contact's details as the person types, and keeps "manage" with "view" among the
// permissions. The forms work without it: the server checks everything again on save.
(function () {
  var form = document.querySelector('form[data-check]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var touched = {};
  var timer = null;
  var asked = 0;

  function show(name, text) {
    var slot = document.getElementById(name + '-message');
    var input = document.getElementById(name);
    if (!slot) return;
    slot.textContent = '';
    if (text) {
      var label = document.createElement('strong');
      label.textContent = form.getAttribute('data-error-label');
      slot.appendChild(label);
      slot.appendChild(document.createTextNode(' ' + text));
      slot.setAttribute('data-state', 'error');
      if (input) input.setAttribute('aria-invalid', 'true');
    } else {
      slot.removeAttribute('data-state');
      if (input) input.removeAttribute('aria-invalid');
    }
  }

  function check() {
    var mine = ++asked;
    fetch(form.getAttribute('data-check'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer || mine !== asked) return; // a later keystroke asked again
        var messages = answer.fields || {};
        // Only the fields the person has worked on: an empty field further down is not an error yet.
        for (var name in touched) if (touched.hasOwnProperty(name)) show(name, messages[name] || '');
      })
      .catch(function () {
        /* the server checks again on save */
      });
  }

  form.addEventListener('input', function (event) {
    var name = event.target.name;
    if (!name || name === '_csrf' || name === 'emailCategories') return;
    touched[name] = true;
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });

  // A field the server refused is checked again as soon as it is corrected.
  var flagged = form.querySelectorAll('[aria-invalid="true"][name]');
  for (var i = 0; i < flagged.length; i++) touched[flagged[i].name] = true;
})();

(function () {
  var boxes = document.querySelectorAll('input[name="permissions"][data-implies]');
  for (var i = 0; i < boxes.length; i++) {
    (function (manage) {
      var view = document.getElementById(manage.getAttribute('data-implies'));
      if (!view) return;
      manage.addEventListener('change', function () {
        if (manage.checked) view.checked = true;
      });
      view.addEventListener('change', function () {
        if (!view.checked) manage.checked = false;
      });
    })(boxes[i]);
  }
})();
