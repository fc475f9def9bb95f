"use client";

import { Braces, ClipboardCopy, Terminal } from "lucide-react";
import { useState } from "react";
import { toast } from "@/lib/notify";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { Catalogue } from "@/lib/search/catalogue";
import { fromIntercom } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import type { GroupNode, IntercomQuery } from "@/lib/search/model";

interface Props {
  resource: Resource;
  /** The exact query the builder would send, or null while it is not valid. */
  query: IntercomQuery | null;
  perPage: number;
  apiBase: string;
  version: string;
  catalogue: Catalogue;
  onImport: (root: GroupNode) => void;
  /** Called as the panel opens, so relative dates show against the current time. */
  onOpen?: () => void;
}

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error("The browser did not allow copying; select the text and copy it instead.");
  }
}

export function curlFor(apiBase: string, resource: Resource, version: string, body: unknown): string {
  const json = JSON.stringify(body).replace(/'/g, "'\\''");
  return [
    `curl -X POST '${apiBase}/${resource}/search'`,
    `  -H "Authorization: Bearer $INTERCOM_TOKEN"`,
    `  -H 'Accept: application/json' -H 'Content-Type: application/json'`,
    `  -H 'Intercom-Version: ${version}'`,
    `  -d '${json}'`,
  ].join(" \\\n");
}

/** The query as Intercom's JSON: read it, copy it (or a curl command), or paste JSON to build from. */
export function JsonPanel({ resource, query, perPage, apiBase, version, catalogue, onImport, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const body = query ? { query, pagination: { per_page: perPage } } : null;
  const shown = body ? JSON.stringify(body.query, null, 2) : "";

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          onOpen?.();
          setText(shown);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Braces aria-hidden="true" /> JSON
        </Button>
      </DialogTrigger>
      <DialogContent className="w-[min(44rem,calc(100vw-2rem))]">
        <DialogTitle>Search as JSON</DialogTitle>
        <DialogDescription>
          The exact query sent to Intercom&apos;s {resource} search. Edit it or paste one, then apply it to the builder.
        </DialogDescription>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            // A form of its own: its submit (bubbling through the portal in React's tree) reaches no other form.
            e.preventDefault();
            e.stopPropagation();
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch (err) {
              setError(`That is not valid JSON: ${(err as Error).message}`);
              return;
            }
            const result = fromIntercom(json, resource, catalogue);
            if (!result.ok) {
              setError(
                result.path && result.path.length
                  ? `${result.reason} (at filter ${result.path.map((i) => i + 1).join(".")})`
                  : result.reason,
              );
              return;
            }
            onImport(result.query.root);
            setOpen(false);
            toast.success("Query imported into the builder");
          }}
        >
          <Label htmlFor="search-json">Query JSON</Label>
          {!body && (
            <p className="text-xs text-muted-foreground">
              The builder has filters that need attention, so there is no query to show yet. You can still paste one.
            </p>
          )}
          <Textarea
            id="search-json"
            className="h-72 font-mono text-xs"
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "search-json-error" : undefined}
          />
          {error && (
            <Alert variant="destructive" id="search-json-error">
              <p>{error}</p>
            </Alert>
          )}
          <DialogFooter className="justify-between sm:justify-between">
            <div className="flex gap-2">
              <Button variant="outline" size="sm" disabled={!body} onClick={() => void copy(shown, "JSON")}>
                <ClipboardCopy aria-hidden="true" /> Copy JSON
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={!body}
                onClick={() => void copy(curlFor(apiBase, resource, version, body), "curl command")}
              >
                <Terminal aria-hidden="true" /> Copy as curl
              </Button>
            </div>
            <Button type="submit" size="sm">
              Apply to builder
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
