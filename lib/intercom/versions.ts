/** The Intercom-Version the dashboard speaks unless configured otherwise. */
export const DEFAULT_INTERCOM_VERSION = "2.14";
/** POST /tickets/{id}/change_type exists only from this version (2.16 and Preview). */
export const CHANGE_TYPE_VERSION = "2.16";
