package de.amtsweg.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OZG rollout in figures: per municipality and for its district, computed from the
 * responsibilities' maturities and activity states (view
 * {@code catalog_offering_rollout}).
 */
@Service
@Transactional(readOnly = true)
public class RolloutDashboard {

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	public RolloutDashboard(JdbcClient jdbc, Municipalities municipalities) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
	}

	public RolloutFigures figures(UUID municipalityId) {
		return figures(List.of(municipalityId)).getOrDefault(municipalityId, RolloutFigures.NONE);
	}

	/**
	 * The figures of each municipality of the district (by name) and, under the key
	 * {@code null}-free total, the district's sum.
	 */
	public DistrictFigures district(UUID districtId) {
		List<Municipality> members = this.municipalities.all()
			.stream()
			.filter((municipality) -> districtId.equals(municipality.districtId()))
			.toList();
		Map<UUID, RolloutFigures> figures = figures(members.stream().map(Municipality::id).toList());
		Map<Municipality, RolloutFigures> perMunicipality = new LinkedHashMap<>();
		RolloutFigures total = RolloutFigures.NONE;
		for (Municipality municipality : members) {
			RolloutFigures of = figures.getOrDefault(municipality.id(), RolloutFigures.NONE);
			perMunicipality.put(municipality, of);
			total = total.plus(of);
		}
		return new DistrictFigures(perMunicipality, total);
	}

	private Map<UUID, RolloutFigures> figures(List<UUID> municipalityIds) {
		Map<UUID, RolloutFigures> result = new LinkedHashMap<>();
		if (municipalityIds.isEmpty()) {
			return result;
		}
		Map<UUID, int[]> activitiesByMaturity = new LinkedHashMap<>();
		this.jdbc.sql("""
				select o.municipality_id, coalesce(st.maturity, 0) as maturity, count(*) as activities
				from catalog_offering o
				join catalog_service s on s.id = o.service_id and s.kind = 'SERVICE'
				join catalog_activity a on a.service_id = o.service_id
				left join catalog_offering_activity st on st.offering_id = o.id and st.activity_id = a.id
				where o.municipality_id in (:ids)
				group by o.municipality_id, coalesce(st.maturity, 0)""")
			.param("ids", municipalityIds)
			.query((rs, row) -> {
				activitiesByMaturity.computeIfAbsent(rs.getObject("municipality_id", UUID.class),
						(key) -> new int[Maturity.MAX + 1])[rs.getInt("maturity")] = rs.getInt("activities");
				return null;
			})
			.list();
		this.jdbc.sql("""
				select r.municipality_id,
				       count(*) as services,
				       count(*) filter (where r.maturity >= 3) as services_online,
				       count(*) filter (where r.maturity < 3 and r.activities_in_progress > 0) as services_in_progress,
				       coalesce(sum(r.activities), 0) as activities,
				       coalesce(sum(r.activities_online), 0) as activities_online,
				       coalesce(sum(r.activities_in_progress), 0) as activities_in_progress,
				       count(*) filter (where r.maturity = 0) as m0, count(*) filter (where r.maturity = 1) as m1,
				       count(*) filter (where r.maturity = 2) as m2, count(*) filter (where r.maturity = 3) as m3,
				       count(*) filter (where r.maturity = 4) as m4
				from catalog_offering_rollout r
				join catalog_service s on s.id = r.service_id and s.kind = 'SERVICE'
				where r.municipality_id in (:ids)
				group by r.municipality_id""").param("ids", municipalityIds).query((rs, row) -> {
			UUID id = rs.getObject("municipality_id", UUID.class);
			int[] byMaturity = activitiesByMaturity.getOrDefault(id, new int[Maturity.MAX + 1]);
			List<Integer> activities = new ArrayList<>();
			for (int value : byMaturity) {
				activities.add(value);
			}
			result.put(id, new RolloutFigures(rs.getInt("services"), rs.getInt("services_online"),
					rs.getInt("services_in_progress"), rs.getInt("activities"), rs.getInt("activities_online"),
					rs.getInt("activities_in_progress"),
					List.of(rs.getInt("m0"), rs.getInt("m1"), rs.getInt("m2"), rs.getInt("m3"), rs.getInt("m4")),
					List.copyOf(activities)));
			return null;
		}).list();
		return result;
	}

	/**
	 * @param perMunicipality each municipality of the district, by name
	 * @param total the district's sum
	 */
	public record DistrictFigures(Map<Municipality, RolloutFigures> perMunicipality, RolloutFigures total) {
	}

}
