package de.amtsweg.postbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.postbox.internal.PostboxMessage.Attachment;
import de.amtsweg.postbox.internal.PostboxMessage.Sender;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The postbox's tables. */
@Repository
public class PostboxRepository {

	private static final String SUMMARY = """
			select t.*,
			       (select count(*) from postbox_message m
			         where m.thread_id = t.id and m.sender = 'STAFF' and m.read_at is null) as unread_for_citizen,
			       (select count(*) from postbox_message m
			         where m.thread_id = t.id and m.sender = 'CITIZEN' and m.read_at is null) as unread_for_staff
			from postbox_thread t
			""";

	private final JdbcClient jdbc;

	PostboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertThread(PostboxThread thread) {
		this.jdbc.sql("""
				insert into postbox_thread (id, municipality_id, org_unit_id, citizen_account_id, organisation_id,
				    guest_email, topic, subject, reply_by, created_at, last_message_at)
				values (:id, :municipality, :unit, :account, :organisation, :guest, :topic, :subject, :replyBy,
				    :created, :created)""")
			.param("id", thread.id())
			.param("municipality", thread.municipalityId())
			.param("unit", thread.orgUnitId())
			.param("account", thread.citizenAccountId())
			.param("organisation", thread.organisationId())
			.param("guest", thread.guestEmail())
			.param("topic", thread.topic())
			.param("subject", thread.subject())
			.param("replyBy", thread.replyBy())
			.param("created", Timestamp.from(thread.createdAt()))
			.update();
	}

	public void insertMessage(UUID id, UUID threadId, Sender sender, @Nullable UUID authorAccountId,
			@Nullable UUID authorStaffId, String authorName, String body, Instant sentAt) {
		this.jdbc.sql("""
				insert into postbox_message (id, thread_id, sender, author_account_id, author_staff_id, author_name,
				    body, sent_at)
				values (:id, :thread, :sender, :account, :staff, :name, :body, :sent)""")
			.param("id", id)
			.param("thread", threadId)
			.param("sender", sender.name())
			.param("account", authorAccountId)
			.param("staff", authorStaffId)
			.param("name", authorName)
			.param("body", body)
			.param("sent", Timestamp.from(sentAt))
			.update();
		this.jdbc.sql("update postbox_thread set last_message_at = greatest(last_message_at, :sent) where id = :thread")
			.param("sent", Timestamp.from(sentAt))
			.param("thread", threadId)
			.update();
	}

	public void insertAttachment(Attachment attachment) {
		this.jdbc.sql("""
				insert into postbox_attachment (id, message_id, file_name, content_type, size_bytes, blob_address)
				values (:id, :message, :name, :type, :size, :blob)""")
			.param("id", attachment.id())
			.param("message", attachment.messageId())
			.param("name", attachment.fileName())
			.param("type", attachment.contentType())
			.param("size", attachment.sizeBytes())
			.param("blob", attachment.blobAddress())
			.update();
	}

	public Optional<PostboxThread> find(UUID id) {
		return this.jdbc.sql("select * from postbox_thread where id = :id")
			.param("id", id)
			.query((rs, row) -> thread(rs))
			.optional();
	}

