import type { RouteAction } from '../../domain/permissions';
import type { MessageKey } from '../i18n';

/**
 * A page of the menu, and the action (src/domain/permissions.ts) a user needs to see it: the menu
 * and the router show only the pages the user's actions (/api/auth/me) allow. Pages without a
 * component show the "coming soon" state.
 */
export interface Feature {
  path: string;
  label: MessageKey;
  /** Needed to see the page; business pages need `read`. */
  action: RouteAction;
  children?: Feature[];
}

export const FEATURES: Feature[] = [
  { path: '/dashboard', label: 'menu.dashboard', action: 'read' },
  {
    path: '/projects',
    label: 'menu.projects',
    action: 'read',
    children: [
      { path: '/projects/planned', label: 'menu.projects.planned', action: 'read' },
      { path: '/projects/negotiating', label: 'menu.projects.negotiating', action: 'read' },
      { path: '/projects/intent', label: 'menu.projects.intent', action: 'read' },
      { path: '/projects/signed', label: 'menu.projects.signed', action: 'read' },
      { path: '/projects/landed', label: 'menu.projects.landed', action: 'read' },
    ],
  },
  { path: '/enterprises', label: 'menu.enterprises', action: 'read' },
  { path: '/chains', label: 'menu.chains', action: 'read' },
  { path: '/factors', label: 'menu.factors', action: 'read' },
  { path: '/inquiries', label: 'inquiries.menu', action: 'read' },
  { path: '/services', label: 'menu.services', action: 'read' },
  { path: '/activities', label: 'menu.activities', action: 'read' },
  { path: '/partners', label: 'menu.partners', action: 'read' },
  { path: '/assessment', label: 'menu.assessment', action: 'read' },
  { path: '/coordination', label: 'menu.coordination', action: 'read' },
  { path: '/policies', label: 'menu.policies', action: 'read' },
  { path: '/security', label: 'menu.security', action: 'security.manage' },
  { path: '/audit', label: 'menu.audit', action: 'audit.read' },
  { path: '/notifications', label: 'menu.notifications', action: 'signed-in' },
  {
    path: '/admin',
    label: 'menu.admin',
    action: 'admin',
    children: [
      { path: '/admin/users', label: 'menu.admin.users', action: 'admin' },
      { path: '/admin/units', label: 'menu.admin.units', action: 'admin' },
      { path: '/admin/regions', label: 'menu.admin.regions', action: 'admin' },
    ],
  },
];

/** The features a user with these actions may see (a group with no permitted page is dropped). */
export function permittedFeatures(actions: ReadonlySet<string>, features: Feature[] = FEATURES): Feature[] {
  return features.flatMap((f) => {
    if (!actions.has(f.action)) return [];
    if (!f.children) return [f];
    const children = permittedFeatures(actions, f.children);
    return children.length ? [{ ...f, children }] : [];
  });
}

/** Every leaf page, flattened. */
export function leafFeatures(features: Feature[] = FEATURES): Feature[] {
  return features.flatMap((f) => (f.children ? leafFeatures(f.children) : [f]));
}

/** Where a user lands after signing in: the first page they may use (the notifications at worst). */
export function landingPath(actions: ReadonlySet<string>): string {
  return leafFeatures(permittedFeatures(actions))[0]?.path ?? '/notifications';
}
