/**
 * The form an admin page posts, or a 400 thrown for a body that is no form (JSON, nothing, a
 * broken multipart): `request.formData()` throws on those, and a client's mistake is not a 500.
 * Thrown, so each action's own answers keep their types.
 */
export async function readAdminForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw Response.json(
      { error: "Send the form as application/x-www-form-urlencoded or multipart/form-data" },
      { status: 400 },
    );
  }
}
