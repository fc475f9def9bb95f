/** Storage limits; `validate` enforces them too, so a query it accepts can always be saved and shared. */
export const MAX_TEXT_LENGTH = 1000;
export const MAX_LIST_VALUES = 200;
