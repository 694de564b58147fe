// The public social-security map: counts per unit (or hamlet), no one named, small counts hidden by the server.
(function () {
  const $ = id => document.getElementById(id);
  const trail = [];
  let current = null;
  const map = echarts.init($('chart-map'));

  function count(area, field) {
    if (area[field] != null) { return I18n.number(area[field]); }
    return area.suppressed.includes(field) ? I18n.t('hidden') : I18n.t('notKept');
  }

  async function load(code) {
    const response = await fetch('/api/v1/public/map?unit=' + encodeURIComponent(code));
    if (!response.ok) { return; }
    current = await response.json();
    render();
  }

  function render() {
    if (!current) { return; }
    $('unit-name').textContent = current.unitName;
    $('up').hidden = trail.length === 0;
    $('as-of').textContent = new Date(current.asOf).toLocaleString(I18n.lang === 'vi' ? 'vi-VN' : 'en-GB');
    const body = $('areas').tBodies[0];
    body.replaceChildren();
    current.areas.forEach(area => {
      const row = body.insertRow();
      const name = row.insertCell();
      if (area.code) { const link = document.createElement('a'); link.href = '#'; link.textContent = area.name;
        link.onclick = e => { e.preventDefault(); trail.push(current.unitCode); load(area.code); }; name.append(link); }
      else { name.textContent = area.name; }
      ['inNeed', 'approved', 'helped', 'openOmissionReports'].forEach(field => { const cell = row.insertCell(); cell.className = 'n'; cell.textContent = count(area, field); });
    });
    const foot = $('areas').tFoot;
    foot.replaceChildren();
    const total = foot.insertRow();
    total.insertCell().textContent = I18n.t('total');
    ['inNeed', 'approved', 'helped', 'openOmissionReports'].forEach(field => { const cell = total.insertCell(); cell.className = 'n'; cell.textContent = count(current.total, field); });
    map.setOption({
      tooltip: { formatter: p => `${escapeHtml(p.name)}<br>${I18n.t('inNeed')}: ${p.data.inNeedText}<br>${I18n.t('helped')}: ${p.data.helpedText}` },
      series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
        data: current.areas.map(area => ({ name: area.name, code: area.code, value: Math.max(1, area.inNeed || 0),
          inNeedText: count(area, 'inNeed'), helpedText: count(area, 'helped') })) }]
    }, true);
  }

  map.on('click', p => { if (p.data && p.data.code) { trail.push(current.unitCode); load(p.data.code); } });
  $('up').addEventListener('click', () => { if (trail.length) { load(trail.pop()); } });
  $('lang').addEventListener('click', () => { I18n.toggle(); render(); });
  window.addEventListener('resize', () => map.resize());
  I18n.apply();
  load(new URLSearchParams(location.search).get('unit') || 'VN');
})();
