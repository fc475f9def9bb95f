import "server-only";
import sanitizeHtml from "sanitize-html";

/**
 * Message bodies from Intercom are untrusted HTML (a customer can write anything). Only
 * formatting survives: no scripts, no event handlers, no styles, no frames, and links and
 * images only over http(s) (mailto for links). Done once on the server, so the browser
 * only ever receives cleaned markup.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "img",
    "hr",
    "span",
    "div",
  ],
  allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "width", "height"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // An image with a relative or missing source would load from the dashboard itself: dropped.
  exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//i.test(frame.attribs.src ?? ""),
  // Links open outside the dashboard and carry no referrer.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }, true) },
};

export function sanitizeBody(html: string | null | undefined): string | null {
  if (html === null || html === undefined || html.trim() === "") return null;
  return sanitizeHtml(html, { ...OPTIONS, allowedAttributes: { ...OPTIONS.allowedAttributes, a: ["href", "title", "target", "rel"] } });
}
