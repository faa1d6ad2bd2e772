// The previous / next links under a paged list; each keeps the list's other query parameters.
import { Link, useSearchParams } from '@remix-run/react'

export interface PagerTexts {
  /** The nav's accessible name. */
  label: string
  /** "Pagina 2 van 5". */
  position: string
  previous: string
  next: string
}

/** The pager of a page of results; nothing when everything fits on one page. */
export function Pager({ result, texts }: { result: { page: number; pageSize: number; total: number }; texts: (pages: number) => PagerTexts }) {
  const [params] = useSearchParams()
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  if (pages <= 1) return null
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(page))
    return `?${next}`
  }
  const t = texts(pages)
  return (
    <nav className="pager" aria-label={t.label}>
      {result.page > 1 ? <Link to={pageLink(result.page - 1)}>{t.previous}</Link> : null}
      <span>{t.position}</span>
      {result.page < pages ? <Link to={pageLink(result.page + 1)}>{t.next}</Link> : null}
    </nav>
  )
}
