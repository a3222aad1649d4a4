// parley explorer: a small single-page view over the read-only JSON API.
// Every piece of corpus data reaches the page as a text node or an attribute
// set through the DOM (never as HTML), so article text is shown, not run.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const main = () => document.getElementById('main');

// el('a', {href: '#/x', class: 'c'}, 'text', child...): strings become text nodes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}
function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
}
function append(e, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}
function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes.flat().filter(Boolean));
  window.scrollTo(0, 0);
}

async function api(path, params) {
  const url = new URL('/api/' + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}
const enc = encodeURIComponent;
const speakerHref = (name) => '#/speaker/' + enc(name);
const entityHref = (name) => '#/entity/' + enc(name);
const articleHref = (id, quote) => '#/article/' + id + (quote ? '?quote=' + quote : '');

function meta(...parts) {
  return el('div', { class: 'meta' }, parts.filter(Boolean).map((p) => (p instanceof Node ? p : el('span', {}, p))));
}

// One quote in a list: content, speaker, date, outlet, link to the article.
function quoteItem(q) {
  return el('li', { class: 'quote', 'data-quote-id': q.quote_id },
    el('div', { class: 'quote-text' }, q.content),
    meta(
      q.speaker ? el('a', { href: speakerHref(q.speaker), class: 'speaker' }, q.speaker) : 'unattributed',
      q.date || 'undated',
      q.source,
      el('a', { href: articleHref(q.article_id, q.quote_id), class: 'open-article' },
        q.title || q.id || 'article ' + q.article_id)));
}

function pager(page, go) {
  const p = el('div', { class: 'pager' });
  if (page.offset > 0) p.append(el('button', { class: 'secondary', onclick: () => go(Math.max(0, page.offset - page.limit)) }, 'Previous'));
  if (page.more) p.append(el('button', { class: 'secondary', onclick: () => go(page.offset + page.limit) }, 'Next'));
  return p;
}

// A list section that pages itself.
function pagedList(title, load, render, empty) {
  const list = el('ul', { class: 'list' });
  const nav = el('div');
  const section = el('section', {}, el('h2', {}, title), list, nav);
  const go = async (offset) => {
    try {
      const page = await load(offset);
      const items = page.items;
      list.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'muted' }, empty)]));
      nav.replaceChildren(pager(page, go));
    } catch (e) {
      list.replaceChildren(el('li', { class: 'error' }, e.message));
    }
  };
  go(0);
  return section;
}

// Views --------------------------------------------------------------------

async function home() {
  const s = await api('stats');
  const cards = el('div', { class: 'cards' },
    [['articles', s.articles], ['quotes', s.quotes], ['quotes in 2+ outlets', s.shared_quotes],
      ['entities', s.entities], ['events', s.event_groups]]
      .map(([k, v]) => el('div', { class: 'card' }, el('b', {}, (v || 0).toLocaleString()), k)));
  const span = s.first_date ? el('p', { class: 'muted' }, `Articles from ${s.first_date} to ${s.last_date}.`) : null;
  const people = await api('entities', { type: 'PER', limit: 15 });
  const orgs = await api('entities', { limit: 15 });
  const entList = (list) => el('ul', { class: 'list' }, list.entities.map((e) =>
    el('li', {}, el('a', { href: entityHref(e.name) }, e.name), ' ',
      el('span', { class: 'muted' }, `${e.type} · ${e.articles} articles · ${e.quotes} quotes`),
      e.quotes ? [' · ', el('a', { href: speakerHref(e.name) }, 'quotes')] : null)));
  show(el('h1', {}, 'Corpus overview'), cards, span,
    el('div', { class: 'two' },
      el('section', {}, el('h2', {}, 'Most covered people'), entList(people)),
      el('section', {}, el('h2', {}, 'Most covered entities'), entList(orgs))));
}

