// My work from the keyboard: j/k next/previous row, Enter opens the row's case, c claims the row's team task,
// n opens a new case, / goes to search, ? shows the list of shortcuts. Nothing happens while typing in a field.
// The chosen row survives a live update of the lists (it is found again by data-row).
(function () {
  'use strict';
  var chosen = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#work tr[data-row]'));
  }

  function typing(target) {
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function choose(row) {
    rows().forEach(function (other) { other.classList.remove('chosen'); });
    if (!row) {
      return;
    }
    row.classList.add('chosen');
    row.setAttribute('tabindex', '-1');
    row.focus();
    chosen = row.getAttribute('data-row');
  }

  function current() {
    return chosen ? document.querySelector('#work tr[data-row="' + CSS.escape(chosen) + '"]') : null;
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var at = all.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    choose(all[next]);
  }

  function say(text) {
    var status = document.getElementById('shortcut-status');
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener('keydown', function (event) {
    var help = document.getElementById('shortcuts');
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (help && help.open && event.key !== '?') {
      return;
    }
    var row = current();
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'Enter':
        // Only on a chosen row: Enter on a link or button does what it always does.
        if (!row || document.activeElement !== row) {
          return;
        }
        window.location.href = row.querySelector('a[href]').href;
        break;
      case 'c':
        var claim = row && row.querySelector('form.claim button');
        if (claim) {
          claim.click();
        } else {
          say(document.getElementById('shortcut-status').getAttribute('data-claim-none'));
        }
        break;
      case 'n':
        var create = document.querySelector('a[href$="/cases/new"]');
        if (!create) {
          return;
        }
        window.location.href = create.href;
        break;
      case '/':
        var search = document.getElementById('nav-search');
        if (!search) {
          return;
        }
        search.focus();
        break;
      case '?':
        if (help.open) {
          help.close();
        } else {
          help.showModal();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // After a live update or a claim the rows are new elements: choose the same row again.
  document.addEventListener('htmx:afterSettle', function () {
    var row = current();
    if (row) {
      var hadFocus = document.activeElement === document.body || document.activeElement === null;
      row.classList.add('chosen');
      row.setAttribute('tabindex', '-1');
      if (hadFocus) {
        row.focus();
      }
    }
  });
})();
