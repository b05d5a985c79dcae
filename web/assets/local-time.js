// Shows every <time datetime> in the reader's own time zone and language, naming the zone ("14:05 CET"), as the
// server writes its fallback. requests.js formats the dates it updates with the same function.
(function () {
  var LOCALES = { en: 'en-GB', fr: 'fr', nl: 'nl' };
  var formats = {};

  function localTime(iso, lang) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return null;
    var locale = LOCALES[lang] || LOCALES[document.documentElement.lang] || undefined;
    var key = locale || '';
    if (!formats[key])
      formats[key] = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
    return formats[key].format(date);
  }
  window.countersignLocalTime = localTime;

  var nodes = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var text = localTime(node.getAttribute('datetime'), node.getAttribute('data-lang'));
    if (text === null) continue;
    node.title = node.textContent;
    node.textContent = text;
  }
})();