	/** The thread's messages, oldest first, with their attachments. */
	public List<PostboxMessage> messages(UUID threadId) {
		Map<UUID, List<Attachment>> attachments = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.* from postbox_attachment a join postbox_message m on m.id = a.message_id
				where m.thread_id = :thread order by a.file_name, a.id""")
			.param("thread", threadId)
			.query((rs, row) -> attachment(rs))
			.list()
			.forEach((attachment) -> attachments.computeIfAbsent(attachment.messageId(), (key) -> new ArrayList<>())
				.add(attachment));
		return this.jdbc.sql("select * from postbox_message where thread_id = :thread order by sent_at, id")
			.param("thread", threadId)
			.query((rs, row) -> new PostboxMessage(rs.getObject("id", UUID.class), threadId,
					Sender.valueOf(rs.getString("sender")), rs.getString("author_name"), rs.getString("body"),
					rs.getTimestamp("sent_at").toInstant(), instant(rs, "read_at"),
					List.copyOf(attachments.getOrDefault(rs.getObject("id", UUID.class), List.of()))))
			.list();
	}

	/** The attachment, if it belongs to a message of the thread. */
	public Optional<Attachment> attachment(UUID threadId, UUID attachmentId) {
		return this.jdbc.sql("""
				select a.* from postbox_attachment a join postbox_message m on m.id = a.message_id
				where a.id = :id and m.thread_id = :thread""")
			.param("id", attachmentId)
			.param("thread", threadId)
			.query((rs, row) -> attachment(rs))
			.optional();
	}

	/** Marks the unread messages of the sender as read; returns how many. */
	public int markRead(UUID threadId, Sender sender, Instant at) {
		return this.jdbc.sql("""
				update postbox_message set read_at = greatest(:at, sent_at)
				where thread_id = :thread and sender = :sender and read_at is null""")
			.param("at", Timestamp.from(at))
			.param("thread", threadId)
			.param("sender", sender.name())
			.update();
	}

	/** A new reply-by task: the earlier answer and reminder no longer count. */
	public void setReplyBy(UUID threadId, LocalDate replyBy) {
		this.jdbc.sql("""
				update postbox_thread set reply_by = :replyBy, replied_at = null, reminder_sent_at = null
				where id = :thread""").param("replyBy", replyBy).param("thread", threadId).update();
	}

	/** The applicant answered: an open reply-by task is done. */
	public void markReplied(UUID threadId, Instant at) {
		this.jdbc.sql("""
				update postbox_thread set replied_at = :at
				where id = :thread and reply_by is not null and replied_at is null""")
			.param("at", Timestamp.from(at))
			.param("thread", threadId)
			.update();
	}

	/** Threads of the citizen and of their organisations, newest first. */
	public List<Row> ofCitizen(UUID accountId, Collection<UUID> organisationIds) {
		return this.jdbc.sql(SUMMARY + """
				where t.citizen_account_id = :account or t.organisation_id = any(:organisations)
				order by t.last_message_at desc, t.id""")
			.param("account", accountId)
			.param("organisations", organisationIds.toArray(UUID[]::new))
			.query((rs, row) -> row(rs))
			.list();
	}

	/** Threads of the org units, those with unread messages of applicants first. */
	public List<Row> ofOrgUnits(UUID municipalityId, Set<UUID> orgUnitIds) {
		return this.jdbc.sql("select * from (" + SUMMARY + """
				where t.municipality_id = :municipality and t.org_unit_id = any(:units)) s
				order by s.unread_for_staff > 0 desc, s.last_message_at desc, s.id
				limit 500""")
			.param("municipality", municipalityId)
			.param("units", orgUnitIds.toArray(UUID[]::new))
			.query((rs, row) -> row(rs))
			.list();
	}

	public List<Row> ofTopic(UUID municipalityId, String topic) {
		return this.jdbc.sql(SUMMARY + """
				where t.municipality_id = :municipality and t.topic = :topic
				order by t.last_message_at desc, t.id""")
			.param("municipality", municipalityId)
			.param("topic", topic)
			.query((rs, row) -> row(rs))
			.list();
	}

	public Row summary(UUID threadId) {
		return this.jdbc.sql(SUMMARY + "where t.id = :id").param("id", threadId).query((rs, row) -> row(rs)).single();
	}

	/** Threads whose reply-by date is within the days from today and not yet reminded. */
	public List<UUID> dueForReminder(LocalDate today, LocalDate until) {
		return this.jdbc.sql("""
				select id from postbox_thread
				where reply_by between :today and :until and replied_at is null and reminder_sent_at is null
				order by reply_by, id limit 500""")
			.param("today", today)
			.param("until", until)
			.query(UUID.class)
			.list();
	}

	/** Takes the reminder of the thread; false if it was taken before. */
	public boolean claimReminder(UUID threadId, Instant at) {
		return this.jdbc.sql("""
				update postbox_thread set reminder_sent_at = :at
				where id = :thread and reminder_sent_at is null and replied_at is null""")
			.param("at", Timestamp.from(at))
			.param("thread", threadId)
			.update() == 1;
	}

	public int messagesWrittenBy(UUID accountId, Instant since) {
		return this.jdbc.sql("""
				select count(*) from postbox_message
				where author_account_id = :account and sender = 'CITIZEN' and sent_at > :since""")
			.param("account", accountId)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	public void insertGuestToken(String tokenHash, UUID threadId, Instant createdAt, Instant expiresAt) {
		this.jdbc.sql("""
				insert into postbox_guest_token (token_hash, thread_id, created_at, expires_at)
				values (:hash, :thread, :created, :expires)""")
			.param("hash", tokenHash)
			.param("thread", threadId)
			.param("created", Timestamp.from(createdAt))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/** The thread the token opens, if it is known and not expired. */
	public Optional<UUID> threadOfGuestToken(String tokenHash, Instant now) {
		return this.jdbc.sql("""
				select thread_id from postbox_guest_token t
				join postbox_thread th on th.id = t.thread_id
				where t.token_hash = :hash and t.expires_at > :now and th.guest_email is not null""")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	public int deleteExpiredGuestTokens(Instant now) {
		return this.jdbc.sql("delete from postbox_guest_token where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Removes the account from its threads: its own threads go, threads of an
	 * organisation stay for the other members.
	 * @return how many threads were deleted
	 */
	public int removeAccount(UUID accountId) {
		int deleted = this.jdbc
			.sql("delete from postbox_thread where citizen_account_id = :account and organisation_id is null")
			.param("account", accountId)
			.update();
		this.jdbc.sql("update postbox_thread set citizen_account_id = null where citizen_account_id = :account")
			.param("account", accountId)
			.update();
		this.jdbc.sql("update postbox_message set author_account_id = null where author_account_id = :account")
			.param("account", accountId)
			.update();
		return deleted;
	}

	/**
	 * Deletes the threads of a topic with their messages and attachments; returns how
	 * many.
	 */
	public int removeTopic(UUID municipalityId, String topic) {
		return this.jdbc.sql("delete from postbox_thread where municipality_id = :m and topic = :topic")
			.param("m", municipalityId)
			.param("topic", topic)
			.update();
	}

	/** Deletes the organisation's threads; returns how many. */
	public int removeOrganisation(UUID organisationId) {
		return this.jdbc.sql("delete from postbox_thread where organisation_id = :organisation")
			.param("organisation", organisationId)
			.update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(thread(rs), rs.getInt("unread_for_citizen"), rs.getInt("unread_for_staff"));
	}

	private static PostboxThread thread(ResultSet rs) throws SQLException {
		return new PostboxThread(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("org_unit_id", UUID.class), rs.getObject("citizen_account_id", UUID.class),
				rs.getObject("organisation_id", UUID.class), rs.getString("guest_email"), rs.getString("topic"),
				rs.getString("subject"), rs.getObject("reply_by", LocalDate.class), instant(rs, "replied_at"),
				instant(rs, "reminder_sent_at"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_message_at").toInstant());
	}

	private static Attachment attachment(ResultSet rs) throws SQLException {
		return new Attachment(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("blob_address"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A thread with its unread counts.
	 *
	 * @param thread the thread
	 * @param unreadForCitizen unread messages of the town hall
	 * @param unreadForStaff unread messages of the applicant
	 */
	public record Row(PostboxThread thread, int unreadForCitizen, int unreadForStaff) {
	}

}
