// A PowerShell command (GitHub Copilot CLI's `powershell` tool) read as the POSIX shell command it amounts to, so
// the same judge follows it: backslash paths become slash paths (`.\.env.production` names the file), `$env:NAME`
// is the environment variable NAME, `$env:USERPROFILE` the home folder, and the aliases that read files, print
// or list the environment (gc, type, Get-Content; Write-Output; Get-ChildItem env:) their POSIX counterparts.

const AT_COMMAND = String.raw`(^|[|;&({]\s*|\n\s*)`;

export function fromPowerShell(command: string): string {
  return (
    command
      // Home folder first: $env:USERPROFILE\.aws → ~/.aws.
      .replace(/\$\{?env:(USERPROFILE|HOME)\}?/gi, '~')
      .replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/gi, '${$1}')
      .replace(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi, '$$$1')
      // In PowerShell the backslash is a path separator, not an escape (the escape is the backtick).
      .replace(/\\/g, '/')
      .replace(new RegExp(AT_COMMAND + String.raw`(Get-ChildItem|gci|dir|ls)\s+env:/?(?=\s|$|[|;&)}])`, 'gim'), '$1env')
      .replace(new RegExp(AT_COMMAND + String.raw`(Get-Content|gc|type|cat)(?=\s)`, 'gim'), '$1cat')
      .replace(new RegExp(AT_COMMAND + String.raw`(Write-Output|Write-Host|write|echo)(?=\s)`, 'gim'), '$1echo')
  );
}
