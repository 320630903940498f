// Types for source-aliases.mjs (imported by the vitest configs, type-checked by cli/tsconfig.json).
export declare function sourceEntryPoints(): Record<string, string>;
export declare function sourceAliases(): { find: RegExp; replacement: string }[];
