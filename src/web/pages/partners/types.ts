export interface Bilingual {
  zh: string;
  en: string;
}

export type PartnerKind = 'advisor' | 'chamber' | 'intermediary' | 'ambassador';
export type PartnerStatus = 'active' | 'inactive';

export interface Referral {
  id: string;
  partner: { id: string; name: string };
  project: { id: string; code: string; name: string; stage: string };
  referredOn: string;
  note: string | null;
}

export interface Partner {
  id: string;
  kind: PartnerKind;
  kindLabel: Bilingual;
  name: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  country: string;
  location: string | null;
  focusIndustries: string[];
  status: PartnerStatus;
  statusLabel: Bilingual;
  ownerUnit: { id: string; name: string };
  region: { code: string; name: string };
  note: string | null;
  referralCount: number;
  version: number;
}

export interface PartnerDetail extends Partner {
  referrals: Referral[];
}

export interface Catalog {
  kinds: { value: PartnerKind; label: Bilingual }[];
  statuses: { value: PartnerStatus; label: Bilingual }[];
}

export interface Entitlement {
  reason: 'first_unit_landing' | 'referral';
  reasonLabel: Bilingual;
  beneficiary: { kind: 'unit' | 'partner'; id: string; name: string; partnerKind: PartnerKind | null };
  project: { id: string; code: string; name: string; totalInvestmentWan: string };
  landedOn: string;
  rewardYear: number;
  reward: Bilingual;
  source: string;
}
