// Shapes of /api/inquiries (see the portal module's schema.ts).

export const INQUIRY_STATUSES = ['new', 'accepted', 'declined'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** An investor's inquiry from the portal, as the officers of its region see it. */
export interface Inquiry {
  id: string;
  reference: string;
  company: string;
  contactName: string;
  phone: string;
  email: string | null;
  region: { code: string; name: string; nameEn: string };
  industry: string | null;
  investmentWan: string | null;
  landMu: string | null;
  message: string;
  item: { kind: 'parcel' | 'building'; id: string; code: string; name: string } | null;
  status: InquiryStatus;
  receivedAt: string;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  declineReason: string | null;
  project: { id: string; code: string; name: string } | null;
  version: number;
}

export interface InquiryPage {
  items: Inquiry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AcceptResult {
  inquiry: Inquiry;
  project: { id: string; code: string; name: string; stage: string };
}
