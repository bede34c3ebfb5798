// 运营看板 (operators' dashboard). Every figure comes from the authenticated API (/api/v1/stats/*,
// /api/v1/admin/kiosks); this file and the page are public static files and hold no data.
import * as echarts from 'echarts';

// Exposed for the browser's devtools and the end-to-end test (echarts.getInstanceByDom).
window.echarts = echarts;

const TOKEN_KEY = 'yzz.dashboard.session';
const ZONE = 'Asia/Shanghai';
const RATING_LABELS = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const RATING_COLORS = ['#d7372f', '#f08a24', '#f2c037', '#5cb85c', '#16a34a'];
const CSV_NAMES = {
  department: '办件量_按部门',
  town: '办件量_按镇',
  day: '办件量_按日',
  summary: '运营汇总',
};

const $ = (id) => document.getElementById(id);
const numberFormat = new Intl.NumberFormat('zh-CN');
const charts = {};
let session = null;
let departments = {};
let loadSeq = 0;

// ---------------------------------------------------------------- dates (Asia/Shanghai, YYYY-MM-DD)

function todayInShanghai() {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function addDays(isoDate, days) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function presetRange(kind) {
  const today = todayInShanghai();
  if (kind === 'month') {
    return { from: today.slice(0, 8) + '01', to: today };
  }
  if (kind === '30d') {
    return { from: addDays(today, -29), to: today };
  }
  return { from: today.slice(0, 5) + '01-01', to: today };
}

function everyDay(from, to) {
  const days = [];
  for (let d = from; d <= to && days.length < 4000; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}

// ---------------------------------------------------------------- session

function loadSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    if (stored && stored.token && stored.expiresAt > Date.now()) {
      return stored;
    }
  } catch (e) {
    // a damaged entry is the same as none
  }
  sessionStorage.removeItem(TOKEN_KEY);
  return null;
}

function saveSession(login) {
  const stored = {
    token: login.accessToken,
    username: login.username,
    roles: login.roles || [],
    department: login.department || null,
    expiresAt: Date.now() + Math.max(0, (login.expiresIn || 0) - 30) * 1000,
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
  return stored;
}

function isAdmin() {
  return session && session.roles.includes('admin');
}

function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  session = null;
  loadSeq++;
  Object.values(charts).forEach((c) => c.dispose());
  Object.keys(charts).forEach((k) => delete charts[k]);
  showLogin(message);
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function problemMessage(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}

async function apiFetch(path, params, accept) {
  const url = new URL(path, window.location.origin);
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      url.searchParams.set(k, v);
    }
  });
  const response = await fetch(url, {
    // the page is Chinese: so are the API's error texts it shows, whatever the browser's own language
    headers: { Authorization: `Bearer ${session.token}`, Accept: accept || 'application/json', 'Accept-Language': 'zh-CN' },
    cache: 'no-store',
  });
  if (response.status === 401) {
    logout('登录已过期，请重新登录。');
    throw new ApiError(401, '登录已过期');
  }
  if (!response.ok) {
    const detail = await problemMessage(response);
    const prefix = response.status === 403 ? '无权限查看：' : '加载失败：';
    throw new ApiError(response.status, prefix + detail);
  }
  return response;
}

async function apiJson(path, params) {
  return (await apiFetch(path, params)).json();
}

// ---------------------------------------------------------------- login

function showLogin(message) {
  $('app-view').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('login-password').value = '';
  $('login-username').focus();
}

