// Small enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // A form that came back with errors: the summary takes the focus, so screen readers read it first.
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  // Choosing a district shows its communes at once (without JavaScript, the "Chọn" button does it).
  document.querySelectorAll('select[data-autosubmit]').forEach(select => {
    const button = select.form && select.form.querySelector('button[name="' + select.dataset.autosubmit + '"]');
    if (button) {
      select.addEventListener('change', () => button.click());
    }
  });
});
// A page waiting for something the platform does in the background (reserving money for a list)
// looks again every few seconds.
document.addEventListener('DOMContentLoaded', () => {
  const seconds = Number(document.body.dataset.refresh || 0);
  if (seconds > 0) {
    setTimeout(() => location.reload(), seconds * 1000);
  }
});
// Signing out on a shared phone: the pages kept for offline use (names of households) go with the
// session. Deliveries still waiting to be sent stay on the device until someone signs in and sends them.
document.addEventListener('DOMContentLoaded', () => {
  const signout = document.getElementById('signout');
  if (signout && 'caches' in window) {
    signout.form.addEventListener('submit', event => {
      event.preventDefault();
      caches.keys().then(keys => Promise.all(keys.map(key => caches.delete(key))))
          .finally(() => signout.form.submit());
    });
  }
});
// "In biên nhận": the browser's print, with the print stylesheet (A4, no menus).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
});
