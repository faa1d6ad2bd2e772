// TRUST_PROXY parsing, and what Express then takes as the client address for each form.
import express from 'express'
import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from '../server/trust-proxy.ts'

/** The address Express reports for a request from `peer` carrying `forwardedFor`, under the parsed setting. */
function clientAddress(setting: string | undefined, peer: string, forwardedFor?: string): string | undefined {
  const app = express()
  app.set('trust proxy', parseTrustProxy(setting))
  const req = Object.create(express.request) as express.Request
  Object.assign(req, { app, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, socket: { remoteAddress: peer }, connection: { remoteAddress: peer } })
  return req.ip
}

describe('parseTrustProxy', () => {
  it('reads no proxy, a number of hops, or addresses and subnets', () => {
    for (const off of [undefined, '', ' ', '0', 'false', 'FALSE']) expect(parseTrustProxy(off)).toBe(false)
    expect(parseTrustProxy('1')).toBe(1)
    expect(parseTrustProxy(' 2 ')).toBe(2)
    expect(parseTrustProxy('10.0.0.1')).toEqual(['10.0.0.1'])
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, ::1')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '::1'])
  })

  it('refuses what would trust everyone or means nothing', () => {
    expect(() => parseTrustProxy('true')).toThrow('would trust every hop')
    for (const bad of ['yes', '-1', '1.5', '0x1', '11', '10.0.0.0/33', '::/129', '10.0.0.0/8/1', '10.0.0.1,', 'loopback, *', '10.0.0.0/255.0.0.0']) {
      expect(() => parseTrustProxy(bad), bad).toThrow('TRUST_PROXY must be')
    }
  })

  it('unset: the connection’s peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress(undefined, '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9')
  })

  it('1 hop: the entry the proxy added, not those the client wrote before it', () => {
    expect(clientAddress('1', '10.0.0.2', '6.6.6.6, 198.51.100.1')).toBe('198.51.100.1')
    expect(clientAddress('1', '10.0.0.2')).toBe('10.0.0.2')
    expect(clientAddress('2', '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.3')).toBe('198.51.100.1')
  })

  it('addresses: the last entry not added by a trusted proxy', () => {
    expect(clientAddress('10.0.0.0/8', '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.9.9.9')).toBe('198.51.100.1')
    // A peer that is not a trusted proxy is the client itself.
    expect(clientAddress('10.0.0.0/8', '203.0.113.9', '6.6.6.6')).toBe('203.0.113.9')
  })
})
