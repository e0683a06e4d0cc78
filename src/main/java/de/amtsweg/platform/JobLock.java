package de.amtsweg.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a scheduled job on one node at a time: the node that takes the job's row in
 * {@code scheduled_job_lock} runs it, every other node skips that round.
 */
@Service
public class JobLock {

	private static final String NODE = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final Clock clock;

	public JobLock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs the job if no other node holds its lock.
	 * @param name the job's name
	 * @param atMost how long the lock holds if this node dies while running
	 * @param job the work
	 * @return whether this node ran it
	 */
	public boolean runExclusively(String name, Duration atMost, Runnable job) {
		Instant now = this.clock.instant();
		int taken = this.jdbc.sql("""
				insert into scheduled_job_lock (name, locked_until, locked_at, locked_by)
				values (:name, :until, :now, :node)
				on conflict (name) do update set locked_until = :until, locked_at = :now, locked_by = :node
				where scheduled_job_lock.locked_until <= :now""")
			.param("name", name)
			.param("until", Timestamp.from(now.plus(atMost)))
			.param("now", Timestamp.from(now))
			.param("node", NODE)
			.update();
		if (taken == 0) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			// Released for good rather than "until now": a run under a clock moved ahead
			// (tests,
			// a node whose clock jumps) must not leave the lock looking held once time is
			// back.
			this.jdbc.sql(
					"update scheduled_job_lock set locked_until = '-infinity' where name = :name and locked_by = :node")
				.param("name", name)
				.param("node", NODE)
				.update();
		}
	}

}
