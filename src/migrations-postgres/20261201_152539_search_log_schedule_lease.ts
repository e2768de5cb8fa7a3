import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { runDataUpgrades } from '../upgrades'

/**
 * The search index's change log (src/search/changeLog.ts: every instance's posting cache follows it)
 * and the lease of a scheduled send's claim (src/newsletter/scheduleTask.ts).
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "briefing_search_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" text NOT NULL,
  	"prefix" integer NOT NULL,
  	"at" double precision NOT NULL,
  	"xid" bigint NOT NULL
  );
  
  ALTER TABLE "scheduled_sends" ADD COLUMN "lease_until" timestamp(3) with time zone;
  CREATE INDEX "briefing_search_log_at_idx" ON "briefing_search_log" USING btree ("at");
  CREATE INDEX "briefing_search_log_xid_idx" ON "briefing_search_log" USING btree ("xid");`)
  // The data upgrades of every migration, now that the schema is complete (src/upgrades.ts).
  await runDataUpgrades(payload, req)
  // After the data upgrades (their saves index what they touch): the emptied search index is filled
  // again, with translations and special-issue entries, at the next start (src/search/service.ts
  // fillStoreOnce), or by `briefing search:rebuild`.
  await db.execute(
    sql`DELETE FROM "briefing_search_postings"; DELETE FROM "briefing_search_docs"; DELETE FROM "briefing_search_log";`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "briefing_search_log" CASCADE;
  ALTER TABLE "scheduled_sends" DROP COLUMN "lease_until";`)
}
