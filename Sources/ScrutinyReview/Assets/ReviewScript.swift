/// The review's own files, written beside its pages.
enum ReviewAssets {
    static let styleSheetName = "review.css"
    static let scriptName = "review.js"

    /// `review.js`: on the index, sorting by any column and filtering by council, committee and
    /// warning kind; on a report page, showing where a record was found (its page with the line's
    /// box highlighted, or its line of a text or HTML file) when its "Found at" link or its row
    /// is chosen, or when the page is opened at `#<record id>` (or `?record=<record id>`). No request of any kind; plain ES5,
    /// so it runs in any browser from `file://`.
    static let script = #"""
// scrutiny review: written by scrutiny, no framework, nothing fetched.
(function () {
  'use strict';
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  document.documentElement.className += ' js';

  function start() {
    var kind = document.body.getAttribute('data-page');
    if (kind === 'index') index();
    if (kind === 'report') report();
  }

  // The index: sort and filter the table of reports.
  function index() {
    var table = document.getElementById('report-table');
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    each(rows, function (row, i) { row.setAttribute('data-order', i); });
    var headers = table.tHead.rows[0].cells;

    each(headers, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () { sort(column, th); });
    });

    function value(row, column) {
      var cell = row.cells[column];
      var given = cell.getAttribute('data-value');
      return given === null ? cell.textContent.trim() : given;
    }

    function sort(column, th) {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      var numeric = th.className.indexOf('num') >= 0;
      each(headers, function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var sorted = rows.slice().sort(function (a, b) {
        var missingA = a.cells[column].className === 'none', missingB = b.cells[column].className === 'none';
        if (missingA !== missingB) return missingA ? 1 : -1;
        var x = value(a, column), y = value(b, column);
        var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'en', { sensitivity: 'base', numeric: true });
        if (!ascending) c = -c;
        return c || a.getAttribute('data-order') - b.getAttribute('data-order');
      });
      each(sorted, function (row) { body.appendChild(row); });
    }

    var form = document.getElementById('filters');
    var selects = form.querySelectorAll('select[data-filter]');
    var shown = document.getElementById('shown');
    form.hidden = false;

    function matches(row, key, wanted) {
      if (!wanted) return true;
      if (key !== 'warning') return row.getAttribute('data-' + key) === wanted;
      var kinds = row.getAttribute('data-warning');
      var list = kinds ? kinds.split('\n') : [];
      if (wanted === '*') return list.length > 0;
      if (wanted === '-') return list.length === 0;
      return list.indexOf(wanted) >= 0;
    }

    function filter() {
      var count = 0;
      each(rows, function (row) {
        var visible = true;
        each(selects, function (select) {
          visible = visible && matches(row, select.getAttribute('data-filter'), select.value);
        });
        row.hidden = !visible;
        if (visible) count += 1;
      });
      shown.textContent = 'Showing ' + count + ' of ' + rows.length + ' report' + (rows.length === 1 ? '' : 's');
    }

    each(selects, function (select) { select.addEventListener('change', filter); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    filter();
  }

  // A report page: show where the chosen record was found.
  function report() {
    var viewer = document.getElementById('viewer');
    if (!viewer) return;
    var status = viewer.querySelector('.viewer-status');
    var scroller = viewer.querySelector('.pages, .lines');
    var mark = document.createElement('div');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    var current = null, currentLine = null;

    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = 'Close source';
    viewer.querySelector('.viewer-bar').appendChild(close);
    close.addEventListener('click', hide);

    function hide() {
      document.body.className = document.body.className.replace(/\s*\bviewing\b/g, '');
      var link = current && current.querySelector('a.locate');
      if (link) link.focus();
    }

    function percent(value, whole) { return (Math.max(0, value) / whole * 100).toFixed(3) + '%'; }

    function bringIntoView(target) {
      if (!scroller) return;
      var outer = scroller.getBoundingClientRect(), inner = target.getBoundingClientRect();
      scroller.scrollTop += inner.top - outer.top - Math.max(0, (scroller.clientHeight - inner.height) / 2);
      if (inner.left < outer.left || inner.right > outer.right) scroller.scrollLeft += inner.left - outer.left - 8;
    }

    function detach() { if (mark.parentNode) mark.parentNode.removeChild(mark); }

    function select(row) {
      if (current) { current.className = current.className.replace(/\s*\bselected\b/g, ''); current.removeAttribute('aria-current'); }
      if (currentLine) { currentLine.className = currentLine.className.replace(/\s*\bcurrent\b/g, ''); currentLine = null; }
      current = row;
      row.className += ' selected';
      row.setAttribute('aria-current', 'true');
      if (!/\bviewing\b/.test(document.body.className)) document.body.className += ' viewing';

      var link = row.querySelector('a.locate');
      var where = link ? link.textContent : 'This record';
      var page = row.getAttribute('data-page'), line = row.getAttribute('data-line'), box = row.getAttribute('data-box');
      if (page) {
        var figure = document.getElementById('page-' + page);
        if (!figure || figure.tagName !== 'FIGURE') { detach(); status.textContent = where + ': this page has no image.'; return; }
        if (box) {
          var b = box.split(' ').map(Number), pad = 2;
          var width = Number(figure.getAttribute('data-width')), height = Number(figure.getAttribute('data-height'));
          mark.style.left = percent(b[0] - pad, width);
          mark.style.top = percent(b[1] - pad, height);
          mark.style.width = percent(b[2] + 2 * pad, width);
          mark.style.height = percent(b[3] + 2 * pad, height);
          mark.setAttribute('data-record', row.id);
          figure.querySelector('.sheet').appendChild(mark);
          status.textContent = where + ': highlighted on the page.';
          bringIntoView(mark);
        } else {
          detach();
          status.textContent = where + ': the line’s place on the page is not known.';
          bringIntoView(figure);
        }
      } else if (line) {
        detach();
        var item = document.getElementById('line-' + line);
        if (!item) { status.textContent = where + ': this line is not in the source shown.'; return; }
        item.className += ' current';
        currentLine = item;
        status.textContent = where + ': highlighted in the source.';
        bringIntoView(item);
      }
    }

    document.addEventListener('click', function (event) {
      var target = event.target;
      var link = target.closest ? target.closest('a.locate') : null;
      var row = target.closest ? target.closest('tr.record') : null;
      if (link && row) { event.preventDefault(); select(row); return; }
      if (row && !target.closest('a, button, summary, details') && !String(window.getSelection())) select(row);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && /\bviewing\b/.test(document.body.className)) hide();
    });

    // Opened at #<record id> (or ?record=<record id>): show that record, its row in view.
    var asked = /[?&]record=([^&]*)/.exec(location.search);
    var id = decodeURIComponent(asked ? asked[1] : location.hash.slice(1));
    var first = id ? document.getElementById(id) : null;
    if (first && /(^|\s)record(\s|$)/.test(first.className)) {
      select(first);
      var place = first.getBoundingClientRect();
      if (place.top < 0 || place.bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
"""#
}
