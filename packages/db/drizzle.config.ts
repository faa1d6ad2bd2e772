import { defineConfig } from 'drizzle-kit'

// Only used to generate SQL migrations from src/schema.ts and src/schema-*.ts; migrations are applied by src/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/schema.ts', './src/schema-*.ts'],
  out: './migrations',
})
