package org.vigil.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load generator for intake. Drives a running Vigil over real HTTP with closed-loop clients on
 * virtual threads and prints throughput and latency percentiles.
 *
 * <pre>
 * IntakeLoad &lt;baseUrl&gt; &lt;apiKey&gt; single|batch [clients=32] [seconds=20] [warmupSeconds=5] [batchSize=1000]
 * </pre>
 */
public final class IntakeLoad {

    private static final String[] REASONS = {"harassment", "sexual_content", "spam", "hate", "self_harm",
            "impersonation", "graphic_violence", "privacy", "other"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String mode = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int batchSize = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        boolean batch = mode.equals("batch");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + (batch ? "/api/v1/reports/batch" : "/api/v1/reports"));
        Recorder recorder = new Recorder(3);
        AtomicLong reports = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(warmup + seconds).toNanos();
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long[] measuredStart = new long[1];

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    String body = batch ? batchBody(batchSize) : report();
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        boolean ok = response.statusCode() == 201 || response.statusCode() == 200;
                        if (start >= measureFrom) {
                            if (ok) {
                                recorder.recordValue(took / 1_000);
                                reports.addAndGet(batch ? batchSize : 1);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(Duration.ofSeconds(warmup));
        recorder.reset();
        reports.set(0);
        errors.set(0);
        measuredStart[0] = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - measuredStart[0]) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(Locale.ROOT,
                "mode=%s clients=%d seconds=%.1f requests=%d reports=%d errors=%d reports/s=%.0f "
                        + "p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                mode, clients, elapsed, h.getTotalCount(), reports.get(), errors.get(), reports.get() / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static String batchBody(int size) {
        StringBuilder body = new StringBuilder(size * 400).append("{\"reports\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(report());
        }
        return body.append("]}").toString();
    }

    /** A realistic report: a user report or a classifier flag about one of 200,000 subjects. */
    public static String report() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String reason = REASONS[random.nextInt(REASONS.length)];
        String subject = (random.nextInt(10) < 7 ? "character\",\"id\":\"char_" : "message\",\"id\":\"msg_")
                + random.nextInt(200_000);
        String content = "{\"text\":\"Role-play companion #" + random.nextInt(1_000_000)
                + ": a friendly guide who talks about space exploration, cooking and late-night study sessions.\"}";
        if (random.nextInt(10) < 6) {
            return "{\"subject\":{\"type\":\"" + subject + "\",\"ownerId\":\"acct_" + random.nextInt(50_000)
                    + "\",\"content\":" + content + ",\"reach\":{\"views24h\":" + random.nextInt(100_000)
                    + "}},\"source\":\"user\",\"reason\":\"" + reason
                    + "\",\"description\":\"This character keeps doing something against the rules.\","
                    + "\"reporter\":{\"id\":\"u_" + random.nextInt(5_000_000) + "\",\"locale\":\"en-US\"}}";
        }
        return "{\"subject\":{\"type\":\"" + subject + "\",\"content\":" + content
                + "},\"source\":\"classifier\",\"reason\":\"" + reason + "\",\"scores\":{\"" + reason + "\":"
                + String.format(Locale.ROOT, "%.3f", random.nextDouble()) + "}}";
    }
}
