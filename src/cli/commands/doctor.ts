import { randomBytes } from "node:crypto";
import { Command } from "commander";
import { joinPath } from "../../paths/index.js";
import type { ConformanceFailure, ConformanceSkip } from "../../testing/portable.js";
import { failuresError, usageError } from "../errors/cli-errors.js";
import { requireFolder } from "./inspect-location.js";
import { removeScratch } from "./doctor-cleanup.js";
import { residueLine, residueOf, type DoctorResidue } from "./doctor-residue.js";
import { doctorTarget } from "./doctor-target.js";
import { collect, examples, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface DoctorOptions {
  readonly only?: string[];
  readonly json?: boolean;
}

/** `doctor <store> [--only ID]... [--json]` (spec CLI-055, CLI-057, CLI-058). */
export function doctorCommand(run: Runner): Command {
  return new Command("doctor")
    .description("run the backend conformance checks against a store's backend and print the problems")
    .argument("[store]", "store name, location or URL (default: the default store)", "")
    .option("--only <id>", "run only this case (repeatable), e.g. CONF-010", collect)
    .addOption(jsonOption())
    .addHelpText("after", examples(["remote-store doctor reports", "remote-store doctor file:./scratch", "remote-store doctor memory:// --only CONF-010 --only CONF-011"]))
    .action(
      run<DoctorOptions>(async (ctx, [spec], options) => {
        const { CONFORMANCE_CASES, runConformance } = await import("../../testing/portable.js");
        const known = new Set(CONFORMANCE_CASES.map((testCase) => testCase.id));
        const unknown = (options.only ?? []).filter((id) => !known.has(id));
        if (unknown.length > 0) throw usageError(`unknown case id: ${unknown.join(", ")} (ids look like ${CONFORMANCE_CASES[0]?.id ?? "CONF-001"})`);
        if (spec !== "") await requireFolder(ctx.session.storeLocation(spec as string), "doctor");
        const target = doctorTarget(ctx.session, spec as string, ctx.io.env, ctx.io.cwd);
        const probe = await target.create();
        const capabilities = [...probe.capabilities];
        let residue: DoctorResidue[];
        try {
          residue = await residueOf(probe);
        } finally {
          await probe.close();
        }
        const rootPath = joinPath(target.rootPath, `remote-store-doctor-${randomBytes(4).toString("hex")}`);
        const ids = options.only ?? [...known];
        const failed: ConformanceFailure[] = [];
        const skipped: ConformanceSkip[] = [];
        let passed = 0;
        using interrupt = ctx.interrupt();
        const progress = ctx.progress("doctor", "cases");
        try {
          for (const [index, id] of ids.entries()) {
            interrupt.check();
            progress.update({ filesDone: index, filesTotal: ids.length, bytesDone: 0, bytesTotal: 0 });
            // Each case below a folder of its own, removed as soon as the case ends: the containment
            // check lists the whole backend around every case, so what earlier cases left would make
            // each check longer than the one before (CLI-057).
            const caseFolder = joinPath(rootPath, id.toLowerCase());
            const report = await runConformance({
              create: target.create,
              capabilities,
              rootPath: caseFolder,
              only: [id],
              ...(target.createWithQuota === undefined ? {} : { createWithQuota: target.createWithQuota }),
            });
            await removeScratch(target.create, caseFolder);
            passed += report.passed;
            failed.push(...report.failed);
            skipped.push(...report.skipped);
          }
          progress.update({ filesDone: ids.length, filesTotal: ids.length, bytesDone: 0, bytesTotal: 0 });
        } finally {
          progress.stop();
          await removeScratch(target.create, rootPath);
        }
        if (options.json === true) {
          await ctx.printJson({ passed, failed, skipped, residue });
        } else {
          await ctx.print([
            ...failed.map((failure) => `FAIL ${failure.id} ${failure.title}: ${failure.message}`),
            ...residue.map(residueLine),
            `${passed} passed, ${failed.length} failed, ${skipped.length} skipped`,
          ]);
        }
        if (failed.length > 0) throw failuresError(`doctor found ${failed.length} problem${failed.length === 1 ? "" : "s"}`);
      }),
    );
}
