package de.amtsweg.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.accounts.OrganisationRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code organisation_account} and {@code organisation_member}. */
@Repository
public class OrganisationRepository {

	private final JdbcClient jdbc;

	public OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID insert(OrganisationDetails details, Instant now) {
		return this.jdbc.sql("""
				insert into organisation_account (name, legal_form, register_number, street, postcode, city, email,
				                                  phone, created_at, updated_at)
				values (:name, :legalForm, :registerNumber, :street, :postcode, :city, :email, :phone, :now, :now)
				returning id""").params(columns(details)).param("now", Timestamp.from(now)).query(UUID.class).single();
	}

	public void update(UUID id, OrganisationDetails details, Instant now) {
		this.jdbc.sql("""
				update organisation_account set name = :name, legal_form = :legalForm,
				       register_number = :registerNumber, street = :street, postcode = :postcode, city = :city,
				       email = :email, phone = :phone, updated_at = :now
				where id = :id""").params(columns(details)).param("now", Timestamp.from(now)).param("id", id).update();
	}

	public Optional<Organisation> findById(UUID id) {
		return this.jdbc.sql("select * from organisation_account where id = :id")
			.param("id", id)
			.query((rs, row) -> new Organisation(rs.getObject("id", UUID.class),
					new OrganisationDetails(rs.getString("name"), rs.getString("legal_form"),
							rs.getString("register_number"), rs.getString("street"), rs.getString("postcode"),
							rs.getString("city"), rs.getString("email"), rs.getString("phone"))))
			.optional();
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql("delete from organisation_account where id = :id").param("id", id).update() == 1;
	}

	/** Adds a member; false if they already are one. */
	public boolean addMember(UUID organisationId, UUID accountId, OrganisationRole role, Instant now) {
		return this.jdbc.sql("""
				insert into organisation_member (organisation_id, citizen_account_id, role, added_at)
				values (:organisationId, :accountId, :role, :now) on conflict do nothing""")
			.param("organisationId", organisationId)
			.param("accountId", accountId)
			.param("role", role.name())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public void changeRole(UUID organisationId, UUID accountId, OrganisationRole role) {
		this.jdbc.sql("""
				update organisation_member set role = :role
				where organisation_id = :organisationId and citizen_account_id = :accountId""")
			.param("organisationId", organisationId)
			.param("accountId", accountId)
			.param("role", role.name())
			.update();
	}

	public boolean removeMember(UUID organisationId, UUID accountId) {
		return this.jdbc
			.sql("""
					delete from organisation_member where organisation_id = :organisationId and citizen_account_id = :accountId""")
			.param("organisationId", organisationId)
			.param("accountId", accountId)
			.update() == 1;
	}

	public Optional<OrganisationRole> roleOf(UUID organisationId, UUID accountId) {
		return this.jdbc.sql("""
				select role from organisation_member
				where organisation_id = :organisationId and citizen_account_id = :accountId""")
			.param("organisationId", organisationId)
			.param("accountId", accountId)
			.query((rs, row) -> OrganisationRole.valueOf(rs.getString("role")))
			.optional();
	}

	/**
	 * Locks the organisation's row, so that concurrent changes of its members are made
	 * one after the other.
	 */
	public void lock(UUID organisationId) {
		this.jdbc.sql("select id from organisation_account where id = :id for update")
			.param("id", organisationId)
			.query(UUID.class)
			.optional();
	}

	public List<Member> members(UUID organisationId) {
		return this.jdbc.sql("""
				select m.citizen_account_id, a.email, a.given_name, a.family_name, m.role, m.added_at
				from organisation_member m join citizen_account a on a.id = m.citizen_account_id
				where m.organisation_id = :organisationId
				order by m.role, lower(a.family_name), lower(a.given_name), lower(a.email)""")
			.param("organisationId", organisationId)
			.query(OrganisationRepository::member)
			.list();
	}

	public List<OrganisationMembership> membershipsOf(UUID accountId) {
		return this.jdbc.sql("""
				select o.id, o.name, m.role from organisation_member m
				join organisation_account o on o.id = m.organisation_id
				where m.citizen_account_id = :accountId order by lower(o.name), o.id""")
			.param("accountId", accountId)
			.query((rs, row) -> new OrganisationMembership(rs.getObject("id", UUID.class), rs.getString("name"),
					OrganisationRole.valueOf(rs.getString("role"))))
			.list();
	}

	private static Map<String, Object> columns(OrganisationDetails details) {
		return Map.of("name", details.name(), "legalForm", details.legalForm(), "registerNumber",
				details.registerNumber(), "street", details.street(), "postcode", details.postcode(), "city",
				details.city(), "email", details.email(), "phone", details.phone());
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getObject("citizen_account_id", UUID.class), rs.getString("email"),
				StaffAccountRepository.displayName(rs.getString("given_name"), rs.getString("family_name"), ""),
				OrganisationRole.valueOf(rs.getString("role")), rs.getTimestamp("added_at").toInstant());
	}

	/**
	 * An organisation account.
	 *
	 * @param id identifier
	 * @param details what its admins entered
	 */
	public record Organisation(UUID id, OrganisationDetails details) {
	}

	/**
	 * A member of an organisation.
	 *
	 * @param accountId the member's service account
	 * @param email their address
	 * @param name their name, empty if they gave none
	 * @param role their role
	 * @param addedAt when they were added
	 */
	public record Member(UUID accountId, String email, String name, OrganisationRole role, Instant addedAt) {
	}

}
