import type { IconName } from '../icons/paths.ts';
import type { RouteId } from '../router.ts';

export interface NavItem {
  id: RouteId;
  label: string;
  icon: IconName;
  /** The screen's content comes from the home server (unavailable while it is offline). */
  needsServer?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'talk', label: 'Talk', icon: 'talk' },
  { id: 'library', label: 'Library', icon: 'library', needsServer: true },
  { id: 'memory', label: 'Memory', icon: 'memory' },
  { id: 'personas', label: 'Personas', icon: 'personas' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
