import type { MessageKey } from '../i18n';

/** A page of the menu. Pages without a component show the "coming soon" state. */
export interface Feature {
  path: string;
  label: MessageKey;
  adminOnly?: boolean;
  children?: Feature[];
}

export const FEATURES: Feature[] = [
  { path: '/dashboard', label: 'menu.dashboard' },
  {
    path: '/projects',
    label: 'menu.projects',
    children: [
      { path: '/projects/planned', label: 'menu.projects.planned' },
      { path: '/projects/negotiating', label: 'menu.projects.negotiating' },
      { path: '/projects/intent', label: 'menu.projects.intent' },
      { path: '/projects/signed', label: 'menu.projects.signed' },
      { path: '/projects/landed', label: 'menu.projects.landed' },
    ],
  },
  { path: '/enterprises', label: 'menu.enterprises' },
  { path: '/chains', label: 'menu.chains' },
  { path: '/factors', label: 'menu.factors' },
  { path: '/inquiries', label: 'inquiries.menu' },
  { path: '/services', label: 'menu.services' },
  { path: '/activities', label: 'menu.activities' },
  { path: '/partners', label: 'menu.partners' },
  { path: '/assessment', label: 'menu.assessment' },
  { path: '/coordination', label: 'menu.coordination' },
  { path: '/policies', label: 'menu.policies' },
  { path: '/notifications', label: 'menu.notifications' },
  {
    path: '/admin',
    label: 'menu.admin',
    adminOnly: true,
    children: [
      { path: '/admin/users', label: 'menu.admin.users', adminOnly: true },
      { path: '/admin/units', label: 'menu.admin.units', adminOnly: true },
      { path: '/admin/regions', label: 'menu.admin.regions', adminOnly: true },
    ],
  },
];

/** Every leaf page, flattened. */
export function leafFeatures(features: Feature[] = FEATURES): Feature[] {
  return features.flatMap((f) => (f.children ? leafFeatures(f.children) : [f]));
}
