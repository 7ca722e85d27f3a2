import { assert, assertEqual, expectRejection, fail, show } from "../assert.js";
import type { ConformanceCase } from "./types.js";
import { ROOT_SPELLINGS } from "./store-root.js";

const area = "url" as const;

function parse(url: unknown, label: string): URL {
  assert(typeof url === "string", `${label}: expected a string, got ${show(url)}`);
  try {
    return new URL(url);
  } catch {
    return fail(`${label}: ${JSON.stringify(url)} is not a valid URL`);
  }
}

/** The URL without its query and fragment (presigned URLs carry a changing signature there). */
function location(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** spec/store.md ST-100, ST-101: `url(p)`, an async file operation returning a URL string; the object need not exist. */
export const urlCases: readonly ConformanceCase[] = [
  {
    id: "CONF-445",
    area,
    title: "url(p) returns a URL string naming the file, whether or not it exists",
    needs: ["url", "write"],
    run: async (ctx) => {
      await ctx.store.write("dir/report.txt", "x");
      for (const path of ["dir/report.txt", "not/there.bin"]) {
        const url = parse(await ctx.store.url(path), `url(${JSON.stringify(path)})`);
        const name = path.slice(path.lastIndexOf("/") + 1);
        assert(url.pathname.endsWith(`/${name}`) || url.href.includes(name), `url(${JSON.stringify(path)}) = ${url.href} does not name ${name}`);
      }
    },
  },
  {
    id: "CONF-446",
    area,
    title: "url of every root spelling is InvalidPath with path \"\" (rejected)",
    needs: ["url"],
    run: async (ctx) => {
      for (const root of ROOT_SPELLINGS) await expectRejection(() => ctx.store.url(root), "INVALID_PATH", "");
    },
  },
  {
    id: "CONF-447",
    area,
    title: "url of a path with \"..\" is InvalidPath and of a non-string a TypeError (rejected)",
    needs: ["url"],
    run: async (ctx) => {
      await expectRejection(() => ctx.store.url("../x.txt"), "INVALID_PATH");
      await expectRejection(() => ctx.store.url(5 as never), "TypeError");
    },
  },
  {
    id: "CONF-448",
    area,
    title: "equivalent spellings (and a child's view of the same file) give the same location; different files differ",
    needs: ["url"],
    run: async (ctx) => {
      const a = location(parse(await ctx.store.url("sub/a.txt"), "url(sub/a.txt)"));
      assertEqual(location(parse(await ctx.store.url("/sub//a.txt/"), "url(/sub//a.txt/)")), a, "location of an equivalent spelling");
      assertEqual(location(parse(await ctx.store.child("sub").url("a.txt"), "child url(a.txt)")), a, "location through a child store");
      const b = location(parse(await ctx.store.url("sub/b.txt"), "url(sub/b.txt)"));
      assert(a !== b, `two files have the same URL location ${a}`);
    },
  },
];
