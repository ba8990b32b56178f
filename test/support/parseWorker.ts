// Child process for the parser fuzz test: parses the sources it is sent and reports how each ended, so a hang can be killed from outside.
import { type OurRecord, type ParseMode, loadFrontEnd, runOurs } from "./frontEnd";

interface Request {
  id: number;
  source: string;
  mode: ParseMode;
  /** When set, the source is these bytes, decoded with decodeSource first (as a file is). */
  bytes?: number[];
  /** Also return the comparison record (dump sha1 or error attributes), for differential tests. */
  record?: boolean;
}

/** "tree" | "syntax" (a PySyntaxError) | "crash" (anything else, with its message and stack). */
export interface Reply {
  id: number;
  outcome: "tree" | "syntax" | "crash";
  message: string;
  ms: number;
  record?: OurRecord;
}

async function main(): Promise<void> {
  const fe = await loadFrontEnd();
  process.on("message", (req: Request) => {
    const t0 = performance.now();
    let outcome: Reply["outcome"] = "tree";
    let message = "";
    try {
      const source = req.bytes ? fe.decodeSource(Uint8Array.from(req.bytes), "<fuzz>") : req.source;
      fe.parse(source, "<fuzz>", req.mode);
    } catch (e) {
      if (e instanceof fe.PySyntaxError) {
        outcome = "syntax";
        message = `${e.kind}: ${e.msg}`;
      } else {
        outcome = "crash";
        const err = e instanceof Error ? e : new Error(String(e));
        message = `${err.name}: ${err.message}\n${(err.stack ?? "").split("\n").slice(1, 8).join("\n")}`;
      }
    }
    const reply: Reply = { id: req.id, outcome, message, ms: performance.now() - t0 };
    if (req.record && outcome !== "crash") {
      reply.record = runOurs(fe, req.bytes ? Uint8Array.from(req.bytes) : new TextEncoder().encode(req.source), "<fuzz>");
    }
    process.send!(reply);
  });
  process.send!({ id: -1, outcome: "tree", message: "ready", ms: 0 } satisfies Reply);
}

main().catch((e: unknown) => {
  process.send!({ id: -1, outcome: "crash", message: String((e as Error).message ?? e), ms: 0 } satisfies Reply);
});
