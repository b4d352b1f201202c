import { describe, expect, it } from 'vitest';
import { rxSchemaFor } from './rx-schemas.ts';

describe('derived RxDB schemas', () => {
  it('let a nullable enum be null (a validator would refuse it otherwise)', () => {
    const priority = rxSchemaFor('slaConfigs').properties.priority as { type: unknown; enum: unknown[] };
    expect(priority.type).toEqual(['string', 'null']);
    expect(priority.enum).toContain(null);
    expect(priority.enum).toContain('urgent');
  });

  it('give every indexed string a maxLength', () => {
    const status = rxSchemaFor('complaints').properties.status as { maxLength?: number };
    expect(status.maxLength).toBe('WAITING_USER'.length);
  });
});
