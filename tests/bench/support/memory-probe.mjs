/**
 * Preloaded (NODE_OPTIONS=--import) into the dashboard's processes by the memory benchmarks,
 * never by the dashboard itself: every 100 ms it writes the process's memory figures to
 * `$BENCH_MEMORY_DIR/<pid>.json`, and collects garbage when `$BENCH_MEMORY_DIR/gc` is touched
 * (the benchmark asks for that before its baseline only, so what a job leaves is still counted).
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

const dir = process.env.BENCH_MEMORY_DIR;
if (dir) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const file = path.join(dir, `${process.pid}.json`);
  const trigger = path.join(dir, "gc");
  let collected = 0;
  const timer = setInterval(() => {
    try {
      const asked = fs.statSync(trigger, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (asked > collected) {
        collected = asked;
        gc();
      }
      const m = process.memoryUsage();
      const figures = { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, collected };
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(figures));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // the folder is gone: the benchmark has ended
    }
  }, 100);
  timer.unref();
}
