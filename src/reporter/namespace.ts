/** Problems with a namespace typed by hand; undefined when it is a valid DNS-1123 label. */
export type NamespaceProblem = 'empty' | 'too-long' | 'invalid';

/** Kubernetes namespace names are DNS-1123 labels: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63. */
export const namespaceProblemOf = (value: string): NamespaceProblem | undefined => {
  if (value === '') return 'empty';
  if (value.length > 63) return 'too-long';
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) ? undefined : 'invalid';
};
