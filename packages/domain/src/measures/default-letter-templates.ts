// The built-in decision-letter templates live with the schema's letter kinds in @baken/db
// (default-letter-templates.ts), so the demo seed and the domain use one text.
export { DEFAULT_LETTER_TEMPLATES } from '@baken/db'
