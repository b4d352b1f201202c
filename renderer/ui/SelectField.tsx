import type { StaffDoc } from '../../shared/documents.ts';

export type Choice = { value: string; label: string };

/**
 * A labelled drop-down. `V` is the union its choices come from; the empty string is the "none
 * chosen" / "any" choice a caller may put first.
 */
export function SelectField<V extends string>(p: { label: string; testId: string; value: V; choices: readonly Choice[]; onChange(value: NoInfer<V>): void }) {
  return (
    <label className="field">
      <span className="field-label">{p.label}</span>
      {/* The choices are the caller's, so whatever the browser hands back is one of V. */}
      <select data-testid={p.testId} value={p.value} onChange={(e) => p.onChange(e.target.value as V)}>
        {p.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Choices of a string union, labelled by the translation key `<prefix>.<value>`. */
export const unionChoices = (values: readonly string[], label: (key: string) => string, prefix: string): Choice[] =>
  values.map((v) => ({ value: v, label: label(`${prefix}.${v}`) }));

export const staffChoices = (staff: readonly StaffDoc[]): Choice[] => staff.map((s) => ({ value: s.id, label: s.displayName || s.username }));
