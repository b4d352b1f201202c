/**
 * The template language admins write in: plain text with `{variable}` placeholders. Braces are
 * reserved (no escapes: an SMS hardly needs one, and `{` `}` cost two GSM-7 septets each), so a
 * lone `{` or `}` is a mistake and refused, as is a placeholder across a line break. A line in
 * which some variable has no value (no support phone configured, no resolution summary) is left
 * out whole, which is how "Support: …" disappears when `SUPPORT_PHONE` is unset.
 */

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string; index: number };

export type TemplateProblem =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'unknown_variable'; variable: string; index: number }
  | { code: 'empty_variable'; index: number }
  | { code: 'unclosed_brace'; index: number }
  | { code: 'unopened_brace'; index: number };
export type TemplateProblemCode = TemplateProblem['code'];

export type Parsed = { ok: true; parts: TemplatePart[]; variables: string[] } | { ok: false; problem: TemplateProblem };

/** Splits a template into text and placeholders; the first brace problem refuses it. */
export function parseTemplate(source: string): Parsed {
  const parts: TemplatePart[] = [];
  const variables: string[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '}') return { ok: false, problem: { code: 'unopened_brace', index: i } };
    if (ch !== '{') {
      text += ch;
      i += 1;
      continue;
    }
    const close = source.indexOf('}', i + 1);
    const inner = close === -1 ? '' : source.slice(i + 1, close);
    if (close === -1 || /[{\n]/.test(inner)) return { ok: false, problem: { code: 'unclosed_brace', index: i } };
    const name = inner.trim();
    if (name === '') return { ok: false, problem: { code: 'empty_variable', index: i } };
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'variable', name, index: i });
    if (!variables.includes(name)) variables.push(name);
    i = close + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return { ok: true, parts, variables };
}

/** The first problem of a template for the given variables, or null when it is fine. */
export function checkTemplate(source: string, allowed: readonly string[], options: { maxLength: number }): TemplateProblem | null {
  if (source.trim() === '') return { code: 'required' };
  if (source.length > options.maxLength) return { code: 'too_long', max: options.maxLength };
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed.problem;
  for (const part of parsed.parts) {
    if (part.kind === 'variable' && !allowed.includes(part.name)) return { code: 'unknown_variable', variable: part.name, index: part.index };
  }
  return null;
}

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

const isEmpty = (v: string | number | null | undefined) => v === null || v === undefined || String(v).trim() === '';

/**
 * Fills a template in. Lines with a variable that has no value are dropped. A malformed line
 * never reaches here in practice (templates are checked when saved) but loses its braces rather
 * than showing them to a complainant.
 */
export function renderTemplate(source: string, values: TemplateValues): string {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const parsed = parseTemplate(line);
    if (!parsed.ok) {
      out.push(line.replace(/[{}]/g, ''));
      continue;
    }
    if (parsed.variables.some((name) => isEmpty(values[name]))) continue;
    out.push(parsed.parts.map((p) => (p.kind === 'text' ? p.text : String(values[p.name]))).join(''));
  }
  return out.join('\n');
}
