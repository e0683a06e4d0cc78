package de.amtsweg.accounts.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account's start page: a greeting, the citizen's one timeline (what every module
 * contributes as a {@link TimelineSource}: upcoming due dates first, then newest first)
 * and the links of every module that has something for the citizen (area ACCOUNT), the
 * account's own links among them.
 */
@Controller
class AccountController {

	private final List<NavigationLink> links;

	private final List<TimelineSource> timeline;

	private final Clock clock;

	AccountController(List<NavigationLink> links, List<TimelineSource> timeline, Clock clock) {
		this.links = links.stream()
			.filter((link) -> link.area() == NavigationLink.Area.ACCOUNT)
			.sorted(Comparator.comparingInt(NavigationLink::order).thenComparing(NavigationLink::path))
			.toList();
		this.timeline = List.copyOf(timeline);
		this.clock = clock;
	}

	@GetMapping("/konto")
	String account(@AuthenticationPrincipal CitizenPrincipal citizen, Model model, Locale locale) {
		model.addAttribute("name", citizen.displayName());
		model.addAttribute("links", this.links);
		model.addAttribute("timeline", timeline(citizen, locale));
		return "accounts/account";
	}

	private List<TimelineEntry> timeline(CitizenPrincipal citizen, Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		List<TimelineEntry> entries = new ArrayList<>();
		for (TimelineSource source : this.timeline) {
			entries.addAll(source.entriesFor(citizen.accountId(), locale));
		}
		Comparator<TimelineEntry> upcomingFirst = Comparator.comparing((entry) -> !upcoming(entry, today));
		Comparator<TimelineEntry> byDueDate = Comparator
			.comparing((TimelineEntry entry) -> upcoming(entry, today) ? entry.dueDate() : LocalDate.MAX);
		entries.sort(upcomingFirst.thenComparing(byDueDate)
			.thenComparing(Comparator.comparing(TimelineEntry::when).reversed()));
		return List.copyOf(entries);
	}

	private static boolean upcoming(TimelineEntry entry, LocalDate today) {
		return entry.dueDate() != null && !entry.dueDate().isBefore(today);
	}

}