async function onLogin(event) {
  event.preventDefault();
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  const error = $('login-error');
  error.hidden = true;
  if (!username || !password) {
    error.textContent = '请输入用户名和密码。';
    error.hidden = false;
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  button.textContent = '登录中…';
  try {
    const response = await fetch('/api/v1/auth/staff', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'zh-CN' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status === 401) {
      throw new Error('用户名或密码错误。');
    }
    if (response.status === 429) {
      const wait = response.headers.get('Retry-After');
      throw new Error(`登录失败次数过多，请${wait ? ` ${wait} 秒后` : '稍后'}再试。`);
    }
    if (!response.ok) {
      throw new Error('登录失败：' + (await problemMessage(response)));
    }
    const login = await response.json();
    const roles = login.roles || [];
    if (!roles.includes('admin') && !roles.includes('reviewer')) {
      throw new Error('该账号无权查看运营看板（仅限管理员和审核员）。');
    }
    session = saveSession(login);
    await showApp();
  } catch (e) {
    error.textContent = e instanceof TypeError ? '无法连接服务，请检查网络。' : e.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
    button.textContent = '登录';
  }
}

// ---------------------------------------------------------------- app

async function loadDepartments() {
  try {
    const response = await fetch('/api/v1/departments?size=100', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const page = await response.json();
      departments = Object.fromEntries(page.items.map((d) => [d.code, d.name]));
    }
  } catch (e) {
    // names are a nicety: the code is shown instead
  }
}

async function showApp() {
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('user-name').textContent = session.username;
  $('kiosk-section').hidden = !isAdmin();
  await loadDepartments();
  $('user-scope').textContent = isAdmin()
    ? '管理员 · 全县数据'
    : `审核员 · ${departments[session.department] || session.department || ''}`;
  if (!$('range-from').value || !$('range-to').value) {
    setRange(presetRange('year'), 'year');
  }
  await refresh();
}

function setRange(range, preset) {
  $('range-from').value = range.from;
  $('range-to').value = range.to;
  document.querySelectorAll('[data-range]').forEach((b) => b.classList.toggle('active', b.dataset.range === preset));
}

function currentRange() {
  return { from: $('range-from').value, to: $('range-to').value };
}

function validRange({ from, to }) {
  if (!from || !to) {
    return '请选择开始日期和结束日期。';
  }
  if (from > to) {
    return '开始日期不能晚于结束日期。';
  }
  return null;
}

function setStatus(text) {
  $('status').textContent = text;
}

function showError(message) {
  const banner = $('error-banner');
  banner.textContent = message || '';
  banner.hidden = !message;
}

async function refresh() {
  const range = currentRange();
  const invalid = validRange(range);
  if (invalid) {
    showError(invalid);
    return;
  }
  const seq = ++loadSeq;
  document.body.dataset.state = 'loading';
  showError('');
  setStatus('加载中…');
  $('range-apply').disabled = true;
  try {
    const stats = (groupBy) => apiJson('/api/v1/stats/transactions', { groupBy, ...range });
    const [summary, byDepartment, byTown, byDay, kiosks] = await Promise.all([
      apiJson('/api/v1/stats/summary', range),
      stats('department'),
      stats('town'),
      stats('day'),
      isAdmin() ? loadKiosks() : Promise.resolve(null),
    ]);
    if (seq !== loadSeq) {
      return;
    }
    renderSummary(summary);
    renderDepartments(byDepartment);
    renderTowns(byTown);
    renderDays(byDay, range);
    renderAssisted(summary);
    renderRatings(summary.ratings);
    renderEfficiency(summary.efficiency);
    if (kiosks) {
      renderKiosks(kiosks);
    }
    if (isAdmin()) {
      loadNotificationHealth();
    }
    setStatus(`统计区间 ${range.from} 至 ${range.to}`);
    document.body.dataset.state = 'ready';
    document.body.dataset.range = `${range.from}/${range.to}`;
  } catch (e) {
    if (seq !== loadSeq || (e instanceof ApiError && e.status === 401)) {
      return;
    }
    setStatus('');
    showError(e instanceof ApiError ? e.message : '无法连接服务，请稍后重试。');
    document.body.dataset.state = 'error';
  } finally {
    $('range-apply').disabled = false;
  }
}

// Delivery health of the notification channels (admin): its own request, so that a failure leaves the figures above.
const CHANNEL_LABELS = { inbox: '站内信', sms: '短信', miniapp: '小程序订阅消息' };

async function loadNotificationHealth() {
  try {
    const health = await apiJson('/api/v1/admin/notifications/health');
    const rows = health.channels.map((c) => `<tr data-channel="${escapeHtml(c.channel)}">`
      + `<td>${escapeHtml(CHANNEL_LABELS[c.channel] || c.channel)}</td>`
      + `<td>${c.configured ? '是' : '未配置'}</td><td>${fmt(c.pending)}</td><td>${fmt(c.failing)}</td>`
      + `<td>${fmt(c.deadLettered)}</td><td>${c.pending > 0 ? `${fmt(c.oldestPendingAgeSeconds)} 秒前` : '–'}</td></tr>`);
    document.querySelector('#notification-table tbody').innerHTML = rows.join('');
    $('notification-section').hidden = false;
  } catch (e) {
    $('notification-section').hidden = true;
  }
}

async function loadKiosks() {
  const all = [];
  for (let page = 0; page < 100; page++) {
    const result = await apiJson('/api/v1/admin/kiosks', { page, size: 100 });
    all.push(...result.items);
    if (page + 1 >= result.totalPages) {
      break;
    }
  }
  return all;
}

// ---------------------------------------------------------------- rendering

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  }
  return {
    setOption: (option, notMerge) => charts[id].setOption(
      { animation: !reducedMotion.matches, animationDuration: 500, ...option }, notMerge),
  };
}

