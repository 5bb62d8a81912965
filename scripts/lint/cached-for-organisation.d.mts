import type { ESLint, Rule } from "eslint";

export declare const cachedForOrganisationRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
