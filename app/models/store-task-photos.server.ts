import type { Prisma, StoreTaskKind, StoreTaskPhotoPurpose, StoreTaskState } from "@prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Photos associates take on POS (see StoreTaskPhoto in prisma/schema.prisma): an exception's
 * damaged item, a local delivery's proof. Scoped by shop; the image's bytes are read only by the
 * one query that serves them, never with the lists.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TaskPhotoSummary {
  id: string;
  taskId: string;
  purpose: StoreTaskPhotoPurpose;
  takenAt: Date;
}

export interface NewTaskPhoto {
  taskId: string;
  purpose: StoreTaskPhotoPurpose;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  staffMemberId: string | null;
  takenAt: Date;
  clientRequestId: string;
}

const SUMMARY = { id: true, taskId: true, purpose: true, takenAt: true } as const;

/**
 * Locks the task a photo is for until the transaction ends, so the same upload sent twice at
 * once is recorded once; its kind and state, or null when the shop has no such task at the location.
 */
export async function lockTaskForPhoto(
  tx: Db,
  shop: string,
  locationId: string,
  taskId: string,
): Promise<{ kind: StoreTaskKind; state: StoreTaskState } | null> {
  if (!UUID.test(taskId)) return null;
  const rows = await tx.$queryRaw<{ kind: StoreTaskKind; state: StoreTaskState }[]>`
    SELECT kind, state FROM "StoreTask"
     WHERE id = ${taskId}::uuid AND shop = ${shop} AND "locationId" = ${locationId}
       FOR UPDATE`;
  return rows[0] ?? null;
}

/** The photo a POS request recorded, by the request's id; null when the shop has none. */
export function findTaskPhotoByRequest(
  db: Db,
  shop: string,
  clientRequestId: string,
): Promise<TaskPhotoSummary | null> {
  return db.storeTaskPhoto.findUnique({
    where: { shop_clientRequestId: { shop, clientRequestId } },
    select: SUMMARY,
  });
}

export function createTaskPhoto(db: Db, shop: string, photo: NewTaskPhoto): Promise<TaskPhotoSummary> {
  return db.storeTaskPhoto.create({ data: { shop, ...photo }, select: SUMMARY });
}

/** The photos of the shop's tasks, without their bytes, oldest first. */
export function photosOfTasks(db: Db, shop: string, taskIds: readonly string[]): Promise<TaskPhotoSummary[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.storeTaskPhoto.findMany({
    where: { shop, taskId: { in: [...taskIds] } },
    select: SUMMARY,
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
  });
}

/** One photo's image; null for an id that is no photo of the shop's. */
export function findTaskPhotoImage(
  db: Db,
  shop: string,
  photoId: string,
): Promise<{ contentType: string; bytes: Uint8Array<ArrayBuffer> } | null> {
  if (!UUID.test(photoId)) return Promise.resolve(null);
  return db.storeTaskPhoto.findFirst({ where: { id: photoId, shop }, select: { contentType: true, bytes: true } });
}
