// What drizzle-kit reads for the PostgreSQL migrations (drizzle-pg.config.ts): every table as a named export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('./schema').pgTables;
