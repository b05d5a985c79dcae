// Checks the new contact's handle and the chosen roles as the person types. The form works without it:
// the server checks everything again on Continue.
(function () {
  var form = document.querySelector('form[data-check]');
  var to = form && form.querySelector('#to');
  if (!to || !window.fetch) return;
  var timer = null;
  var asked = 0;

  function roles() {
    var boxes = form.querySelectorAll('input[name="roles"]');
    var chosen = [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked && !boxes[i].disabled) chosen.push(boxes[i].value);
    return chosen;
  }

  function show(field, state, text) {
    var slot = document.getElementById(field + '-message');
    var inputs = field === 'to' ? [to] : form.querySelectorAll('input[name="roles"]:not([disabled])');
    slot.textContent = '';
    if (state) slot.setAttribute('data-state', state);
    else slot.removeAttribute('data-state');
    if (state === 'error') {
      var label = document.createElement('strong');
      label.textContent = form.getAttribute('data-error-label');
      slot.appendChild(label);
      slot.appendChild(document.createTextNode(' '));
    }
    if (text) slot.appendChild(document.createTextNode(text));
    for (var i = 0; i < inputs.length; i++) {
      if (state === 'error') inputs[i].setAttribute('aria-invalid', 'true');
      else inputs[i].removeAttribute('aria-invalid');
    }
  }

  function check() {
    var handle = to.value.trim();
    var mine = ++asked;
    if (!handle) {
      show('to', null, '');
      return;
    }
    var url =
      form.getAttribute('data-check') +
      '&to=' +
      encodeURIComponent(handle) +
      '&roles=' +
      encodeURIComponent(roles().join(','));
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (mine !== asked) return; // a later keystroke asked again
        var field = answer.field === 'roles' ? 'roles' : 'to';
        show('roles', null, '');
        show('to', null, '');
        show(field, answer.ok ? 'ok' : 'error', answer.message || '');
      })
      .catch(function () {
        /* the server checks again on Continue */
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  to.addEventListener('input', later);
  form.addEventListener('change', function (event) {
    if (event.target.name === 'roles') later();
  });
})();
