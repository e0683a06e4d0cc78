// Progressive enhancement only: every page works without this file.
// Move focus to the error summary, as the GOV.UK pattern asks, so screen readers read it first.
document.addEventListener('DOMContentLoaded', function () {
	var summary = document.querySelector('[data-error-summary]');
	if (summary) {
		summary.focus();
	}
});
