// The supervisor dashboard: fetches every figure from /dashboard/data (same JSON as /api/dashboard), shows each as a
// link to the cases behind it, draws the charts with Chart.js and refreshes. Text goes in with textContent only.
(function () {
  'use strict';
  const root = document.getElementById('dashboard');
  const query = window.location.search;
  const charts = {};
  const words = document.getElementById('ft-words').dataset;
  const lang = document.documentElement.lang || 'en';
  // Times in the reader's zone (the same one the pages use, sent with the page), on a 24-hour clock, named.
  const zone = root.dataset.zone;
  const clock = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23' });
  const dateTime = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const at = (iso) => dateTime.format(new Date(iso)) + ' ' + zone;
  // The chart's days ("2026-11-30") as short dates ("30 Nov").
  const day = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const dayLabel = (iso) => day.format(new Date(iso + 'T00:00:00Z'));
  const percent = (rate) => rate.rate == null ? '–' : Math.round(rate.rate * 1000) / 10 + ' %';

  // A figure's list link, as a page: /api/dashboard/cases?… → /dashboard/cases?…
  const page = (link) => link ? link.replace('/api/dashboard/cases', '/dashboard/cases') : null;

  function get(path, object) {
    return path.split('.').reduce((value, key) => value == null ? null : value[key], object);
  }

  function cell(row, text, href) {
    const td = document.createElement('td');
    if (href) {
      const a = document.createElement('a');
      a.href = page(href);
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text == null ? '' : String(text);
    }
    row.appendChild(td);
  }

  // The rows that are no team ("(colleagues)", "(late callbacks)", …) are named in the reader's words; teams by name.
  const notTeams = {
    '(colleagues)': words.teamColleagues, '(late callbacks)': words.teamLateCallbacks,
    '(cases not worked)': words.teamCasesNotWorked, '(fixes not verified)': words.teamFixesNotVerified };
  const teamName = (team) => notTeams[team] || team;

  function rows(tableId, items, toCells) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    items.forEach((item) => {
      const tr = document.createElement('tr');
      toCells(item).forEach(([text, href]) => cell(tr, text, href));
      body.appendChild(tr);
    });
  }

  function tileText(figure, kind) {
    switch (kind) {
      case 'durations': return figure.count === 0 ? '–' : figure.median + ' · ' + figure.p90;
      case 'rate': return percent(figure) + ' (' + figure.numerator + '/' + figure.denominator + ')';
      case 'satisfaction': return figure.average == null ? '–'
          : (Math.round(figure.average * 100) / 100) + ' (' + figure.ratings + ')';
      case 'checkIns': return figure.perHandOff == null ? '–'
          : (Math.round(figure.perHandOff * 100) / 100) + ' (' + figure.handOffs + ' ' + words.handOffs + ')';
      default: return String(figure.value);
    }
  }

  function chart(id, config) {
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update();
    } else {
      charts[id] = new Chart(document.getElementById(id), config);
    }
  }

  function render(data) {
    document.querySelectorAll('[data-figure]').forEach((tile) => {
      const figure = get(tile.dataset.figure, data);
      if (!figure) return;
      const value = tile.querySelector('.ft-value');
      value.textContent = tileText(figure, tile.dataset.kind);
      value.classList.toggle('ft-nonzero', figure.value > 0);
      tile.href = page(figure.cases);
    });
    const now = data.now;
    rows('ft-stages', now.stages, (s) => [[s.label], [s.value, s.cases]]);
    rows('ft-aging', now.aging, (b) => [[b.label], [b.value, b.cases]]);
    rows('ft-owners-table', now.owners, (o) => [[o.owner], [o.openCases, o.cases], [o.oldestCase], [o.oldestAge]]);
    rows('ft-teams-table', now.teams, (t) => [[t.team], [t.openHandOffs, t.cases], [t.oldestCase], [t.oldestAge]]);
    rows('ft-escalations', data.trends.escalationsPerTeam, (t) => [[teamName(t.team)], [t.value, t.cases]]);
    rows('ft-broken-promises', data.trends.brokenPromisesPerTeam, (t) => [[teamName(t.team)], [t.value, t.cases]]);
    rows('ft-agents', data.agents.agents, (a) => [[a.agent], [a.openCases.value, a.openCases.cases],
      [a.overdueItems.value, a.overdueItems.cases], [a.closed.value, a.closed.cases],
      [a.timeToClose.count === 0 ? '–' : a.timeToClose.median],
      [percent(a.confirmationRate), a.confirmationRate.cases]]);
    rows('ft-recognition', data.recognition.people, (r) => [[r.name],
      [r.confirmationsByCallback.value, r.confirmationsByCallback.cases], [r.thanksReceived], [r.featuredStories],
      [r.fixesEffectiveFirstTime]]);
    fillList('ft-owners', now.owners.map((o) => o.owner));
    fillList('ft-teams', now.teams.map((t) => t.team));

    const t = data.trends;
    chart('ft-chart-daily', { type: 'line', data: { labels: t.days.map(dayLabel), datasets: [
      { label: words.opened, data: t.openedPerDay, borderColor: '#1d3557', tension: 0.2 },
      { label: words.closed, data: t.closedPerDay, borderColor: '#2a7d73', tension: 0.2 }] },
      // At most about eight day labels, never slanted: a month of days side by side is unreadable.
      options: { animation: false, aspectRatio: 2.5, scales: { y: { beginAtZero: true, ticks: { precision: 0 } },
        x: { ticks: { autoSkip: true, maxTicksLimit: 8, maxRotation: 0 } } },
        onClick: (event, elements) => {
          if (elements.length) {
            const e = elements[0];
            const link = e.datasetIndex === 0 ? t.opened.cases : t.closed.cases;
            window.location.href = page(link) + '&day=' + t.days[e.index];
          }
        } } });
    const fcr = t.firstContactResolutionRate.numerator;
    const unreachable = t.unreachableRate.numerator;
    const byCallback = t.callbackConfirmationRate.numerator;
    chart('ft-chart-outcomes', { type: 'doughnut', data: {
      labels: [words.firstContact, words.byCallback, words.unreachable],
      datasets: [{ data: [fcr, byCallback, unreachable], backgroundColor: ['#2a9d8f', '#457b9d', '#e63946'] }] },
      options: { animation: false, aspectRatio: 2.5 } });
    chart('ft-chart-escalations', { type: 'bar', data: { labels: t.escalationsPerTeam.map((e) => teamName(e.team)),
      datasets: [{ label: words.escalations, data: t.escalationsPerTeam.map((e) => e.value), backgroundColor: '#e76f51' }] },
      options: { animation: false, aspectRatio: 2.5, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    const rates = [t.firstContactResolutionRate, t.callbackConfirmationRate, t.reopenRate, t.unreachableRate];
    chart('ft-chart-rates', { type: 'bar', data: {
      labels: [words.firstContact, words.callbackConfirmed, words.reopened, words.unreachable],
      datasets: [{ label: words.percent, data: rates.map((r) => r.rate == null ? 0 : Math.round(r.rate * 1000) / 10),
        backgroundColor: '#457b9d' }] },
      options: { animation: false, aspectRatio: 2.5, scales: { y: { beginAtZero: true, max: 100 } } } });
    chart('ft-chart-aging', { type: 'bar', data: { labels: now.aging.map((b) => b.label),
      datasets: [{ label: words.openCases, data: now.aging.map((b) => b.value), backgroundColor: '#1d3557' }] },
      options: { animation: false, aspectRatio: 2.5, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });

    const ops = data.operations;
    document.querySelector('#ft-mail-pending .ft-value').textContent = ops.mailPending;
    const failed = document.querySelector('#ft-mail-failed .ft-value');
    failed.textContent = ops.mailFailed;
    failed.classList.toggle('ft-nonzero', ops.mailFailed > 0);
    const incidents = document.querySelector('#ft-incidents .ft-value');
    incidents.textContent = ops.engineIncidents;
    incidents.classList.toggle('ft-nonzero', ops.engineIncidents > 0);
    document.getElementById('ft-incidents').href = ops.cockpit;
    const audit = ops.followThrough;
    const findings = document.querySelector('#ft-follow-through .ft-value');
    findings.textContent = audit.findings;
    findings.classList.toggle('ft-nonzero', audit.findings > 0);
    document.getElementById('ft-audit-run').textContent = audit.lastRunAt
      ? words.auditLastRun.replace('{0}', at(audit.lastRunAt))
      : words.auditNotRun;
    rows('ft-findings', audit.items, (f) => [[f.label], [f.caseNumber || f.subject, f.link], [f.detail],
      [at(f.firstSeenAt)]]);
    document.getElementById('ft-findings').hidden = audit.items.length === 0;
    const updated = document.getElementById('ft-updated');
    updated.textContent = clock.format(new Date(now.at)) + ' ' + zone;
    updated.dateTime = now.at;
    root.dataset.loaded = 'true';
  }

  function fillList(id, values) {
    const list = document.getElementById(id);
    list.replaceChildren(...values.map((v) => { const o = document.createElement('option'); o.value = v; return o; }));
  }

  function load() {
    fetch('/dashboard/data' + query, { headers: { Accept: 'application/json' } })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        const error = document.getElementById('ft-error');
        if (!ok) {
          error.textContent = body.detail + (body.errors ? ': ' + body.errors.map((e) => e.field + ' ' + e.message).join('; ') : '');
          error.hidden = false;
          return;
        }
        error.hidden = true;
        render(body);
      })
      .catch((e) => { console.warn('Dashboard refresh failed', e); });
  }

  load();
  root.addEventListener('live-refresh', load); // js/live.js: a case changed somewhere
  const seconds = Number(root.dataset.refreshSeconds || 30);
  if (seconds > 0) setInterval(load, seconds * 1000);
}());
