package vn.tcxd.votes.verify;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.tcxd.votes.BoardVerifier;
import vn.tcxd.votes.BulletinBoard;
import vn.tcxd.votes.VoteSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The verification command: fetches every vote session the account may read and its bulletin board over
 * the API, recomputes each tally from the board alone ({@link BoardVerifier}), and checks the receipts
 * given (voters' receipts, one per line of a file or as arguments) against the boards. Trusts nothing of the
 * server but the boards it publishes. Exit code 0 when every board is consistent and every receipt found.
 *
 * <pre>./mvnw -q exec:exec@verify-votes -Dvotes.url=http://localhost:8080 -Dvotes.user=bt.lamson -Dvotes.password=… [-Dvotes.receipts=receipts.txt]</pre>
 */
public final class VerifyBoards {

    private VerifyBoards() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the check, printing to {@code out}; returns the exit code (0 all good, 1 a problem, 2 bad usage). */
    public static int run(String[] args, java.io.PrintStream out) throws Exception {
        if (args.length < 3 || args[1].isBlank()) {
            out.println("usage: VerifyBoards <base-url> <user> <password> [receipts-file | receipt …]");
            return 2;
        }
        String base = args[0].replaceAll("/+$", "");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        List<String> receipts = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].isBlank()) continue;
            Path p = Path.of(args[i]);
            if (Files.isRegularFile(p)) {
                Files.readAllLines(p).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(receipts::add);
            } else {
                receipts.add(args[i].strip());
            }
        }
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        HttpClient http = HttpClient.newHttpClient();
        VoteSession.Summary[] sessions = json.readValue(get(http, base + "/api/v1/vote-sessions", auth), VoteSession.Summary[].class);
        int bad = 0;
        List<BulletinBoard> boards = new ArrayList<>();
        for (VoteSession.Summary s : sessions) {
            BulletinBoard board = json.readValue(get(http, base + "/api/v1/vote-sessions/" + s.id() + "/board", auth), BulletinBoard.class);
            boards.add(board);
            BoardVerifier.Report r = BoardVerifier.verify(board);
            String status = r.ok() ? "OK" : "FAILED";
            out.printf("session %d  %-10s %5d ballots%s  %s%n", s.id(), board.state(), r.ballots(),
                    r.sealed() > 0 ? " (" + r.sealed() + " sealed while voting)" : "", status + "  " + s.name());
            r.problems().forEach(p -> out.println("    " + p));
            if (!r.ok()) bad++;
        }
        int missing = 0;
        for (String receipt : receipts) {
            boolean found = boards.stream().anyMatch(b -> BoardVerifier.counted(b, receipt));
            if (!found) missing++;
            out.printf("receipt %s  %s%n", receipt, found ? "counted" : "NOT FOUND");
        }
        out.printf("%d sessions, %d inconsistent; %d receipts, %d not found%n", sessions.length, bad, receipts.size(), missing);
        return bad == 0 && missing == 0 ? 0 : 1;
    }

    private static String get(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
