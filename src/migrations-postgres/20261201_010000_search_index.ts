import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The search index tables (src/search/tables.ts); filled at the first start that finds them empty. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS "briefing_search_docs" (
  	"key" text PRIMARY KEY NOT NULL,
  	"collection" text NOT NULL,
  	"doc_id" text NOT NULL,
  	"published" integer NOT NULL,
  	"shadowed" integer NOT NULL,
  	"date" double precision NOT NULL,
  	"section" text,
  	"issue" text,
  	"sources" text NOT NULL,
  	"terms" text NOT NULL,
  	"title" text NOT NULL,
  	"title_from_text" integer NOT NULL,
  	"body" text NOT NULL,
  	"extra" text NOT NULL,
  	"url" text NOT NULL,
  	"hay" text NOT NULL,
  	"length" integer NOT NULL
  );
  CREATE TABLE IF NOT EXISTS "briefing_search_postings" (
  	"token" text NOT NULL,
  	"key" text NOT NULL,
  	"tf" integer NOT NULL,
  	"length" integer NOT NULL,
  	"date" double precision NOT NULL,
  	"published" integer NOT NULL,
  	"shadowed" integer NOT NULL
  );
  CREATE INDEX IF NOT EXISTS "briefing_search_postings_rank_idx" ON "briefing_search_postings" USING btree ("token","published","shadowed","tf","length","date","key");
  CREATE INDEX IF NOT EXISTS "briefing_search_docs_rank_idx" ON "briefing_search_docs" USING btree ("key","published","shadowed","length","date","section","collection","issue");
  CREATE INDEX IF NOT EXISTS "briefing_search_postings_key_idx" ON "briefing_search_postings" USING btree ("key","token","tf");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS "briefing_search_postings";
  DROP TABLE IF EXISTS "briefing_search_docs";`)
}
