-- Request limits held in Postgres, so that every web process behind a load balancer counts the same
-- buckets and a restart forgets nothing: the per-user write limit (ADR 015, until now in each
-- process's memory) and a limit per personal API token on every request it makes.
--
-- One row per bucket (`write:<user id>`, `token:<SHA-256 of the token>`): the tokens left and when
-- they were counted. The application reaches the table only through rate_limit_take(), which
-- refills the bucket for the time passed, takes one token if there is one, and answers how many
-- seconds the caller must wait otherwise (0: go ahead), in one statement under the row's lock.
-- Full buckets are forgotten in bounded batches by the same function, so the table stays small.
CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_buckets_key" CHECK (char_length("rate_limit_buckets"."key") between 1 and 200)
);
--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_at_idx" ON "rate_limit_buckets" USING btree ("at");--> statement-breakpoint
ALTER TABLE "rate_limit_buckets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rate_limit_buckets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Only the owner (the function below runs as it) has a policy; the application has no privilege on
-- the table at all.
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON rate_limit_buckets TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
CREATE FUNCTION rate_limit_take(p_key text, p_burst integer, p_per_minute double precision) RETURNS double precision
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  per_second double precision := p_per_minute / 60.0;
  t timestamptz;
  level double precision;
  wait double precision := 0;
BEGIN
  IF p_burst < 1 OR p_per_minute <= 0 THEN RAISE EXCEPTION 'rate_limit_take: burst and rate must be positive'; END IF;
  INSERT INTO rate_limit_buckets (key, tokens, at) VALUES (p_key, p_burst, clock_timestamp()) ON CONFLICT (key) DO NOTHING;
  -- The row's lock serialises the requests of one bucket; the clock is read once it is held.
  PERFORM 1 FROM rate_limit_buckets b WHERE b.key = p_key FOR UPDATE;
  t := clock_timestamp();
  SELECT least(p_burst, b.tokens + greatest(0, extract(epoch FROM (t - b.at))) * per_second) INTO level FROM rate_limit_buckets b WHERE b.key = p_key;
  IF level >= 1 THEN
    level := level - 1;
  ELSE
    wait := (1 - level) / per_second;
  END IF;
  UPDATE rate_limit_buckets SET tokens = level, at = t WHERE key = p_key;
  -- A bucket that has been full for a while holds nothing a fresh one would not: forget a few.
  DELETE FROM rate_limit_buckets x WHERE x.key IN (
    SELECT y.key FROM rate_limit_buckets y WHERE y.at < t - make_interval(secs => p_burst / per_second) AND y.key <> p_key ORDER BY y.at LIMIT 20);
  RETURN wait;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION rate_limit_take(text, integer, double precision) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rate_limit_take(text, integer, double precision) TO baken_app;
