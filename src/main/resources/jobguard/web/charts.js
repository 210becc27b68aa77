// Draws the dashboard charts from /api/stats; the same numbers are in the tables for readers without script.
// A chart with no data has no element on the page (it says "no data yet" instead of drawing an empty frame).
(function () {
  'use strict';
  var days = document.getElementById('chart-days');
  var cats = document.getElementById('chart-categories');
  if ((!days && !cats) || typeof echarts === 'undefined') {
    return;
  }
  fetch('/api/stats', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (s) {
      var charts = [];
      if (days) {
        var d = echarts.init(days, null, {renderer: 'canvas'});
        var names = [days.dataset.labelChecked, days.dataset.labelFlagged, days.dataset.labelReports];
        d.setOption({
          animation: false,
          tooltip: {trigger: 'axis'},
          legend: {top: 0, data: names},
          grid: {left: 40, right: 10, bottom: 30, top: 40},
          xAxis: {type: 'category', data: s.days.map(function (x) { return x.day; })},
          yAxis: {type: 'value', minInterval: 1},
          series: [
            {name: names[0], type: 'line', data: s.days.map(function (x) { return x.checked; })},
            {name: names[1], type: 'line', data: s.days.map(function (x) { return x.flagged; })},
            {name: names[2], type: 'bar', data: s.days.map(function (x) { return x.reports; })}
          ]
        });
        charts.push(d);
      }
      if (cats) {
        var c = echarts.init(cats, null, {renderer: 'canvas'});
        c.setOption({
          animation: false,
          tooltip: {trigger: 'axis'},
          grid: {left: 130, right: 10, bottom: 30, top: 10},
          xAxis: {type: 'value', minInterval: 1},
          yAxis: {type: 'category', data: s.categories.map(function (x) { return x.label; })},
          series: [{type: 'bar', data: s.categories.map(function (x) { return x.reports; })}]
        });
        charts.push(c);
      }
      document.body.setAttribute('data-charts', 'drawn');
      window.addEventListener('resize', function () { charts.forEach(function (x) { x.resize(); }); });
    })
    .catch(function () { document.body.setAttribute('data-charts', 'failed'); });
})();
