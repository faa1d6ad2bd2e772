// The board's table of submitted incidents per school, by severity: on the home page (with the
// confidential ones) and on the board's overview.
import type { BoardSchoolCounts } from '@baken/domain'

export function IncidentCountsTable({ rows, withConfidential = false }: { rows: readonly BoardSchoolCounts[]; withConfidential?: boolean }) {
  return (
    <table className="table-responsive">
      <thead>
        <tr>
          <th scope="col">School</th>
          <th scope="col">Totaal</th>
          <th scope="col">Zeer ernstig</th>
          <th scope="col">Ernstig</th>
          <th scope="col">Overig</th>
          {withConfidential ? <th scope="col">Vertrouwelijk</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.schoolId}>
            <td data-label="School">
              {c.name} <span className="muted">({c.sector})</span>
            </td>
            <td data-label="Totaal">{c.total}</td>
            <td data-label="Zeer ernstig">{c.zeerErnstig}</td>
            <td data-label="Ernstig">{c.ernstig}</td>
            <td data-label="Overig">{c.overig}</td>
            {withConfidential ? <td data-label="Vertrouwelijk">{c.confidential}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
