// Progress for large exports: reads the streamed download, counts rows against the total the page
// announced, then hands the file to the browser. Without script the links download the same files directly.
(function () {
  'use strict';
  var links = document.querySelectorAll('a[data-export]');
  Array.prototype.forEach.call(links, function (a) {
    a.addEventListener('click', function (ev) {
      if (!window.fetch || !window.ReadableStream) {
        return;
      }
      ev.preventDefault();
      var bar = document.getElementById(a.dataset.progress);
      var total = parseInt(a.dataset.total, 10) || 0;
      bar.max = Math.max(total, 1);
      bar.value = 0;
      bar.hidden = false;
      fetch(a.href, {credentials: 'same-origin'}).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        var reader = r.body.getReader();
        var chunks = [];
        var rows = 0;
        function pump() {
          return reader.read().then(function (step) {
            if (step.done) { return; }
            chunks.push(step.value);
            for (var i = 0; i < step.value.length; i++) { if (step.value[i] === 10) { rows++; } }
            bar.value = Math.min(rows, bar.max);
            return pump();
          });
        }
        return pump().then(function () {
          var url = URL.createObjectURL(new Blob(chunks, {type: r.headers.get('Content-Type') || 'application/octet-stream'}));
          var save = document.createElement('a');
          save.href = url;
          save.download = a.getAttribute('download') || '';
          document.body.appendChild(save);
          save.click();
          save.remove();
          bar.value = bar.max;
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        });
      }).catch(function () { window.location.href = a.href; });
    });
  });
})();
