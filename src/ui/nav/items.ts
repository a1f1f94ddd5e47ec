import type { IconName } from '../icons/paths.ts';
import type { RouteId } from '../router.ts';

export interface NavItem {
  id: RouteId;
  label: string;
  icon: IconName;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'talk', label: 'Talk', icon: 'talk' },
  { id: 'library', label: 'Library', icon: 'library' },
  { id: 'memory', label: 'Memory', icon: 'memory' },
  { id: 'personas', label: 'Personas', icon: 'personas' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
