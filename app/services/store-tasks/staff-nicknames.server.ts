import prisma from "~/db.server";
import { setStaffNickname } from "~/models/staff-nicknames.server";

/** Naming POS staff members on the Stores page's leaderboard. */

export const NICKNAME_MAX_LENGTH = 40;

export type NicknameOutcome = { ok: true } | { ok: false; errors: { staffMemberId?: string; nickname?: string } };

/** Gives the staff member a nickname; an empty one removes it (they show as "Staff 12345" again). */
export async function nameStaffMember(
  shop: string,
  staffMemberId: string | undefined,
  nickname: string | undefined,
): Promise<NicknameOutcome> {
  if (!staffMemberId || !/^\d{1,20}$/.test(staffMemberId)) {
    return { ok: false, errors: { staffMemberId: "Choose a staff member from the leaderboard" } };
  }
  const name = (nickname ?? "").trim();
  if (name.length > NICKNAME_MAX_LENGTH) {
    return { ok: false, errors: { nickname: `Keep the name to ${NICKNAME_MAX_LENGTH} characters or fewer` } };
  }
  await setStaffNickname(prisma, shop, staffMemberId, name === "" ? null : name);
  return { ok: true };
}
