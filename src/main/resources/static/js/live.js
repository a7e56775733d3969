// Live updates: a page's regions marked data-live="work|case|dashboard" are fetched again when the server says that
// something they show changed (server-sent events from /live). Every signed-in page has one stream: the layout asks
// for the reader's work (data-live-stream on <body>), a page adds what it shows (data-live-stream on a region, e.g.
// case=FT-…); their parameters make one URL.
// A region refreshes through its own htmx attributes (hx-trigger="live-refresh"), or whoever listens for the
// "live-refresh" event on it (the dashboard's script). A region holding the field someone is typing in waits until
// they leave it. A form in a refreshed region whose fields the reader changed is kept as it is (what is typed is never
// swapped away), as long as the new page still has that form; a form the new page no longer has goes (its step is
// gone). The tab's title starts with the count of what needs the reader now ("(3) …", data-needs-me on <body>), read
// again after each change to their work. The root element's data-live says "open" while connected.
(function () {
  'use strict';
  var MIN_GAP_MS = 1000;
  var needsMe = null;

  function streamUrl() {
    var streams = document.querySelectorAll('[data-live-stream]');
    if (streams.length === 0) {
      return null;
    }
    var url = new URL(streams[0].getAttribute('data-live-stream'), window.location.href);
    for (var i = 1; i < streams.length; i++) {
      new URL(streams[i].getAttribute('data-live-stream'), window.location.href).searchParams
          .forEach(function (value, name) { url.searchParams.set(name, value); });
    }
    return url.pathname + url.search;
  }

  function start() {
    var url = streamUrl();
    countAgain();
    if (!url || !window.EventSource) {
      return;
    }
    var source = new EventSource(url);
    var wasOpen = false;
    source.addEventListener('open', function () {
      document.documentElement.setAttribute('data-live', 'open');
      // Back after a break (the stream ends every few minutes): something may have changed meanwhile, and a task
      // may have fallen due today.
      if (wasOpen) {
        document.querySelectorAll('[data-live]').forEach(refresh);
        countAgain();
      }
      wasOpen = true;
    });
    source.addEventListener('error', function () {
      document.documentElement.setAttribute('data-live', 'reconnecting');
    });
    ['work', 'case', 'dashboard'].forEach(function (kind) {
      source.addEventListener(kind, function () {
        document.querySelectorAll('[data-live~="' + kind + '"]').forEach(refresh);
        if (kind === 'work') {
          countAgain();
        }
      });
    });
  }

  // --- the count in the tab's title

  function countAgain() {
    var from = document.body.getAttribute('data-needs-me');
    if (!from || !window.fetch) {
      return;
    }
    fetch(from, {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (text) {
          if (text !== null && /^\d+$/.test(text.trim())) {
            needsMe = parseInt(text.trim(), 10);
            showCount();
          }
        })
        .catch(function () { /* offline: the title keeps the last count */ });
  }

  function showCount() {
    if (needsMe === null) {
      return;
    }
    var bare = document.title.replace(/^\(\d+\) /, '');
    var title = (needsMe > 0 ? '(' + needsMe + ') ' : '') + bare;
    if (document.title !== title) {
      document.title = title;
    }
  }

  // --- refreshing a region

  function typingIn(region) {
    var active = document.activeElement;
    if (!active || !region.contains(active)) {
      return false;
    }
    var tag = active.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || active.isContentEditable
        || (tag === 'INPUT' && !/^(button|submit|reset|checkbox|radio)$/.test(active.type));
  }

  function refresh(region) {
    if (region.liveWaiting) {
      return;
    }
    if (typingIn(region)) {
      region.liveWaiting = true;
      region.addEventListener('focusout', function later() {
        region.removeEventListener('focusout', later);
        region.liveWaiting = false;
        setTimeout(function () { refresh(document.getElementById(region.id) || region); }, 0);
      });
      return;
    }
    var wait = (region.liveLast || 0) + MIN_GAP_MS - Date.now();
    if (wait > 0) {
      region.liveWaiting = true;
      setTimeout(function () {
        region.liveWaiting = false;
        refresh(document.getElementById(region.id) || region);
      }, wait);
      return;
    }
    region.liveLast = Date.now();
    region.dispatchEvent(new CustomEvent('live-refresh', {bubbles: false}));
  }

  // --- keeping what the reader typed

  // What a form's fields hold, by name (hidden fields and buttons are the page's, not the reader's).
  function values(form) {
    var held = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || /^(hidden|submit|button|reset|file)$/.test(field.type) || field.tagName === 'BUTTON') {
        return;
      }
      var value;
      if (field.type === 'checkbox' || field.type === 'radio') {
        value = field.checked ? field.value : null;
        if (value === null) {
          return;
        }
      } else if (field.tagName === 'SELECT') {
        value = Array.prototype.filter.call(field.options, function (o) { return o.selected; })
            .map(function (o) { return o.value; }).join('\u0000');
      } else {
        value = field.value;
      }
      held[field.name] = (held[field.name] ? held[field.name] + '\u0000' : '') + value;
    });
    return held;
  }

  function differs(one, other) {
    var names = Object.keys(one).concat(Object.keys(other));
    return names.some(function (name) { return (one[name] || '') !== (other[name] || ''); });
  }

  // Before a live refresh swaps a region: the forms the reader changed (their fields hold something else than the new
  // page would show) are marked to be kept (htmx's hx-preserve, by id); open "more" sections stay open.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var detail = event.detail;
    var region = detail.target;
    var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    if (!region || !region.hasAttribute('data-live') || !trigger || trigger.type !== 'live-refresh'
        || !detail.shouldSwap || typeof detail.serverResponse !== 'string') {
      return;
    }
    var page = new DOMParser().parseFromString(detail.serverResponse, 'text/html');
    var changed = false;
    region.querySelectorAll('form[id]').forEach(function (form) {
      var fresh = page.getElementById(form.id);
      if (fresh && fresh.tagName === 'FORM' && differs(values(form), values(fresh))) {
        fresh.setAttribute('hx-preserve', 'true');
        var folded = fresh.closest('details');
        if (folded) {
          folded.setAttribute('open', '');
        }
        changed = true;
      }
    });
    region.querySelectorAll('details[id][open]').forEach(function (open) {
      var fresh = page.getElementById(open.id);
      if (fresh && !fresh.hasAttribute('open')) {
        fresh.setAttribute('open', '');
        changed = true;
      }
    });
    if (changed) {
      detail.serverResponse = '<!DOCTYPE html>' + page.documentElement.outerHTML;
    }
  });

  // A live refresh says so (pages.LiveRefreshFlash): it must not take the message an action's redirect left for the
  // page it opens, which a refresh of the same page, started by that action's own change, can otherwise reach first.
  document.addEventListener('htmx:configRequest', function (event) {
    var trigger = event.detail.triggeringEvent;
    if (trigger && trigger.type === 'live-refresh') {
      event.detail.headers['X-Live-Refresh'] = 'true';
    }
  });

  // htmx takes the new page's <title>: the count goes back in front.
  document.addEventListener('htmx:afterSettle', showCount);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