// Tooltips are HTML: names entered by admins (towns, kiosks) must not become markup.
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function fmt(n) {
  return numberFormat.format(n);
}

function percent(share) {
  return `${(share * 100).toFixed(1)}%`;
}

const emptyGraphic = (empty) => (empty
  ? [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无数据', fill: '#9ca3af', fontSize: 14 } }]
  : []);

const baseText = { color: '#4b5563', fontSize: 12 };

function renderSummary(s) {
  $('kpi-transactions').textContent = fmt(s.transactions);
  $('kpi-residents').textContent = fmt(s.residentsServed);
  $('kpi-assisted').textContent = percent(s.assistedShare);
  $('kpi-kiosks').textContent = `${fmt(s.kiosksOnline)} / ${fmt(s.kiosksTotal)}`;
  const r = s.ratings;
  $('kpi-rating').textContent = r.average === null || r.average === undefined ? '–' : r.average.toFixed(2);
  $('kpi-rating-note').textContent = `满分 5 分 · 差评 ${fmt(r.negative)} 条`;
  $('kpi-overdue').textContent = fmt(s.overdueCases);
  // 待送达: cases of the period decided with a result whose results have not reached the resident yet
  const awaiting = (s.efficiency || []).reduce((sum, d) => sum + (d.awaitingDelivery || 0), 0);
  $('kpi-awaiting-delivery').textContent = fmt(awaiting);
}

function horizontalBars(id, stats, color, seriesName) {
  // largest on top: ECharts draws category axes bottom-up
  const rows = [...stats.rows].sort((a, b) => a.transactions - b.transactions);
  chart(id).setOption({
    grid: { left: 8, right: 56, top: 10, bottom: 10, containLabel: true },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const row = rows[items[0].dataIndex];
        return `${escapeHtml(row.label)}<br>办件量：${fmt(row.transactions)}<br>服务群众：${fmt(row.residents)}`
          + `<br>帮办：${fmt(row.assisted)}`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: baseText, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category', data: rows.map((r) => r.label), axisLabel: { ...baseText, width: 150, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [{
      name: seriesName, type: 'bar', data: rows.map((r) => r.transactions), barMaxWidth: 22,
      itemStyle: { color, borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: 'right', color: '#4b5563', formatter: (p) => fmt(p.value) },
    }],
    graphic: emptyGraphic(rows.length === 0),
  }, true);
}

