// Live display board: calls arrive as Server-Sent Events and go to the top of the list, with a gong.
// Without this script the page reloads itself (meta refresh in <noscript>).
(function () {
	'use strict';
	var board = document.querySelector('[data-board-events]');
	if (!board || !window.EventSource) {
		return;
	}
	var list = document.getElementById('calls');
	var announcement = document.getElementById('announcement');
	var gong = document.getElementById('gong');
	var soundButton = document.getElementById('sound');
	var size = parseInt(board.getAttribute('data-board-size'), 10) || 8;
	var announce = board.getAttribute('data-announce') || '{0} {1}';

	function playGong() {
		if (!gong) {
			return;
		}
		try {
			gong.currentTime = 0;
			var playing = gong.play();
			if (playing && playing.catch) {
				// browsers refuse sound until someone touched the page once
				playing.catch(function () {
					soundButton.hidden = false;
				});
			}
		} catch (e) {
			soundButton.hidden = false;
		}
	}

	soundButton.addEventListener('click', function () {
		soundButton.hidden = true;
		playGong();
	});

	function cell(text, className) {
		var td = document.createElement('td');
		td.className = className;
		td.textContent = text;
		return td;
	}

	function show(call) {
		var empty = list.querySelector('[data-empty]');
		if (empty) {
			empty.remove();
		}
		Array.prototype.forEach.call(list.querySelectorAll('.board__call--new'), function (row) {
			row.classList.remove('board__call--new');
		});
		var row = document.createElement('tr');
		row.className = 'board__call board__call--new';
		row.setAttribute('data-call-id', call.id);
		row.appendChild(cell(call.number, 'board__number'));
		row.appendChild(cell(call.counter, 'board__counter'));
		list.insertBefore(row, list.firstChild);
		while (list.children.length > size) {
			list.removeChild(list.lastChild);
		}
		announcement.textContent = announce.replace('{0}', call.number).replace('{1}', call.counter);
		board.setAttribute('data-last-call', call.number);
		playGong();
	}

	var source = new EventSource(board.getAttribute('data-board-events'));
	source.addEventListener('open', function () {
		board.setAttribute('data-connected', 'true');
	});
	source.addEventListener('call', function (event) {
		show(JSON.parse(event.data));
	});
	// the server may have missed calls (its database connection broke): start afresh
	source.addEventListener('reload', function () {
		window.location.reload();
	});
})();
