import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { useAccessReview, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import TokenPage from './TokenPage';
import { DataTest } from '../data-test';
import { TOKEN_MASK } from '../token/mask';
import { fixtureReporter, fixtureRoute, fixtureSecret } from '../reporter/testing/fixtures';
import { ROTATED_AT_ANNOTATION } from '../reporter/types';
import type { ReporterKind, RouteKind, SecretKind } from '../reporter/types';
import type { RotationSectionProps } from '../reporter/types';
import { resetRotations, setRotation } from '../rotation/store';
import type { RotationRecord } from '../rotation/store';

// The rotation section is another feature: a stand-in records when its module is loaded (once per
// file: the tests before the rotate-button ones never hover or click that button).
let mockRotationLoaded = false;
jest.mock('../rotation/RotationSection', () => {
  mockRotationLoaded = true;
  return {
    __esModule: true,
    default: ({ instance, secret, onClose, secretUnavailable }: RotationSectionProps) => (
      <div data-test="rotation-stand-in">
        rotation for {instance.namespace}/{instance.crName} at {secret.metadata?.resourceVersion}
        {secretUnavailable ? ' (Secret unavailable)' : ''}
        <button onClick={onClose}>close rotation</button>
      </div>
    ),
  };
});

const TOKEN = 'Ox50X8n7RpfqCpNReNRDY5cc';
const TOKEN_B64 = 'T3g1MFg4bjdScGZxQ3BOUmVOUkRZNWNj';

type Answer<T> = T | { error: unknown };
type Cluster = {
  /** CR lists: '*' for all namespaces, else per namespace. */
  lists: Record<string, Answer<ReporterKind[]>>;
  /** Named objects by 'namespace/name'. */
  secrets: Record<string, Answer<SecretKind>>;
  routes: Record<string, RouteKind>;
};

let cluster: Cluster;
const watch = jest.mocked(useK8sWatchResource);
const access = jest.mocked(useAccessReview);

const isError = <T,>(a: Answer<T> | undefined): a is { error: unknown } =>
  typeof a === 'object' && a !== null && 'error' in a;

const serve = () => {
  watch.mockImplementation(((res: WatchK8sResource | null) => {
    // As the SDK answers a disabled watch.
    if (!res) return [undefined, true, undefined];
    const kind = res.groupVersionKind?.kind;
    if (kind === 'IBMLicenseServiceReporter') {
      const answer = cluster.lists[res.namespace ?? '*'];
      if (answer === undefined) return [[], true, undefined];
      if (isError(answer)) return [undefined, false, answer.error];
      return [
        answer.filter((c) => !res.namespace || c.metadata?.namespace === res.namespace),
        true,
        undefined,
      ];
    }
    const key = `${res.namespace ?? ''}/${res.name ?? ''}`;
    if (kind === 'Secret') {
      const answer = cluster.secrets[key];
      if (answer === undefined) return [undefined, false, { code: 404, message: 'not found' }];
      if (isError(answer)) return [undefined, false, answer.error];
      return [answer, true, undefined];
    }
    if (kind === 'Route') {
      const route = cluster.routes[key];
      return route ? [route, true, undefined] : [undefined, false, { code: 404 }];
    }
    throw new Error(`unexpected watch of ${String(kind)}`);
  }) as typeof useK8sWatchResource);
};

const Location = () => {
  const location = useLocation();
  return <output data-test="location">{location.search}</output>;
};

const renderPage = (search = '') =>
  render(
    <MemoryRouter initialEntries={[`/license-service-reporter/api-token${search}`]}>
      <TokenPage />
      <Location />
    </MemoryRouter>,
  );

const oneReporter = (): Cluster => ({
  lists: { '*': [fixtureReporter()] },
  secrets: {
    'ibm-ls-reporter/ibm-license-service-reporter-token': fixtureSecret(
      'ibm-license-service-reporter-token',
    ),
  },
  routes: {
    'ibm-ls-reporter/ibm-license-service-reporter': fixtureRoute('ibm-license-service-reporter'),
  },
});

/** Everything in the DOM, including input values (which innerHTML may not show). */
const domText = () =>
  document.body.innerHTML +
  Array.from(document.querySelectorAll('input, textarea'))
    .map((e) => (e as HTMLInputElement).value)
    .join('\n');

beforeEach(() => {
  // Assertions on watch calls see only the calls of their own test.
  watch.mockClear();
  cluster = oneReporter();
  serve();
  access.mockImplementation(() => [true, false]);
});

describe('TokenPage: finding the Reporter', () => {
  it('says what is missing when there is no Reporter, with a link to IBM docs', () => {
    cluster.lists = { '*': [] };
    renderPage();
    const empty = screen.getByTestId(DataTest.noReporter);
    expect(within(empty).getByText('No License Service Reporter found')).toBeInTheDocument();
    expect(
      within(empty).getByText(/no IBMLicenseServiceReporter resource in any namespace/),
    ).toBeInTheDocument();
    expect(within(empty).getByRole('link', { name: /IBM documentation/ })).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^https:\/\/www\.ibm\.com\/docs\/en\/cloud-paks\/foundational-services/,
      ),
    );
  });

  it('says the operator is not installed when the CRD is missing', () => {
    cluster.lists = { '*': { error: new Error('Model does not exist') } };
    renderPage();
    expect(
      screen.getByText(/License Service Reporter operator is not installed/),
    ).toBeInTheDocument();
  });

  it('shows the only Reporter without a selector', () => {
    renderPage();
    expect(screen.queryByTestId(DataTest.instanceSelect)).not.toBeInTheDocument();
    expect(screen.getByTestId(DataTest.secretLink)).toHaveTextContent(
      'ibm-license-service-reporter-token',
    );
    expect(screen.getByTestId(DataTest.reporterLink)).toHaveTextContent('instance');
    expect(screen.getByTestId(DataTest.reporterLink)).toHaveAttribute(
      'data-kind',
      'IBMLicenseServiceReporter',
    );
  });

  it('offers a selector with several Reporters and keeps the choice in the URL', async () => {
    const custom = fixtureReporter('reporter-custom.yaml');
    cluster.lists = { '*': [fixtureReporter(), custom] };
    cluster.secrets['ibm-licensing/my-lsr-token'] = fixtureSecret(
      'my-lsr-token',
      'reporter-custom.yaml',
    );
    const user = userEvent.setup();
    renderPage();
    const select = screen.getByRole('combobox', { name: 'License Service Reporter instance' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'ibm-lsr-instance in namespace ibm-licensing',
      'instance in namespace ibm-ls-reporter',
    ]);
    // Sorted by namespace: ibm-licensing first.
    expect(screen.getByTestId(DataTest.secretLink)).toHaveTextContent('my-lsr-token');

    await user.selectOptions(select, 'ibm-ls-reporter/instance');
    expect(screen.getByTestId('location')).toHaveTextContent('?ns=ibm-ls-reporter&name=instance');
    expect(screen.getByTestId(DataTest.secretLink)).toHaveTextContent(
      'ibm-license-service-reporter-token',
    );
    expect(screen.getByTestId('location').textContent).not.toContain(TOKEN);
  });

  it('says when the instance named in the URL is gone, and shows another', () => {
    renderPage('?ns=elsewhere&name=old');
    expect(
      screen.getByText(
        'The Reporter named in the address was not found; showing ibm-ls-reporter/instance.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(TOKEN_MASK);
  });

  it('opens the instance named in the URL', () => {
    cluster.lists = { '*': [fixtureReporter(), fixtureReporter('reporter-custom.yaml')] };
    renderPage('?ns=ibm-ls-reporter&name=instance');
    expect(screen.getByRole('combobox', { name: 'License Service Reporter instance' })).toHaveValue(
      'ibm-ls-reporter/instance',
    );
  });

  it('lets a user who may not list cluster-wide type a namespace, validated, then looks there', async () => {
    cluster.lists = {
      '*': { error: { code: 403, message: 'forbidden' } },
      'ibm-ls-reporter': [fixtureReporter()],
    };
    const user = userEvent.setup();
    renderPage();
    expect(
      screen.getByText('You may not list License Service Reporters in all namespaces'),
    ).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: 'Namespace of License Service Reporter' });

    await user.type(input, 'Bad_NS');
    await user.click(screen.getByRole('button', { name: 'Look in this namespace' }));
    expect(screen.getByText(/uses only lowercase letters, digits and "-"/)).toBeInTheDocument();
    expect(watch.mock.calls.some(([r]) => r?.namespace === 'Bad_NS')).toBe(false);

    await user.clear(input);
    await user.type(input, 'ibm-ls-reporter');
    await user.click(screen.getByRole('button', { name: 'Look in this namespace' }));
    expect(screen.getByTestId('location')).toHaveTextContent('?ns=ibm-ls-reporter');
    expect(watch).toHaveBeenCalledWith(
      expect.objectContaining({ isList: true, namespace: 'ibm-ls-reporter' }),
    );
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(TOKEN_MASK);
    expect(screen.queryByText(/named in the address was not found/)).not.toBeInTheDocument();
  });

  it('says why a namespace from the address is not looked in', () => {
    cluster.lists = { '*': { error: { code: 403 } } };
    renderPage('?ns=Bad_NS');
    expect(
      screen.getByRole('textbox', { name: 'Namespace of License Service Reporter' }),
    ).toHaveValue('Bad_NS');
    expect(screen.getByText(/uses only lowercase letters, digits and "-"/)).toBeInTheDocument();
    expect(watch.mock.calls.some(([r]) => r?.namespace === 'Bad_NS')).toBe(false);
  });

  it('says so when listing in the typed namespace is refused too', () => {
    cluster.lists = {
      '*': { error: { code: 403 } },
      'team-a': { error: { code: 403 } },
    };
    renderPage('?ns=team-a');
    expect(screen.getByTestId(DataTest.namespaceForbidden)).toHaveTextContent(
      'You may not list License Service Reporters in namespace team-a',
    );
    expect(
      screen.getByRole('textbox', { name: 'Namespace of License Service Reporter' }),
    ).toHaveValue('team-a');
  });
});

