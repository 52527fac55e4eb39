import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '@/extension/settings';

/** The reader's settings, kept current when another page or tab changes them. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void readSettings().then(setSettings);
    return settingsItem.watch((value) => setSettings({ ...DEFAULT_SETTINGS, ...value }));
  }, []);
  return settings;
}
