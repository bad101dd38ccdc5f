package org.vigil.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the claim-next benchmark over the API: queues cases in the review queue and creates agents
 * with personal tokens, written one per line for {@code bench/claim.lua}, which drives the claims with
 * wrk (a load generator far lighter than a JVM client, so the figures are the server's).
 *
 * <pre>
 * ClaimSetup &lt;baseUrl&gt; &lt;adminKey&gt; &lt;cases&gt; &lt;agents&gt; &lt;tokensFile&gt;
 * </pre>
 */
public final class ClaimSetup {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int cases = Integer.parseInt(args[2]);
        int agents = Integer.parseInt(args[3]);
        Path tokensFile = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (int from = 0; from < cases; from += 1000) {
            StringBuilder body = new StringBuilder("{\"reports\":[");
            for (int i = from; i < Math.min(cases, from + 1000); i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"subject\":{\"type\":\"message\",\"id\":\"claimload_").append(i)
                        .append("\",\"reach\":{\"views24h\":").append((i * 7919) % 100_000)
                        .append("}},\"source\":\"classifier\",\"reason\":\"spam\",\"scores\":{\"spam\":0.8}}");
            }
            post(http, base + "/api/v1/reports/batch", admin, body.append("]}").toString());
        }
        String team = match(ID, post(http, base + "/api/v1/teams", admin,
                "{\"name\":\"Claim load " + System.nanoTime() + "\",\"vendor\":false}"));
        List<String> tokens = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String user = match(ID, post(http, base + "/api/v1/users", admin, "{\"name\":\"Load agent " + a
                    + "\",\"email\":\"load" + a + "." + System.nanoTime() + "@example.com\",\"roles\":[\"AGENT\"],"
                    + "\"teamId\":" + team + "}"));
            tokens.add(match(SECRET, post(http, base + "/api/v1/users/" + user + "/tokens", admin, "{}")));
        }
        Files.write(tokensFile, tokens);
        System.out.printf("queued %d cases, %d agents with tokens in %s%n", cases, agents, tokensFile);
    }

    private static String post(HttpClient http, String uri, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }
}
