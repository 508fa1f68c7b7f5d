// What the report needs of the published policy (versions, training and acknowledgement terms); a leaf
// module shared by the report builder and the people it lists.
export interface PolicyInfo {
  organization?: string;
  version?: number;
  training?: { id: string; title: string; dueWithinDays?: number; renewalDays?: number }[];
  acknowledgement?: { required: boolean; withinDays?: number };
}
