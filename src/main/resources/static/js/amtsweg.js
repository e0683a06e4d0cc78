// Progressive enhancement only: every page works without this file.
// Marks that scripts run (the browser tests check that pages work without them).
document.documentElement.setAttribute('data-js', '');

// Move focus to the error summary, as the GOV.UK pattern asks, so screen readers read it first.
document.addEventListener('DOMContentLoaded', function () {
	var summary = document.querySelector('[data-error-summary]');
	if (summary) {
		summary.focus();
	}
});
