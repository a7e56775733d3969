// Keyboard shortcuts on every signed-in page (the layout loads this once): n opens a new case, / goes to search,
// m goes to My work, ? shows the list of shortcuts; where a page has rows (My work's lists, search results, the
// dashboard's lists) j/k choose the next/previous row, Enter opens the chosen row's case and c claims its team task.
// Nothing happens while typing in a field. The chosen row survives a live update of the lists (it is found again by
// its data-row, data-case or link).
(function () {
  'use strict';
  var chosen = null;

  // Rows a person can open: table rows in the page's content that link somewhere.
  function rows() {
    return Array.prototype.filter.call(document.querySelectorAll('main table tbody tr'), function (row) {
      return row.querySelector('a[href]') !== null && row.offsetParent !== null;
    });
  }

  function keyOf(row) {
    var link = row.querySelector('a[href]');
    return row.getAttribute('data-row') || row.getAttribute('data-case') || (link && link.getAttribute('href'));
  }

  function typing(target) {
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function mark(row, focus) {
    row.classList.add('chosen');
    row.setAttribute('tabindex', '-1');
    if (focus) {
      row.focus();
    }
  }

  function choose(row) {
    document.querySelectorAll('tr.chosen').forEach(function (other) { other.classList.remove('chosen'); });
    if (!row) {
      return;
    }
    mark(row, true);
    chosen = keyOf(row);
  }

  function current() {
    if (!chosen) {
      return null;
    }
    return rows().filter(function (row) { return keyOf(row) === chosen; })[0] || null;
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return false;
    }
    var at = all.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    choose(all[next]);
    return true;
  }

  function say(text) {
    var status = document.getElementById('shortcut-status');
    if (status) {
      status.textContent = text;
    }
  }

  function go(link) {
    if (!link) {
      return false;
    }
    window.location.href = link.href;
    return true;
  }

  // Each shortcut: true when it did something (the key's own meaning is then suppressed).
  var shortcuts = {
    'j': function () { return move(1); },
    'k': function () { return move(-1); },
    'Enter': function () {
      var row = current();
      // Only on a chosen row: Enter on a link or button does what it always does.
      return row !== null && document.activeElement === row && go(row.querySelector('a[href]'));
    },
    'c': function () {
      var row = current();
      var claim = row && row.querySelector('form.claim button');
      if (claim) {
        claim.click();
      } else {
        var status = document.getElementById('shortcut-status');
        say(status ? status.getAttribute('data-claim-none') : '');
      }
      return true;
    },
    'n': function () { return go(document.querySelector('header a[href$="/cases/new"]')); },
    'm': function () { return go(document.querySelector('header a.brand')); },
    '/': function () {
      var search = document.getElementById('nav-search');
      if (!search) {
        return false;
      }
      search.focus();
      return true;
    },
    '?': function () {
      var help = document.getElementById('shortcuts');
      if (!help) {
        return false;
      }
      if (help.open) {
        help.close();
      } else {
        help.showModal();
      }
      return true;
    }
  };

  document.addEventListener('keydown', function (event) {
    var help = document.getElementById('shortcuts');
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (help && help.open && event.key !== '?') {
      return;
    }
    var shortcut = shortcuts[event.key];
    if (shortcut && shortcut()) {
      event.preventDefault();
    }
  });

  // After a live update or a claim the rows are new elements: choose the same row again.
  document.addEventListener('htmx:afterSettle', function () {
    var row = current();
    if (row) {
      mark(row, document.activeElement === document.body || document.activeElement === null);
    }
  });
})();
