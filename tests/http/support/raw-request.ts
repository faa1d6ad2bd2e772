// One HTTP request with its request target sent byte for byte. fetch() runs every URL through the
// WHATWG parser first, which resolves `%2e%2e`, backslashes and dot segments before they leave the
// client, so path-normalisation probes need node:http, which sends the path as given.
import { request } from 'node:http'

export interface RawReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json<T = any>(): T
}

export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl)
  const headers: Record<string, string> = { ...options.headers }
  let body: string | undefined
  if (options.form) {
    body = new URLSearchParams(options.form).toString()
    headers['content-type'] = 'application/x-www-form-urlencoded'
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
