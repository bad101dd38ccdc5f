package org.vigil.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.vigil.cases.Floor;

/** How the pages write times, ages and numbers: {@code ${@fmt.age(...)}} in templates. */
@Component("fmt")
class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A duration as a person reads it: {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 2d 4h}. */
    /** A number of seconds as a duration, e.g. {@code 4m 10s}; a dash for none. */
    public String seconds(@Nullable Number seconds) {
        return seconds == null ? "—" : duration(Duration.ofSeconds(Math.round(seconds.doubleValue())));
    }

    public String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = Math.abs(duration.toSeconds());
        String sign = duration.isNegative() ? "-" : "";
        if (seconds < 60) {
            return sign + seconds + "s";
        }
        if (seconds < 3600) {
            return sign + seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return sign + seconds / 3600 + "h " + String.format(Locale.ROOT, "%02dm", seconds % 3600 / 60);
        }
        return sign + seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
    }

    /** How long ago an instant was. */
    public String age(@Nullable Instant since) {
        return since == null ? "—" : duration(Duration.between(since, Instant.now()));
    }

    /** Time left until an instant; negative once it has passed. */
    public String left(@Nullable Instant due) {
        return due == null ? "—" : duration(Duration.between(Instant.now(), due));
    }

    public boolean past(@Nullable Instant due) {
        return due != null && due.isBefore(Instant.now());
    }

    /** Whether an SLA due time is still ahead but within the hour the floor calls "at risk". */
    public boolean soon(@Nullable Instant due) {
        Instant now = Instant.now();
        return due != null && !due.isBefore(now) && due.isBefore(now.plus(Floor.AT_RISK));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** A score 0..1 as a percentage. */
    public String percent(@Nullable Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A code such as {@code child_sexual_exploitation} as words. */
    public String words(@Nullable String code) {
        return code == null ? "—" : code.replace('_', ' ');
    }

    /** A verdict and, when there is one, its category: {@code violating · hate}. */
    public String verdict(String verdict, @Nullable String category) {
        return words(verdict) + (category == null ? "" : " · " + words(category));
    }
}