describe('TokenPage: the token Secret', () => {
  it('says the operator has not created a missing Secret yet', () => {
    delete cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'];
    renderPage();
    const state = screen.getByTestId(DataTest.secretMissing);
    expect(state).toHaveTextContent('The operator has not created the token Secret yet');
    expect(state).toHaveTextContent('deleting the Secret makes it generate a new token');
    expect(screen.getByTestId(DataTest.rotateButton)).toHaveAttribute('aria-disabled', 'true');
  });

  it('says the operator has not created the token when the key is missing', () => {
    const secret = fixtureSecret('ibm-license-service-reporter-token');
    delete secret.data;
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = secret;
    renderPage();
    expect(screen.getByTestId(DataTest.secretMissing)).toHaveTextContent('has no "token" key');
  });

  it('explains an undecodable value without showing it', () => {
    const secret = fixtureSecret('ibm-license-service-reporter-token');
    secret.data = { token: 'bm90IGI2NCE$$' };
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = secret;
    renderPage();
    expect(screen.getByTestId(DataTest.decodeError)).toHaveTextContent('is not valid base64');
    expect(domText()).not.toContain('bm90IGI2NCE$$');
  });

  it('explains bytes that are not UTF-8, and offers no example request', () => {
    const secret = fixtureSecret('ibm-license-service-reporter-token');
    secret.data = { token: Buffer.from([0x73, 0xff, 0xfe, 0x63]).toString('base64') };
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = secret;
    renderPage();
    expect(screen.getByTestId(DataTest.decodeError)).toHaveTextContent('are not UTF-8 text');
    expect(screen.queryByTestId(DataTest.tokenValue)).not.toBeInTheDocument();
    expect(screen.queryByTestId(DataTest.exampleRequest)).not.toBeInTheDocument();
    expect(screen.getByTestId(DataTest.rotateButton)).toHaveAttribute('aria-disabled', 'true');
  });

  it('says an empty token value stays empty (the operator keeps an existing key)', () => {
    const secret = fixtureSecret('ibm-license-service-reporter-token');
    secret.data = { token: '' };
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = secret;
    renderPage();
    expect(screen.getByTestId(DataTest.decodeError)).toHaveTextContent(
      'is empty, and the operator does not replace a key that exists',
    );
    expect(screen.queryByTestId(DataTest.secretMissing)).not.toBeInTheDocument();
  });

  it('says when reading the Secret fails otherwise, with the reason', () => {
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = {
      error: Object.assign(new Error('Internal error occurred'), { code: 500 }),
    };
    renderPage();
    expect(screen.getByTestId(DataTest.loadError)).toHaveTextContent(
      'Reading Secret ibm-license-service-reporter-token in namespace ibm-ls-reporter failed: Internal error occurred',
    );
  });

  it('says when reading the Secret is refused', () => {
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = {
      error: { code: 403 },
    };
    renderPage();
    expect(screen.getByTestId(DataTest.secretForbidden)).toHaveTextContent(
      'You may not read the token Secret',
    );
  });
});

