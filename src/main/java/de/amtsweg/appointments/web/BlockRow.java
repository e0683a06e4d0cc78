package de.amtsweg.appointments.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.amtsweg.appointments.internal.Block;
import de.amtsweg.appointments.internal.Counter;
import org.jspecify.annotations.Nullable;

/**
 * A blocked time as pages show it.
 *
 * @param id the block
 * @param from start, local time
 * @param until end, local time
 * @param counter the counter's name, null for all counters
 * @param reason why
 */
record BlockRow(UUID id, LocalDateTime from, LocalDateTime until, @Nullable String counter, String reason) {

	static List<BlockRow> of(List<Block> blocks, List<Counter> counters) {
		Map<UUID, String> names = counters.stream().collect(Collectors.toMap(Counter::id, Counter::name));
		Function<Block, BlockRow> row = (block) -> new BlockRow(block.id(),
				LocalDateTime.ofInstant(block.startsAt(), AdminForms.BERLIN),
				LocalDateTime.ofInstant(block.endsAt(), AdminForms.BERLIN),
				(block.counterId() != null) ? names.get(block.counterId()) : null, block.reason());
		return blocks.stream().map(row).toList();
	}

}
