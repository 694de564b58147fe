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