describe('TokenPage: showing the token safely', () => {
  it('keeps the token out of the DOM while masked, reveals and hides it', async () => {
    const user = userEvent.setup();
    renderPage();
    const value = screen.getByTestId(DataTest.tokenValue);
    expect(value).toHaveTextContent(TOKEN_MASK);
    expect(domText()).not.toContain(TOKEN);
    expect(domText()).not.toContain(TOKEN_B64);

    await user.click(screen.getByRole('button', { name: 'Reveal token' }));
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(TOKEN);

    await user.click(screen.getByRole('button', { name: 'Hide token' }));
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(TOKEN_MASK);
    expect(domText()).not.toContain(TOKEN);
  });

  it('uses the same mask whatever the token length', () => {
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = {
      ...fixtureSecret('ibm-license-service-reporter-token'),
      data: { token: Buffer.from('x'.repeat(80)).toString('base64') },
    };
    renderPage();
    expect(screen.getByTestId(DataTest.tokenValue).textContent).toBe(TOKEN_MASK);
  });

  it('copies the decoded token while hidden', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Copy API token' }));
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    await waitFor(() => {
      expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true);
    });
    expect(domText()).not.toContain(TOKEN);
  });

  it('copy fallback: shows the token only on request, always the current one, and hides it', async () => {
    const user = userEvent.setup();
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      configurable: true,
    });
    const { rerender } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Copy API token' }));
    expect(screen.getByRole('textbox', { name: 'API token' })).toHaveValue(TOKEN);
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(TOKEN_MASK);

    const NEW = 'NewToken0123456789abcdefghij';
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = {
      ...fixtureSecret('ibm-license-service-reporter-token'),
      data: { token: Buffer.from(NEW).toString('base64') },
    };
    rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
      </MemoryRouter>,
    );
    expect(screen.getByRole('textbox', { name: 'API token' })).toHaveValue(NEW);
    expect(domText()).not.toContain(TOKEN);

    await user.click(screen.getByTestId(DataTest.copyFallbackHide));
    expect(domText()).not.toContain(NEW);
  });

  it('shows the API URL and a masked example request', () => {
    renderPage();
    expect(screen.getByTestId(DataTest.apiUrl)).toHaveTextContent(
      'https://ibm-license-service-reporter-ibm-ls-reporter.apps.ocp4.example.com',
    );
    expect(screen.getByTestId(DataTest.exampleRequest)).toHaveTextContent(
      `https://ibm-license-service-reporter-ibm-ls-reporter.apps.ocp4.example.com/snapshot?token=${TOKEN_MASK}`,
    );
  });

  it('shows no API URL when the Route is not visible', () => {
    cluster.routes = {};
    renderPage();
    expect(screen.queryByTestId(DataTest.apiUrl)).not.toBeInTheDocument();
  });

  it("fills IBM's CLI commands with the real namespace and Secret name", () => {
    cluster.lists = { '*': [fixtureReporter('reporter-custom.yaml')] };
    cluster.secrets = {
      'ibm-licensing/my-lsr-token': fixtureSecret('my-lsr-token', 'reporter-custom.yaml'),
    };
    renderPage();
    expect(screen.getByTestId(DataTest.cliLinux)).toHaveTextContent(
      'oc get secret my-lsr-token -o jsonpath={.data.token} -n ibm-licensing | base64 -d',
    );
    expect(screen.getByTestId(DataTest.cliMacos)).toHaveTextContent('-n ibm-licensing | base64 -D');
    expect(screen.getByTestId(DataTest.cliWindows)).toHaveTextContent(
      'oc get secret my-lsr-token -o jsonpath={.data.token} -n ibm-licensing',
    );
    expect(screen.getByTestId(DataTest.cliPowershell)).toHaveTextContent('FromBase64String');
    expect(screen.getByRole('button', { name: 'Copy Linux' })).toBeInTheDocument();
  });

  it('shows when the token last changed and warns past 90 days', () => {
    jest.useFakeTimers({ now: new Date('2025-06-10T12:00:00Z'), doNotFake: ['queueMicrotask'] });
    try {
      renderPage();
      expect(screen.getByTestId(DataTest.lastChanged)).toHaveTextContent(
        '2025-03-10T09:14:24Z (92 days ago, Secret created)',
      );
      expect(screen.getByTestId(DataTest.ageWarning)).toHaveTextContent('older than 90 days');
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not warn about a recent rotation', () => {
    const secret = fixtureSecret('ibm-license-service-reporter-token');
    secret.metadata = {
      ...secret.metadata,
      annotations: { [ROTATED_AT_ANNOTATION]: new Date().toISOString() },
    };
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = secret;
    renderPage();
    expect(screen.getByTestId(DataTest.lastChanged)).toHaveTextContent(
      '(today, rotated with this plugin)',
    );
    expect(screen.queryByTestId(DataTest.ageWarning)).not.toBeInTheDocument();
  });
});

