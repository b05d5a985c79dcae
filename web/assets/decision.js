// Enter in the code field decides nothing: it moves on to the reason. (Without this script, the form's first submit
// button, the one Enter would press, is a disabled one: Enter does nothing.)
(function () {
  var field = document.getElementById('token');
  if (field)
    field.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      var next = document.getElementById('reason');
      if (next) next.focus();
    });
})();

// Moves the token from the link's fragment into the form, then drops it from the address bar and history.
// Nothing is submitted: the person chooses Accept or Refuse.
(function () {
  var match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match) return;
  var field = document.getElementById('token');
  if (field) field.value = match[1];
  history.replaceState(null, '', window.location.pathname + window.location.search);
  // Switching language keeps the code: it rides in the fragment, which a redirect keeps and no server sees.
  var links = document.querySelectorAll('.langs a');
  for (var i = 0; i < links.length; i++)
    links[i].setAttribute('href', links[i].getAttribute('href') + '#token=' + match[1]);
})();
