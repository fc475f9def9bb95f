/**
 * Characters that have no place in short, single-line text a lead types (view names, search
 * values). PostgreSQL refuses U+0000 in text and jsonb outright; the other controls and the
 * invisible formatting marks let a name look like something it is not.
 */

/** C0 and C1 control characters, tab and line breaks included. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less tab, line feed and carriage return: whitespace pasted into longer text. */
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates, zero-width characters and marks, and the byte order mark. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** For single-line text such as names: any control character, tabs and line breaks too. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** For search values, where a pasted tab or line break is text to match: every other control character. */
export function hasNonWhitespaceControls(text: string): boolean {
  return CONTROL_BUT_WHITESPACE.test(text);
}

/** Removes the characters that reorder or hide text, which no one means to type. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
