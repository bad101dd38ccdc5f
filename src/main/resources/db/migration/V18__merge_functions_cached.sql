-- The merges a report makes into the case it joins, as PL/pgSQL: a plain SQL function with an
-- aggregate is not inlined and is planned anew on every call (twice per joined case at intake), while
-- PL/pgSQL keeps its plans for the session. Same results as before.
create or replace function jsonb_max_scores(a jsonb, b jsonb) returns jsonb
    language plpgsql immutable parallel safe as $$
begin
    return (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
            from (select k, max(v) as v
                  from (select key as k, value::numeric as v from jsonb_each_text(coalesce(a, '{}'))
                        union all
                        select key, value::numeric from jsonb_each_text(coalesce(b, '{}'))) s
                  group by k) m);
end
$$;

create or replace function jsonb_sum_counts(a jsonb, b jsonb) returns jsonb
    language plpgsql immutable parallel safe as $$
begin
    return (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
            from (select k, sum(v) as v
                  from (select key as k, value::bigint as v from jsonb_each_text(coalesce(a, '{}'))
                        union all
                        select key, value::bigint from jsonb_each_text(coalesce(b, '{}'))) s
                  group by k) m);
end
$$;
