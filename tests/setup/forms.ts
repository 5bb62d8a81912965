// Form posts as the browser sends them, for tests that call server actions directly.

/** A FormData with one value per field, as a form with these inputs posts it. */
export function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
