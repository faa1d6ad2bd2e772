// The loop of the in-process workers (the mail worker, the access-log sealer): run now and then
// every intervalMs after the previous run ends, never two runs at once in one process, the timer
// never keeping the process alive. Returns stop(), which waits for the current run to finish.

export function startWorkerLoop(run: (stopped: () => boolean) => Promise<void>, intervalMs: number, report: (error: unknown) => void): () => Promise<void> {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const tick = () => {
    timer = undefined
    if (stopped) return
    running = run(() => stopped)
      .catch((error: unknown) => report(error))
      .finally(() => {
        running = undefined
        if (!stopped) schedule(intervalMs)
      })
  }
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms)
    // The worker alone must not keep a process alive (the HTTP server does that).
    timer.unref()
  }
  schedule(0)
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
