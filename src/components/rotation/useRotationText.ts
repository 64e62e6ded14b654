import { useTranslation } from 'react-i18next';
import type { OffendingCharacter, TokenProblem } from '../../token/validate';
import type { PlanStep, SecretRef } from '../../rotation/plan';
import type { StepActivity, StepFailure } from '../../rotation/run';
import type { AccessNeed } from '../../rotation/access';

const selectorText = (selector: Record<string, string>) =>
  Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

const positionsText = (positions: number[]) =>
  positions.length > 8 ? `${positions.slice(0, 8).join(', ')}, …` : positions.join(', ');

/** Texts of the rotation UI that depend on data (problems, steps, failures), translated. */
export const useRotationText = () => {
  const { t } = useTranslation('plugin__lsr-token-plugin');

  const character = (c: OffendingCharacter) => {
    const shown = c.printable ? `"${String.fromCodePoint(c.codePoint)}" ` : '';
    const look = c.looksLike ? t(' (looks like "{{char}}")', { char: c.looksLike }) : '';
    return t('{{shown}}{{label}} {{name}}{{look}} at position {{positions}}', {
      shown,
      label: c.label,
      name: c.name,
      look,
      positions: positionsText(c.positions),
    });
  };

  const problemTitle = (p: TokenProblem): string => {
    switch (p.code) {
      case 'empty':
        return t('Enter a new token or generate one.');
      case 'too-short':
        return t('Too short: {{length}} characters; use at least {{min}}.', {
          length: p.length,
          min: p.min,
        });
      case 'too-long':
        return t('Too long: {{length}} characters; use at most {{max}}.', {
          length: p.length,
          max: p.max,
        });
      case 'same-as-current':
        return t('This is the current token: choose a different one.');
      case 'whitespace':
        return t('Spaces and other whitespace are not allowed (IBM rule):');
      case 'ibm-forbidden':
        return t('The characters ?, % and & are not allowed (IBM rule):');
      case 'url-fragment':
        return t('"#" is not allowed: the token is sent as a URL query parameter and # ends it:');
      case 'url-plus':
        return t('"+" is not allowed: in a URL query parameter it is read as a space:');
      case 'url-unsafe':
        return t(
          'Not allowed: these characters must be encoded in a URL, and clients differ in whether they do:',
        );
      case 'control':
        return t('Control characters are not allowed:');
      case 'invisible':
        return t('Invisible characters are not allowed (they cannot be seen or typed reliably):');
      case 'non-ascii':
        return t(
          'Only printable ASCII is allowed: these characters look like others or are encoded differently by different clients:',
        );
    }
  };

  const secretName = (s: SecretRef) => `${s.namespace}/${s.name}`;

  const stepTitle = (step: PlanStep): string => {
    if (step.kind === 'patch-secret') {
      return step.target === 'reporter'
        ? t('Patch the Reporter Secret {{secret}}', { secret: secretName(step.secret) })
        : t('Patch the License Service copy {{secret}} (read by {{readers}})', {
            secret: secretName(step.secret),
            readers: step.readBy.join(', '),
          });
    }
    return step.target === 'reporter'
      ? t('Restart the Reporter pods in {{namespace}}', { namespace: step.namespace })
      : t('Restart the License Service {{name}} pods in {{namespace}}', {
          name: step.senderCr ?? '',
          namespace: step.namespace,
        });
  };

  const stepDetails = (step: PlanStep): string[] => {
    if (step.kind === 'patch-secret') {
      const lines = [
        t(
          'JSON Patch on resourceVersion {{rv}}: replaces data.token and adds the annotation {{annotation}}; labels, other keys and annotations stay as they are. The patch is refused if the Secret changes first.',
          { rv: step.resourceVersion, annotation: 'lsr-token-plugin.ibm.com/rotated-at' },
        ),
      ];
      if (step.target === 'reporter' && step.readBy.length > 0) {
        lines.push(
          t('License Service {{names}} reads this same Secret: no separate copy to patch.', {
            names: step.readBy.join(', '),
          }),
        );
      }
      return lines;
    }
    const lines = [
      t('Pods selected by {{selector}} (Deployment {{workload}}); running now: {{count}}.', {
        selector: selectorText(step.selector),
        workload: step.workload,
        count: step.runningCount,
      }),
      step.podNames.length > 0
        ? t(
            'Each pod is deleted by name; its Deployment starts a replacement that reads the new token.',
          )
        : t('No pods match now: nothing to restart.'),
    ];
    if (step.outage) {
      lines.push(
        t(
          'The Reporter Deployment uses the Recreate strategy: the Reporter API and UI are unavailable for a short time while the new pod starts.',
        ),
      );
    }
    return lines;
  };

  const activity = (a: StepActivity | undefined): string => {
    if (!a) return '';
    switch (a.kind) {
      case 'checking':
        return t('Reading the Secret…');
      case 'patching':
        return t('Patching data.token…');
      case 'reading-back':
        return t('No clear answer: reading the Secret back…');
      case 'already-saved':
        return t('The Secret already holds the new token.');
      case 'listing':
        return t('Listing the pods…');
      case 'no-pods':
        return t('No pods to restart.');
      case 'deleting':
        return t('Deleting pod {{pod}} ({{index}} of {{total}})…', {
          pod: a.pod,
          index: a.index,
          total: a.total,
        });
      case 'waiting':
        return t(
          'Waiting for replacement pods to be Running and Ready: {{ready}} of {{expected}}',
          {
            ready: a.ready,
            expected: a.expected,
          },
        );
    }
  };

  const permission = (p: { verb: string; resource: string; namespace?: string; name?: string }) =>
    p.namespace
      ? p.name
        ? t('{{verb}} {{resource}} "{{name}}" in namespace {{namespace}}', {
            verb: p.verb,
            resource: p.resource,
            name: p.name,
            namespace: p.namespace,
          })
        : t('{{verb}} {{resource}} in namespace {{namespace}}', {
            verb: p.verb,
            resource: p.resource,
            namespace: p.namespace,
          })
      : t('{{verb}} {{resource}} (cluster-wide)', { verb: p.verb, resource: p.resource });

  const accessNeed = (n: AccessNeed) =>
    permission({
      verb: n.verb,
      resource: n.group ? `${n.resource}.${n.group}` : n.resource,
      ...(n.namespace ? { namespace: n.namespace } : {}),
      ...(n.name ? { name: n.name } : {}),
    });

  const failure = (f: StepFailure, step: PlanStep | undefined, timeoutMinutes: number): string => {
    const api = f.message ? t(' The API said: {{message}}', { message: f.message }) : '';
    switch (f.kind) {
      case 'forbidden':
        return (
          t(
            'Permission denied: your user may not {{permission}}. Ask a cluster administrator for it, then retry.',
            {
              permission: f.permission ? permission(f.permission) : '',
            },
          ) + api
        );
      case 'conflict':
        return t(
          'The Secret changed after the review (its resourceVersion is no longer the one the plan was built on), so it was not overwritten. Review the rotation again.',
        );
      case 'changed-by-others':
        return t(
          'The Secret was changed by someone else after the review and holds neither the previous nor the new token, so it was not overwritten. Check who changed it, then retry or update it yourself.',
        );
      case 'not-found':
        return t('The object no longer exists.') + api;
      case 'rejected':
        return (
          t('The API refused the request (HTTP {{status}}).', { status: f.status ?? '' }) + api
        );
      case 'server':
        return (
          t('The API server failed (HTTP {{status}}). Retry in a moment.', {
            status: f.status ?? '',
          }) + api
        );
      case 'timeout':
        return t('The API did not answer in time. Retry in a moment.') + api;
      case 'network':
        return t(
          'The request did not reach the API (network error). Check the connection, then retry.',
        );
      case 'not-ready':
        return t(
          'After {{minutes}} minutes, {{ready}} of {{expected}} replacement pods are Running and Ready. Check the pods and events of Deployment {{workload}} in {{namespace}} (image pulls, scheduling, crash loops, the token Secret mount), then retry to wait again.',
          {
            minutes: timeoutMinutes,
            ready: f.ready ?? 0,
            expected: f.expected ?? 0,
            workload: step?.kind === 'restart-pods' ? step.workload : '',
            namespace: step?.kind === 'restart-pods' ? step.namespace : '',
          },
        );
      case 'unknown':
        return t('Unexpected error.') + api;
    }
  };

  return {
    character,
    problemTitle,
    stepTitle,
    stepDetails,
    activity,
    permission,
    accessNeed,
    failure,
    secretName,
  };
};
