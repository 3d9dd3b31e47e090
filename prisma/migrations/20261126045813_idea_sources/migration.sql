-- Ideas collected on paper or at assemblies keep where they came from.
ALTER TABLE "Idea" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'online';
ALTER TABLE "Idea" ADD COLUMN "sourceNote" TEXT NOT NULL DEFAULT '';
