/** The Intercom-Version the dashboard speaks unless configured otherwise. */
export const DEFAULT_INTERCOM_VERSION = "2.14";
/** POST /tickets/{id}/change_type exists only from this version (and in Unstable). */
export const CHANGE_TYPE_VERSION = "2.16";
