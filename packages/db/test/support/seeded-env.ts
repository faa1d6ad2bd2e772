// Where a test run's seeded copies are named (seeded-template.ts makes them). Its own module with
// no imports, so that a test's server starter can read them without loading the database code.

/** Path of the seeded PGlite tarball (dumpDataDir). */
export const PGLITE_SNAPSHOT_ENV = 'BAKEN_TEST_PGLITE_SNAPSHOT'
/** Name of the seeded template database on the Postgres server. */
export const PG_TEMPLATE_ENV = 'BAKEN_TEST_PG_TEMPLATE'