async function search(q) {
  document.getElementById('search').value = q;
  if (!q.trim()) return home();
  const bySpeaker = await api('quotes', { speaker: q, limit: 100 }).catch(() => ({ quotes: [] }));
  const speakers = [...new Set(bySpeaker.quotes.map((x) => x.speaker).filter(Boolean))];
  show(el('h1', {}, 'Search: ', el('span', { class: 'query' }, q)),
    el('section', {}, el('h2', {}, 'Speakers'),
      speakers.length
        ? el('ul', { class: 'list speakers' }, speakers.map((name) =>
          el('li', {}, el('a', { href: speakerHref(name), class: 'speaker-link' }, name))))
        : el('p', { class: 'muted' }, 'No speaker by that name.')),
    pagedList('Quotes', async (offset) => {
      const r = await api('quotes', { text: q, limit: 10, offset });
      return { ...r, items: r.quotes };
    }, quoteItem, 'No quote contains these words.'),
    pagedList('Articles', async (offset) => {
      const r = await api('articles', { q, limit: 10, offset });
      return { ...r, items: r.articles };
    }, articleItem, 'No article contains these words.'));
}

// A search snippet: \x02 ... \x03 mark matches.
function snippet(s) {
  const out = el('div', { class: 'snippet' });
  s.split('\x02').forEach((part, i) => {
    if (i === 0) { out.append(part); return; }
    const [hit, rest] = part.split('\x03');
    out.append(el('mark', {}, hit), rest || '');
  });
  return out;
}
function articleItem(a) {
  return el('li', {}, el('a', { href: articleHref(a.article_id) }, a.title || a.id || 'article ' + a.article_id),
    meta(a.date, a.source), snippet(a.snippet));
}

async function speaker(name) {
  const first = await api('speakers/' + enc(name), { limit: 1 });
  show(el('h1', {}, name),
    el('p', { class: 'muted' }, `${first.total} quotes.`),
    el('p', {}, el('a', { href: entityHref(name) }, 'Coverage of ' + name)),
    await timeline({ speaker: name }, 'Quotes per month'),
    pagedList('Quotes', async (offset) => {
      const r = await api('speakers/' + enc(name), { limit: 20, offset });
      return { ...r, items: r.quotes };
    }, quoteItem, 'No quotes.'));
}

async function entity(name) {
  const co = await api('cooccurrence', { entity: name, limit: 15 }).catch(() => ({ edges: [] }));
  show(el('h1', {}, name),
    el('p', {}, el('a', { href: speakerHref(name) }, 'Quotes by ' + name)),
    await timeline({ entity: name }, 'Articles mentioning it, per month'),
    co.edges.length ? el('section', {}, el('h2', {}, 'Appears with'),
      el('ul', { class: 'list compact' }, co.edges.map((e) => el('li', {},
        el('a', { href: entityHref(e.b) }, e.b), ' ',
        el('span', { class: 'muted' }, `${e.articles} shared articles`))))) : null,
    pagedList('Quotes that mention it', async (offset) => {
      const r = await api('quotes', { entity: name, limit: 10, offset });
      return { ...r, items: r.quotes };
    }, quoteItem, 'No quotes mention it.'));
}

// Every month "YYYY-MM" from first to last (at most 50 years).
function monthsBetween(first, last) {
  const months = [];
  let [y, m] = first.split('-').map(Number);
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return months;
}

