package vn.tcxd.cadres;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A search hit: a person with posts, seats or planning, the current posts named, and who keeps the file. */
public record CadreSummary(long memberId, String fullName, LocalDate birthDate, List<String> positions,
                           Set<Long> managers) {
}
