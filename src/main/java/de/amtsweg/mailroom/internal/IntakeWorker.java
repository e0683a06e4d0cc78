package de.amtsweg.mailroom.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the intake queue: takes the oldest queued item with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so several nodes work side by side), reads its text
 * outside any transaction (OCR takes seconds), then routes it in one transaction that
 * first checks the item is still queued. A node that dies in between leaves the item
 * queued; when the lease ends another run takes it, and the check makes it routed exactly
 * once. An item whose text cannot be read (no OCR installed, a broken file) goes to the
 * front desk, never away.
 */
@Component
public class IntakeWorker {

	/**
	 * Runs that may take an item before it goes to the front desk unread (a file that
	 * kills the worker).
	 */
	static final int MAX_ATTEMPTS = 5;

	private static final Logger LOG = LoggerFactory.getLogger(IntakeWorker.class);

	private final MailRepository repository;

	private final MailRoom mailRoom;

	private final BlobStore blobs;

	private final LetterText letterText;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration lease;

	private final int batchSize;

	IntakeWorker(MailRepository repository, MailRoom mailRoom, BlobStore blobs, TextRecognition recognition,
			TransactionTemplate transactions, Clock clock, @Value("${amtsweg.mailroom.lease:PT10M}") Duration lease,
			@Value("${amtsweg.mailroom.batch-size:10}") int batchSize,
			@Value("${amtsweg.mailroom.max-ocr-pages:20}") int maxPages) {
		this.repository = repository;
		this.mailRoom = mailRoom;
		this.blobs = blobs;
		this.letterText = new LetterText(recognition, maxPages);
		this.transactions = transactions;
		this.clock = clock;
		this.lease = lease;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${amtsweg.mailroom.poll-interval:PT10S}",
			initialDelayString = "${amtsweg.mailroom.poll-interval:PT10S}")
	void scheduled() {
		runOnce();
	}

	/**
	 * Works up to a batch of queued items.
	 * @return how many were routed
	 */
	public int runOnce() {
		return runOnce((item) -> {
		});
	}

	/**
	 * Works up to a batch of queued items, calling the hook after each item's text was
	 * read and before it is routed (tests make it throw, as a node that dies there).
	 * @return how many were routed
	 */
	public int runOnce(Consumer<MailItem> afterExtraction) {
		int routed = 0;
		for (int i = 0; i < this.batchSize; i++) {
			Instant now = this.clock.instant();
			Optional<MailItem> claimed = this.repository.claimNext(now, now.plus(this.lease));
			if (claimed.isEmpty()) {
				break;
			}
			if (process(claimed.get(), afterExtraction)) {
				routed++;
			}
		}
		return routed;
	}

	private boolean process(MailItem item, Consumer<MailItem> afterExtraction) {
		LetterText.Result result = null;
		String failure = null;
		try {
			if (item.attempts() > MAX_ATTEMPTS) {
				throw new IllegalStateException("gave up after " + MAX_ATTEMPTS + " attempts");
			}
			result = this.letterText.read(this.blobs.get(item.blob()), item.contentType());
		}
		catch (TextRecognition.UnavailableException ex) {
			failure = "UNAVAILABLE";
		}
		catch (Exception ex) {
			LOG.warn("No text from mail item {} ({}): {}", item.id(), item.fileName(), ex.toString());
			failure = "FAILED";
		}
		afterExtraction.accept(item);
		LetterText.Result read = result;
		String why = failure;
		String searchable = (read != null && read.searchablePdf() != null) ? this.blobs.put(read.searchablePdf())
				: null;
		Boolean done = this.transactions.execute((status) -> SystemActor.call(() -> {
			Optional<MailItem> queued = this.repository.lockQueued(item.id());
			if (queued.isEmpty()) {
				return false;
			}
			if (read == null) {
				this.mailRoom.unreadable(queued.get(), (why != null) ? why : "FAILED");
			}
			else {
				this.mailRoom.routeRecognised(queued.get(), read.recognition(), clean(read.text()), searchable);
			}
			return true;
		}));
		return Boolean.TRUE.equals(done);
	}

	/** PostgreSQL text cannot hold NUL characters. */
	private static String clean(String text) {
		String cleaned = text.replace('\u0000', ' ').strip();
		return (cleaned.length() > 1_000_000) ? cleaned.substring(0, 1_000_000) : cleaned;
	}

}
