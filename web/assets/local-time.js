// Shows every <time datetime> in the reader's own time zone and language.
(function () {
  var nodes = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var date = new Date(node.getAttribute('datetime'));
    if (isNaN(date.getTime())) continue;
    node.title = node.textContent;
    node.textContent = new Intl.DateTimeFormat(node.getAttribute('data-lang') || undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(date);
  }
})();
