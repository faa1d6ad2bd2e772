// A small HTTP client for the tests: keeps a session cookie, sends Origin like a browser would.
export const DEMO_PASSWORD = 'veilig-demo-2026'

export interface Reply {
  status: number
  headers: Headers
  text: string
  json<T = any>(): T
  location: string | null
}

export class Client {
  cookie: string | null = null
  constructor(
    readonly baseUrl: string,
    readonly options: { origin?: string | null; bearer?: string } = {},
  ) {}

  async request(method: string, path: string, init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers }
    if (this.cookie) headers.cookie = `baken_session=${this.cookie}`
    if (this.options.bearer) headers.authorization = `Bearer ${this.options.bearer}`
    const origin = this.options.origin === undefined ? this.baseUrl : this.options.origin
    if (method !== 'GET' && origin) headers.origin = origin
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' })
    for (const c of res.headers.getSetCookie()) {
      const m = /^baken_session=([^;]*)/.exec(c)
      if (m) this.cookie = m[1] || null
    }
    const text = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: () => JSON.parse(text),
      location: res.headers.get('location'),
    }
  }

  get(path: string) {
    return this.request('GET', path)
  }

  post(path: string, form: Record<string, string> = {}) {
    return this.request('POST', path, { form })
  }

  /** Logs in; for a user with several memberships, also chooses the first (or the given) one. */
  async login(email: string, options: { password?: string; membership?: (m: { id: string; organisationName: string }) => boolean } = {}) {
    const res = await this.post('/login', { email, password: options.password ?? DEMO_PASSWORD })
    if (res.status !== 302) throw new Error(`login ${email} failed: ${res.status} ${res.text.slice(0, 200)}`)
    if (res.location === '/organisatie') {
      const me = (await this.get('/api/v1/me')).json<{ memberships: { id: string; organisationName: string }[] }>()
      const choice = options.membership ? me.memberships.find(options.membership) : me.memberships[0]
      if (!choice) throw new Error(`no membership to choose for ${email}`)
      const switched = await this.post('/organisatie', { membershipId: choice.id })
      if (switched.status !== 302) throw new Error(`switch failed: ${switched.status}`)
    }
    return res
  }
}
