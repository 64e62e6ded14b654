import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

/** Default name of the Reporter's API token Secret (used when the CR has no spec.apiSecretToken). */
export const DEFAULT_TOKEN_SECRET = 'ibm-license-service-reporter-token';
/** Key of the token inside the Secret. */
export const TOKEN_KEY = 'token';
/** Name of the Reporter's API Route in its namespace. */
export const REPORTER_API_ROUTE = 'ibm-license-service-reporter';
/** Annotation the plugin writes on a Secret when it rotates the token (value: ISO-8601 time). */
export const ROTATED_AT_ANNOTATION = 'lsr-token-plugin.ibm.com/rotated-at';

export type ReporterKind = K8sResourceCommon & {
  spec?: { apiSecretToken?: string; [key: string]: unknown };
  status?: { LicenseServiceReporterPods?: unknown[]; [key: string]: unknown };
};

export type LicensingKind = K8sResourceCommon & {
  spec?: {
    instanceNamespace?: string;
    sender?: {
      reporterURL?: string;
      reporterSecretToken?: string;
      reporterCertsSecretName?: string;
      validateReporterCerts?: boolean;
      clusterName?: string;
      clusterID?: string;
    };
    [key: string]: unknown;
  };
  status?: { state?: string; licensingPods?: unknown[]; [key: string]: unknown };
};

export type SecretKind = K8sResourceCommon & {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

export type RouteKind = K8sResourceCommon & {
  spec?: { host?: string; path?: string; tls?: Record<string, unknown> };
  status?: { ingress?: { host?: string }[] };
};

/** One discovered Reporter, derived from its CR (pure data). */
export type ReporterInstance = {
  /** Namespace of the CR, its Secret, its Deployment and pods. */
  namespace: string;
  /** metadata.name of the IBMLicenseServiceReporter CR. */
  crName: string;
  /** spec.apiSecretToken or DEFAULT_TOKEN_SECRET. */
  secretName: string;
  /** Labels selecting the Reporter pods: app=ibm-license-service-reporter-<crName>, licensing_cr=<crName>. */
  podSelector: Record<string, string>;
  /** ibm-license-service-reporter-<crName>. */
  deploymentName: string;
  /** The CR as observed. */
  cr: ReporterKind;
};

/** Props the token page passes to the lazily loaded rotation section. */
export type RotationSectionProps = {
  instance: ReporterInstance;
  /** The token Secret as currently observed (its resourceVersion is what a plan is built on). */
  secret: SecretKind;
  /** The decoded current token (kept in memory only). */
  currentToken: string;
  /** Closes the rotation section (the page shows its "Rotate token…" button again). */
  onClose: () => void;
  /**
   * The Secret cannot be read right now (a watch error after it had loaded): `secret` and
   * `currentToken` are the last ones read. The section stays, with a warning, while a run exists.
   */
  secretUnavailable?: boolean;
};
