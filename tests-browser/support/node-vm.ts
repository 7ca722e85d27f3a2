/**
 * Browser twin of the one `node:vm` function the tests use (spec/browser.md BR-022):
 * `runInNewContext(code)` evaluates `code` in a fresh same-origin iframe, which is a separate
 * realm with its own `Error`, `Object` and `Symbol.for` registry view, like a VM context.
 */
export function runInNewContext(code: string): unknown {
  const frame = document.createElement("iframe");
  frame.style.display = "none";
  document.body.append(frame);
  try {
    const realm = frame.contentWindow as (Window & { eval: (source: string) => unknown }) | null;
    if (realm === null) throw new Error("runInNewContext: the iframe has no window");
    return realm.eval(code);
  } finally {
    frame.remove();
  }
}
