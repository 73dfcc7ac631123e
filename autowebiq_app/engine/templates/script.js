(function () {
  var toggle = document.querySelector('.menu-toggle');
  var menu = document.getElementById('site-menu');
  if (toggle && menu) {
    toggle.addEventListener('click', function () {
      var open = menu.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
  document.querySelectorAll('.contact-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var status = form.querySelector('.form-status');
      var firstInvalid = null;
      form.querySelectorAll('input, textarea').forEach(function (field) {
        var ok = field.checkValidity() && field.value.trim() !== '';
        field.setAttribute('aria-invalid', ok ? 'false' : 'true');
        if (!ok && !firstInvalid) { firstInvalid = field; }
      });
      if (firstInvalid) {
        status.textContent = 'Please fill in every field with a valid value.';
        firstInvalid.focus();
        return;
      }
      status.textContent = 'Thank you! We will get back to you soon.';
      form.reset();
    });
  });
})();
