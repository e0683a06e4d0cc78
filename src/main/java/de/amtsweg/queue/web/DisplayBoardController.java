package de.amtsweg.queue.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.NotFoundException;
import de.amtsweg.queue.internal.CounterDesk;
import de.amtsweg.queue.internal.Device;
import de.amtsweg.queue.internal.DisplayBoards;
import de.amtsweg.queue.internal.GongSound;
import de.amtsweg.queue.internal.QueueSetup;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The display board in the waiting room, reached by its secret URL: the last calls
 * (number and counter, never a name), live through Server-Sent Events, with a gong; a
 * meta refresh keeps it current without JavaScript.
 */
@Controller
class DisplayBoardController {

	private final QueueSetup setup;

	private final CounterDesk desk;

	private final DisplayBoards boards;

	DisplayBoardController(QueueSetup setup, CounterDesk desk, DisplayBoards boards) {
		this.setup = setup;
		this.desk = desk;
		this.boards = boards;
	}

	@GetMapping("/aufruf/anzeige/{token}")
	String board(@PathVariable String token, Model model) {
		Device board = board(token);
		model.addAttribute("board", board);
		model.addAttribute("location", this.setup.location(board.municipalityId(), board.locationId()));
		model.addAttribute("calls", this.desk.latestCalls(board.locationId()));
		return "queue/board";
	}

	@GetMapping(path = "/aufruf/anzeige/{token}/ereignisse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String token, HttpServletResponse response) {
		Device board = board(token);
		// proxies such as nginx must pass each event on at once
		response.setHeader("X-Accel-Buffering", "no");
		return this.boards.connect(board.locationId());
	}

	@GetMapping("/aufruf/gong.wav")
	ResponseEntity<byte[]> gong() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/wav"))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(GongSound.wav());
	}

	private Device board(String token) {
		return this.setup.device(token, Device.Kind.BOARD).orElseThrow(() -> new NotFoundException("Display board"));
	}

}
