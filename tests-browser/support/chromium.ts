/**
 * How the browser tests start Chromium (spec/browser.md BR-020): the Debian package's binary, never
 * a downloaded browser, with flags for a headless CI box (no sandbox for root in containers, no
 * GPU, no background network traffic). Shared by `vitest.browser.config.ts` and `tests/e2e/`.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags passed to every Chromium the tests launch. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
