// Why: the vocabularies of the protocol (roles, request kinds, round kinds, document kinds, alert kinds), shared by the pages, the pure rules and the storage layer, which imports them from here.
export const ROLES = ["secretary", "volunteer", "display", "street", "resident"] as const;
export type Role = (typeof ROLES)[number];

export const ROUND_KINDS = ["pcr", "antigen"] as const;
export const TEST_RESULTS = ["negative", "positive"] as const;
export const REQUEST_KINDS = ["leave", "medical", "medicine", "supplies", "other"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ["pending", "approved", "rejected", "fulfilled", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const DOCUMENT_KINDS = ["commitment_letter", "test_report"] as const;
export const ALERT_KINDS = ["positive_result", "urgent_request"] as const;