// Bars per month, from the first month to the last with empty months shown.
async function timeline(params, title) {
  const t = await api('timeline', params);
  const section = el('section', { class: 'timeline' }, el('h2', {}, title));
  if (!t.months.length) { section.append(el('p', { class: 'muted' }, 'No dated articles.')); return section; }
  const counts = new Map(t.months.map((m) => [m.month, m.count]));
  const months = monthsBetween(t.months[0].month, t.months[t.months.length - 1].month);
  const W = 900, H = 180, pad = 28, bw = Math.max(2, (W - 2 * pad) / months.length);
  const max = Math.max(...counts.values());
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + 30}`, width: W, height: H + 30, role: 'img', class: 'timeline-chart' });
  months.forEach((key, i) => {
    const v = counts.get(key) || 0;
    const h = (v / max) * (H - pad);
    chart.append(svg('rect', { class: 'bar', x: pad + i * bw, y: H - h, width: Math.max(1, bw - 1), height: h },
      svg('title', {}, `${key}: ${v}`)));
    if (months.length <= 24 || i % Math.ceil(months.length / 12) === 0) {
      chart.append(svg('text', { x: pad + i * bw, y: H + 16 }, key));
    }
  });
  chart.append(svg('text', { x: 2, y: pad - 6 }, String(max)));
  section.append(chart);
  return section;
}

// The article with quotes, speakers and entity mentions highlighted. Offsets
// are UTF-8 byte offsets: the text is cut as bytes and each piece decoded,
// since JS string indices count UTF-16 units.
async function article(id, quoteId) {
  const a = await api('articles/' + enc(id));
  const bytes = new TextEncoder().encode(a.text);
  const decoder = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  const spans = [];
  const add = (begin, end, cls, data) => {
    if (begin === null || end === null || !(begin < end) || end > bytes.length) return;
    cuts.add(begin); cuts.add(end);
    spans.push({ begin, end, cls, data });
  };
  for (const q of a.quotes) {
    add(q.begin, q.end, 'hl-quote' + (String(q.quote_id) === quoteId ? ' selected' : ''), { 'data-quote-id': q.quote_id, title: 'Quote by ' + (q.speaker || 'unknown') });
    add(q.speaker_begin, q.speaker_end, 'hl-speaker', { title: 'Speaker: ' + q.speaker });
  }
  for (const m of a.mentions) {
    const t = ['PER', 'ORG', 'GPE', 'LOC'].includes(m.type) ? m.type : 'other';
    add(m.begin, m.end, 'hl-' + t, { title: `${m.type}: ${m.entity}` });
  }
  const points = [...cuts].sort((x, y) => x - y);
  const body = el('div', { class: 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [b, e] = [points[i], points[i + 1]];
    const text = decoder.decode(bytes.subarray(b, e));
    const covering = spans.filter((s) => s.begin <= b && e <= s.end);
    if (!covering.length) { body.append(text); continue; }
    const attrs = { class: covering.map((s) => s.cls).join(' ') };
    for (const s of covering) Object.assign(attrs, s.data);
    body.append(el('span', attrs, text));
  }
  const quotes = el('ul', { class: 'list' }, a.quotes.map((q) => el('li', {},
    el('div', { class: 'quote-text' }, q.content),
    meta(q.speaker ? el('a', { href: speakerHref(q.speaker) }, q.speaker) : 'unattributed', q.cue, q.kind))));
  const entities = el('ul', { class: 'list' }, a.entities.map((e) => el('li', {},
    el('a', { href: entityHref(e.name) }, e.name), ' ', el('span', { class: 'muted' }, `${e.type} · ${e.mentions} mentions`))));
  show(el('h1', {}, a.title || a.id || 'Article ' + a.article_id),
    meta(a.date, a.source, a.url && /^https?:\/\//.test(a.url) ? el('a', { href: a.url, rel: 'noopener noreferrer nofollow' }, 'original') : null),
    el('p', { class: 'legend' }, el('span', { class: 'hl-quote' }, 'quote'), el('span', { class: 'hl-speaker' }, 'speaker'),
      el('span', { class: 'hl-PER' }, 'person'), el('span', { class: 'hl-ORG' }, 'organisation'), el('span', { class: 'hl-GPE' }, 'place')),
    el('div', { class: 'two' }, body,
      el('aside', {}, el('h2', {}, `Quotes (${a.quotes.length})`), quotes, el('h2', {}, `Entities (${a.entities.length})`), entities)));
  const selected = body.querySelector('.selected');
  if (selected) selected.scrollIntoView({ block: 'center' });
}

// Co-occurrence network: a force layout computed by hand, drawn as SVG.
async function network() {
  const g = await api('cooccurrence', { limit: 80, nodes: 30 });
  const W = 900, H = 600;
  const nodes = g.nodes.map((n, i) => ({ ...n, x: W / 2 + 250 * Math.cos(i), y: H / 2 + 200 * Math.sin(i), vx: 0, vy: 0 }));
  const index = new Map(nodes.map((n, i) => [n.name, i]));
  const edges = g.edges.filter((e) => index.has(e.a) && index.has(e.b));
  const maxW = Math.max(1, ...edges.map((e) => e.articles));
  for (let it = 0; it < 300; it++) {
    const cool = 1 - it / 300;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(25, dx * dx + dy * dy), f = 4000 / d2;
        const d = Math.sqrt(d2);
        dx /= d; dy /= d;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = nodes[index.get(e.a)], b = nodes[index.get(e.b)];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
      const f = (d - 120) * 0.02 * (0.3 + e.articles / maxW);
      a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.005; n.vy += (H / 2 - n.y) * 0.005;
      n.x = Math.min(W - 40, Math.max(40, n.x + n.vx * cool)); n.y = Math.min(H - 20, Math.max(20, n.y + n.vy * cool));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
  const maxN = Math.max(1, ...nodes.map((n) => n.articles));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'network', role: 'img' });
  for (const e of edges) {
    const a = nodes[index.get(e.a)], b = nodes[index.get(e.b)];
    chart.append(svg('line', { class: 'edge', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': 0.5 + 4 * e.articles / maxW },
      svg('title', {}, `${e.a} – ${e.b}: ${e.articles} articles`)));
  }
  for (const n of nodes) {
    const link = svg('a', { href: entityHref(n.name) },
      svg('circle', { class: 'node ' + n.type, cx: n.x, cy: n.y, r: 4 + 12 * Math.sqrt(n.articles / maxN) },
        svg('title', {}, `${n.name} (${n.type}): ${n.articles} articles`)),
      svg('text', { x: n.x + 8, y: n.y + 4 }, n.name));
    chart.append(link);
  }
  show(el('h1', {}, 'Who appears with whom'),
    el('p', { class: 'muted' }, 'The most frequent entities; a line joins two that appear in the same articles (thicker: more articles).'),
    nodes.length ? chart : el('p', { class: 'muted' }, 'No entities yet.'));
}

// Places on an equirectangular world map, outline from world.json.
let worldOutline = null;
async function map() {
  if (!worldOutline) worldOutline = await (await fetch('/world.json')).json();
  const p = await api('places', { limit: 300 });
  const W = 1000, H = 500;
  const X = (lon) => ((lon + 180) / 360) * W, Y = (lat) => ((90 - lat) / 180) * H;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'map', role: 'img' });
  for (let lon = -180; lon <= 180; lon += 30) chart.append(svg('line', { class: 'grat', x1: X(lon), y1: 0, x2: X(lon), y2: H }));
  for (let lat = -60; lat <= 60; lat += 30) chart.append(svg('line', { class: 'grat', x1: 0, y1: Y(lat), x2: W, y2: Y(lat) }));
  for (const ring of worldOutline.rings || []) {
    // A ring that crosses the antimeridian is cut there rather than drawn
    // across the whole map.
    let d = '', cut = false;
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const jump = i > 0 && Math.abs(ring[i] - ring[i - 2]) > 1800;
      cut = cut || jump;
      d += (i === 0 || jump ? 'M' : 'L') + X(ring[i] / 10).toFixed(1) + ' ' + Y(ring[i + 1] / 10).toFixed(1);
    }
    chart.append(svg('path', { class: 'land', d: cut ? d : d + 'Z' }));
  }
  const max = Math.max(1, ...p.places.map((x) => x.articles));
  for (const pl of [...p.places].reverse()) {
    chart.append(svg('a', { href: entityHref(pl.name) },
      svg('circle', { class: 'place', cx: X(pl.lon), cy: Y(pl.lat), r: 2 + 14 * Math.sqrt(pl.articles / max) },
        svg('title', {}, `${pl.name}${pl.country ? ' (' + pl.country + ')' : ''}: ${pl.articles} articles`))));
  }
  const list = el('ul', { class: 'list' }, p.places.slice(0, 20).map((pl) =>
    el('li', {}, el('a', { href: entityHref(pl.name) }, pl.name), ' ', el('span', { class: 'muted' }, `${pl.articles} articles`))));
  show(el('h1', {}, 'Where things happened'), chart, el('h2', {}, 'Most mentioned places'), list);
}

// Quotes reported by several outlets (near-duplicates grouped by the store).
function groupItem(g) {
  return el('li', { class: 'quote group', 'data-group-id': g.group_id },
    el('div', { class: 'quote-text' }, g.content),
    meta(
      g.speaker ? el('a', { href: speakerHref(g.speaker), class: 'speaker' }, g.speaker) : 'unattributed',
      `first seen ${g.first_date || 'undated'}${g.first_source ? ' in ' + g.first_source : ''}`,
      `${g.outlets} outlets · ${g.articles} articles`,
      el('a', { href: '#/group/' + g.group_id, class: 'open-group' }, 'every version')),
    el('div', { class: 'outlets' }, g.sources.join(' · ')));
}

async function reported() {
  show(el('h1', {}, 'Quotes reported by several outlets'),
    el('p', { class: 'muted' }, 'The same quote found in articles of different outlets, whole, trimmed or lightly edited; the longest version is shown.'),
    pagedList('Most widely reported', async (offset) => {
      const r = await api('quote-groups', { limit: 20, offset });
      return { ...r, items: r.groups };
    }, groupItem, 'No quote was reported by two outlets.'));
}

async function group(id) {
  const r = await api('quote-groups/' + enc(id));
  show(el('h1', {}, `One quote, ${r.quotes.length} reports`),
    el('p', { class: 'muted' }, 'Each version as its outlet printed it, earliest first.'),
    el('ul', { class: 'list' }, r.quotes.map(quoteItem)));
}

async function speakers() {
  show(el('h1', {}, 'Speakers'),
    el('p', { class: 'muted' }, 'Speakers across articles, one per knowledge-base identity (else per name). Distinct: what they said, counting a quote reported by several outlets once.'),
    pagedList('Most quoted', async (offset) => {
      const r = await api('speakers', { limit: 25, offset });
      return { ...r, items: r.speakers };
    }, (sp) => el('li', {},
      el('a', { href: speakerHref(sp.name), class: 'speaker-link' }, sp.name), ' ',
      el('span', { class: 'muted' }, `${sp.quotes} quotes · ${sp.statements} distinct · ${sp.articles} articles · ${sp.outlets} outlets` +
        (sp.actor_codes ? ' · ' + sp.actor_codes : ''))), 'No resolved speakers.'));
}

// A Goldstein score as a badge: cooperation green, conflict red.
function goldstein(v) {
  return el('span', { class: 'gs' + (v > 0 ? ' coop' : v < 0 ? ' conflict' : ''), title: 'Goldstein score, from −10 (conflict) to +10 (cooperation)' },
    (v > 0 ? '+' : '') + v.toFixed(1));
}

function eventItem(g) {
  const who = (code, name) => name || code || '?';
  return el('li', { class: 'event', 'data-group-id': g.group_id },
    el('div', { class: 'event-line' }, goldstein(g.mean_goldstein), ' ',
      el('b', {}, who(g.source_code, g.source_name)), ' ', g.cameo_name || g.cameo, ' ',
      el('b', {}, who(g.target_code, g.target_name)), g.place ? ' in ' + g.place : ''),
    el('div', { class: 'evidence' }, g.evidence),
    meta(g.date || 'undated', `${g.num_articles} articles · ${g.num_sources} outlets`,
      g.polarity !== 'asserted' ? g.polarity : null, g.modality !== 'actual' ? g.modality : null,
      el('a', { href: '#/event/' + g.group_id, class: 'open-event' }, 'reports')));
}

function dyadList(list) {
  if (!list.length) return el('p', { class: 'muted' }, 'No actor pairs.');
  return el('ul', { class: 'list compact' }, list.map((d) => el('li', {},
    el('a', { href: '#/dyad/' + enc(d.a) + '/' + enc(d.b), class: 'dyad-link' }, `${d.a_name || d.a} – ${d.b_name || d.b}`), ' ',
    el('span', { class: 'muted' }, `${d.events} events · mean `), goldstein(d.goldstein))));
}

async function events(actor) {
  const input = el('input', { type: 'search', maxlength: 200, value: actor, 'aria-label': 'Actor',
    placeholder: 'Actor: a code (USA, RUSGOV) or a name' });
  const form = el('form', { class: 'filter', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = '#/events?actor=' + enc(input.value.trim());
  } }, input, el('button', { type: 'submit' }, 'Filter'));
  const dyads = await api('dyads', { actor, limit: 15 });
  show(el('h1', {}, 'Events'),
    el('p', { class: 'muted' }, 'Who did what to whom, one row per real-world event (date, actors, CAMEO root code and place) with the articles and outlets reporting it.'),
    form,
    el('div', { class: 'two' },
      pagedList(actor ? 'Events of ' + actor : 'Events, newest first', async (offset) => {
        const r = await api('events', { actor, limit: 20, offset });
        return { ...r, items: r.events };
      }, eventItem, 'No events.'),
      el('aside', {}, el('h2', {}, 'Actor pairs'), dyadList(dyads.dyads))));
}

async function eventReports(id) {
  const r = await api('events/' + enc(id));
  show(el('h1', {}, `One event, ${r.events.length} reports`),
    el('ul', { class: 'list' }, r.events.map((e) => el('li', {},
      el('div', { class: 'evidence' }, e.evidence),
      meta(e.date || 'undated', e.source, e.claimant ? 'according to ' + e.claimant : null,
        el('a', { href: articleHref(e.article_id) }, e.title || 'article ' + e.article_id))))));
}

// Cooperation–conflict over time: the mean Goldstein score of the pair's
// events per month, bars up (cooperation) or down (conflict) from zero.
function dyadChart(points) {
  const W = 900, H = 260, pad = 30, mid = H / 2;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + 24}`, width: W, height: H + 24, role: 'img', class: 'dyad-chart' });
  if (!points.length) return chart;
  const byMonth = new Map(points.map((p) => [p.period, p]));
  const months = monthsBetween(points[0].period, points[points.length - 1].period);
  const bw = Math.min(48, Math.max(2, (W - 2 * pad) / months.length)), scale = (mid - 12) / 10;
  chart.append(svg('line', { class: 'axis', x1: pad, y1: mid, x2: W - pad, y2: mid }),
    svg('text', { x: 2, y: 14 }, '+10'), svg('text', { x: 2, y: H - 4 }, '−10'), svg('text', { x: 8, y: mid + 4 }, '0'));
  months.forEach((key, i) => {
    const p = byMonth.get(key);
    if (p) {
      const h = Math.max(1, Math.abs(p.goldstein) * scale);
      chart.append(svg('rect', { class: 'bar ' + (p.goldstein >= 0 ? 'coop' : 'conflict'), x: pad + i * bw,
        y: p.goldstein >= 0 ? mid - h : mid, width: Math.max(1, bw - 1), height: h },
      svg('title', {}, `${key}: ${p.events} events (${p.cooperation} cooperative, ${p.conflict} conflictual), mean ${p.goldstein.toFixed(1)}`)));
    }
    if (months.length <= 24 || i % Math.ceil(months.length / 12) === 0) {
      chart.append(svg('text', { x: pad + i * bw, y: H + 16 }, key));
    }
  });
  return chart;
}

