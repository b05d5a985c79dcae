// Date-time fields marked data-utc come from the server in UTC; show and take them in the reader's time zone,
// and tell the server which zone that is. Without this script they stay in UTC, as their label says.
(function () {
  var pad = function (n) {
    return (n < 10 ? '0' : '') + n;
  };
  var local = function (date) {
    return (
      date.getFullYear() +
      '-' +
      pad(date.getMonth() + 1) +
      '-' +
      pad(date.getDate()) +
      'T' +
      pad(date.getHours()) +
      ':' +
      pad(date.getMinutes()) +
      ':' +
      pad(date.getSeconds())
    );
  };
  var fields = document.querySelectorAll('input[type="datetime-local"][data-utc]');
  for (var i = 0; i < fields.length; i++) {
    var input = fields[i];
    ['value', 'min', 'max'].forEach(function (name) {
      var date = new Date(input.getAttribute(name) + 'Z');
      if (input.getAttribute(name) && !isNaN(date.getTime())) input.setAttribute(name, local(date));
    });
    input.value = input.getAttribute('value') || '';
    var note = document.querySelector('label[for="' + input.id + '"] [data-local]');
    if (note) note.textContent = note.getAttribute('data-local');
    var zone = input.form && input.form.querySelector('input[name="zone"]');
    if (!zone) continue;
    input.form.addEventListener(
      'submit',
      (function (field, hidden) {
        return function () {
          var typed = new Date(field.value);
          hidden.value = isNaN(typed.getTime()) ? '' : String(-typed.getTimezoneOffset());
        };
      })(input, zone),
    );
  }
})();
