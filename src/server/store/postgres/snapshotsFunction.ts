// Tool presence history on PostgreSQL: the algorithm of ../sqlite/intervals.ts as one PL/pgSQL function
// that takes a batch's inventory snapshots in order (one round trip per batch instead of several per
// tool). Tools arrive as JSON objects {id, status, name, version, enabled, active} (flags 0/1/null).
export const SNAPSHOTS_FUNCTION = `
CREATE OR REPLACE FUNCTION aip_snapshots(devs text[], machines text[], ats bigint[], snaps jsonb[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  i integer; dev text; m text; at_ bigint; t jsonb; s record; is_new boolean; prev_ bigint; next_ bigint;
  iid bigint; before_ bigint; after_id bigint; after_last bigint; here text[];
BEGIN
  FOR i IN 1 .. coalesce(array_length(devs, 1), 0) LOOP
    dev := devs[i]; m := machines[i]; at_ := ats[i];
    INSERT INTO inventories (developer, machine, at) VALUES (dev, m, at_) ON CONFLICT DO NOTHING;
    is_new := FOUND;
    INSERT INTO inventory_latest AS l (developer, machine, at) VALUES (dev, m, at_)
      ON CONFLICT (developer, machine) DO UPDATE SET at = greatest(l.at, excluded.at);
    SELECT max(v.at) INTO prev_ FROM inventories v WHERE v.developer = dev AND v.machine = m AND v.at < at_;
    SELECT min(v.at) INTO next_ FROM inventories v WHERE v.developer = dev AND v.machine = m AND v.at > at_;
    IF next_ IS NULL AND is_new THEN
      -- In time order: extend what the previous snapshot had, open the rest.
      FOR t IN SELECT value FROM jsonb_array_elements(snaps[i]) LOOP
        iid := NULL;
        IF prev_ IS NOT NULL THEN
          SELECT id INTO iid FROM tool_intervals WHERE developer = dev AND machine = m AND tool = t->>'id' AND status = t->>'status' AND last_at = prev_;
        END IF;
        IF iid IS NOT NULL THEN
          UPDATE tool_intervals SET last_at = at_, name = t->>'name', version = t->>'version', enabled = (t->>'enabled')::smallint, active = (t->>'active')::smallint WHERE id = iid;
        ELSE
          INSERT INTO tool_intervals (developer, machine, tool, status, name, version, enabled, active, first_at, last_at)
          VALUES (dev, m, t->>'id', t->>'status', t->>'name', t->>'version', (t->>'enabled')::smallint, (t->>'active')::smallint, at_, at_);
        END IF;
      END LOOP;
      CONTINUE;
    END IF;
    -- Late (or a second snapshot at the same instant): first split runs that this snapshot interrupts.
    SELECT coalesce(array_agg((x->>'id') || E'\\n' || (x->>'status')), '{}') INTO here FROM jsonb_array_elements(snaps[i]) x;
    IF is_new AND prev_ IS NOT NULL AND next_ IS NOT NULL THEN
      FOR s IN SELECT * FROM tool_intervals WHERE developer = dev AND machine = m AND first_at < at_ AND last_at > at_ LOOP
        CONTINUE WHEN (s.tool || E'\\n' || s.status) = ANY (here);
        UPDATE tool_intervals SET last_at = prev_ WHERE id = s.id;
        INSERT INTO tool_intervals (developer, machine, tool, status, name, version, enabled, active, first_at, last_at)
        VALUES (dev, m, s.tool, s.status, s.name, s.version, s.enabled, s.active, next_, s.last_at);
      END LOOP;
    END IF;
    FOR t IN SELECT value FROM jsonb_array_elements(snaps[i]) LOOP
      PERFORM 1 FROM tool_intervals WHERE developer = dev AND machine = m AND tool = t->>'id' AND status = t->>'status' AND first_at <= at_ AND last_at >= at_ LIMIT 1;
      CONTINUE WHEN FOUND;
      before_ := NULL; after_id := NULL; after_last := NULL;
      IF prev_ IS NOT NULL THEN
        SELECT id INTO before_ FROM tool_intervals WHERE developer = dev AND machine = m AND tool = t->>'id' AND status = t->>'status' AND last_at = prev_;
      END IF;
      IF next_ IS NOT NULL THEN
        SELECT id, last_at INTO after_id, after_last FROM tool_intervals WHERE developer = dev AND machine = m AND tool = t->>'id' AND status = t->>'status' AND first_at = next_;
      END IF;
      IF before_ IS NOT NULL AND after_id IS NOT NULL THEN
        UPDATE tool_intervals SET last_at = after_last WHERE id = before_;
        DELETE FROM tool_intervals WHERE id = after_id;
      ELSIF before_ IS NOT NULL THEN
        UPDATE tool_intervals SET last_at = at_ WHERE id = before_;
      ELSIF after_id IS NOT NULL THEN
        UPDATE tool_intervals SET first_at = at_ WHERE id = after_id;
      ELSE
        INSERT INTO tool_intervals (developer, machine, tool, status, name, version, enabled, active, first_at, last_at)
        VALUES (dev, m, t->>'id', t->>'status', t->>'name', t->>'version', (t->>'enabled')::smallint, (t->>'active')::smallint, at_, at_);
      END IF;
    END LOOP;
  END LOOP;
END
$fn$;
`;
