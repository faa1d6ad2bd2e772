import { listMeasureAcknowledgements } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/acknowledgements — "voor gezien" on the measure's released letter and report, with the reactions, oldest first. */
export const loader = (args: LoaderFunctionArgs) => api(args, listMeasureAcknowledgements, { query: false, params: { id: args.params.id ?? '' } })
