import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  checkAccess,
  useK8sWatchResource,
  useK8sWatchResources,
  type WatchK8sResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { DataTest } from '../data-test';
import type { ReporterKind } from '../reporter/types';
import { decodeToken } from '../token/base64';
import { validateToken } from '../token/validate';
import { NewTokenField } from '../components/rotation/NewTokenField';
import { ReviewModal } from '../components/rotation/ReviewModal';
import { formatDuration } from '../components/rotation/RunProgress';
import { buildPlan } from './plan';
import RotationSection from './RotationSection';
import { RequestTimeoutError } from './run';
import { resetRotations } from './store';
import { find, inputFrom, instanceOf, loadFixtures, matchesLabels } from './testing/fixtures';
import { ApiError, MemoryCluster } from './testing/memory-port';
import { useState } from 'react';

const OLD = 'Ox50X8n7RpfqCpNReNRDY5cc';
const NEW = 'Zq8mW3kPv7Lr2Tn9Xb4Hc6Jd1Fg5Ys0A';
const objects = loadFixtures('reporter-instance.yaml', 'license-service-other-ns.yaml');

const Field = ({ initial = '', current = OLD }: { initial?: string; current?: string }) => {
  const [value, setValue] = useState(initial);
  return (
    <NewTokenField
      value={value}
      onChange={setValue}
      validation={validateToken(value, { currentToken: current })}
    />
  );
};

