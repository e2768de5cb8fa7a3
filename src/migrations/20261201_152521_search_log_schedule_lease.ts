import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { runDataUpgrades } from '../upgrades'

/**
 * The search index's change log (src/search/changeLog.ts: every instance's posting cache follows it)
 * and the lease of a scheduled send's claim (src/newsletter/scheduleTask.ts).
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`briefing_search_log\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`prefix\` integer NOT NULL,
  	\`at\` real NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`briefing_search_log_at_idx\` ON \`briefing_search_log\` (\`at\`);`)
  await db.run(sql`ALTER TABLE \`scheduled_sends\` ADD \`lease_until\` text;`)
  // The data upgrades of every migration, now that the schema is complete (src/upgrades.ts).
  await runDataUpgrades(payload, req)
  // After the data upgrades (their saves index what they touch): the emptied search index is filled
  // again, with translations and special-issue entries, at the next start (src/search/service.ts
  // fillStoreOnce), or by `briefing search:rebuild`.
  await db.run(sql`DELETE FROM \`briefing_search_postings\`;`)
  await db.run(sql`DELETE FROM \`briefing_search_docs\`;`)
  await db.run(sql`DELETE FROM \`briefing_search_log\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`briefing_search_log\`;`)
  await db.run(sql`ALTER TABLE \`scheduled_sends\` DROP COLUMN \`lease_until\`;`)
}