function renderDepartments(stats) {
  horizontalBars('chart-department', stats, '#1e5fd6', '办件量');
}

function renderTowns(stats) {
  horizontalBars('chart-town', stats, '#0ea5a4', '办件量');
}

function renderDays(stats, range) {
  const byDay = Object.fromEntries(stats.rows.map((r) => [r.key, r]));
  const days = everyDay(stats.from || range.from, stats.to || range.to);
  const oneYear = days.length > 0 && days[0].slice(0, 4) === days[days.length - 1].slice(0, 4);
  chart('chart-day').setOption({
    grid: { left: 16, right: 32, top: 36, bottom: days.length > 62 ? 40 : 8, containLabel: true },
    legend: { top: 0, right: 0, textStyle: baseText },
    tooltip: { trigger: 'axis' },
    dataZoom: days.length > 62 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
    xAxis: {
      type: 'category', data: days, boundaryGap: days.length <= 31,
      axisLabel: { ...baseText, hideOverlap: true, formatter: (d) => (oneYear ? d.slice(5) : d) },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: baseText, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        name: '办件量', type: 'line', showSymbol: days.length <= 62, smooth: true,
        data: days.map((d) => (byDay[d] ? byDay[d].transactions : 0)),
        itemStyle: { color: '#1e5fd6' }, areaStyle: { color: 'rgba(30, 95, 214, .12)' },
      },
      {
        name: '帮办', type: 'line', showSymbol: false, smooth: true,
        data: days.map((d) => (byDay[d] ? byDay[d].assisted : 0)),
        itemStyle: { color: '#f08a24' },
      },
    ],
    graphic: emptyGraphic(stats.rows.length === 0),
  }, true);
}

function renderAssisted(summary) {
  const value = Math.round(summary.assistedShare * 1000) / 10;
  chart('chart-assisted').setOption({
    series: [{
      name: '帮办占比', type: 'gauge', min: 0, max: 100, radius: '92%', center: ['50%', '58%'],
      startAngle: 200, endAngle: -20, progress: { show: true, width: 16, itemStyle: { color: '#1e5fd6' } },
      axisLine: { lineStyle: { width: 16, color: [[1, '#e5e7eb']] } },
      pointer: { show: false }, axisTick: { show: false }, splitLine: { show: false },
      axisLabel: { distance: 22, color: '#9ca3af', fontSize: 11 },
      title: { offsetCenter: [0, '32%'], color: '#4b5563', fontSize: 13 },
      detail: { offsetCenter: [0, '-2%'], fontSize: 30, fontWeight: 700, color: '#1f2937', formatter: '{value}%' },
      data: [{ value, name: `帮办 ${fmt(Math.round(summary.assistedShare * summary.transactions))} 件` }],
    }],
  }, true);
}

function renderRatings(ratings) {
  const counts = [1, 2, 3, 4, 5].map((score) => ratings.distribution[String(score)] || 0);
  const total = counts.reduce((a, b) => a + b, 0);
  chart('chart-rating').setOption({
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: RATING_LABELS, axisLabel: baseText, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: baseText, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [{
      name: '评价数', type: 'bar', barMaxWidth: 42,
      data: counts.map((value, i) => ({ value, itemStyle: { color: RATING_COLORS[i], borderRadius: [4, 4, 0, 0] } })),
      label: { show: true, position: 'top', color: '#4b5563' },
    }],
    graphic: emptyGraphic(total === 0),
  }, true);
}

function formatTime(iso) {
  if (!iso) {
    return '从未';
  }
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    td.appendChild(span);
  } else {
    td.textContent = text;
  }
  return td;
}

function rate(value) {
  return value === null || value === undefined ? '–' : percent(value);
}

