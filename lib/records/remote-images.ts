/**
 * Remote images in message bodies are held back until the lead asks for them: loading one
 * tells its sender when the message was read, and from which address. The sanitiser moves a
 * remote image's source into this attribute, which no browser fetches from.
 */
export const HELD_SRC = "data-remote-src";

/**
 * The body with its held images' sources put back, sent without a referrer. Only works on
 * the sanitiser's own output: there every attribute value has its quotes and angle brackets
 * escaped and text has its angle brackets escaped, so `<img …>` and `data-remote-src="` only
 * ever match real tags and attributes.
 */
export function showRemoteImages(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => tag.replace(` ${HELD_SRC}="`, ' referrerpolicy="no-referrer" src="'));
}

/** Whether a held image is served over plain http, which the dashboard's CSP keeps blocked even once asked for. */
export function hasInsecureImages(html: string): boolean {
  return html.includes(` ${HELD_SRC}="http:`);
}
