// Tells the server the browser's time zone at sign-in: an account that has none yet takes it for its emails.
(function () {
  var field = document.querySelector('input[name="timeZone"]');
  if (!field) return;
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    field.value = '';
  }
})();