describe('NewTokenField', () => {
  it('lists every problem as the user types, with code points, names and positions', async () => {
    const user = userEvent.setup();
    render(<Field />);
    await user.type(screen.getByLabelText('New token'), 'ab c?d#');
    const problems = screen
      .getAllByTestId(DataTest.rotationTokenProblem)
      .map((p) => p.textContent.replace(/: error status;$/, ''));
    expect(problems).toEqual([
      'Too short: 7 characters; use at least 16.',
      'Spaces and other whitespace are not allowed (IBM rule):U+0020 SPACE at position 3',
      'The characters ?, % and & are not allowed (IBM rule):"?" U+003F QUESTION MARK at position 5',
      '"#" is not allowed: the token is sent as a URL query parameter and # ends it:"#" U+0023 NUMBER SIGN at position 7',
    ]);
    expect(screen.getByLabelText('New token')).toHaveAttribute('aria-invalid', 'true');
  });

  it('names look-alikes and invisible characters', async () => {
    const user = userEvent.setup();
    render(<Field />);
    await user.click(screen.getByLabelText('New token'));
    await user.paste('abcdefgh\u0430ijklmnop\u200b');
    const text = screen.getByTestId(DataTest.rotationTokenProblems).textContent;
    expect(text).toContain('U+0430 CYRILLIC SMALL LETTER A (looks like "a") at position 9');
    expect(text).toContain('U+200B ZERO WIDTH SPACE at position 18');
  });

  it('offers Trim for a pasted token with surrounding whitespace', async () => {
    const user = userEvent.setup();
    render(<Field />);
    await user.click(screen.getByLabelText('New token'));
    await user.paste(`  ${NEW}\n`);
    await user.click(screen.getByRole('button', { name: 'Trim leading and trailing whitespace' }));
    expect(screen.getByLabelText('New token')).toHaveValue(NEW);
    expect(screen.getByText('The token meets every rule.')).toBeInTheDocument();
    expect(screen.queryByTestId(DataTest.rotationTokenTrim)).not.toBeInTheDocument();
  });

  it('refuses the current token', async () => {
    const user = userEvent.setup();
    render(<Field />);
    await user.click(screen.getByLabelText('New token'));
    await user.paste(OLD);
    expect(
      screen.getByText('This is the current token: choose a different one.'),
    ).toBeInTheDocument();
  });

  it('generates a valid token of the chosen length, hidden until revealed and never in the markup', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const length = screen.getByLabelText('Generated token length');
    await user.clear(length);
    await user.type(length, '40');
    await user.click(screen.getByRole('button', { name: 'Generate a token' }));
    const input = screen.getByLabelText<HTMLInputElement>('New token');
    expect(input.value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(input).toHaveAttribute('type', 'password');
    expect(document.body.innerHTML).not.toContain(input.value);
    const reveal = screen.getByRole('button', { name: 'Show new token' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await user.click(reveal);
    expect(input).toHaveAttribute('type', 'text');
    // one state cue: the name stays, aria-pressed says whether it is shown
    expect(reveal).toHaveAccessibleName('Show new token');
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
  });

  it('is not offered to browsers and password managers to save, and keeps the token out of the markup', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('New token');
    await user.click(input);
    await user.paste(NEW);
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('data-1p-ignore');
    expect(input).toHaveAttribute('data-lpignore', 'true');
    expect(input).toHaveAttribute('data-bwignore');
    expect(input.getAttribute('value') ?? '').toBe('');
    expect(document.body.innerHTML).not.toContain(NEW);
  });

  it('keys the listed characters by position, not by the characters of the token', async () => {
    const user = userEvent.setup();
    render(<Field />);
    await user.click(screen.getByLabelText('New token'));
    await user.paste('abcdefgh ijkl\u00a0mnop\u2003q');
    const whitespace = screen.getAllByTestId(DataTest.rotationTokenProblem)[0];
    const items = [...(whitespace?.querySelectorAll('li') ?? [])];
    expect(items).toHaveLength(3);
    const reactKey = (el: Element) => {
      const fiber = Object.entries(el).find(([k]) => k.startsWith('__reactFiber'))?.[1] as
        { key: string | null } | undefined;
      return fiber?.key;
    };
    expect(items.map(reactKey)).toEqual(['0', '1', '2']);
  });
});

describe('formatDuration', () => {
  it('puts the units through the translations', () => {
    const t = jest.fn(
      (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options)}`,
    );
    expect(formatDuration(185_000, t as never)).toBe(
      '{{minutes}} min {{seconds}} s {"minutes":3,"seconds":"05"}',
    );
    expect(formatDuration(42_400, t as never)).toBe('{{seconds}} s {"seconds":42}');
  });
});

describe('ReviewModal', () => {
  const plan = buildPlan(inputFrom(objects, 'ibm-ls-reporter', 'instance'));
  const props = {
    plan,
    kind: 'rotate' as const,
    stale: [],
    access: { loading: false, missing: [] },
    busy: false,
    onConfirm: jest.fn(),
    onReviewAgain: jest.fn(),
    onCancel: jest.fn(),
  };

  it('lists the exact plan in order, and what cannot be reached', () => {
    render(<ReviewModal {...props} />);
    expect(screen.getByRole('dialog', { name: 'Review the rotation' })).toHaveAttribute(
      'data-test',
      DataTest.rotationModal,
    );
    const steps = screen.getAllByTestId(DataTest.rotationPlanStep);
    expect(steps.map((s) => s.querySelector('strong')?.textContent)).toEqual([
      'Patch the Reporter Secret ibm-ls-reporter/ibm-license-service-reporter-token',
      'Patch the License Service copy ibm-licensing/ibm-license-service-reporter-token (read by instance)',
      'Restart the Reporter pods in ibm-ls-reporter',
      'Restart the License Service instance pods in ibm-licensing',
    ]);
    expect(steps[0]).toHaveTextContent('resourceVersion 4822210');
    expect(steps[2]).toHaveTextContent(
      'app=ibm-license-service-reporter-instance,licensing_cr=instance (Deployment ibm-license-service-reporter-instance); running now: 1',
    );
    expect(steps[2]).toHaveTextContent('Recreate strategy');
    expect(screen.getByTestId(DataTest.rotationPlanOtherClusters)).toHaveTextContent(
      'stop sending data until their copy is updated',
    );
    expect(screen.getByTestId(DataTest.rotationConfirm)).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('disables confirm and names the missing permission', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(
      <ReviewModal
        {...props}
        onConfirm={onConfirm}
        access={{
          loading: false,
          missing: [{ group: '', resource: 'pods', verb: 'delete', namespace: 'ibm-licensing' }],
        }}
      />,
    );
    const confirm = screen.getByTestId(DataTest.rotationConfirm);
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId(DataTest.rotationMissingAccess)).toHaveTextContent(
      'Missing: delete pods in namespace ibm-licensing',
    );
    await user.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('says when the Secret changed since the review', () => {
    render(
      <ReviewModal
        {...props}
        stale={[{ namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' }]}
      />,
    );
    expect(screen.getByTestId(DataTest.rotationStale)).toHaveTextContent(
      'Secret ibm-ls-reporter/ibm-license-service-reporter-token has a new resourceVersion',
    );
    expect(screen.getByTestId(DataTest.rotationConfirm)).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('RotationSection (SDK mocked, in-memory cluster)', () => {
  let cluster: MemoryCluster;
  const cr = find<ReporterKind>(
    objects,
    'IBMLicenseServiceReporter',
    'ibm-ls-reporter',
    'instance',
  );
  if (!cr) throw new Error('fixture');
  const instance = instanceOf(cr);
  const reporterSecret = () =>
    cluster.secret('ibm-ls-reporter', 'ibm-license-service-reporter-token');

  const watch = (res: WatchK8sResource | null) => {
    if (!res) return [undefined, false, undefined];
    const kind = res.groupVersionKind?.kind;
    if (kind === 'Route') {
      return [find(objects, 'Route', res.namespace, res.name ?? ''), true, undefined];
    }
    if (kind === 'IBMLicensing')
      return [objects.filter((o) => o.kind === 'IBMLicensing'), true, undefined];
    if (kind === 'Secret') {
      const s = cluster.secrets.get(`${res.namespace ?? ''}/${res.name ?? ''}`);
      return s ? [s, true, undefined] : [undefined, false, new ApiError(404, 'not found')];
    }
    if (kind === 'Pod') {
      const selector = res.selector?.matchLabels ?? {};
      return [
        cluster.pods.filter(
          (p) => p.metadata?.namespace === res.namespace && matchesLabels(p, selector),
        ),
        true,
        undefined,
      ];
    }
    return [undefined, false, new Error('unexpected watch')];
  };

  beforeEach(() => {
    resetRotations();
    cluster = new MemoryCluster(objects);
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation(((res: WatchK8sResource | null) =>
        watch(res)) as typeof useK8sWatchResource);
    jest.mocked(useK8sWatchResources).mockImplementation(((
      resources: Record<string, WatchK8sResource>,
    ) =>
      Object.fromEntries(
        Object.entries(resources).map(([k, r]) => {
          const [data, loaded, loadError] = watch(r);
          return [k, { data, loaded, loadError }];
        }),
      )) as unknown as typeof useK8sWatchResources);
    jest.mocked(checkAccess).mockImplementation((attrs) =>
      Promise.resolve({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attrs },
        status: { allowed: true },
      }),
    );
  });

  const renderSection = () => {
    const port = cluster.port();
    const onClose = jest.fn();
    const view = render(
      <RotationSection
        instance={instance}
        secret={reporterSecret()}
        currentToken={decodeToken(reporterSecret().data?.token ?? '')}
        onClose={onClose}
        port={port}
      />,
    );
    const rerender = () => {
      view.rerender(
        <RotationSection
          instance={instance}
          secret={reporterSecret()}
          currentToken={decodeToken(reporterSecret().data?.token ?? '')}
          onClose={onClose}
          port={port}
        />,
      );
    };
    return { ...view, rerender, onClose };
  };

  const enterAndReview = async (user: ReturnType<typeof userEvent.setup>, token = NEW) => {
    await user.click(screen.getByLabelText('New token'));
    await user.paste(token);
    await user.click(screen.getByRole('button', { name: 'Review the rotation…' }));
    return screen.findByRole('dialog');
  };

  /** The dialog's confirm button, once the access reviews have enabled it. */
  const enabledConfirm = async (dialog: HTMLElement) => {
    const confirm = within(dialog).getByTestId(DataTest.rotationConfirm);
    await waitFor(() => {
      expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
    });
    return confirm;
  };

  /** Enters the new token, opens the review and confirms it. */
  const reviewAndConfirm = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(await enabledConfirm(await enterAndReview(user)));
  };

  it('sends nothing before the explicit confirmation', async () => {
    const user = userEvent.setup();
    renderSection();
    const dialog = await enterAndReview(user);
    expect(within(dialog).getAllByTestId(DataTest.rotationPlanStep)).toHaveLength(4);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(cluster.calls).toEqual([]);
  });

  it('a missing permission disables confirm and names verb, resource and namespace', async () => {
    jest.mocked(checkAccess).mockImplementation((attrs) =>
      Promise.resolve({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attrs },
        status: {
          allowed: !(attrs.verb === 'patch' && attrs.namespace === 'ibm-licensing'),
        },
      }),
    );
    const user = userEvent.setup();
    renderSection();
    const dialog = await enterAndReview(user);
    await waitFor(() => {
      expect(within(dialog).getByTestId(DataTest.rotationMissingAccess)).toHaveTextContent(
        'Missing: patch secrets "ibm-license-service-reporter-token" in namespace ibm-licensing',
      );
    });
    expect(within(dialog).getByTestId(DataTest.rotationConfirm)).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('rotates, shows each step done, then what to run on other clusters (token hidden until revealed)', async () => {
    const user = userEvent.setup();
    renderSection();
    await reviewAndConfirm(user);
    await screen.findByText('The token was rotated');
    const steps = screen.getAllByTestId(DataTest.rotationStep);
    expect(steps.map((s) => s.getAttribute('data-status'))).toEqual([
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(decodeToken(reporterSecret().data?.token ?? '')).toBe(NEW);
    const yaml = screen.getByTestId(DataTest.rotationTokenYaml);
    expect(yaml).toHaveTextContent('namespace: ibm-licensing');
    expect(yaml).toHaveTextContent('stringData:');
    expect(document.body.innerHTML).not.toContain(NEW);
    const reveal = screen.getByRole('button', { name: 'Show the token in token.yml' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await user.click(reveal);
    expect(yaml).toHaveTextContent(`token: '${NEW}'`);
    expect(reveal).toHaveAccessibleName('Show the token in token.yml');
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId(DataTest.rotationRestartCommand)).toHaveTextContent(
      'oc delete pods -l app=ibm-licensing-service-instance -n ibm-licensing',
    );
  });

  it('a later failure says the new token is saved; Retry resumes; Revert restores the previous token', async () => {
    cluster.faults.push({
      op: 'deletePod',
      target: 'ibm-licensing',
      error: () => new ApiError(403, 'pods is forbidden'),
    });
    const user = userEvent.setup();
    const view = renderSection();
    await reviewAndConfirm(user);
    const outcome = await screen.findByText('The new token IS saved, but a later step failed');
    expect(outcome.closest('[data-test]')?.parentElement).toHaveTextContent(
      'ibm-ls-reporter/ibm-license-service-reporter-token, ibm-licensing/ibm-license-service-reporter-token',
    );
    expect(screen.getByTestId(DataTest.rotationOutcome)).toHaveTextContent(
      'your user may not delete pods in namespace ibm-licensing',
    );
    await user.click(screen.getByTestId(DataTest.rotationRetry));
    await screen.findByText('The token was rotated');

    // the page's watch delivers the rotated Secret
    act(() => {
      view.rerender();
    });
    await user.click(screen.getByTestId(DataTest.rotationRevert));
    await user.click(await enabledConfirm(await screen.findByRole('dialog')));
    await screen.findByText('The previous token is back in use');
    expect(decodeToken(reporterSecret().data?.token ?? '')).toBe(OLD);
    expect(
      decodeToken(
        cluster.secret('ibm-licensing', 'ibm-license-service-reporter-token').data?.token ?? '',
      ),
    ).toBe(OLD);
  });

  it('Enter in the field opens the review; there is no form to submit', async () => {
    const user = userEvent.setup();
    renderSection();
    const input = screen.getByLabelText('New token');
    expect(input.closest('form')).toBeNull();
    expect(screen.getByTestId(DataTest.rotationReview)).toHaveAttribute('type', 'button');
    await user.click(input);
    await user.paste(NEW);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(cluster.calls).toEqual([]);
  });

  it('the first write gets no answer: not known whether it was saved, never "nothing changed"', async () => {
    cluster.faults.push({
      op: 'patchSecret',
      target: 'ibm-ls-reporter/ibm-license-service-reporter-token',
      error: () => new RequestTimeoutError('the Secret patch'),
    });
    const user = userEvent.setup();
    renderSection();
    await reviewAndConfirm(user);
    await screen.findByText('Not known whether the new token was saved');
    const outcome = screen.getByTestId(DataTest.rotationOutcome);
    expect(outcome).not.toHaveTextContent('Nothing changed');
    expect(outcome).not.toHaveTextContent('could not be read back');
    expect(outcome).toHaveTextContent('the write may still be applied');
    expect(outcome).toHaveTextContent('sends the same patch again');
    await user.click(screen.getByTestId(DataTest.rotationRetry));
    await screen.findByText('The token was rotated');
    expect(
      cluster.calls.filter(
        (c) =>
          c.op === 'patchSecret' &&
          c.target === 'ibm-ls-reporter/ibm-license-service-reporter-token',
      ),
    ).toHaveLength(2);
  });

  it('says how long Revert stays available', async () => {
    const user = userEvent.setup();
    renderSection();
    await reviewAndConfirm(user);
    await screen.findByText('The token was rotated');
    expect(screen.getByTestId(DataTest.rotationProgress)).toHaveTextContent(
      'Revert is available until you click Done, or until 10 minutes after you leave this page',
    );
  });

  it('two License Services in one namespace failing the same check: one alert each', () => {
    const licensing = objects.find((o) => o.kind === 'IBMLicensing');
    if (!licensing) throw new Error('fixture');
    const second = { ...licensing, metadata: { ...licensing.metadata, name: 'second' } };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation(((res: WatchK8sResource | null) =>
        res?.groupVersionKind?.kind === 'IBMLicensing'
          ? [[licensing, second], true, undefined]
          : watch(res)) as typeof useK8sWatchResource);
    jest.mocked(useK8sWatchResources).mockImplementation(((
      resources: Record<string, WatchK8sResource>,
    ) =>
      Object.fromEntries(
        Object.entries(resources).map(([k, r]) => {
          if (r.groupVersionKind?.kind === 'Pod' && r.namespace === 'ibm-licensing') {
            return [
              k,
              { data: undefined, loaded: false, loadError: new ApiError(403, 'forbidden') },
            ];
          }
          const [data, loaded, loadError] = watch(r);
          return [k, { data, loaded, loadError }];
        }),
      )) as unknown as typeof useK8sWatchResources);
    renderSection();
    const alerts = screen.getAllByTestId(DataTest.rotationLoadError);
    expect(alerts).toHaveLength(2);
    for (const a of alerts) expect(a).toHaveTextContent('list pods in namespace ibm-licensing');
    expect(errors.mock.calls.flat().join(' ')).not.toContain('same key');
    errors.mockRestore();
  });

  it('the Secret cannot be read right now: a warning, and the run stays in view', async () => {
    const user = userEvent.setup();
    const view = renderSection();
    await reviewAndConfirm(user);
    await screen.findByText('The token was rotated');
    expect(screen.queryByTestId(DataTest.rotationSecretUnavailable)).not.toBeInTheDocument();
    // the page passes the last Secret it read
    view.unmount();
    render(
      <RotationSection
        instance={instance}
        secret={reporterSecret()}
        currentToken={NEW}
        onClose={view.onClose}
        port={cluster.port()}
        secretUnavailable
      />,
    );
    expect(screen.getByTestId(DataTest.rotationSecretUnavailable)).toHaveTextContent(
      'The token Secret cannot be read right now',
    );
    expect(screen.getByText('The token was rotated')).toBeInTheDocument();
    expect(screen.getAllByTestId(DataTest.rotationStep)).toHaveLength(4);
  });

  it('the first write refused: nothing changed, and the message says why', async () => {
    cluster.faults.push({
      op: 'patchSecret',
      error: () => new ApiError(403, `forbidden ${NEW}`),
    });
    const user = userEvent.setup();
    renderSection();
    await reviewAndConfirm(user);
    await screen.findByText('Nothing changed: the current token is still in use');
    expect(screen.getByTestId(DataTest.rotationOutcome)).toHaveTextContent(
      'your user may not patch secrets "ibm-license-service-reporter-token" in namespace ibm-ls-reporter',
    );
    expect(document.body.innerHTML).not.toContain(NEW);
    expect(decodeToken(reporterSecret().data?.token ?? '')).toBe(OLD);
    expect(screen.queryByTestId(DataTest.rotationRevert)).not.toBeInTheDocument();
  });

  it('the Secret changed since the review: nothing written, and Reload and review again keeps the typed token', async () => {
    const user = userEvent.setup();
    const view = renderSection();
    const confirm = await enabledConfirm(await enterAndReview(user));
    // someone edits the Secret after the plan was built, before the page's watch delivers it
    cluster.touch('ibm-ls-reporter', 'ibm-license-service-reporter-token');
    await user.click(confirm);
    await screen.findByText('Nothing changed: the current token is still in use');
    expect(screen.getByTestId(DataTest.rotationOutcome)).toHaveTextContent(
      'The Secret changed after the review',
    );
    expect(cluster.calls.filter((c) => c.op === 'patchSecret')).toEqual([]);
    expect(screen.queryByTestId(DataTest.rotationRetry)).not.toBeInTheDocument();
    act(() => {
      view.rerender();
    });
    await user.click(screen.getByRole('button', { name: 'Reload and review again' }));
    expect(screen.getByLabelText('New token')).toHaveValue(NEW);
    const again = await enterAndReview(user, '');
    expect(within(again).getAllByTestId(DataTest.rotationPlanStep)[0]).toHaveTextContent(
      `resourceVersion ${reporterSecret().metadata?.resourceVersion ?? ''}`,
    );
  });

  it('License Services cannot be listed (403): names the permission, review stays disabled', async () => {
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation(((res: WatchK8sResource | null) =>
        res?.groupVersionKind?.kind === 'IBMLicensing'
          ? [undefined, false, new ApiError(403, 'ibmlicensings is forbidden')]
          : watch(res)) as typeof useK8sWatchResource);
    const user = userEvent.setup();
    renderSection();
    expect(screen.getByTestId(DataTest.rotationLoadError)).toHaveTextContent(
      'your user may not list ibmlicensings.operator.ibm.com (cluster-wide)',
    );
    await user.click(screen.getByLabelText('New token'));
    await user.paste(NEW);
    const review = screen.getByTestId(DataTest.rotationReview);
    expect(review).toHaveAttribute('aria-disabled', 'true');
    await user.click(review);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('while a run goes on: leaving asks first, and coming back shows the same run', async () => {
    const port = cluster.port();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = {
      ...port,
      waitForReplacement: (r: Parameters<typeof port.waitForReplacement>[0]) =>
        gate.then(() => port.waitForReplacement(r)),
    };
    const user = userEvent.setup();
    const props = {
      instance,
      secret: reporterSecret(),
      currentToken: OLD,
      onClose: jest.fn(),
      port: held,
    };
    const first = render(<RotationSection {...props} />);
    await reviewAndConfirm(user);
    await screen.findByText('Rotation in progress');
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);

    first.unmount();
    render(<RotationSection {...props} />);
    expect(screen.getByText('Rotation in progress')).toBeInTheDocument();
    expect(screen.queryByLabelText('New token')).not.toBeInTheDocument();
    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 0));
    });
    await screen.findByText('The token was rotated');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
