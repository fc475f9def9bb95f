/** `npm run sandbox`: the embedded Intercom sandbox on its own. */
import { startSandbox } from "./index";

const started = Date.now();
const running = await startSandbox({
  seed: process.env.SANDBOX_SEED ?? undefined,
  scale: process.env.SANDBOX_SCALE ? Number(process.env.SANDBOX_SCALE) : undefined,
  redirectOrigins: process.env.SANDBOX_REDIRECT_ORIGINS?.split(",")
    .map((s) => s.trim())
    .filter(Boolean),
});
console.log(`Intercom sandbox listening on ${running.url} (ready in ${Date.now() - started} ms)`);
for (const ws of running.workspaces) {
  console.log(`  ${ws.name.padEnd(20)} region ${ws.region}  id_code ${ws.id_code}  token ${ws.access_token}`);
}
console.log(`Try: curl -H "Authorization: Bearer ${running.workspaces[0].access_token}" ${running.url}/me`);

const shutdown = () => void running.stop().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
