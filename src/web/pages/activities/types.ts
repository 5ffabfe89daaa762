export interface Bilingual {
  zh: string;
  en: string;
}

export type ActivityKind = 'trip' | 'expo' | 'promotion' | 'cloud_promotion' | 'cloud_negotiation' | 'cloud_signing';

export interface Activity {
  id: string;
  kind: ActivityKind;
  kindLabel: Bilingual;
  online: boolean;
  title: string;
  startDate: string;
  endDate: string;
  destination: string | null;
  organisingUnit: { id: string; name: string };
  region: { code: string; name: string };
  leaderName: string | null;
  participants: string[];
  targets: { projects: number | null; amountWan: string | null; leads: number | null };
  results: { leads: number; projects: number };
  note: string | null;
  version: number;
}

export interface ActivityDetail extends Activity {
  resultProjects: { id: string; code: string; name: string; stage: string; totalInvestmentWan: string }[];
}

export interface Catalog {
  kinds: { value: ActivityKind; label: Bilingual; online: boolean }[];
}

export interface Progress {
  done: number;
  required: number | null;
  met: boolean | null;
}

export interface ProjectRef {
  id: string;
  code: string;
  name: string;
}

export interface Quotas {
  year: number;
  region: { code: string; name: string };
  asOf: string;
  leaders: {
    leaderName: string;
    region: { code: string; name: string };
    trips: Progress;
    signed: Progress & { projects: ProjectRef[]; minWan: string | null };
    landed: Progress & { projects: ProjectRef[] };
    source: string | null;
  }[];
  localities: {
    region: { code: string; name: string };
    peopleSent: Progress & { people: string[] };
    cities: string[];
    source: string;
  }[];
  stationedTeams: Progress & { date: string; source: string | null };
}

export interface Deployment {
  id: string;
  teamName: string;
  unit: { id: string; name: string; kind: string };
  region: { code: string; name: string };
  destination: string;
  members: string[];
  fromDate: string;
  toDate: string | null;
  out: boolean;
  note: string | null;
  version: number;
}

export interface DeploymentList {
  items: Deployment[];
  date: string;
  teamsOut: Progress & { source: string | null };
}
