/* The timeline page: draws the figures and wires filters, the detail card and the table.
 *
 * Safety rule: text from documents reaches the DOM only through textContent
 * (never as markup), and links are made only from http(s) addresses.
 * window.timelineApp exposes the page's state for tests and for curious users.
 */
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var readJSON = function (id) { return JSON.parse(byId(id).textContent); };

  var figure = readJSON('timeline-figure');
  var network = readJSON('network-figure');
  var payload = readJSON('timeline-events');
  var events = payload.events;
  var actorNames = payload.actorNames;
  var plot = byId('timeline-plot');
  var netPlot = byId('network-plot');

  // Hover labels (Plotly's small markup) are made here from the event data, so a label is not
  // stored once per lane its event appears in.  Text is escaped: Plotly shows entities as text.
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  var RLM = '\u200F';
  function arabicLines(text, width, most) {
    var lines = [], line = '';
    String(text).split(/\s+/).forEach(function (word) {
      if (!word) return;
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
      else line = line ? line + ' ' + word : word;
    });
    if (line) lines.push(line);
    if (lines.length > most) { lines = lines.slice(0, most); lines[most - 1] += ' \u2026'; }
    return lines.map(function (l) { return RLM + esc(l) + RLM; }).join('<br>');
  }
  function hoverLabel(ev) {
    var parts = ['<b>' + esc(ev.title) + '</b>',
                 esc(ev.dateWords) + ' <i>(' + esc(ev.precision) + ' precision)</i>',
                 '<i>date: ' + esc(ev.basisWords) + '</i>', 'type: ' + esc(ev.typeLabel)];
    if (ev.actors.length) parts.push('actors: ' + esc(ev.actors.join(', ')));
    if (ev.mediators.length) parts.push('mediators: ' + esc(ev.mediators.join(', ')));
    if (ev.place) parts.push('place: ' + esc(ev.place));
    if (ev.mentions.length) parts.push(arabicLines(ev.mentions[0].text, 64, 4));
    if (ev.sources.length) parts.push('sources: ' + esc(ev.sources.join(', ')));
    return parts.join('<br>');
  }
  var labels = events.map(hoverLabel);
  figure.data.forEach(function (tr) {
    tr.hovertext = (tr.customdata || []).map(function (i) { return labels[i]; });
  });
  var PER_POINT = {points: ['x', 'y', 'customdata', 'hovertext', 'marker.symbol'],
                   spans: ['x', 'y', 'base', 'customdata', 'hovertext', 'marker.color', 'marker.line.width']};
  function getPath(obj, path) {
    return path.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, obj);
  }
  var original = figure.data.map(function (tr) {
    var kind = (tr.meta && tr.meta.kind) || 'points';
    var copy = {kind: kind};
    PER_POINT[kind].forEach(function (path) {
      var v = getPath(tr, path);
      if (Array.isArray(v)) copy[path] = v.slice();
    });
    return copy;
  });

  // ---- search normalisation (Arabic letters folded like the pipeline's working copy) ----
  function fold(text) {
    return String(text || '').toLowerCase()
      .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647')
      .replace(/\s+/g, ' ');
  }
  events.forEach(function (ev) {
    ev.haystack = fold([ev.id, ev.title, ev.typeLabel, ev.dateWords, ev.place || '']
      .concat(ev.actors, ev.mediators, ev.sources,
              ev.mentions.map(function (m) { return m.text + ' ' + (m.title || ''); })).join(' \u0001 '));
    ev.everyone = ev.actors.concat(ev.mediators);
  });

  var state = {actor: '', query: '', pinned: null, tableBuilt: false, sortKey: 'start', sortDir: 1};
  var keep = events.map(function () { return true; });

  function matches(ev) {
    if (state.actor && ev.everyone.indexOf(state.actor) < 0) return false;
    if (state.query && ev.haystack.indexOf(state.query) < 0) return false;
    return true;
  }

  // ---- detail card ----
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function safeUrl(url) {
    if (!url) return null;
    try {
      var u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) { return null; }
  }
  function showDetail(ev) {
    var box = byId('detail');
    box.replaceChildren();
    box.appendChild(el('h2', ev.title));
    var dl = el('dl');
    function row(label, value) {
      if (!value) return;
      dl.appendChild(el('dt', label));
      dl.appendChild(el('dd', value));
    }
    row('date', ev.dateWords + ' (' + ev.precision + ' precision)');
    row('dated by', ev.basisWords);
    row('type', ev.typeLabel);
    row('actors', ev.actors.join(', '));
    row('mediators', ev.mediators.join(', '));
    row('place', ev.place);
    row('sources', ev.sources.join(', '));
    row('id', ev.id);
    box.appendChild(dl);
    ev.mentions.forEach(function (m) {
      var q = el('blockquote', m.text, 'ar');
      q.setAttribute('dir', 'rtl');
      q.setAttribute('lang', 'ar');
      box.appendChild(q);
      var cite = el('p', null, 'cite');
      var parts = [];
      if (m.outlet) parts.push(m.outlet);
      if (m.cited.length) parts.push('citing ' + m.cited.join(', '));
      if (m.published_words) parts.push(m.published_words);
      else if (m.published) parts.push('published ' + m.published);
      parts.push(m.doc);
      cite.appendChild(document.createTextNode(parts.join(' · ')));
      var href = safeUrl(m.url);
      if (href) {
        var a = el('a', ' article');
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        cite.appendChild(document.createTextNode(' · '));
        cite.appendChild(a);
      }
      if (m.title) {
        var t = el('span', ' — ' + m.title);
        t.setAttribute('dir', 'auto');
        cite.appendChild(t);
      }
      box.appendChild(cite);
    });
    box.dataset.event = ev.id;
  }

  // ---- filtering ----
  // Every trace is rebuilt from its original arrays, keeping the points whose event matches;
  // Plotly.react redraws what changed and keeps the lane mode, legend choices and zoom.
  function setPath(obj, path, value) {
    var keys = path.split('.');
    var o = obj;
    for (var k = 0; k < keys.length - 1; k++) {
      o[keys[k]] = Object.assign({}, o[keys[k]]);
      o = o[keys[k]];
    }
    o[keys[keys.length - 1]] = value;
  }
  function applyFilter() {
    keep = events.map(matches);
    var data = plot.data.map(function (tr, t) {
      var orig = original[t];
      var cd = orig.customdata || [];
      var sel = [];
      for (var j = 0; j < cd.length; j++) if (keep[cd[j]]) sel.push(j);
      var copy = Object.assign({}, tr);
      PER_POINT[orig.kind].forEach(function (path) {
        var arr = orig[path];
        if (arr) setPath(copy, path, sel.map(function (j) { return arr[j]; }));
      });
      return copy;
    });
    var shown = keep.filter(Boolean).length;
    byId('shown').textContent = (shown === events.length) ? events.length + ' events'
      : 'showing ' + shown + ' of ' + events.length + ' events';
    if (state.tableBuilt) filterTable();
    return Plotly.react(plot, data, plot.layout).then(function () { app.shown = shown; });
  }

  // ---- table ----
  var TEXT_KEYS = {type: 'typeLabel', title: 'title', place: 'place'};
  function sortValue(ev, key) {
    if (key === 'start') return ev.start || '\uffff';
    if (key === 'actors' || key === 'mediators' || key === 'sources') return ev[key].join(', ').toLowerCase();
    if (key === 'sentence') return ev.mentions.length ? ev.mentions[0].text : '';
    return String(ev[TEXT_KEYS[key]] || '').toLowerCase();
  }
  function buildTable() {
    var body = byId('events-table').tBodies[0];
    var frag = document.createDocumentFragment();
    events.forEach(function (ev) {
      var tr = document.createElement('tr');
      tr.id = 'row-' + ev.index;
      tr.dataset.index = ev.index;
      var link = el('a', '\u25F7 show', 'show');
      link.href = '#e:' + encodeURIComponent(ev.id);
      link.title = 'show on the timeline';
      link.addEventListener('click', function (e) { e.preventDefault(); focusEvent(ev.index); });
      var first = el('td');
      first.appendChild(link);
      tr.appendChild(first);
      tr.appendChild(el('td', ev.start ? ev.dateWords : 'undated', 'date'));
      tr.appendChild(el('td', ev.typeLabel));
      tr.appendChild(el('td', ev.title));
      tr.appendChild(el('td', ev.actors.join(', ')));
      tr.appendChild(el('td', ev.mediators.join(', ')));
      tr.appendChild(el('td', ev.place || ''));
      tr.appendChild(el('td', ev.sources.join(', ')));
      var ar = el('td', ev.mentions.length ? ev.mentions[0].text : '', 'ar');
      ar.setAttribute('dir', 'rtl');
      ar.setAttribute('lang', 'ar');
      tr.appendChild(ar);
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    state.tableBuilt = true;
    sortTable(state.sortKey, state.sortDir);
    filterTable();
  }
  function filterTable() {
    var rows = byId('events-table').tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) rows[r].hidden = !keep[+rows[r].dataset.index];
  }
  function sortTable(key, dir) {
    state.sortKey = key;
    state.sortDir = dir;
    var body = byId('events-table').tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var ea = events[+a.dataset.index], eb = events[+b.dataset.index];
      var va = sortValue(ea, key), vb = sortValue(eb, key);
      if (va < vb) return -dir;
      if (va > vb) return dir;
      return ea.index - eb.index;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var heads = byId('events-table').tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) {
      if (!heads[h].dataset.key) continue;
      heads[h].setAttribute('aria-sort', heads[h].dataset.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }
  byId('events-table').tHead.addEventListener('click', function (e) {
    var th = e.target.closest('th[data-key]');
    if (!th) return;
    var key = th.dataset.key;
    sortTable(key, state.sortKey === key ? -state.sortDir : 1);
  });

  // ---- views ----
  var networkDrawn = false;
  function showView(name) {
    ['timeline', 'network', 'table'].forEach(function (v) {
      byId('view-' + v).hidden = v !== name;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (b) {
      var on = b.dataset.view === name;
      b.classList.toggle('active', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    app.view = name;
    if (name === 'table' && !state.tableBuilt) buildTable();
    if (name === 'network' && !networkDrawn) {
      networkDrawn = true;
      return Plotly.newPlot(netPlot, network.data, network.layout, {responsive: true, displaylogo: false})
        .then(function () {
          netPlot.on('plotly_click', function (e) {
            var name = e.points && e.points[0] && e.points[0].customdata;
            if (typeof name === 'string' && actorNames.indexOf(name) >= 0) {
              setActor(name);
              showView('timeline');
            }
          });
        });
    }
    if (name === 'timeline') return Plotly.Plots.resize(plot);
    return Promise.resolve();
  }
  Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (b) {
    b.addEventListener('click', function () { showView(b.dataset.view); });
  });

  function where(index) {
    for (var t = 0; t < plot.data.length; t++) {
      var tr = plot.data[t];
      if (tr.visible !== true && tr.visible !== undefined) continue;
      var cd = tr.customdata || [];
      for (var p = 0; p < cd.length; p++) if (cd[p] === index) return {curveNumber: t, pointNumber: p};
    }
    return null;
  }
  function focusEvent(index) {
    var ev = events[index];
    var ready = Promise.resolve();
    if (!keep[index]) {
      state.actor = '';
      state.query = '';
      byId('actor-filter').value = '';
      byId('search').value = '';
      ready = applyFilter();
    }
    return ready.then(function () { return showView('timeline'); }).then(function () {
      state.pinned = index;
      showDetail(ev);
      if (!ev.start) return null;
      var a = new Date(ev.start.replace(' ', 'T') + 'Z'), b = new Date(ev.end.replace(' ', 'T') + 'Z');
      var pad = Math.max(20 * 864e5, (b - a) * 0.5);
      var iso = function (d) { return d.toISOString().slice(0, 10); };
      return Plotly.relayout(plot, {'xaxis.range': [iso(new Date(+a - pad)), iso(new Date(+b + pad))]})
        .then(function () {
          var pt = where(index);
          if (pt) Plotly.Fx.hover(plot, [pt]);
          plot.scrollIntoView({block: 'nearest'});
        });
    });
  }

  function setActor(name) {
    state.actor = name;
    byId('actor-filter').value = name;
    return applyFilter();
  }

  // ---- controls ----
  var select = byId('actor-filter');
  actorNames.forEach(function (name) {
    var opt = document.createElement('option');
    opt.value = name;
    opt.textContent = name;
    select.appendChild(opt);
  });
  select.addEventListener('change', function () { setActor(select.value); });
  var search = byId('search');
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.query = fold(search.value).trim(); applyFilter(); }, 180);
  });
  byId('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  byId('clear-filters').addEventListener('click', function () {
    state.actor = '';
    state.query = '';
    select.value = '';
    search.value = '';
    applyFilter();
  });
  var undated = events.filter(function (ev) { return !ev.start; }).length;
  byId('undated').textContent = undated ? undated + ' event(s) have no usable date: they are listed in the table only.' : '';

  var app = {
    events: events, shown: events.length, view: 'timeline',
    setActor: setActor,
    search: function (text) { state.query = fold(text).trim(); search.value = text; return applyFilter(); },
    showView: showView, focusEvent: focusEvent, showDetail: showDetail,
    setLanes: function (mode) {
      var menu = plot.layout.updatemenus[0];
      var k = mode === 'actor' ? 1 : 0;
      return Plotly.update(plot, menu.buttons[k].args[0], menu.buttons[k].args[1]);
    }
  };
  window.timelineApp = app;

  Plotly.newPlot(plot, figure.data, figure.layout, {responsive: true, displaylogo: false, scrollZoom: false})
    .then(function () {
      plot.on('plotly_hover', function (e) {
        var p = e.points && e.points[0];
        if (p && typeof p.customdata === 'number' && state.pinned === null) showDetail(events[p.customdata]);
      });
      plot.on('plotly_click', function (e) {
        var p = e.points && e.points[0];
        if (p && typeof p.customdata === 'number') {
          state.pinned = p.customdata;
          showDetail(events[p.customdata]);
        }
      });
      plot.on('plotly_doubleclick', function () { state.pinned = null; });
      byId('shown').textContent = events.length + ' events';
      var hash = decodeURIComponent(location.hash || '');
      if (hash.indexOf('#e:') === 0) {
        var id = hash.slice(3);
        var hit = events.filter(function (ev) { return ev.id === id; })[0];
        if (hit) return focusEvent(hit.index);
      }
      return null;
    })
    .then(function () { window.timelineReady = true; })
    .catch(function (err) { console.error('timeline page: ' + err); });
})();
