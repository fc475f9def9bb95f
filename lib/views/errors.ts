import { HttpError } from "@/lib/http/errors";

/** The same answer for "no such view" and "not yours to see", so ids reveal nothing. */
export const viewNotFound = () =>
  new HttpError("view_not_found", "That view was not found. It may have been deleted, or it is not shared with you.");

export const viewReadOnly = () =>
  new HttpError(
    "view_read_only",
    "Only the teammate who shared this view can change or delete it. Save it as a new view to make your own copy.",
  );

export const invalidViewInput = (fields: Record<string, string>) =>
  new HttpError("invalid_input", "Some fields are not valid.", fields);
