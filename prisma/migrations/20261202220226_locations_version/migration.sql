-- CreateTable
CREATE TABLE "LocationsVersion" (
    "shop" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "LocationsVersion_pkey" PRIMARY KEY ("shop")
);


-- Decision 046: every write to a shop's Location or LocationProfile rows, by any path (Prisma,
-- plain SQL, a migration), moves the shop's version on in the same transaction. Once per statement,
-- whatever its rows: a full locations sync is one bump, not two thousand.
CREATE SEQUENCE "LocationsVersion_seq";

-- After an insert or update: the shops written get a new version (a row if they had none).
CREATE FUNCTION "locations_version_after_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LocationsVersion" ("shop", "version")
  SELECT "shop", nextval('"LocationsVersion_seq"') FROM (SELECT DISTINCT "shop" FROM "changed") AS shops
  ON CONFLICT ("shop") DO UPDATE SET "version" = EXCLUDED."version";
  RETURN NULL;
END
$$;

-- After a delete: only a shop that still has a version gets a new one, so erasing a shop's rows
-- (shop/redact) leaves no version row behind whatever order its tables are erased in.
CREATE FUNCTION "locations_version_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "LocationsVersion" SET "version" = nextval('"LocationsVersion_seq"')
   WHERE "shop" IN (SELECT DISTINCT "shop" FROM "changed");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Location_version_insert" AFTER INSERT ON "Location"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_write"();
CREATE TRIGGER "Location_version_update" AFTER UPDATE ON "Location"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_write"();
CREATE TRIGGER "Location_version_delete" AFTER DELETE ON "Location"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_delete"();
CREATE TRIGGER "LocationProfile_version_insert" AFTER INSERT ON "LocationProfile"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_write"();
CREATE TRIGGER "LocationProfile_version_update" AFTER UPDATE ON "LocationProfile"
  REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_write"();
CREATE TRIGGER "LocationProfile_version_delete" AFTER DELETE ON "LocationProfile"
  REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "locations_version_after_delete"();