async function dyad(a, b) {
  const t = await api('dyad', { a, b, by: 'month' });
  const pairs = (await api('dyads', { actor: a, limit: 100 })).dyads;
  const d = pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const name = (code) => (d && (d.a === code ? d.a_name : d.b === code ? d.b_name : '')) || '';
  const label = (code) => (name(code) ? `${name(code)} (${code})` : code);
  show(el('h1', {}, `${label(a)} – ${label(b)}`),
    el('p', { class: 'muted' }, 'Mean Goldstein score of their events per month, both directions: above the line cooperation, below it conflict. Each real-world event counts once, however many articles report it.'),
    el('section', { class: 'timeline' }, el('h2', {}, 'Cooperation and conflict'),
      t.points.length ? dyadChart(t.points) : el('p', { class: 'muted' }, 'No dated events.')),
    pagedList('Their events', async (offset) => {
      const r = await api('events', { actor: a, with: b, limit: 20, offset });
      return { ...r, items: r.events };
    }, eventItem, 'No events.'));
}

// Routing: #/, #/search?q=, #/speaker/NAME, #/entity/NAME, #/article/ID?quote=, #/network, #/map,
// #/speakers, #/reported, #/group/ID, #/events?actor=, #/event/ID, #/dyad/A/B.
async function route() {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'search') await search(params.get('q') || '');
    else if (parts[0] === 'speaker') await speaker(parts.slice(1).join('/'));
    else if (parts[0] === 'entity') await entity(parts.slice(1).join('/'));
    else if (parts[0] === 'article') await article(parts[1], params.get('quote'));
    else if (parts[0] === 'network') await network();
    else if (parts[0] === 'map') await map();
    else if (parts[0] === 'speakers') await speakers();
    else if (parts[0] === 'reported') await reported();
    else if (parts[0] === 'group') await group(parts[1]);
    else if (parts[0] === 'events') await events(params.get('actor') || '');
    else if (parts[0] === 'event') await eventReports(parts[1]);
    else if (parts[0] === 'dyad') await dyad(parts[1] || '', parts[2] || '');
    else await home();
  } catch (e) {
    show(el('h1', {}, 'Not found'), el('p', { class: 'error' }, e.message));
  }
  document.body.dataset.ready = hash;
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/search?q=' + enc(document.getElementById('search').value);
  });
  window.addEventListener('hashchange', route);
  route();
});
