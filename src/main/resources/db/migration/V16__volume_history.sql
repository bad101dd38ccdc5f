-- Arrivals per queue and half hour imported from the system a team ran before Vigil (or from a
-- product's own counts), so forecasts have weeks of history from the first day. Forecasts add these
-- counts to the cases Vigil itself received in the same half hour.
create table queue_volume_history (
    queue_id        bigint not null references queue (id),
    interval_start  timestamptz not null,
    arrivals        integer not null check (arrivals >= 0),
    imported_at     timestamptz not null,
    primary key (queue_id, interval_start)
);