describe('TokenPage: live changes', () => {
  const key = 'ibm-ls-reporter/ibm-license-service-reporter-token';
  const changed = (annotations?: Record<string, string>): SecretKind => {
    const s = fixtureSecret('ibm-license-service-reporter-token');
    return {
      ...s,
      data: { token: Buffer.from('NewToken0123456789abcdefghij').toString('base64') },
      metadata: {
        ...s.metadata,
        resourceVersion: '5000000',
        ...(annotations ? { annotations } : {}),
      },
    };
  };

  it('notices a change from outside and shows the new token', async () => {
    const user = userEvent.setup();
    const { rerender } = renderPage();
    expect(screen.queryByTestId(DataTest.changeNotice)).not.toBeInTheDocument();
    cluster.secrets[key] = changed();
    rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
      </MemoryRouter>,
    );
    const notice = screen.getByTestId(DataTest.changeNotice);
    expect(notice).toHaveTextContent('The token was changed from outside this page');
    expect(domText()).not.toContain('NewToken0123456789abcdefghij');
    await user.click(screen.getByRole('button', { name: 'Reveal token' }));
    expect(screen.getByTestId(DataTest.tokenValue)).toHaveTextContent(
      'NewToken0123456789abcdefghij',
    );
    await user.click(within(notice).getByRole('button', { name: /close/i }));
    expect(screen.queryByTestId(DataTest.changeNotice)).not.toBeInTheDocument();
  });

  it("attributes a change to this plugin's rotation when the rotated-at annotation changed", () => {
    const { rerender } = renderPage();
    cluster.secrets[key] = changed({ [ROTATED_AT_ANNOTATION]: '2026-12-04T16:00:00Z' });
    rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
      </MemoryRouter>,
    );
    expect(screen.getByTestId(DataTest.changeNotice)).toHaveTextContent(
      'The token was rotated by this plugin',
    );
  });

  it('ignores a re-poll that returns the same token', () => {
    const { rerender } = renderPage();
    cluster.secrets[key] = fixtureSecret('ibm-license-service-reporter-token');
    rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
      </MemoryRouter>,
    );
    expect(screen.queryByTestId(DataTest.changeNotice)).not.toBeInTheDocument();
  });
});

