// Login throttling under real concurrency, on PGlite and on a Postgres server (where parallel
// attempts really run side by side on a pool): the counts cannot be slipped past by arriving at once.
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { describeEachDriver, rows } from '../../db/test/support/test-databases.ts'
import { attemptLogin, LOGIN_THROTTLE } from '../src/index.ts'

const DEMO_PASSWORD = 'veilig-demo-2026'

describeEachDriver('attemptLogin in parallel', (getDb) => {
  const failureRows = async () =>
    Number(rows<{ n: string | number }>(await getDb().owner.execute(sql`select count(*) as n from login_failures`))[0]!.n)

  it('one account from one address: exactly the free failures are judged, the rest wait', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attemptLogin(getDb().app, { email: 'mentor@lyceum.demo', password: `fout-${i}`, ip: '203.0.113.1' })),
    )
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(LOGIN_THROTTLE.pairFreeFailures)
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(12 - LOGIN_THROTTLE.pairFreeFailures)
  })

  it('one address over many accounts: exactly the free accounts are judged, the rest wait', async () => {
    const n = LOGIN_THROTTLE.addressFreeAccounts + 8
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => attemptLogin(getDb().app, { email: `gok${i}@nergens.demo`, password: 'Welkom2026!', ip: '203.0.113.2' })),
    )
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(LOGIN_THROTTLE.addressFreeAccounts)
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(8)
  })

  it('a correct password withdraws the rows its attempt reserved and the pair’s earlier failures', async () => {
    const ip = '198.51.100.7'
    expect(await attemptLogin(getDb().app, { email: 'ib@branding.demo', password: 'typfout', ip })).toEqual({ ok: false, reason: 'invalid' })
    const before = await failureRows()
    const ok = await attemptLogin(getDb().app, { email: 'ib@branding.demo', password: DEMO_PASSWORD, ip })
    expect(ok.ok).toBe(true)
    // The pair's one failure is gone; the account's and the address's stay until they age out.
    expect(await failureRows()).toBe(before - 1)
  })
})
