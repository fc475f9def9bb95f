import { cn } from "@/lib/cn";

/**
 * A message body. The HTML was sanitised on the server (lib/records/sanitize.ts): only
 * formatting, links, inline images and held-back remote ones remain, so it is safe to render
 * as markup. A held-back image has no source yet: its alt text stands in, in a dashed box.
 */
export function HtmlBody({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={cn(
        "break-words text-sm leading-relaxed [&_a]:text-primary [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_img]:max-h-64 [&_img]:max-w-full [&_img]:rounded [&_img[data-remote-src]]:inline-block [&_img[data-remote-src]]:border [&_img[data-remote-src]]:border-dashed [&_img[data-remote-src]]:px-1.5 [&_img[data-remote-src]]:text-xs [&_img[data-remote-src]]:text-muted-foreground [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-muted [&_pre]:p-2 [&_ul]:list-disc",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
