// exhunt HTML report: filters and search over the findings table, timeline dots that jump to their row, and the
// verdict table's buttons that jump to a verdict's whole reason.
// Inlined into the page; the page's Content-Security-Policy allows this script by its hash. It reads the
// page and toggles the hidden attribute; it never builds markup from report data.
(function () {
  'use strict';
  var LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
  document.querySelectorAll('#verdict-table button.more').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var detail = document.getElementById(button.dataset.detail);
      if (!detail) return;
      document.querySelectorAll('.verdict-detail.target').forEach(function (d) { d.classList.remove('target'); });
      detail.classList.add('target');
      detail.scrollIntoView({ block: 'start' });
    });
  });

  var table = document.getElementById('findings-table');
  var filters = document.getElementById('filters');
  if (!table || !filters) return;

  var rows = Array.prototype.slice.call(table.tBodies[0].querySelectorAll('tr[data-group]'));
  var nothing = table.tBodies[0].querySelector('tr.nothing');
  var count = document.getElementById('shown');
  var groups = new Map();
  rows.forEach(function (row) {
    var group = groups.get(row.dataset.group);
    if (!group) {
      group = { head: row, rows: [] };
      groups.set(row.dataset.group, group);
    }
    group.rows.push(row);
  });

  function value(name) {
    return filters.querySelector('[name="' + name + '"]').value;
  }

  function headMatches(head) {
    var server = value('server'), chain = value('chain'), stage = value('stage'), detector = value('detector');
    var level = value('level');
    return (server === '' || head.dataset.server === server)
      && (chain === '' || head.dataset.chain === chain)
      && (stage === '' || head.dataset.stage === stage)
      && (detector === '' || head.dataset.detector === detector)
      && (level === '' || LEVELS.indexOf(head.dataset.level) >= LEVELS.indexOf(level));
  }

  function apply() {
    var query = value('q').trim().toLowerCase();
    var shown = 0;
    groups.forEach(function (group) {
      var visible = headMatches(group.head) && (query === '' || group.rows.some(function (row) {
        return row.textContent.toLowerCase().indexOf(query) >= 0;
      }));
      group.rows.forEach(function (row) { row.hidden = !visible; });
      if (visible) shown++;
    });
    if (nothing) nothing.hidden = shown > 0; // "No findings." or "No finding matches the filters."
    count.value = shown + ' of ' + groups.size + ' findings shown';
  }

  filters.hidden = false;
  filters.addEventListener('input', apply);
  filters.addEventListener('change', apply);
  filters.querySelector('button[type=reset]').addEventListener('click', function () {
    setTimeout(apply, 0); // after the form has reset its fields
  });
  apply();

  document.querySelectorAll('svg.timeline [data-row]').forEach(function (dot) {
    dot.addEventListener('click', function () {
      var row = document.getElementById(dot.dataset.row);
      if (!row) return;
      if (row.hidden) {
        filters.reset();
        apply();
      }
      document.querySelectorAll('tr.target').forEach(function (r) { r.classList.remove('target'); });
      row.classList.add('target');
      row.scrollIntoView({ block: 'center' });
    });
  });
})();
