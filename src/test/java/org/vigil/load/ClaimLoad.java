package org.vigil.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load generator for claim-next: fills the review queue with cases, creates agents with personal
 * tokens, then lets every agent claim and release in a closed loop, measuring the claim's latency and
 * checking that no case is ever held by two agents at once.
 *
 * <pre>
 * ClaimLoad &lt;baseUrl&gt; &lt;adminKey&gt; [agents=200] [cases=100000] [seconds=20] [warmupSeconds=5] [thinkMillis=0] [pacing=fixed]
 * </pre>
 *
 * <p>With {@code pacing=fixed} every agent spends exactly {@code thinkMillis} on a case and all start at
 * once, so they ask in waves; with {@code pacing=exponential} agents start at random moments and spend
 * exponentially distributed times of that mean (seeded), as independent people do.
 * <pre>
 * </pre>
 */
public final class ClaimLoad {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int agents = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int cases = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        // Time an agent spends on a case before asking for the next; 0 is a saturation test.
        int think = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        boolean exponential = args.length > 7 && args[7].equals("exponential");
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
        System.out.printf("queued %d cases, %d agents%n", cases, agents);

        Recorder recorder = new Recorder(3);
        AtomicLong claims = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong doubleClaims = new AtomicLong();
        Map<Long, Integer> held = new ConcurrentHashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(warmup + seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            int agent = a;
            String token = tokens.get(a);
            threads.add(Thread.ofVirtual().start(() -> {
                java.util.Random random = new java.util.Random(agent);
                if (exponential && think > 0) {
                    try {
                        Thread.sleep(random.nextInt(think));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> next = http.send(request(base + "/api/v1/work/next", token, "{}"),
                                HttpResponse.BodyHandlers.ofString());
                        recorder.recordValue((System.nanoTime() - start) / 1_000);
                        if (next.statusCode() == 204) {
                            empty.incrementAndGet();
                            continue;
                        }
                        if (next.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        claims.incrementAndGet();
                        long id = Long.parseLong(match(ID, next.body()));
                        if (held.putIfAbsent(id, agent) != null) {
                            doubleClaims.incrementAndGet();
                        }
                        if (think > 0) {
                            long pause = exponential ? (long) (-think * Math.log(1 - random.nextDouble())) : think;
                            // never past the end of the run, which would stretch the measured time
                            Thread.sleep(Math.max(0, Math.min(pause, (end - System.nanoTime()) / 1_000_000)));
                        }
                        held.remove(id, agent);
                        http.send(request(base + "/api/v1/work/" + id + "/release", token, "{}"),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(Duration.ofSeconds(warmup));
        recorder.reset();
        claims.set(0);
        long measuredStart = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - measuredStart) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "agents=%d think=%dms pacing=%s cases=%d seconds=%.1f claims=%d claims/s=%.0f empty=%d errors=%d "
                        + "doubleClaims=%d claim p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                agents, think, exponential ? "exponential" : "fixed", cases, elapsed, claims.get(), claims.get() / elapsed, empty.get(), errors.get(),
                doubleClaims.get(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static HttpRequest request(String uri, String key, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String post(HttpClient http, String uri, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(request(uri, key, body), HttpResponse.BodyHandlers.ofString());
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
