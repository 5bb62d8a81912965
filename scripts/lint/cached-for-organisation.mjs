// ESLint rule: every "use cache" function checks its organisation key before it reads anything.
// Next runs a "use cache" function as a server function for any POST naming it, with arguments the
// caller chooses (see lib/cache/tags.ts); `cachedForOrganisation(organisation, …)` refuses a key this
// server did not make. So the function must take the key (its first parameter, or the `organisation`
// property of it for a component) and hand it to `cachedForOrganisation` before its first `await`.
// A whole file marked "use cache" is refused: each function must be checked on its own.

const CHECK = "cachedForOrganisation";

/** Whether `node` (a statement or expression) contains an `await`, not counting nested functions. */
function containsAwait(node) {
  if (!node || typeof node.type !== "string") return false;
  if (node.type === "AwaitExpression") return true;
  if (node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || node.type === "FunctionDeclaration") return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent") continue;
    const children = Array.isArray(value) ? value : [value];
    if (children.some((child) => child && typeof child === "object" && containsAwait(child))) return true;
  }
  return false;
}

/** The names the first parameter provides as the key: itself, or its destructured `organisation`. */
function keyNames(params) {
  const first = params[0];
  if (!first) return [];
  const param = first.type === "AssignmentPattern" ? first.left : first;
  if (param.type === "Identifier") return [param.name];
  if (param.type === "ObjectPattern") {
    return param.properties
      .filter((p) => p.type === "Property" && p.key.type === "Identifier" && p.key.name === "organisation" && p.value.type === "Identifier")
      .map((p) => p.value.name);
  }
  return [];
}

/** The `cachedForOrganisation(…)` call a top-level statement makes, if it is one. */
function checkCallOf(statement) {
  let expression;
  if (statement.type === "ExpressionStatement") expression = statement.expression;
  else if (statement.type === "VariableDeclaration" && statement.declarations.length === 1) expression = statement.declarations[0].init;
  return expression?.type === "CallExpression" && expression.callee.type === "Identifier" && expression.callee.name === CHECK ? expression : undefined;
}

function isUseCache(statement) {
  return typeof statement.directive === "string" && statement.directive.startsWith("use cache");
}

/** @type {import("eslint").Rule.RuleModule} */
export const cachedForOrganisationRule = {
  meta: {
    type: "problem",
    docs: { description: 'A "use cache" function hands its organisation key to cachedForOrganisation before it awaits anything.' },
    schema: [],
    messages: {
      fileLevel: 'Mark each cached function "use cache" on its own, with its organisation key checked; a whole file is refused.',
      missing: 'A "use cache" function starts with `' + CHECK + "(organisation, …)` on its first parameter (or that parameter's `organisation`), before any await.",
    },
  },
  create(context) {
    function checkFunction(node) {
      const body = node.body;
      if (!body || body.type !== "BlockStatement") return;
      const directives = body.body.filter((s) => typeof s.directive === "string");
      if (!directives.some(isUseCache)) return;
      const names = keyNames(node.params);
      for (const statement of body.body.slice(directives.length)) {
        const call = checkCallOf(statement);
        if (call) {
          const [first] = call.arguments;
          if (first?.type === "Identifier" && names.includes(first.name)) return;
          break;
        }
        if (containsAwait(statement)) break;
      }
      context.report({ node: directives.find(isUseCache), messageId: "missing" });
    }
    return {
      Program(program) {
        for (const statement of program.body) {
          if (typeof statement.directive !== "string") break;
          if (isUseCache(statement)) context.report({ node: statement, messageId: "fileLevel" });
        }
      },
      FunctionDeclaration: checkFunction,
      FunctionExpression: checkFunction,
      ArrowFunctionExpression: checkFunction,
    };
  },
};

const plugin = { rules: { "cached-for-organisation": cachedForOrganisationRule } };
export default plugin;
