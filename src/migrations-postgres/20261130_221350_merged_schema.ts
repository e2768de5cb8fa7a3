import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "issues" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_issues_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "items" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_items_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "sections" ADD COLUMN "public" boolean DEFAULT false;
  ALTER TABLE "glossary_terms" ADD COLUMN "public" boolean DEFAULT false;
  ALTER TABLE "issues" ADD CONSTRAINT "issues_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_issues_v" ADD CONSTRAINT "_issues_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_items_v" ADD CONSTRAINT "_items_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "issues_updated_by_idx" ON "issues" USING btree ("updated_by_id");
  CREATE INDEX "_issues_v_version_version_updated_by_idx" ON "_issues_v" USING btree ("version_updated_by_id");
  CREATE INDEX "items_updated_by_idx" ON "items" USING btree ("updated_by_id");
  CREATE INDEX "_items_v_version_version_updated_by_idx" ON "_items_v" USING btree ("version_updated_by_id");
  CREATE INDEX "sections_public_idx" ON "sections" USING btree ("public");
  CREATE INDEX "glossary_terms_public_idx" ON "glossary_terms" USING btree ("public");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "issues" DROP CONSTRAINT "issues_updated_by_id_users_id_fk";
  
  ALTER TABLE "_issues_v" DROP CONSTRAINT "_issues_v_version_updated_by_id_users_id_fk";
  
  ALTER TABLE "items" DROP CONSTRAINT "items_updated_by_id_users_id_fk";
  
  ALTER TABLE "_items_v" DROP CONSTRAINT "_items_v_version_updated_by_id_users_id_fk";
  
  DROP INDEX "issues_updated_by_idx";
  DROP INDEX "_issues_v_version_version_updated_by_idx";
  DROP INDEX "items_updated_by_idx";
  DROP INDEX "_items_v_version_version_updated_by_idx";
  DROP INDEX "sections_public_idx";
  DROP INDEX "glossary_terms_public_idx";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "issues" DROP COLUMN "updated_by_id";
  ALTER TABLE "_issues_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "items" DROP COLUMN "updated_by_id";
  ALTER TABLE "_items_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "sections" DROP COLUMN "public";
  ALTER TABLE "glossary_terms" DROP COLUMN "public";`)
}
