// Keeps "My requests" and a request's page current without a reload: every few seconds, while the tab is
// visible, it asks how the open requests stand, updates their text and forms in place, and says what changed
// in a polite live region. Without it the pages are complete, only static.
(function () {
  var PERIOD = 3000;
  var FINAL = ['done', 'refused', 'aborted', 'expired', 'error'];
  var rows = {};
  var nodes = document.querySelectorAll('[data-request]');
  for (var i = 0; i < nodes.length; i++) rows[nodes[i].getAttribute('data-request')] = nodes[i];
  var live = document.querySelector('[data-live]');
  var colon = (live && live.getAttribute('data-colon')) || ': ';
  // A list filtered by state keeps to it: a request whose state leaves the filter leaves the list.
  var list = document.querySelector('ol.requests[data-states]');
  var kept = list ? list.getAttribute('data-states').split(',') : null;
  var lang = document.documentElement.lang || 'en';
  var timer = null;
  var busy = false;

  function openIds() {
    var ids = [];
    for (var id in rows) if (FINAL.indexOf(rows[id].getAttribute('data-state')) < 0) ids.push(id);
    return ids;
  }

  function field(row, name) {
    return row.querySelector('[data-field="' + name + '"]');
  }

  function timeNode(iso) {
    var node = document.createElement('time');
    node.setAttribute('datetime', iso);
    node.setAttribute('data-lang', lang);
    node.textContent = window.countersignLocalTime(iso, lang) || iso;
    return node;
  }

  // A form that closes while someone is in it would drop their focus on the page's body.
  function setActions(row, actions) {
    ['decide', 'manage'].forEach(function (name) {
      var el = row.querySelector('[data-action="' + name + '"]');
      if (!el || el.hidden === !actions[name]) return;
      if (!actions[name] && el.contains(document.activeElement)) {
        var target = row.querySelector('h2 a') || field(row, 'state');
        if (!target.hasAttribute('href')) target.setAttribute('tabindex', '-1');
        target.focus();
      }
      el.hidden = !actions[name];
    });
  }

  function setDecisions(row, decisions) {
    ['from', 'to'].forEach(function (party) {
      var dd = field(row, 'decision-' + party);
      var d = decisions[party];
      if (!dd || !d) return;
      dd.textContent = d.text;
      if (d.at) {
        dd.appendChild(document.createTextNode(' '));
        dd.appendChild(timeNode(d.at));
      }
    });
  }

  function update(item) {
    var row = rows[item.id];
    if (!row) return null;
    var badge = field(row, 'state');
    var progress = field(row, 'progress');
    var timeline = row.querySelector('[data-events]');
    if (timeline && String(item.events) !== timeline.getAttribute('data-events'))
      field(row, 'timeline-stale').hidden = false;
    if (row.getAttribute('data-state') === item.state && progress.textContent === item.progress) return null;
    row.setAttribute('data-state', item.state);
    badge.textContent = item.stateText;
    badge.className = 'badge ' + item.badge;
    progress.textContent = item.progress;
    setDecisions(row, item.decisions);
    field(row, 'deadline-label').textContent = item.deadline.label;
    field(row, 'deadline').replaceChildren(timeNode(item.deadline.at));
    setActions(row, item.actions);
    var said = row.getAttribute('data-service') + colon + item.stateText + '. ' + item.progress;
    if (kept && kept.indexOf(item.state) < 0) return said + ' ' + leave(row, item.id);
    return said;
  }

  // Out of the list, without dropping the focus of someone in it; once none is left, the page says so.
  function leave(row, id) {
    if (row.contains(document.activeElement)) {
      var heading = document.querySelector('h1');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    row.hidden = true;
    delete rows[id];
    if (!list.querySelector('[data-request]:not([hidden])')) {
      list.hidden = true;
      var empty = document.querySelector('[data-empty]');
      if (empty) empty.hidden = false;
    }
    return list.getAttribute('data-left');
  }

  function announce(messages) {
    if (!live || messages.length === 0) return;
    live.textContent = '';
    setTimeout(function () {
      live.textContent = messages.join(' ');
    }, 100);
  }

  function schedule() {
    clearTimeout(timer);
    timer = null;
    if (!document.hidden && !busy && openIds().length) timer = setTimeout(poll, PERIOD);
  }

  function poll() {
    var ids = openIds();
    if (busy || ids.length === 0) return;
    busy = true;
    var url = '/requests/status?ids=' + encodeURIComponent(ids.join(',')) + '&lang=' + encodeURIComponent(lang);
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        // Signed out, or any answer that is not the status: stop quietly; a passing outage: try again later.
        if (res.status >= 500) throw new Error('retry');
        if (!res.ok || (res.headers.get('content-type') || '').indexOf('application/json') < 0) return null;
        return res.json();
      })
      .then(function (data) {
        busy = false;
        if (!data) return;
        announce(data.items.map(update).filter(Boolean));
        schedule();
      })
      .catch(function () {
        busy = false;
        schedule();
      });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else if (!timer) poll();
  });
  schedule();
})();
