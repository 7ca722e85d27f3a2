import { CAPABILITIES, isCapability } from "../../contract/capabilities.js";
import { Store } from "../../store/store.js";
import type { ErrorCode } from "../../errors/remote-store-error.js";
import { assert, assertEqual, expectError, show } from "../assert.js";
import { expectContent, tryMutate } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "identity-and-lifecycle" as const;

/** spec/backend.md BE-001 and spec/store.md ST-001..ST-003: what a backend is, and how a Store wraps it. */
export const identityCases: readonly ConformanceCase[] = [
  {
    id: "CONF-001",
    area,
    title: "backend.name is a non-empty string",
    needs: [],
    run: (ctx) => {
      assert(typeof ctx.backend.name === "string" && ctx.backend.name.length > 0, `backend.name: expected a non-empty string, got ${show(ctx.backend.name)}`);
    },
  },
  {
    id: "CONF-002",
    area,
    title: "backend.capabilities is a Set of known capability names",
    needs: [],
    run: (ctx) => {
      const caps: unknown = ctx.backend.capabilities;
      assert(caps instanceof Set, `backend.capabilities: expected a Set, got ${show(caps)}`);
      for (const cap of caps as Set<unknown>) assert(isCapability(cap), `backend.capabilities contains an unknown capability ${show(cap)}`);
    },
  },
  {
    id: "CONF-003",
    area,
    title: "backend.capabilities cannot be changed by a caller",
    needs: [],
    run: (ctx) => {
      const caps = ctx.backend.capabilities as Set<string>;
      const before = [...caps].sort();
      const missing = CAPABILITIES.find((cap) => !caps.has(cap));
      tryMutate(() => caps.add(missing ?? "read"));
      for (const cap of before) tryMutate(() => caps.delete(cap));
      tryMutate(() => caps.clear());
      assertEqual([...caps].sort().join(","), before.join(","), "capabilities after attempted changes");
    },
  },
  {
    id: "CONF-005",
    area,
    title: "store.supports(cap) agrees with the declared capabilities (glob also whenever list is declared)",
    needs: [],
    run: (ctx) => {
      const declared = ctx.backend.capabilities;
      for (const cap of CAPABILITIES) {
        const expected = declared.has(cap) || (cap === "glob" && declared.has("list"));
        assertEqual(ctx.store.supports(cap), expected, `supports(${JSON.stringify(cap)})`);
      }
    },
  },
  {
    id: "CONF-006",
    area,
    title: "store.backend is the backend given and store.rootPath the normalised root",
    needs: [],
    run: (ctx) => {
      assert(ctx.store.backend === ctx.backend, "store.backend is not the backend passed to the constructor");
      assertEqual(ctx.store.rootPath, ctx.rootPath, "store.rootPath");
    },
  },
  {
    id: "CONF-007",
    area,
    title: "a rootPath is normalised; every spelling of nothing is the backend root",
    needs: [],
    run: (ctx) => {
      for (const spelling of ["", ".", "/", "./", "//", "./."]) {
        assertEqual(new Store({ backend: ctx.backend, rootPath: spelling }).rootPath, "", `rootPath of ${JSON.stringify(spelling)}`);
      }
      assertEqual(new Store({ backend: ctx.backend }).rootPath, "", "rootPath when omitted");
      assertEqual(new Store({ backend: ctx.backend, rootPath: "/a//b/" }).rootPath, "a/b", 'rootPath of "/a//b/"');
      assertEqual(new Store({ backend: ctx.backend, rootPath: "a\\b\\.\\c" }).rootPath, "a/b/c", 'rootPath of "a\\\\b\\\\.\\\\c"');
    },
  },
  {
    id: "CONF-008",
    area,
    title: "new Store rejects an unsafe rootPath (InvalidPath) and wrong argument types (TypeError)",
    needs: [],
    run: async (ctx) => {
      for (const bad of ["..", "a/../b", "../a", "a/..", "a\0b"]) {
        await expectError(() => new Store({ backend: ctx.backend, rootPath: bad }), "INVALID_PATH");
      }
      await expectError(() => new Store({ backend: ctx.backend, rootPath: 42 as never }), "TypeError");
      await expectError(() => new Store({ backend: undefined as never }), "TypeError");
      await expectError(() => new Store(undefined as never), "TypeError");
    },
  },
  {
    id: "CONF-009",
    area,
    title: "two stores over one backend with equivalent roots see the same files",
    needs: ["read", "write"],
    run: async (ctx) => {
      await ctx.store.write("shared.txt", "shared");
      const other = new Store({ backend: ctx.backend, rootPath: `/${ctx.rootPath}/` });
      assertEqual(other.rootPath, ctx.rootPath, "rootPath of the second store");
      await expectContent(other, "shared.txt", "shared");
    },
  },
  {
    id: "CONF-010",
    area,
    title: "errors from backend operations name the backend (error.backend === backend.name)",
    needs: ["read", "write"],
    run: async (ctx) => {
      await ctx.store.write("dir/a.txt", "a");
      const failures: [string, () => Promise<unknown>, ErrorCode][] = [
        ["read missing", () => ctx.store.readBytes("missing.txt"), "NOT_FOUND"],
        ["write existing", () => ctx.store.write("dir/a.txt", "b"), "ALREADY_EXISTS"],
        ["read folder", () => ctx.store.readBytes("dir"), "INVALID_PATH"],
      ];
      for (const [label, call, code] of failures) {
        const error = await expectError(call, code);
        assertEqual((error as { backend?: unknown }).backend, ctx.backend.name, `${label}: error.backend`);
      }
    },
  },
];
