// The student's page of an LLM Economist Lab class. The seat token lives in this browser's localStorage and goes to
// the server in an Authorization header only (never in a URL). Live updates come as server-sent events over fetch.
'use strict';

(function () {
  const TOKEN_KEY = 'econlab-class-token:' + location.host;
  const $ = (id) => document.getElementById(id);
  const GRID = [-20, -10, 0, 10, 20];
  let token = localStorage.getItem(TOKEN_KEY);
  let view = null;
  let roundId = null;
  let countdownEnd = 0;
  let streamAbort = null;
  let gone = false;

  const money = (x) => (x < 0 ? '−$' : '$') + Math.abs(Math.round(x)).toLocaleString('en-US');
  const hours = (x) => (Math.round(x * 10) / 10) + ' h';

  function showError(text) {
    const e = $('error');
    e.textContent = text || '';
    e.hidden = !text;
  }

  async function api(path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    const r = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers,
      body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    let data = {};
    try { data = await r.json(); } catch (e) { /* empty */ }
    if (!r.ok) {
      const err = new Error(data.error || ('error ' + r.status));
      err.status = r.status;
      throw err;
    }
    return data;
  }

  function forget(message) {
    token = null;
    localStorage.removeItem(TOKEN_KEY);
    if (streamAbort) streamAbort.abort();
    $('play').hidden = true;
    $('join').hidden = false;
    $('who').textContent = '';
    showError(message);
  }

  async function join() {
    showError('');
    $('join-button').disabled = true;
    try {
      const r = await api('/api/join', { code: $('join-code').value, nickname: $('nickname').value, token });
      token = r.token;
      localStorage.setItem(TOKEN_KEY, token);
      start();
    } catch (e) {
      showError(e.message);
    } finally {
      $('join-button').disabled = false;
    }
  }

  function start() {
    gone = false;
    $('join').hidden = true;
    $('play').hidden = false;
    stream();
  }

  // Server-sent events read through fetch so the token can travel in a header; reconnects after a drop.
  async function stream() {
    if (streamAbort) streamAbort.abort();
    const ctl = new AbortController();
    streamAbort = ctl;
    try {
      const r = await fetch('/api/events', { headers: { Authorization: 'Bearer ' + token }, signal: ctl.signal,
        cache: 'no-store' });
      if (!r.ok) {
        let data = {};
        try { data = await r.json(); } catch (e) { /* empty */ }
        if (r.status === 401 || r.status === 410) { forget(data.error || 'Your seat is gone: join again.'); return; }
        throw new Error(data.error || ('error ' + r.status));
      }
      showError('');
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = chunk.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) render(JSON.parse(data));
        }
      }
    } catch (e) {
      if (ctl.signal.aborted) return;
      showError('Connection lost, trying again…');
    }
    if (!gone && token && streamAbort === ctl) setTimeout(stream, 2000);
  }

  async function send(body, label) {
    showError('');
    const answering = roundId;
    try {
      await api('/api/answer', Object.assign({ round: answering, kind: view.round.kind }, body));
      if (roundId !== answering) return; // the round closed (maybe by this answer) and the next one is shown
      const s = $('sent');
      s.textContent = label;
      s.hidden = false;
    } catch (e) {
      if (e.status === 401) forget(e.message); else showError(e.message);
    }
  }

  function render(v) {
    if (v.status === 'gone') {
      gone = true;
      forget(v.message);
      return;
    }
    view = v;
    $('who').textContent = v.nickname + (v.worker >= 0 ? ' · worker ' + v.worker : '');
    const status = { waiting: 'Waiting for the teacher to start the economy…', running: v.paused ? 'Paused by the teacher' : '',
      finished: 'The economy has finished. Thank you for playing!', ended: 'The class has ended.' }[v.status] || '';
    $('status').textContent = status;
    const prompt = $('prompt'); // the teacher's prompt for the class (plain text, never markup)
    prompt.textContent = typeof v.prompt === 'string' ? v.prompt : '';
    prompt.hidden = !prompt.textContent;
    $('skill').textContent = v.skill === undefined ? '–' : money(v.skill) + ' a year per weekly hour';
    const l = v.last;
    $('last-step').textContent = l ? String(l.step) : '–';
    $('last-hours').textContent = l ? hours(l.hours) : '–';
    $('last-income').textContent = l ? money(l.income) : '–';
    $('last-tax').textContent = l ? money(l.tax) : '–';
    $('last-rebate').textContent = l ? money(l.rebate) : '–';
    $('last-utility').textContent = l ? money(l.utility) : '–';
    renderSchedule(v);
    renderRound(v);
    drawHistory(v.history || []);
    drawClass(v);
  }

  function renderSchedule(v) {
    const body = $('schedule').querySelector('tbody');
    body.textContent = '';
    if (!v.cutoffs || !v.rates) return;
    for (let j = 0; j < v.rates.length; j++) {
      const tr = document.createElement('tr');
      const hi = j + 1 < v.cutoffs.length ? money(v.cutoffs[j + 1]) : '…';
      [money(v.cutoffs[j]), hi, Math.round(v.rates[j] * 100) / 100 + ' %'].forEach((t) => {
        const td = document.createElement('td');
        td.textContent = t;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
    $('leader').textContent = v.leader >= 0 ? 'Leader: worker ' + v.leader + (v.leader === v.worker ? ' (you)' : '') : '';
  }

  function deltaFields(container, name, chosen, k) {
    container.textContent = '';
    for (let j = 0; j < k; j++) {
      const label = document.createElement('span');
      label.textContent = 'Bracket ' + (j + 1) + (view.rates ? ' (now ' + Math.round(view.rates[j]) + ' %)' : '');
      const sel = document.createElement('select');
      sel.id = name + '-' + j;
      GRID.forEach((g) => {
        const o = document.createElement('option');
        o.value = String(g);
        o.textContent = (g > 0 ? '+' : '') + g + ' points';
        if (g === (chosen ? chosen[j] : 0)) o.selected = true;
        sel.appendChild(o);
      });
      container.appendChild(label);
      container.appendChild(sel);
    }
  }

  function deltasOf(name, k) {
    const out = [];
    for (let j = 0; j < k; j++) out.push(Number($(name + '-' + j).value));
    return out;
  }

  function renderRound(v) {
    const r = v.round;
    $('round').hidden = !r;
    if (!r) { roundId = null; return; }
    const fresh = r.id !== roundId;
    roundId = r.id;
    countdownEnd = Date.now() + r.secondsLeft * 1000;
    tick();
    ['hours-form', 'candidacy-form', 'vote-form', 'leader-form'].forEach((f) => { $(f).hidden = true; });
    const sent = $('sent');
    if (fresh) sent.hidden = true;
    if (r.kind === 'hours') {
      $('round-title').textContent = 'Step ' + r.step + ': how many hours do you work?';
      $('hours-form').hidden = false;
      const slider = $('hours-slider');
      slider.max = String(v.maxHours || 100);
      if (fresh) {
        slider.value = String(r.yourHours !== undefined ? r.yourHours : (v.last ? Math.round(v.last.hours) : 40));
        updatePreview();
      }
      $('hours-hint').textContent = (v.cadence === 'tax_year' ? 'These hours hold for the whole tax year. ' : '')
        + 'If you do not answer in time you keep your previous hours.';
      if (r.answered && fresh) { sent.textContent = 'Sent: ' + hours(r.yourHours); sent.hidden = false; }
    } else if (r.kind === 'candidacy') {
      $('round-title').textContent = 'Election at step ' + r.step + ': stand?';
      $('candidacy-form').hidden = false;
      if (fresh) {
        $('stand-checkbox').checked = r.yourDeltas !== undefined;
        deltaFields($('platform-fields'), 'platform', r.yourDeltas, r.brackets);
      }
    } else if (r.kind === 'vote') {
      $('round-title').textContent = 'Election at step ' + r.step + ': vote';
      $('vote-form').hidden = false;
      if (fresh) renderCandidates(r);
    } else if (r.kind === 'leader') {
      $('round-title').textContent = r.you ? 'You lead: set the rates' : 'The leader is choosing the rates…';
      $('leader-form').hidden = !r.you;
      if (fresh && r.you) deltaFields($('leader-fields'), 'leader', r.yourDeltas, r.brackets);
    }
  }

  function renderCandidates(r) {
    const box = $('candidates');
    box.textContent = '';
    r.candidates.forEach((c) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'vote';
      input.value = String(c.worker);
      if (r.yourVote === c.worker) input.checked = true;
      const text = document.createElement('span');
      const platform = c.platform.length ? ' — promises ' + c.platform.map((d) => (d > 0 ? '+' : '') + d).join(' / ') : '';
      text.textContent = 'Worker ' + c.worker + (c.you ? ' (you)' : '') + platform;
      label.appendChild(input);
      label.appendChild(text);
      box.appendChild(label);
    });
  }

  function tick() {
    const left = Math.max(0, Math.ceil((countdownEnd - Date.now()) / 1000));
    $('countdown').textContent = view && view.paused ? 'paused' : left + ' s';
  }

  // What the chosen hours would bring under the current schedule (tax of the income; the rebate as last step's).
  function updatePreview() {
    const h = Number($('hours-slider').value);
    $('hours-value').textContent = h + ' h';
    if (!view || view.skill === undefined || !view.rates) { $('hours-preview').textContent = ''; return; }
    const z = view.skill * h;
    let tax = 0;
    for (let j = 0; j < view.rates.length; j++) {
      const lo = view.cutoffs[j];
      const hi = j + 1 < view.cutoffs.length ? view.cutoffs[j + 1] : Infinity;
      if (z > lo) tax += (Math.min(z, hi) - lo) * view.rates[j] / 100;
    }
    $('hours-preview').textContent = 'Income ' + money(z) + ', tax ' + money(tax) + ' before the rebate.';
  }

  function drawHistory(rows) {
    const c = $('history-chart');
    const g = c.getContext('2d');
    g.clearRect(0, 0, c.width, c.height);
    g.fillStyle = '#5b6470';
    g.font = '14px system-ui, sans-serif';
    if (rows.length === 0) { g.fillText('Your history appears after the first step.', 10, 24); return; }
    const pad = 30;
    const w = c.width - 2 * pad;
    const h = c.height - 2 * pad;
    const x = (i) => pad + (rows.length === 1 ? w / 2 : i * w / (rows.length - 1));
    const maxH = (view && view.maxHours) || 100;
    const us = rows.map((r) => r[5]);
    const uMin = Math.min(0, ...us);
    const uMax = Math.max(1, ...us);
    g.strokeStyle = '#c5ccd3';
    g.strokeRect(pad, pad, w, h);
    g.fillText('0', 4, pad + h);
    g.fillText(String(maxH), 2, pad + 10);
    const line = (vals, lo, hi, colour) => {
      g.strokeStyle = colour;
      g.lineWidth = 2.5;
      g.beginPath();
      vals.forEach((v, i) => {
        const y = pad + h - (v - lo) / (hi - lo || 1) * h;
        if (i === 0) g.moveTo(x(i), y); else g.lineTo(x(i), y);
      });
      g.stroke();
      if (vals.length === 1) { g.fillStyle = colour; g.fillRect(x(0) - 3, pad + h - (vals[0] - lo) / (hi - lo || 1) * h - 3, 6, 6); }
    };
    line(rows.map((r) => r[1]), 0, maxH, '#0072b2');
    line(us, uMin, uMax, '#d55e00');
    g.fillStyle = '#5b6470';
    g.fillText('step ' + rows[0][0], pad, c.height - 8);
    const lastLabel = 'step ' + rows[rows.length - 1][0];
    g.fillText(lastLabel, c.width - pad - g.measureText(lastLabel).width, c.height - 8);
  }

  function drawClass(v) {
    const c = $('class-chart');
    const g = c.getContext('2d');
    g.clearRect(0, 0, c.width, c.height);
    const pad = 24;
    const w = c.width - 2 * pad;
    const base = c.height - pad;
    const maxH = v.maxHours || 100;
    const bins = v.economyHours || [];
    const most = Math.max(1, ...bins);
    bins.forEach((n, b) => {
      const bh = n / most * (c.height - 2 * pad - 30);
      g.fillStyle = '#dfe5ea';
      g.fillRect(pad + b * w / bins.length + 1, base - bh, w / bins.length - 2, bh);
    });
    g.strokeStyle = '#9aa3ad';
    g.beginPath(); g.moveTo(pad, base); g.lineTo(pad + w, base); g.stroke();
    g.fillStyle = '#5b6470';
    g.font = '13px system-ui, sans-serif';
    g.fillText('0 h', pad - 6, c.height - 6);
    g.fillText(maxH + ' h', pad + w - 20, c.height - 6);
    const hs = v.classHours || [];
    const count = {};
    hs.forEach((hv) => {
      const px = pad + hv / maxH * w;
      const key = Math.round(px / 6);
      count[key] = (count[key] || 0) + 1;
      g.fillStyle = '#0072b2';
      g.beginPath(); g.arc(px, 24 + (count[key] - 1) * 9, 4, 0, 2 * Math.PI); g.fill();
    });
    if (v.last) {
      const px = pad + v.last.hours / maxH * w;
      g.strokeStyle = '#d55e00';
      g.lineWidth = 3;
      g.beginPath(); g.arc(px, 24, 8, 0, 2 * Math.PI); g.stroke();
      g.lineWidth = 1;
    }
    if (!hs.length) { g.fillStyle = '#5b6470'; g.fillText('The class appears after the first step.', pad, 40); }
  }

  function selectedVote() {
    const checked = document.querySelector('input[name=vote]:checked');
    return checked ? Number(checked.value) : null;
  }

  document.addEventListener('DOMContentLoaded', () => {
    const m = /(?:^|[#&])code=([A-Za-z0-9]{1,12})/.exec(location.hash);
    if (m) $('join-code').value = m[1].toUpperCase();
    $('join-button').addEventListener('click', join);
    $('nickname').addEventListener('keydown', (e) => { if (e.key === 'Enter') join(); });
    $('hours-slider').addEventListener('input', updatePreview);
    $('submit-hours').addEventListener('click', () => {
      const h = Number($('hours-slider').value);
      send({ hours: h }, 'Sent: ' + hours(h) + ' (you can change it until the round closes)');
    });
    $('submit-candidacy').addEventListener('click', () => {
      const stand = $('stand-checkbox').checked;
      send(stand ? { stand: true, platform: deltasOf('platform', view.round.brackets) } : { stand: false },
        stand ? 'You stand as a candidate.' : 'You do not stand.');
    });
    $('submit-vote').addEventListener('click', () => {
      const v = selectedVote();
      if (v === null) { showError('Choose a candidate first.'); return; }
      send({ vote: v }, 'Your vote: worker ' + v);
    });
    $('submit-leader').addEventListener('click', () => {
      send({ deltas: deltasOf('leader', view.round.brackets) }, 'Rates sent.');
    });
    $('leave-button').addEventListener('click', async () => {
      try { await api('/api/leave', {}); } catch (e) { /* the seat is gone anyway */ }
      gone = true;
      forget('You left the class.');
    });
    setInterval(() => { if (view && view.round) tick(); }, 250);
    if (token) start(); else $('join').hidden = false;
  });
}());
