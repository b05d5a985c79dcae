// New-password fields (profile, invitation): show/hide, a strength meter, Generate and Copy. On the invitation
// page, also moves the link's token from the fragment into the form and greets the invitee once the server has
// checked it. Everything works without this script but the extras; the server enforces only the minimum length.
(function () {
  var COMMON_WORDS = [
    'password',
    'passwort',
    'motdepasse',
    'wachtwoord',
    'azerty',
    'qwerty',
    'qwertz',
    'welkom',
    'welcome',
    'bonjour',
    'soleil',
    'letmein',
    'iloveyou',
    'admin',
    'secret',
    'monkey',
    'dragon',
    'countersign',
  ];
  var SEQUENCES = [
    'abcdefghijklmnopqrstuvwxyz',
    '01234567890',
    'qwertyuiop',
    'asdfghjkl',
    'zxcvbnm',
    'azertyuiop',
    'qsdfghjklm',
    'wxcvbn',
  ];

  function inSequence(pair) {
    for (var i = 0; i < SEQUENCES.length; i++) {
      var s = SEQUENCES[i];
      if (s.indexOf(pair) >= 0 || s.split('').reverse().join('').indexOf(pair) >= 0) return true;
    }
    return false;
  }

  // A rough, honest estimate in bits: length times log2 of the alphabet its character classes span, where a
  // character that repeats the previous one or continues a sequence (abc, 123, qwerty) counts a quarter, a
  // pattern repeated (abcabc) counts once, and a well-known word counts as one character.
  function bitsOf(value) {
    var pool = 0;
    if (/[a-z]/.test(value)) pool += 26;
    if (/[A-Z]/.test(value)) pool += 26;
    if (/[0-9]/.test(value)) pool += 10;
    if (/[^A-Za-z0-9]/.test(value)) pool += 33;
    var lower = value.toLowerCase();
    var repeated = /^(.+?)\1+$/.exec(lower);
    if (repeated) lower = repeated[1];
    var length = 0;
    for (var i = 0; i < lower.length; i++) {
      var c = lower.charAt(i);
      var prev = i > 0 ? lower.charAt(i - 1) : '';
      length += prev && (c === prev || inSequence(prev + c)) ? 0.25 : 1;
    }
    for (var w = 0; w < COMMON_WORDS.length; w++) {
      if (lower.indexOf(COMMON_WORDS[w]) >= 0) length -= COMMON_WORDS[w].length - 1;
    }
    return Math.max(length, 0) * Math.log2(Math.max(pool, 2));
  }

  function levelOf(value, min) {
    if (value.length < min) return 'too-short';
    var bits = bitsOf(value);
    return bits < 50 ? 'weak' : bits < 80 ? 'fair' : 'strong';
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
    var confirm = field.getAttribute('data-confirm')
      ? document.getElementById(field.getAttribute('data-confirm'))
      : null;
    var toggle = document.querySelector('[data-toggle="' + field.id + '"]');
    var tools = field.closest('.password-field').querySelector('.password-tools');
    var shown = '';

    function update() {
      var level = field.value ? levelOf(field.value, Number(meter.getAttribute('data-min'))) : '';
      if (level === shown) return; // the live region speaks only when the word changes
      shown = level;
      meter.textContent = '';
      if (!level) {
        meter.removeAttribute('data-level');
        return;
      }
      meter.setAttribute('data-level', level);
      var bar = document.createElement('span');
      bar.className = 'strength-bar';
      bar.setAttribute('aria-hidden', 'true');
      bar.appendChild(document.createElement('span'));
      var words = document.createElement('span');
      var word = document.createElement('strong');
      word.textContent = meter.getAttribute('data-' + level);
      words.appendChild(document.createTextNode(meter.getAttribute('data-label') + ' '));
      words.appendChild(word);
      meter.appendChild(bar);
      meter.appendChild(words);
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

  // The invitation page.
  var form = document.querySelector('form[data-check]');
  if (!form) return;
  var token = form.querySelector('input[name="token"]');
  var problem = document.getElementById('invitation-problem');

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
      var invitee = document.getElementById('invitee');
      var line = document.createElement('p');
      var hello = document.createElement('strong');
      hello.textContent = answer.greeting;
      line.appendChild(hello);
      line.appendChild(document.createTextNode(' ' + answer.handle));
      invitee.textContent = '';
      invitee.appendChild(line);
      invitee.hidden = false;
      var username = document.getElementById('username');
      if (username) username.value = answer.username;
    })
    .catch(function () {
      /* the server checks the link again on submit */
    });
})();
