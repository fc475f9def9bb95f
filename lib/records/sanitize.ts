import "server-only";
import sanitizeHtml from "sanitize-html";
import { HELD_SRC } from "./remote-images";

/**
 * Message bodies from Intercom are untrusted HTML (a customer can write anything). Only
 * formatting survives: no scripts, no event handlers, no styles, no frames, links only over
 * http(s) or mailto, and images either inline (`data:image/…`) or remote ones held back (see
 * lib/records/remote-images.ts). Nothing that survives makes the browser fetch anything by
 * itself: no `srcset`, `style`, `background`, `poster`, `<picture>`, `<video>` or `<link>`.
 * Done once on the server, so the browser only ever receives cleaned markup.
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
  allowedAttributes: { a: ["href", "title", "target", "rel"], img: ["alt", "width", "height", "src", HELD_SRC] },
  allowedSchemes: ["http", "https", "mailto"],
  // Only inline images keep a `src`; remote ones were moved to HELD_SRC by `image` below.
  allowedSchemesByTag: { img: ["data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // An image left with no source (relative, scripted, unknown scheme) would load from the dashboard itself or not at all.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs[HELD_SRC],
};

const INLINE_IMAGE = /^data:image\/(png|gif|jpe?g|webp|avif|bmp|svg\+xml)[;,]/i;

/** An image source as the browser would fetch it: absolute or protocol-relative (read as https), over http(s) only. */
function remoteUrl(src: string): URL | null {
  let url: URL;
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) url = new URL(src);
    else if (/^[\\/]{2}/.test(src)) url = new URL(src, "https://protocol-relative.invalid/");
    else return null;
  } catch {
    return null;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url : null;
}

export interface SanitizedBody {
  html: string;
  /** Hosts of the remote images held back, each once, in order of appearance. */
  imageHosts: string[];
}

export function sanitizeMessage(html: string | null | undefined): SanitizedBody | null {
  if (html === null || html === undefined || html.trim() === "") return null;
  const hosts = new Set<string>();
  // Every attribute of an image is rebuilt here, so a customer's own HELD_SRC, srcset or lowsrc never passes.
  const image: sanitizeHtml.Transformer = (tagName, attribs) => {
    const kept: sanitizeHtml.Attributes = {};
    for (const name of ["alt", "width", "height"]) if (attribs[name] !== undefined) kept[name] = attribs[name];
    const src = (attribs.src ?? "").trim();
    const remote = remoteUrl(src);
    if (remote) {
      hosts.add(remote.host);
      kept[HELD_SRC] = remote.href;
    } else if (INLINE_IMAGE.test(src)) {
      kept.src = src;
    }
    return { tagName, attribs: kept };
  };
  const out = sanitizeHtml(html, {
    ...OPTIONS,
    transformTags: {
      img: image,
      // Links open outside the dashboard and carry no referrer.
      a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }, true),
    },
  });
  return { html: out, imageHosts: [...hosts] };
}

export function sanitizeBody(html: string | null | undefined): string | null {
  return sanitizeMessage(html)?.html ?? null;
}
