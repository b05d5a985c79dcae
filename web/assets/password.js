// New-password fields (profile, invitation, password reset): show/hide, a live strength meter, Generate and Copy.
// The meter asks the server (POST /password-strength), which rates the password exactly as the form will be checked
// on submit: no dictionary comes to the browser. On a page an emailed link opens, also moves the link's token from
// the fragment into the form and greets the person once the server has checked it. Everything works without this
// script but the extras: the server checks the password again on submit.
(function () {
  // Past this pause in typing, the meter asks the server.
  var PAUSE_MS = 250;

  function levelOf(score) {
    return score >= 4 ? 'strong' : score >= 3 ? 'fair' : 'weak';
  }

  // Characters that are hard to mistake for one another (no 0/O, 1/l/I), from every class.
  var ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+-=?@_~';
  var LENGTH = 20;

  function generate() {
    var limit = 256 - (256 % ALPHABET.length); // no modulo bias
    for (;;) {
      var bytes = new Uint8Array(LENGTH * 2);
      window.crypto.getRandomValues(bytes);
      var out = '';
      for (var i = 0; i < bytes.length && out.length < LENGTH; i++)
        if (bytes[i] < limit) out += ALPHABET.charAt(bytes[i] % ALPHABET.length);
      if (
        out.length === LENGTH &&
        /[a-z]/.test(out) &&
        /[A-Z]/.test(out) &&
        /[0-9]/.test(out) &&
        /[^A-Za-z0-9]/.test(out)
      )
        return out;
    }
  }

  function say(field, text) {
    var slot = document.getElementById(field.id + '-tools');
    if (slot) slot.textContent = text;
  }

  function setUp(field) {
    var meter = document.getElementById(field.getAttribute('data-strength'));
    var url = meter.getAttribute('data-url');
    var min = Number(meter.getAttribute('data-min'));
    var form = field.form;
    var confirm = field.getAttribute('data-confirm')
      ? document.getElementById(field.getAttribute('data-confirm'))
      : null;
    var toggle = document.querySelector('[data-toggle="' + field.id + '"]');
    var tools = field.closest('.password-field').querySelector('.password-tools');
    var shown = '';
    var asked = 0;
    var timer = null;

    function show(level, score, reason) {
      if (level + '|' + reason === shown) return; // the live region speaks only when the words change
      shown = level + '|' + reason;
      meter.textContent = '';
      if (!level) {
        meter.removeAttribute('data-level');
        return;
      }
      meter.setAttribute('data-level', level);
      var gauge = document.createElement('meter');
      gauge.className = 'strength-meter';
      gauge.min = 0;
      gauge.max = 4;
      gauge.low = 3;
      gauge.high = 4;
      gauge.optimum = 4;
      gauge.value = score;
      gauge.setAttribute('aria-hidden', 'true'); // the words say it
      var words = document.createElement('span');
      var word = document.createElement('strong');
      word.textContent = meter.getAttribute('data-' + level);
      words.appendChild(document.createTextNode(meter.getAttribute('data-label') + ' '));
      words.appendChild(word);
      if (reason) words.appendChild(document.createTextNode(' ' + reason));
      meter.appendChild(gauge);
      meter.appendChild(words);
    }

    // Rated for the signed-in person (the session), or for whom the emailed link is (its token).
    function ask() {
      var mine = asked;
      var body = new URLSearchParams({ password: field.value });
      var token = form && form.querySelector('input[name="token"]');
      if (form && form.getAttribute('data-link') && token && token.value) {
        body.set('link', form.getAttribute('data-link'));
        body.set('token', token.value);
      }
      fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: body })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (mine !== asked || !answer) return; // a newer value is being rated
          show(answer.tooShort ? 'too-short' : levelOf(answer.score), answer.score, answer.reason || '');
        })
        .catch(function () {
          /* the server checks the password on submit */
        });
    }

    function update() {
      clearTimeout(timer);
      asked += 1;
      var value = field.value;
      if (!value) show('', 0, '');
      else if (value.length < min) show('too-short', 0, '');
      else if (url && window.fetch) timer = setTimeout(ask, PAUSE_MS);
    }

    function reveal(visible) {
      field.type = visible ? 'text' : 'password';
      if (confirm) confirm.type = field.type;
      toggle.textContent = toggle.getAttribute(visible ? 'data-hide' : 'data-show');
    }

    field.addEventListener('input', function () {
      update();
      say(field, '');
    });
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      reveal(field.type === 'password');
    });

    if (window.crypto && window.crypto.getRandomValues) {
      tools.hidden = false;
      tools.querySelector('[data-generate]').addEventListener('click', function (event) {
        var value = generate();
        field.value = value;
        if (confirm) confirm.value = value;
        reveal(true);
        update();
        say(field, event.currentTarget.getAttribute('data-generated'));
      });
      tools.querySelector('[data-copy]').addEventListener('click', function (event) {
        var button = event.currentTarget;
        var done = function () {
          say(field, button.getAttribute('data-copied'));
        };
        var fallback = function () {
          field.select();
          var ok = false;
          try {
            ok = document.execCommand('copy');
          } catch (e) {
            ok = false;
          }
          say(field, button.getAttribute(ok ? 'data-copied' : 'data-copy-failed'));
        };
        if (!field.value) return;
        if (navigator.clipboard && navigator.clipboard.writeText)
          navigator.clipboard.writeText(field.value).then(done, fallback);
        else fallback();
      });
    }
    update();
  }

  var fields = document.querySelectorAll('input[data-strength]');
  for (var i = 0; i < fields.length; i++) setUp(fields[i]);

  // A page an emailed link opens (an invitation, a password reset).
  var form = document.querySelector('form[data-check]');
  if (!form) return;
  var token = form.querySelector('input[name="token"]');
  var problem = document.getElementById(form.getAttribute('data-problem'));

  function refuse(text) {
    problem.textContent = text;
    problem.hidden = false;
    form.hidden = true;
  }

  var match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    token.value = match[1];
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  if (!token.value) {
    refuse(form.getAttribute('data-incomplete'));
    return;
  }
  // Switching language keeps the token: it rides in the fragment, which a redirect keeps and no server sees.
  var links = document.querySelectorAll('.langs a');
  for (var l = 0; l < links.length; l++)
    links[l].setAttribute('href', links[l].getAttribute('href') + '#token=' + token.value);
  if (!match || !window.fetch) return; // the server checked the token already, or will on submit

  fetch(form.getAttribute('data-check'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    body: new URLSearchParams({ token: token.value }),
  })
    .then(function (response) {
      return response.json();
    })
    .then(function (answer) {
      if (!answer.ok) {
        refuse(answer.message);
        return;
      }
      var person = document.getElementById(form.getAttribute('data-person'));
      var line = document.createElement('p');
      var hello = document.createElement('strong');
      hello.textContent = answer.greeting;
      line.appendChild(hello);
      line.appendChild(document.createTextNode(' ' + answer.handle));
      person.textContent = '';
      person.appendChild(line);
      person.hidden = false;
      var username = document.getElementById('username');
      if (username) username.value = answer.username;
    })
    .catch(function () {
      /* the server checks the link again on submit */
    });
})();