describe('TokenPage: rotate button', () => {
  it('is disabled with the reason when patching the Secret is not allowed', () => {
    access.mockImplementation(() => [false, false]);
    renderPage();
    const button = screen.getByRole('button', { name: 'Rotate token…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(
      'You may not rotate this token: patching Secret ibm-license-service-reporter-token in namespace ibm-ls-reporter is not allowed for your user.',
    );
    expect(access).toHaveBeenCalledWith({
      group: '',
      resource: 'secrets',
      verb: 'patch',
      namespace: 'ibm-ls-reporter',
      name: 'ibm-license-service-reporter-token',
    });
    fireEvent.click(button);
    expect(screen.queryByTestId('rotation-stand-in')).not.toBeInTheDocument();
  });

  it('prefetches the rotation code on hover', async () => {
    renderPage();
    expect(mockRotationLoaded).toBe(false);
    await act(async () => {
      fireEvent.mouseEnter(screen.getByRole('button', { name: 'Rotate token…' }));
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(mockRotationLoaded).toBe(true);
    });
  });

  it('renders the rotation section lazily on click, with the instance and Secret, then closes it', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Rotate token…' }));
    expect(await screen.findByTestId('rotation-stand-in')).toHaveTextContent(
      'rotation for ibm-ls-reporter/instance at 4822210',
    );
    expect(mockRotationLoaded).toBe(true);
    await user.click(screen.getByRole('button', { name: 'close rotation' }));
    expect(screen.getByRole('button', { name: 'Rotate token…' })).toBeInTheDocument();
  });
});

