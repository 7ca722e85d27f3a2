import type { WrapperIssue } from "../../registry/store-wrappers.js";
import { OptionProblems } from "./option-problems.js";

/** The problems a checker finds in a config value, as registry issues relative to the wrapper's key (spec REG-110). */
export function wrapperIssues(check: (problems: OptionProblems) => void): readonly WrapperIssue[] {
  const problems = new OptionProblems();
  check(problems);
  return problems.list.map(({ path, message }) => ({ path: path.slice(1), message }));
}
