-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Pledge_title_trgm_idx" ON "Pledge" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Mention_quote_trgm_idx" ON "Mention" USING GIN ("quote" gin_trgm_ops);

