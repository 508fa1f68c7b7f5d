// The one `source` name on every diagnostic this extension reports (the Problems panel shows it and
// filters by it): findings in open files, workspace-scan results and problems in policy files.
export const DIAGNOSTIC_SOURCE = 'AI Policy';
