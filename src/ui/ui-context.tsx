/** What every component reads: translator, UI language, theme. */
import React, { createContext, useContext, type ReactNode } from 'react';
import type { UiLanguage } from '../i18n/language.js';
import type { Translate } from '../i18n/translate.js';
import type { Theme } from './theme.js';

export interface UiContextValue {
  t: Translate;
  language: UiLanguage;
  theme: Theme;
}

const UiContext = createContext<UiContextValue | null>(null);

export function UiProvider({ value, children }: { value: UiContextValue; children: ReactNode }) {
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}

/** The translator, language and theme; throws outside the provider (a programming error). */
export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('useUi() used outside <UiProvider>');
  return value;
}
