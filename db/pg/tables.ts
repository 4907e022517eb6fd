// What drizzle-kit reads for the PostgreSQL migrations (drizzle-pg.config.ts): every table as a named export.
module.exports = require('./schema').pgTables;
