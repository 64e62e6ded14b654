declare module 'console-host-pf-dynamic-modules' {
  /** [share name, version, module namespace] of every PatternFly dynamic module. */
  export const patternflyDynamicModules: [string, string, object][];
  /** Installed versions of the host's singleton packages. */
  export const sharedVersions: Record<string, string>;
}

type StandInUser = { name: string; description: string };

interface Window {
  /** What the console's bridge server writes into its index page. */
  SERVER_FLAGS: {
    basePath: string;
    releaseVersion: string;
    consolePlugins: string[];
    i18nNamespaces: string[];
    [key: string]: unknown;
  };
  /** Stand-in only: the demo users and the fixture the server started with. */
  STAND_IN: { users: StandInUser[]; user: string; fixture: string; fixtures: string[] };
}