// 效能: per department 办结率 = completed / received and 按时办结率 = on time / completed
function renderEfficiency(rows) {
  const body = $('efficiency-table').querySelector('tbody');
  body.replaceChildren(...rows.map((d) => {
    const tr = document.createElement('tr');
    tr.dataset.department = d.department;
    tr.append(cell(d.label), cell(fmt(d.received)), cell(fmt(d.completed)), cell(rate(d.completionRate)),
      cell(fmt(d.onTime)), cell(rate(d.onTimeRate)), cell(fmt(d.overdue), d.overdue > 0 ? 'pill pill-offline' : null),
      cell(fmt(d.withdrawn)), cell(fmt(d.awaitingSupplement)), cell(fmt(d.awaitingDelivery)));
    return tr;
  }));
  const received = rows.reduce((a, d) => a + d.received, 0);
  const completed = rows.reduce((a, d) => a + d.completed, 0);
  $('efficiency-totals').textContent = `收件 ${fmt(received)} 件 · 办结 ${fmt(completed)} 件 · 办结率 `
    + rate(received === 0 ? null : completed / received);
}

function renderKiosks(kiosks) {
  const sorted = [...kiosks].sort((a, b) => (a.online === b.online ? a.id.localeCompare(b.id) : a.online ? -1 : 1));
  const body = $('kiosk-table').querySelector('tbody');
  body.replaceChildren(...sorted.map((k) => {
    const tr = document.createElement('tr');
    tr.dataset.kiosk = k.id;
    let state = k.online ? ['在线', 'pill pill-online'] : ['离线', 'pill pill-offline'];
    if (!k.enabled) {
      state = ['已停用', 'pill pill-disabled'];
    }
    tr.append(cell(k.id), cell(k.name), cell(k.town), cell(k.village), cell(state[0], state[1]),
      cell(formatTime(k.lastSeenAt)), cell(k.appVersion || '–'));
    return tr;
  }));
  const online = kiosks.filter((k) => k.online).length;
  $('kiosk-counts').textContent = `在线 ${fmt(online)} 台 · 离线 ${fmt(kiosks.length - online)} 台 · 共 ${fmt(kiosks.length)} 台`;
}

// ---------------------------------------------------------------- CSV

function fileNameFrom(disposition) {
  if (!disposition) {
    return null;
  }
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch (e) {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

async function downloadCsv(kind, button) {
  const range = currentRange();
  const invalid = validRange(range);
  if (invalid) {
    showError(invalid);
    return;
  }
  button.disabled = true;
  try {
    const path = kind === 'summary' ? '/api/v1/stats/summary.csv' : '/api/v1/stats/transactions.csv';
    const params = kind === 'summary' ? { ...range } : { groupBy: kind, ...range };
    const response = await apiFetch(path, params, 'text/csv');
    const blob = await response.blob();
    const scope = isAdmin() ? '' : `_${session.department}`;
    const name = fileNameFrom(response.headers.get('Content-Disposition'))
      || `粤智助${CSV_NAMES[kind]}${scope}_${range.from}_${range.to}.csv`;
    const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      showError(e instanceof ApiError ? e.message : '下载失败，请稍后重试。');
    }
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- wiring

function init() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', () => logout());
  $('range-form').addEventListener('submit', (e) => {
    e.preventDefault();
    document.querySelectorAll('[data-range]').forEach((b) => b.classList.remove('active'));
    refresh();
  });
  document.querySelectorAll('[data-range]').forEach((b) => b.addEventListener('click', () => {
    setRange(presetRange(b.dataset.range), b.dataset.range);
    refresh();
  }));
  document.querySelectorAll('[data-csv]').forEach((b) => b.addEventListener('click', () => downloadCsv(b.dataset.csv, b)));
  const resize = () => Object.values(charts).forEach((c) => c.resize());
  if (window.ResizeObserver) {
    new ResizeObserver(resize).observe(document.querySelector('.content'));
  } else {
    window.addEventListener('resize', resize);
  }
  session = loadSession();
  if (session) {
    showApp();
  } else {
    showLogin();
  }
}

init();
