// Shows the route as a diagram with the locally served bpmn-js viewer. The model comes from
// the page's own endpoint (no inline script under the Content-Security-Policy); without
// JavaScript, or when the model cannot be shown, the ordered list of steps stays the view.
(function () {
	'use strict';
	function show() {
		var container = document.getElementById('route-diagram');
		if (!container || typeof window.BpmnJS !== 'function') {
			return;
		}
		fetch(container.getAttribute('data-model-url'), { credentials: 'same-origin' })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.text();
			})
			.then(function (xml) {
				container.hidden = false;
				var viewer = new window.BpmnJS({ container: container });
				return viewer.importXML(xml).then(function () {
					viewer.get('canvas').zoom('fit-viewport');
					// the bpmn.io mark stays visible (licence); its link is named by its title
					var logo = container.querySelector('.bjs-powered-by img');
					if (logo) {
						logo.setAttribute('alt', '');
					}
					container.setAttribute('data-rendered', 'true');
				});
			})
			.catch(function (error) {
				container.hidden = true;
				container.setAttribute('data-error', String(error));
			});
	}
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', show);
	}
	else {
		show();
	}
})();
