/** Storage limits; `validate` enforces them too, so a query it accepts can always be saved and shared. */
export const MAX_TEXT_LENGTH = 1000;
export const MAX_LIST_VALUES = 200;

/** Why a search value with a control character (or U+0000, which the database refuses) is not accepted. */
export const CONTROL_MESSAGE = "Search values cannot contain control characters other than tabs and line breaks";
