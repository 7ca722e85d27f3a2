/** Types of eslint.layers.js (the layer rule's settings), for the test that checks the rule. */
export declare const LAYERS: readonly { readonly type: string; readonly folders: readonly string[] }[];
export declare const elements: readonly { readonly type: string; readonly pattern: string; readonly partialMatch: false }[];
export declare const dependencies: {
  readonly default: "disallow";
  readonly policies: readonly { readonly from: unknown; readonly allow: unknown }[];
};
