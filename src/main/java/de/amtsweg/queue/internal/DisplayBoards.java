package de.amtsweg.queue.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The display boards connected to this node, by location, and the fan-out of calls to
 * them. Each board gets its events in order on its own chain of sends, so one slow or
 * dead screen never holds up the others.
 */
@Component
public class DisplayBoards implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DisplayBoards.class);

	private final Map<UUID, Set<Board>> boards = new ConcurrentHashMap<>();

	private final ExecutorService senders = Executors.newFixedThreadPool(4, (runnable) -> {
		Thread thread = new Thread(runnable, "queue-board-sender-" + Board.SENDERS.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private final QueueProperties properties;

	DisplayBoards(QueueProperties properties) {
		this.properties = properties;
	}

	/** A new event stream for a board of the location. */
	public SseEmitter connect(UUID locationId) {
		SseEmitter emitter = new SseEmitter(this.properties.boardEventTimeout().toMillis());
		Board board = new Board(locationId, emitter);
		Set<Board> ofLocation = this.boards.computeIfAbsent(locationId, (key) -> ConcurrentHashMap.newKeySet());
		ofLocation.add(board);
		Runnable remove = () -> ofLocation.remove(board);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		send(board, SseEmitter.event().reconnectTime(3000).comment("verbunden"));
		return emitter;
	}

	/** Sends a call to every board of its location on this node. */
	void deliver(Call call) {
		Set<Board> ofLocation = this.boards.get(call.locationId());
		if (ofLocation == null) {
			return;
		}
		String json = CallNotifications.toJson(call);
		for (Board board : ofLocation) {
			send(board, SseEmitter.event().id(Long.toString(call.id())).name("call").data(json));
		}
	}

	/** Tells every board to load its calls afresh: it may have missed some. */
	void reloadAll() {
		this.boards.values()
			.forEach((ofLocation) -> ofLocation
				.forEach((board) -> send(board, SseEmitter.event().name(CallNotifications.RELOAD).data("1"))));
	}

	/** Keeps idle connections open through proxies and finds screens that went away. */
	@Scheduled(fixedDelayString = "${amtsweg.queue.board-heartbeat:PT20S}")
	void heartbeat() {
		this.boards.values()
			.forEach((ofLocation) -> ofLocation.forEach((board) -> send(board, SseEmitter.event().comment("ping"))));
	}

	public int connected() {
		return this.boards.values().stream().mapToInt(Set::size).sum();
	}

	private void send(Board board, SseEmitter.SseEventBuilder event) {
		synchronized (board) {
			board.tail = board.tail.thenRunAsync(() -> {
				try {
					board.emitter.send(event);
				}
				catch (IOException | IllegalStateException ex) {
					log.debug("Display board went away: {}", ex.getMessage());
					Set<Board> ofLocation = this.boards.get(board.locationId);
					if (ofLocation != null) {
						ofLocation.remove(board);
					}
					board.emitter.completeWithError(ex);
				}
			}, this.senders);
		}
	}

	/**
	 * Ends the boards' streams as soon as the node shuts down: a graceful shutdown waits
	 * for open requests, and a board's stream would otherwise hold it up until its
	 * timeout. The boards reconnect to another node.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeBoards() {
		this.boards.values().forEach((ofLocation) -> ofLocation.forEach((board) -> board.emitter.complete()));
	}

	@Override
	public void destroy() {
		closeBoards();
		this.senders.shutdownNow();
	}

	private static final class Board {

		static final AtomicInteger SENDERS = new AtomicInteger();

		final UUID locationId;

		final SseEmitter emitter;

		CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

		Board(UUID locationId, SseEmitter emitter) {
			this.locationId = locationId;
			this.emitter = emitter;
		}

	}

}
