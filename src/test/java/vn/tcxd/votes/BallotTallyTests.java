package vn.tcxd.votes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-pass tally counts exactly what counting {@link BallotCodec#parse} of each content counts. */
class BallotTallyTests {

    private static final List<Long> PEOPLE = List.of(31L, 12L, 15L, 1000L);

    /** The reference: the tally as it was, a map per ballot. */
    private static Map<Long, int[]> byParse(List<Long> people, List<String> contents) {
        Map<Long, int[]> counts = new HashMap<>();
        people.forEach(p -> counts.put(p, new int[4]));
        for (String content : contents) {
            BallotCodec.parse(content).forEach((p, level) -> {
                int[] c = counts.get(p);
                if (c != null) c[level == null ? 3 : level.ordinal()]++;
            });
        }
        return counts;
    }

    private static Map<Long, int[]> byTally(List<Long> people, List<String> contents) {
        BallotTally tally = new BallotTally(people);
        contents.forEach(tally::add);
        return tally.counts();
    }

    @Test
    @DisplayName("Phiếu do máy chủ ghi (đủ người, theo thứ tự): đếm như BallotCodec.parse, cả phiếu trống")
    void shouldCountServerWrittenContentsLikeParse() {
        Random random = new Random(5);
        ConfidenceLevel[] levels = {ConfidenceLevel.HIGH, ConfidenceLevel.CONFIDENCE, ConfidenceLevel.LOW, null};
        List<String> contents = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<Long, ConfidenceLevel> choices = new HashMap<>();
            for (long p : PEOPLE) {
                ConfidenceLevel l = levels[random.nextInt(4)];
                if (l != null) choices.put(p, l);
            }
            contents.add(BallotCodec.content(PEOPLE, choices));
        }
        assertThat(byTally(PEOPLE, contents)).usingRecursiveComparison().isEqualTo(byParse(PEOPLE, contents));
        assertThat(byTally(PEOPLE, List.of("12=H;15=-;31=L;1000=C")).get(15L)).containsExactly(0, 0, 0, 1);
    }

    @Test
    @DisplayName("Phiếu khác dạng (thiếu người, thừa người, sai thứ tự, số 0 đứng đầu): vẫn đếm như BallotCodec.parse")
    void shouldCountOtherShapesLikeParse() {
        List<String> contents = List.of("12=H;31=L", "12=H;15=C;31=L;1000=C;77=L", "31=L;12=H;15=C;1000=-",
                "012=H;15=C;31=L;1000=C", "", "99=H");
        assertThat(byTally(PEOPLE, contents)).usingRecursiveComparison().isEqualTo(byParse(PEOPLE, contents));
        assertThat(byTally(List.of(), List.of("", "12=H"))).isEmpty();
    }

    @Test
    @DisplayName("Phiếu hỏng vẫn bị từ chối như trước và không đếm gì")
    void shouldRefuseMalformedContentsLikeParse() {
        BallotTally tally = new BallotTally(PEOPLE);
        for (String bad : List.of("12=H;15=X;31=L;1000=C", "12=H;15=C;31=L;1000=C;", "12=H;15=C;31=L;1000=CC", "12=H;12=L")) {
            assertThatThrownBy(() -> tally.add(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(tally.counts().values()).allSatisfy(c -> assertThat(c).containsOnly(0));
    }
}
