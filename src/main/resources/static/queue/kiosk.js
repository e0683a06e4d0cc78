// Kiosk: a second tap while the first is on its way does nothing (the server would return the same
// ticket anyway), and the ticket page goes back to the start after a while for the next visitor.
(function () {
	'use strict';
	Array.prototype.forEach.call(document.querySelectorAll('form[data-once]'), function (form) {
		form.addEventListener('submit', function () {
			window.setTimeout(function () {
				Array.prototype.forEach.call(form.querySelectorAll('button'), function (button) {
					button.disabled = true;
				});
			}, 0);
		});
	});
	var back = document.querySelector('[data-return-to]');
	if (back) {
		var seconds = parseInt(back.getAttribute('data-return-after'), 10) || 60;
		window.setTimeout(function () {
			window.location.assign(back.getAttribute('data-return-to'));
		}, seconds * 1000);
	}
})();
