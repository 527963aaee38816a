// Tender documents can be large: upload them with a progress bar. The CSRF token travels in the form's URL and the
// file as the multipart body, which the server streams to disk. The answer (the section page with its message) then
// replaces this page.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var bar = document.getElementById('upload-progress');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    bar.hidden = false;
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
    };
    xhr.onload = function () {
      if (xhr.responseURL) { history.replaceState(null, '', xhr.responseURL); }
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () { form.submit(); };
    xhr.send(new FormData(form));
  });
});
