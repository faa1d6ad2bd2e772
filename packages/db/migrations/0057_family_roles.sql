-- Hand-written: the family's roles (ADR 033). `ouder` is a pupil's guardian (wettelijk
-- vertegenwoordiger); `leerling` is a pupil of 16 or older with an account for their own data (AVG
-- art. 8 with UAVG art. 5: from 16 the pupil exercises the rights). Added to the enum on their own:
-- Postgres refuses to use a new enum value in the transaction that adds it, so the next migration
-- compares role::text wherever it names them.
ALTER TYPE "public"."role" ADD VALUE IF NOT EXISTS 'ouder';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE IF NOT EXISTS 'leerling';
