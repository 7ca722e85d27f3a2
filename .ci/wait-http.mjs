// Waits until an HTTP server answers (any status) at the URL, polling every 100 ms, and fails
// after the deadline (seconds) — `node .ci/wait-http.mjs http://127.0.0.1:5000/ 60`. Used by
// .ci/run for moto_server (spec S3S-T03); a poll with a deadline, never a fixed sleep.
const [url, seconds = "60"] = process.argv.slice(2);
if (url === undefined) {
  console.error("usage: node .ci/wait-http.mjs <url> [deadline seconds]");
  process.exit(2);
}
const deadline = Date.now() + Number(seconds) * 1000;
let last = "";
while (Date.now() < deadline) {
  try {
    await (await fetch(url)).arrayBuffer();
    process.exit(0);
  } catch (error) {
    last = error instanceof Error ? `${error.message}${error.cause ? ` (${error.cause.code ?? error.cause})` : ""}` : String(error);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.error(`${url} did not answer within ${seconds} s (last: ${last})`);
process.exit(1);
