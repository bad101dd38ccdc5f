package org.vigil.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Measures how fast the pages answer a signed-in user: signs in through the form (session cookie and
 * CSRF token), then requests each page one after another, as a person clicking would, and prints the
 * latency percentiles per page. Run it against a running Vigil (the demo data is the reference load).
 *
 * <pre>
 * PageLoad &lt;baseUrl&gt; &lt;email&gt; &lt;password&gt; [requestsPerPage=300] [path ...]
 * </pre>
 */
public final class PageLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        List<String> paths = args.length > 4 ? List.of(args).subList(4, args.length) : List.of("/", "/cases");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "email=" + URLEncoder.encode(args[1], StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(args[2], StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused for " + args[1]);
        }
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s%n", "page", "n", "p50 ms", "p95 ms", "p99 ms",
                "max ms");
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
            for (int i = 0; i < Math.min(50, requests); i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            Histogram latencies = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> page = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                latencies.recordValue((System.nanoTime() - start) / 1_000);
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + page.statusCode());
                }
            }
            System.out.printf(Locale.ROOT, "%-28s %8d %8.1f %8.1f %8.1f %8.1f%n", path, requests,
                    latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(95) / 1000.0,
                    latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0);
        }
    }
}
