// The office dashboard: signs a person in at the issuer (authorization code with PKCE), streams figures for the
// chosen unit over Server-Sent Events (read with fetch, so the token travels in a header) and
// redraws on every update without reloading.
(function () {
  const $ = id => document.getElementById(id);
  const state = { token: sessionStorage.getItem('ansinh.token'), me: null, unit: null, trail: [], data: null, abort: null };
  const charts = {};

  function api(path, options = {}) {
    return fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: 'Bearer ' + state.token } });
  }

  // Sign-in: the authorization-code flow with PKCE at the issuer (no secret in this page). The verifier
  // and state wait in sessionStorage while the browser is at the issuer's sign-in page.
  async function config() {
    return (await fetch('/api/v1/public/dashboard-config')).json();
  }

  function randomUrlSafe(bytes) {
    const random = crypto.getRandomValues(new Uint8Array(bytes));
    return btoa(String.fromCharCode(...random)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function challengeOf(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return btoa(String.fromCharCode(...new Uint8Array(digest))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() {
    return location.origin + '/';
  }

  async function signIn(event) {
    if (event) { event.preventDefault(); }
    const settings = await config();
    const verifier = randomUrlSafe(48);
    const flowState = randomUrlSafe(16);
    sessionStorage.setItem('ansinh.pkce', JSON.stringify({ verifier, state: flowState }));
    const query = new URLSearchParams({
      response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid profile',
      state: flowState, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256'
    });
    location.assign(settings.authorizeUrl + '?' + query);
  }

  // Back from the issuer with a code: exchange it (with the verifier only this tab knows) for a token.
  async function finishSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem('ansinh.pkce') || 'null');
    sessionStorage.removeItem('ansinh.pkce');
    history.replaceState(null, '', location.pathname);
    if (!pending || pending.state !== params.get('state')) { showSignIn(I18n.t('signInFailed')); return; }
    const settings = await config();
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: settings.clientId, code_verifier: pending.verifier });
    const response = await fetch(settings.tokenUrl, { method: 'POST', body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).catch(() => null);
    if (!response || !response.ok) { showSignIn(I18n.t('signInFailed')); return; }
    const tokens = await response.json();
    state.token = tokens.access_token;
    sessionStorage.setItem('ansinh.token', state.token);
    if (tokens.id_token) { sessionStorage.setItem('ansinh.idToken', tokens.id_token); }
    start();
  }

  // A token lasts minutes: when it runs out, a new one is one redirect away while the issuer's session
  // lasts (no password asked). Twice within half a minute means something else is wrong: ask the person.
  function renew() {
    const last = Number(sessionStorage.getItem('ansinh.renewedAt') || 0);
    sessionStorage.removeItem('ansinh.token');
    state.token = null;
    if (state.abort) { state.abort.abort(); }
    if (Date.now() - last < 30000) { showSignIn(I18n.t('signInFailed')); return; }
    sessionStorage.setItem('ansinh.renewedAt', String(Date.now()));
    signIn();
  }

  // Signing out ends the session at the issuer too (at a shared desk, the next person must sign in),
  // then the issuer sends the browser back here.
  async function signOut() {
    const idToken = sessionStorage.getItem('ansinh.idToken');
    sessionStorage.removeItem('ansinh.token');
    sessionStorage.removeItem('ansinh.idToken');
    state.token = null;
    if (state.abort) { state.abort.abort(); }
    if (!idToken) { showSignIn(); return; }
    const settings = await config();
    location.assign(settings.logoutUrl + '?' + new URLSearchParams({ id_token_hint: idToken,
      post_logout_redirect_uri: redirectUri(), client_id: settings.clientId }));
  }

  function showSignIn(error) {
    $('signin').hidden = false; $('dashboard').hidden = true; $('signout').hidden = true;
    $('signin-error').textContent = error || '';
  }

  async function start() {
    const response = await api('/api/v1/reports/me');
    if (!response.ok) { renew(); return; }
    state.me = await response.json();
    $('signin').hidden = true; $('dashboard').hidden = false; $('signout').hidden = false;
    state.trail = [{ code: state.me.officeCode, name: state.me.officeName }];
    watch(state.me.officeCode);
  }

  function watch(unitCode) {
    state.unit = unitCode;
    if (state.abort) { state.abort.abort(); }
    const abort = new AbortController();
    state.abort = abort;
    stream(unitCode, abort.signal);
  }

  // Server-Sent Events over fetch: frames end with a blank line, "event:" and "data:" lines inside.
  async function stream(unitCode, signal) {
    try {
      const response = await api('/api/v1/stream?unit=' + encodeURIComponent(unitCode), { signal, headers: { Accept: 'text/event-stream' } });
      if (response.status === 401) { renew(); return; }
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      live(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) { break; }
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          frame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      if (signal.aborted) { return; }
    }
    live(false);
    if (!signal.aborted) { setTimeout(() => { if (!signal.aborted) { stream(unitCode, signal); } }, 2000); }
  }

  function frame(text) {
    let event = 'message'; const data = [];
    text.split('\n').forEach(line => {
      if (line.startsWith('event:')) { event = line.slice(6).trim(); }
      else if (line.startsWith('data:')) { data.push(line.slice(5)); }
    });
    if (event === 'dashboard' && data.length) { state.data = JSON.parse(data.join('\n')); render(); }
  }

  function live(on) {
    $('live').className = 'live ' + (on ? 'on' : 'off');
    $('live').dataset.i18n = on ? 'online' : 'offline';
    $('live').textContent = I18n.t(on ? 'online' : 'offline');
  }

  function render() {
    const data = state.data;
    if (!data) { return; }
    const total = data.figures.total;
    // The unit's own row (e.g. the district office's funds) shows in the charts, not in the picker.
    const rows = data.figures.rows.map(row => row.unitCode === total.unitCode
      ? { ...row, unitName: row.unitName + ' (' + I18n.t('ownRecords') + ')', own: true } : row);
    $('kpi-households').textContent = I18n.number(total.households);
    $('kpi-poor').textContent = I18n.number(total.poorHouseholds);
    $('kpi-near-poor').textContent = I18n.number(total.nearPoorHouseholds);
    // Rates are over the unit's households from the yearly statistics: without them there is no rate, not 0 %.
    $('kpi-rate').textContent = total.statisticsMissing ? I18n.t('statisticsMissing') : I18n.percent(total.povertyRatePercent);
    $('kpi-poor-rate').textContent = total.statisticsMissing ? I18n.t('statisticsMissing') : I18n.percent(total.poorRatePercent);
    moneyCard('kpi-cash', total.cashReceived);
    moneyCard('kpi-in-kind', total.inKindValue);
    $('kpi-needs').textContent = I18n.number(total.needsOpen);
    $('kpi-approved').textContent = I18n.number(total.approvedHouseholds);
    $('kpi-delivered').textContent = I18n.number(total.deliveredHouseholds);
    $('kpi-coverage').textContent = I18n.percent(total.coveragePercent);
    $('as-of').textContent = new Date(data.asOf).toLocaleTimeString(I18n.lang === 'vi' ? 'vi-VN' : 'en-GB');
    renderPicker(rows);
    renderCharts(total, rows);
    renderCampaigns(data.campaigns);
  }

  function renderPicker(rows) {
    const crumbs = $('crumbs');
    crumbs.replaceChildren();
    state.trail.forEach((unit, index) => {
      if (index > 0) { const sep = document.createElement('span'); sep.className = 'sep'; sep.textContent = '›'; crumbs.append(sep); }
      const link = document.createElement(index === state.trail.length - 1 ? 'b' : 'a');
      link.textContent = unit.name;
      if (index < state.trail.length - 1) { link.onclick = () => { state.trail = state.trail.slice(0, index + 1); watch(unit.code); }; }
      crumbs.append(link);
    });
    const select = $('unit-select');
    select.replaceChildren(new Option(I18n.t('choose'), ''));
    rows.filter(row => !row.own).forEach(row => select.append(new Option(row.unitName, row.unitCode)));
  }

  function goDown(code, name) {
    if (!code || code === state.unit) { return; }
    state.trail.push({ code, name });
    watch(code);
  }

  function axisTooltip(points, format = I18n.number.bind(I18n)) {
    return escapeHtml(points[0].name) + points.map(p => `<br>${p.marker}${escapeHtml(p.seriesName || '')} ${format(p.value)}`).join('');
  }

  // A sum of money on a card: short enough to fit ("9,77 tỷ ₫"), the full figure on hover and focus and
  // for screen readers ("9.772.345.000 ₫").
  function moneyCard(id, amount) {
    const card = $(id);
    const full = I18n.money(amount);
    card.dataset.full = full;
    card.title = full;
    card.tabIndex = 0;
    card.replaceChildren();
    const shown = document.createElement('span');
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = amount != null && Math.abs(amount) >= 1e6 ? I18n.shortMoney(amount) : full;
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = full;
    card.append(shown, spoken);
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    return charts[id];
  }

  function renderCharts(total, rows) {
    const names = rows.map(row => row.unitName);
    chart('chart-units').setOption({
      tooltip: { trigger: 'axis', formatter: ps => axisTooltip(ps) }, legend: { data: [I18n.t('poor'), I18n.t('nearPoor')] },
      grid: { left: 40, right: 10, bottom: 70 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: value => I18n.short(value) } },
      series: [
        { name: I18n.t('poor'), type: 'bar', stack: 'h', data: rows.map(row => row.poorHouseholds), color: '#b71c1c' },
        { name: I18n.t('nearPoor'), type: 'bar', stack: 'h', data: rows.map(row => row.nearPoorHouseholds), color: '#ef9a9a' }
      ]
    }, true);
    chart('chart-categories').setOption({
      tooltip: { trigger: 'item', formatter: p => `${escapeHtml(p.name)}: ${I18n.number(p.value)} (${p.percent}%)` },
      series: [{ type: 'pie', radius: ['35%', '70%'],
        data: Object.entries(total.householdsByCategory).map(([key, n]) => ({ name: I18n.t(key), value: n })) }]
    }, true);
    chart('chart-cash').setOption({
      tooltip: { trigger: 'axis', formatter: ps => axisTooltip(ps, I18n.money.bind(I18n)) },
      grid: { left: 80, right: 10, bottom: 70 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: value => I18n.short(value) } },
      series: [{ type: 'bar', data: rows.map(row => row.cashReceived), color: '#2e7d32' }]
    }, true);
    const map = chart('chart-map');
    map.setOption({
      tooltip: { formatter: p => `${escapeHtml(p.name)}<br>${I18n.t('inNeed')}: ${I18n.number(p.data.inNeed)}<br>${I18n.t('coverage')}: ${I18n.percent(p.data.coverage)}` },
      visualMap: { show: false, min: 0, max: 100, dimension: 1, inRange: { color: ['#ef5350', '#ffca28', '#66bb6a'] } },
      series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
        label: { show: true, formatter: '{b}' },
        data: rows.filter(row => !row.own).map(row => ({ name: row.unitName, code: row.unitCode, inNeed: row.poorHouseholds + row.nearPoorHouseholds + row.needsOpen,
          coverage: row.coveragePercent,
          value: [Math.max(1, row.poorHouseholds + row.nearPoorHouseholds + row.needsOpen), row.coveragePercent] })) }]
    }, true);
    map.off('click');
    map.on('click', p => goDown(p.data.code, p.name));
  }

  function renderCampaigns(campaigns) {
    const list = $('campaigns');
    list.replaceChildren();
    if (!campaigns.length) { const empty = document.createElement('li'); empty.className = 'hint'; empty.textContent = I18n.t('noCampaigns'); list.append(empty); return; }
    campaigns.forEach(campaign => {
      const item = document.createElement('li');
      item.dataset.campaign = campaign.campaignId;
      const title = document.createElement('div');
      const name = document.createElement('b'); name.textContent = campaign.name;
      const badge = document.createElement('span'); badge.className = 'state'; badge.textContent = I18n.t(campaign.state);
      const figures = document.createElement('span'); figures.className = 'hint campaign-figures';
      figures.textContent = ` ${I18n.number(campaign.deliveredHouseholds)} / ${I18n.number(campaign.approvedHouseholds)} (${I18n.percent(campaign.coveragePercent)})`;
      title.append(name, badge, figures);
      const bar = document.createElement('div'); bar.className = 'progress';
      const fill = document.createElement('div'); fill.style.width = Math.min(100, campaign.coveragePercent) + '%';
      bar.append(fill);
      item.append(title, bar);
      list.append(item);
    });
  }

  async function download(format) {
    const response = await api(`/api/v1/reports/export?unit=${encodeURIComponent(state.unit)}&format=${format}`);
    if (!response.ok) { return; }
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name ? name[1] : 'an-sinh.' + format;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  $('signin-form').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('lang').addEventListener('click', () => { I18n.toggle(); render(); });
  $('unit-select').addEventListener('change', event => {
    const option = event.target.selectedOptions[0];
    goDown(event.target.value, option && option.textContent);
  });
  $('export-xlsx').addEventListener('click', () => download('xlsx'));
  $('export-csv').addEventListener('click', () => download('csv'));
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  I18n.apply();
  const returned = new URLSearchParams(location.search);
  if (returned.has('code')) { finishSignIn(returned); } else if (state.token) { start(); } else { showSignIn(); }
})();
