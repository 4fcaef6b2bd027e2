// Draws the report's charts from DATA (set by the page) with Chart.js; records its own health.
(function () {
  var palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
    '#ff9da7', '#9c755f', '#bab0ac'];
  var common = { animation: false, responsive: false, plugins: { legend: { position: 'bottom' } } };
  function opts(extra) { return Object.assign({}, common, extra); }
  function chart(id, config) {
    var canvas = document.getElementById(id);
    var c = new Chart(canvas.getContext('2d'), config);
    c.draw();
    return canvas;
  }
  var canvases = [];
  var cats = Object.keys(DATA.volume);
  canvases.push(chart('volume', {
    type: 'bar',
    data: { labels: DATA.buckets, datasets: cats.map(function (c, i) {
      return { label: c, data: DATA.volume[c], backgroundColor: palette[i % palette.length] };
    }) },
    options: opts({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
      title: { display: true, text: 'tickets opened' } } } })
  }));
  canvases.push(chart('sla', {
    type: 'bar',
    data: { labels: DATA.priorities.map(function (p) { return p.priority; }), datasets: [
      { label: 'response', data: DATA.priorities.map(function (p) { return p.response; }), backgroundColor: palette[0] },
      { label: 'resolution', data: DATA.priorities.map(function (p) { return p.resolution; }), backgroundColor: palette[1] }] },
    options: opts({ scales: { y: { min: 0, max: 100, title: { display: true, text: '% met' } } } })
  }));
  canvases.push(chart('mttr', {
    type: 'bar',
    data: { labels: DATA.teams.map(function (t) { return t.team; }), datasets: [
      { label: 'mean', data: DATA.teams.map(function (t) { return t.meanHours; }), backgroundColor: palette[0] },
      { label: 'median', data: DATA.teams.map(function (t) { return t.medianHours; }), backgroundColor: palette[3] },
      { label: '90th percentile', data: DATA.teams.map(function (t) { return t.p90Hours; }), backgroundColor: palette[2] }] },
    options: opts({ indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: 'hours' } } } })
  }));
  canvases.push(chart('backlogAge', {
    type: 'bar',
    data: { labels: DATA.priorities.map(function (p) { return p.priority; }), datasets: [
      { label: 'open incidents', data: DATA.priorities.map(function (p) { return p.backlog; }), backgroundColor: palette[4], yAxisID: 'y' },
      { label: 'median age (days)', data: DATA.priorities.map(function (p) { return p.ageMedianDays; }), backgroundColor: palette[5], yAxisID: 'y1' },
      { label: '90th percentile age (days)', data: DATA.priorities.map(function (p) { return p.ageP90Days; }), backgroundColor: palette[6], yAxisID: 'y1' }] },
    options: opts({ scales: { y: { beginAtZero: true, position: 'left', title: { display: true, text: 'incidents' } },
      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'days' } } } })
  }));
  canvases.push(chart('backlogOverTime', {
    type: 'line',
    data: { labels: DATA.buckets, datasets: [{ label: 'open incidents', data: DATA.backlog,
      borderColor: palette[4], backgroundColor: palette[4], fill: false, tension: 0.2 }] },
    options: opts({ scales: { y: { beginAtZero: true } } })
  }));
  canvases.push(chart('rates', {
    type: 'line',
    data: { labels: DATA.buckets, datasets: [
      { label: 'reopened', data: DATA.rates.reopen, borderColor: palette[2], backgroundColor: palette[2], spanGaps: true },
      { label: 'escalated functionally', data: DATA.rates.functional, borderColor: palette[0], backgroundColor: palette[0], spanGaps: true },
      { label: 'escalated hierarchically', data: DATA.rates.hierarchical, borderColor: palette[6], backgroundColor: palette[6], spanGaps: true }] },
    options: opts({ scales: { y: { min: 0, title: { display: true, text: '% of resolved' } } } })
  }));
  if (DATA.csat) {
    canvases.push(chart('csat', {
      type: 'bar',
      data: { labels: DATA.buckets, datasets: [
        { type: 'line', label: 'CSAT (% satisfied)', data: DATA.csat.csat, borderColor: palette[4], backgroundColor: palette[4], spanGaps: true, yAxisID: 'y' },
        { type: 'line', label: 'survey response rate (%)', data: DATA.csat.response, borderColor: palette[0], backgroundColor: palette[0], spanGaps: true, yAxisID: 'y' },
        { type: 'bar', label: 'answers', data: DATA.csat.answers, backgroundColor: palette[9], yAxisID: 'y1' }] },
      options: opts({ scales: { y: { min: 0, max: 100, position: 'left', title: { display: true, text: '%' } },
        y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'answers' } } } })
    }));
  }
  var drawn = 0;
  canvases.forEach(function (canvas) {
    var d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var painted = 0;
    for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { painted++; } }
    canvas.dataset.painted = String(painted);
    canvas.dataset.drawn = painted > 1000 ? 'yes' : 'no';
    if (painted > 1000) { drawn++; }
  });
  document.body.dataset.charts = String(drawn);
})();
window.addEventListener('load', function () {
  document.body.dataset.errors = JSON.stringify(window.__itsmErrors);
});
document.body.dataset.errors = JSON.stringify(window.__itsmErrors);
