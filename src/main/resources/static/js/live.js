// Live updates: a page's regions marked data-live="work|case|dashboard" are fetched again when the server says that
// something they show changed (server-sent events from /live; the URL is the data-live-stream of the first region).
// A region refreshes through its own htmx attributes (hx-trigger="live-refresh"), or whoever listens for the
// "live-refresh" event on it (the dashboard's script). A region holding the field someone is typing in waits until
// they leave it: what is typed is never swapped away. The root element's data-live says "open" while connected.
(function () {
  'use strict';
  var MIN_GAP_MS = 1000;

  function start() {
    var first = document.querySelector('[data-live-stream]');
    if (!first || !window.EventSource) {
      return;
    }
    var source = new EventSource(first.getAttribute('data-live-stream'));
    var wasOpen = false;
    source.addEventListener('open', function () {
      document.documentElement.setAttribute('data-live', 'open');
      // Back after a break: something may have changed meanwhile.
      if (wasOpen) {
        document.querySelectorAll('[data-live]').forEach(refresh);
      }
      wasOpen = true;
    });
    source.addEventListener('error', function () {
      document.documentElement.setAttribute('data-live', 'reconnecting');
    });
    ['work', 'case', 'dashboard'].forEach(function (kind) {
      source.addEventListener(kind, function () {
        document.querySelectorAll('[data-live~="' + kind + '"]').forEach(refresh);
      });
    });
  }

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

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
