/** A POS staff member as the merchant reads them: the name given on the Stores page, else "Staff 12345". */
export function staffName(staffMemberId: string, nickname?: string | null): string {
  return nickname?.trim() || `Staff ${staffMemberId}`;
}
