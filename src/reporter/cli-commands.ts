import { TOKEN_KEY } from './types';

export type CliCommands = {
  /** Linux: decode with GNU `base64 -d`. */
  linux: string;
  /** macOS: BSD `base64 -D`. */
  macos: string;
  /** Windows (cmd.exe): prints the base64 value, to decode separately (IBM's documented command). */
  windows: string;
  /** Windows PowerShell: fetches and decodes in one line. */
  powershell: string;
};

const SAFE = /^[A-Za-z0-9._-]+$/;

/** POSIX shell quoting, only when needed (Kubernetes names never need it, but stay safe). */
const sh = (value: string): string =>
  SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
/** PowerShell single-quoted string. */
const ps = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** cmd.exe double quotes when needed. */
const cmd = (value: string): string =>
  SAFE.test(value) ? value : `"${value.replace(/"/g, '""')}"`;

/** The commands of IBM's procedure, with the real namespace and Secret name filled in. */
export const cliCommandsFor = (namespace: string, secretName: string): CliCommands => {
  const jsonpath = `{.data.${TOKEN_KEY}}`;
  const get = `oc get secret ${sh(secretName)} -o jsonpath=${jsonpath} -n ${sh(namespace)}`;
  return {
    linux: `${get} | base64 -d`,
    macos: `${get} | base64 -D`,
    windows: `oc get secret ${cmd(secretName)} -o jsonpath=${jsonpath} -n ${cmd(namespace)}`,
    powershell: `[System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String((oc get secret ${ps(secretName)} -o jsonpath=${ps(jsonpath)} -n ${ps(namespace)})))`,
  };
};
