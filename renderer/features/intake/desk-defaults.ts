import { CHANNELS, LANGUAGES, type Channel, type Language } from '../../../shared/enums.ts';
import { LocalStore } from '../../db/local-store.ts';
import { emptyIntake, type IntakeValues } from './intake-form.ts';

/**
 * What this workstation's intake form starts with: the source, channel and message language of
 * the last complaint taken here. A phone desk thus opens on channel "phone" and the source it
 * takes most, without a setting to configure. Kept in the device database: it belongs to the
 * desk (the workstation), whoever signs in and whichever hospital it serves.
 */
export type DeskDefaults = { sourceCode: string; channel: Channel; language: Language };

type DefaultsLocals = { 'intake.defaults': DeskDefaults };

export function intakeWith(defaults: DeskDefaults | null, fallbackLanguage: Language, activeSources: readonly string[]): IntakeValues {
  const empty = emptyIntake(fallbackLanguage);
  if (!defaults) return empty;
  return {
    ...empty,
    // A source since deactivated is not offered: the form starts without one.
    sourceCode: activeSources.includes(defaults.sourceCode) ? defaults.sourceCode : '',
    channel: CHANNELS.includes(defaults.channel) ? defaults.channel : empty.channel,
    language: LANGUAGES.includes(defaults.language) ? defaults.language : empty.language,
  };
}

export const defaultsOf = (v: IntakeValues): DeskDefaults => ({ sourceCode: v.sourceCode, channel: v.channel, language: v.language });

export class DeskDefaultsStore {
  private readonly store: LocalStore<DefaultsLocals>;

  constructor(deviceDb: unknown) {
    this.store = new LocalStore<DefaultsLocals>(deviceDb);
  }

  get(): Promise<DeskDefaults | null> {
    return this.store.get('intake.defaults');
  }

  set(d: DeskDefaults): Promise<void> {
    return this.store.set('intake.defaults', d);
  }
}
