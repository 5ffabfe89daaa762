-- projects.chain_node_id (created before chains existed) now points at a chain segment.
-- Hand-written because the column lives in the projects schema file, which this feature does not own.
ALTER TABLE "projects" ADD CONSTRAINT "projects_chain_node_id_chain_segments_id_fk" FOREIGN KEY ("chain_node_id") REFERENCES "public"."chain_segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_chain_node_idx" ON "projects" USING btree ("chain_node_id") WHERE "chain_node_id" IS NOT NULL;