describe('TokenPage: a rotation of this Reporter in the store', () => {
  // Runs after the rotate-button tests: it loads the rotation module.
  const record = (running: boolean): RotationRecord => ({
    key: 'ibm-ls-reporter/instance',
    kind: 'rotate',
    plan: {
      key: 'ibm-ls-reporter/instance',
      reporter: {
        namespace: 'ibm-ls-reporter',
        crName: 'instance',
        secret: { namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' },
        deploymentName: 'ibm-license-service-reporter-instance',
      },
      steps: [],
      senders: [],
      sharedSecret: [],
      manual: [],
    },
    state: { steps: [], outcome: { kind: 'running' }, savedIn: [], startedAt: 0 },
    newToken: 'NewToken0123456789abcdefghij',
    previousToken: TOKEN,
    running,
  });

  afterEach(() => {
    act(() => {
      resetRotations();
    });
  });

  it.each([
    ['running', true],
    ['ended', false],
  ])(
    'opens the rotation section by itself when a run is %s (coming back to the page)',
    async (_what, running) => {
      setRotation(record(running));
      renderPage();
      expect(await screen.findByTestId('rotation-stand-in')).toHaveTextContent(
        'rotation for ibm-ls-reporter/instance',
      );
    },
  );

  it('keeps the section, with the last Secret read, while the Secret cannot be read during a run', async () => {
    setRotation(record(true));
    const view = renderPage();
    const section = await screen.findByTestId('rotation-stand-in');
    expect(section).toHaveTextContent('at 4822210');
    expect(section).not.toHaveTextContent('Secret unavailable');
    const key = 'ibm-ls-reporter/ibm-license-service-reporter-token';
    const good = cluster.secrets[key];
    // the watch fails after the Secret had loaded
    cluster.secrets[key] = { error: { code: 500, message: 'etcd timeout' } };
    view.rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
        <Location />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('rotation-stand-in')).toHaveTextContent(
      'at 4822210 (Secret unavailable)',
    );
    // readable again
    cluster.secrets[key] = good as SecretKind;
    view.rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
        <Location />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('rotation-stand-in')).not.toHaveTextContent('Secret unavailable');
  });

  it('without a run, an unreadable Secret closes the section as before', async () => {
    const user = userEvent.setup();
    const view = renderPage();
    await user.click(screen.getByRole('button', { name: 'Rotate token…' }));
    await screen.findByTestId('rotation-stand-in');
    cluster.secrets['ibm-ls-reporter/ibm-license-service-reporter-token'] = {
      error: { code: 500, message: 'etcd timeout' },
    };
    view.rerender(
      <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
        <TokenPage />
        <Location />
      </MemoryRouter>,
    );
    expect(screen.queryByTestId('rotation-stand-in')).not.toBeInTheDocument();
  });

  it("does not open the section for another Reporter's run", () => {
    setRotation({ ...record(true), key: 'elsewhere/instance' });
    renderPage();
    expect(screen.queryByTestId('rotation-stand-in')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rotate token…' })).toBeInTheDocument();
  });

  describe('the change notice', () => {
    const secretKey = 'ibm-ls-reporter/ibm-license-service-reporter-token';
    const holding = (token: string): SecretKind => {
      const s = fixtureSecret('ibm-license-service-reporter-token');
      return {
        ...s,
        data: { token: Buffer.from(token).toString('base64') },
        metadata: {
          ...s.metadata,
          resourceVersion: '5000000',
          annotations: { [ROTATED_AT_ANNOTATION]: '2026-12-04T16:00:00Z' },
        },
      };
    };
    const rerenderPage = (view: ReturnType<typeof renderPage>) => {
      view.rerender(
        <MemoryRouter initialEntries={['/license-service-reporter/api-token']}>
          <TokenPage />
          <Location />
        </MemoryRouter>,
      );
    };

    it.each([
      ['while the run patches the Secret', true, []],
      [
        'once the run has saved the token',
        false,
        [{ namespace: 'ibm-ls-reporter', name: 'ibm-license-service-reporter-token' }],
      ],
    ])("is not shown for this page's own run %s", async (_when, running, savedIn) => {
      setRotation({ ...record(running), state: { ...record(running).state, savedIn } });
      const view = renderPage();
      await screen.findByTestId('rotation-stand-in');
      cluster.secrets[secretKey] = holding('NewToken0123456789abcdefghij');
      rerenderPage(view);
      expect(screen.queryByTestId(DataTest.changeNotice)).not.toBeInTheDocument();
    });

    it('is shown for a rotation from another tab or user while this page has a run', async () => {
      setRotation(record(true));
      const view = renderPage();
      await screen.findByTestId('rotation-stand-in');
      cluster.secrets[secretKey] = holding('OtherTab0123456789abcdefghij');
      rerenderPage(view);
      expect(screen.getByTestId(DataTest.changeNotice)).toHaveTextContent(
        'The token was rotated by this plugin',
      );
    });

    it('is shown when a run that saved nothing finds its token written by someone else', async () => {
      setRotation({
        ...record(false),
        state: {
          ...record(false).state,
          outcome: {
            kind: 'failed',
            stepId: 'patch',
            tokenSaved: 'no',
            canRetry: true,
            reviewAgain: false,
          },
        },
      });
      const view = renderPage();
      await screen.findByTestId('rotation-stand-in');
      cluster.secrets[secretKey] = holding('NewToken0123456789abcdefghij');
      rerenderPage(view);
      expect(screen.getByTestId(DataTest.changeNotice)).toBeInTheDocument();
    });
  });
});
