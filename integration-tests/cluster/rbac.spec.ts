/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are asserted loosely with expect() */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorServer } from './harness';
import {
  call,
  NS,
  PODS,
  REPORTERS,
  SECRETS,
  TOKEN_SECRET,
  useServer,
  watchStatus,
  type CallResult,
  type Loose,
} from './test-utils';

let s: EmulatorServer;

useServer((server) => {
  s = server;
});

type UserName = 'admin' | 'viewer' | 'outsider' | 'rotator-ns';

interface Case {
  what: string;
  review: {
    verb: string;
    group?: string;
    resource: string;
    namespace?: string;
    name?: string;
    subresource?: string;
  };
  /** Performs the request; returns its HTTP status. */
  run: (user: UserName) => Promise<number>;
  allowed: Record<UserName, boolean>;
}

const REPORTER_POD = 'ibm-license-service-reporter-instance-grpft4jmlc-k7kxs';
const DEPLOYMENT = `/apis/apps/v1/namespaces/${NS}/deployments/ibm-license-service-reporter-instance`;
const status = async (p: Promise<CallResult<Loose>>): Promise<number> => (await p).status;
const all = (
  admin: boolean,
  viewer: boolean,
  outsider: boolean,
  rotator: boolean,
): Record<UserName, boolean> => ({ admin, viewer, outsider, 'rotator-ns': rotator });

const CASES: Case[] = [
  {
    what: 'list Reporter CRs cluster-wide',
    review: { verb: 'list', group: 'operator.ibm.com', resource: 'ibmlicenseservicereporters' },
    run: (u) => status(call(s, REPORTERS, { user: u })),
    allowed: all(true, true, false, false),
  },
  {
    what: 'list Reporter CRs in the Reporter namespace',
    review: {
      verb: 'list',
      group: 'operator.ibm.com',
      resource: 'ibmlicenseservicereporters',
      namespace: NS,
    },
    run: (u) =>
      status(
        call(s, `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters`, {
          user: u,
        }),
      ),
    allowed: all(true, true, false, true),
  },
  {
    what: 'watch Reporter CRs in the Reporter namespace',
    review: {
      verb: 'watch',
      group: 'operator.ibm.com',
      resource: 'ibmlicenseservicereporters',
      namespace: NS,
    },
    run: (u) =>
      watchStatus(
        s,
        `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters?watch=true`,
        u,
      ),
    allowed: all(true, true, false, true),
  },
  {
    what: 'list IBMLicensing CRs (cluster-scoped)',
    review: { verb: 'list', group: 'operator.ibm.com', resource: 'ibmlicensings' },
    run: (u) => status(call(s, '/apis/operator.ibm.com/v1alpha1/ibmlicensings', { user: u })),
    allowed: all(true, true, false, false),
  },
  {
    what: 'get the Reporter namespace',
    review: { verb: 'get', resource: 'namespaces', name: NS, namespace: NS },
    run: (u) => status(call(s, `/api/v1/namespaces/${NS}`, { user: u })),
    allowed: all(true, true, false, true),
  },
  {
    what: 'get the token Secret',
    review: { verb: 'get', resource: 'secrets', namespace: NS, name: TOKEN_SECRET },
    run: (u) => status(call(s, `${SECRETS}/${TOKEN_SECRET}`, { user: u })),
    allowed: all(true, true, false, true),
  },
  {
    what: 'list Secrets in the Reporter namespace',
    review: { verb: 'list', resource: 'secrets', namespace: NS },
    run: (u) => status(call(s, SECRETS, { user: u })),
    allowed: all(true, true, false, true),
  },
  {
    what: 'watch the token Secret',
    review: { verb: 'watch', resource: 'secrets', namespace: NS, name: TOKEN_SECRET },
    run: (u) =>
      watchStatus(s, `${SECRETS}?watch=true&fieldSelector=metadata.name%3D${TOKEN_SECRET}`, u),
    allowed: all(true, true, false, true),
  },
  {
    what: 'list Secrets in all namespaces',
    review: { verb: 'list', resource: 'secrets' },
    run: (u) => status(call(s, '/api/v1/secrets', { user: u })),
    allowed: all(true, false, false, false),
  },
  {
    what: 'list Secrets in another namespace',
    review: { verb: 'list', resource: 'secrets', namespace: 'default' },
    run: (u) => status(call(s, '/api/v1/namespaces/default/secrets', { user: u })),
    allowed: all(true, false, false, false),
  },
  {
    what: 'patch the token Secret',
    review: { verb: 'patch', resource: 'secrets', namespace: NS, name: TOKEN_SECRET },
    run: (u) =>
      status(
        call(s, `${SECRETS}/${TOKEN_SECRET}`, {
          user: u,
          method: 'PATCH',
          body: [{ op: 'add', path: '/metadata/labels/probe', value: u }],
          contentType: 'application/json-patch+json',
        }),
      ),
    allowed: all(true, false, false, true),
  },
  {
    what: 'update (PUT) the token Secret',
    review: { verb: 'update', resource: 'secrets', namespace: NS, name: TOKEN_SECRET },
    run: async (u) => {
      const cur = (await s.control.getObject(`${SECRETS}/${TOKEN_SECRET}`)) ?? { metadata: {} };
      return status(
        call(s, `${SECRETS}/${TOKEN_SECRET}`, {
          user: u,
          method: 'PUT',
          body: { ...cur, metadata: { ...cur.metadata, resourceVersion: undefined } },
        }),
      );
    },
    allowed: all(true, false, false, false),
  },
  {
    what: 'list Pods in the Reporter namespace',
    review: { verb: 'list', resource: 'pods', namespace: NS },
    run: (u) => status(call(s, PODS, { user: u })),
    allowed: all(true, true, false, true),
  },
  {
    what: 'watch Pods in the Reporter namespace',
    review: { verb: 'watch', resource: 'pods', namespace: NS },
    run: (u) => watchStatus(s, `${PODS}?watch=true`, u),
    allowed: all(true, true, false, true),
  },
  {
    what: 'delete a Reporter pod',
    review: { verb: 'delete', resource: 'pods', namespace: NS, name: REPORTER_POD },
    run: (u) => status(call(s, `${PODS}/${REPORTER_POD}`, { user: u, method: 'DELETE' })),
    allowed: all(true, false, false, true),
  },
  {
    what: 'delete Pods by label (deletecollection)',
    review: { verb: 'deletecollection', resource: 'pods', namespace: NS },
    run: (u) =>
      status(call(s, `${PODS}?labelSelector=nothing%3Dmatches`, { user: u, method: 'DELETE' })),
    allowed: all(true, false, false, false),
  },
  {
    what: 'get the API Route',
    review: {
      verb: 'get',
      group: 'route.openshift.io',
      resource: 'routes',
      namespace: NS,
      name: 'ibm-license-service-reporter',
    },
    run: (u) =>
      status(
        call(
          s,
          `/apis/route.openshift.io/v1/namespaces/${NS}/routes/ibm-license-service-reporter`,
          { user: u },
        ),
      ),
    allowed: all(true, true, false, true),
  },
  {
    what: 'patch the Reporter Deployment',
    review: {
      verb: 'patch',
      group: 'apps',
      resource: 'deployments',
      namespace: NS,
      name: 'ibm-license-service-reporter-instance',
    },
    run: (u) =>
      status(
        call(s, DEPLOYMENT, {
          user: u,
          method: 'PATCH',
          body: { metadata: { labels: { probe: u } } },
          contentType: 'application/merge-patch+json',
        }),
      ),
    allowed: all(true, false, false, true),
  },
  {
    what: 'create a ConfigMap in the Reporter namespace',
    review: { verb: 'create', resource: 'configmaps', namespace: NS },
    run: (u) =>
      status(
        call(s, `/api/v1/namespaces/${NS}/configmaps`, {
          user: u,
          method: 'POST',
          body: { metadata: { name: `probe-${u}` } },
        }),
      ),
    allowed: all(true, false, false, false),
  },
  {
    what: 'patch the Reporter CR status',
    review: {
      verb: 'patch',
      group: 'operator.ibm.com',
      resource: 'ibmlicenseservicereporters',
      subresource: 'status',
      namespace: NS,
      name: 'instance',
    },
    run: (u) =>
      status(
        call(
          s,
          `/apis/operator.ibm.com/v1alpha1/namespaces/${NS}/ibmlicenseservicereporters/instance/status`,
          {
            user: u,
            method: 'PATCH',
            body: { status: {} },
            contentType: 'application/merge-patch+json',
          },
        ),
      ),
    allowed: all(true, false, false, false),
  },
];

async function review(user: UserName, attrs: Case['review']): Promise<Loose> {
  const r = await call(s, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    user,
    method: 'POST',
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { group: '', namespace: '', ...attrs } },
    },
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe.each(['admin', 'viewer', 'outsider', 'rotator-ns'] as UserName[])('user %s', (user) => {
  beforeAll(async () => {
    await s.control.reset('default', { podReadyDelayMs: 100, podTerminationDelayMs: 20 });
  });

  it.each(CASES.map((c) => [c.what, c] as const))(
    '%s: REST and SelfSubjectAccessReview agree with the rule table',
    async (_what, c) => {
      const expected = c.allowed[user];
      const ssar = await review(user, c.review);
      expect(ssar.status.allowed).toBe(expected);
      if (expected) expect(ssar.status.reason).toMatch(/^RBAC: allowed by /);
      const code = await c.run(user);
      if (expected) {
        expect(code).not.toBe(403);
        expect(code).toBeLessThan(500);
      } else {
        expect(code).toBe(403);
      }
    },
  );
});

describe('forbidden answers', () => {
  beforeAll(async () => {
    await s.control.reset('default');
  });

  it('word the refusal as kube-apiserver does', async () => {
    const patch = await call(s, `${SECRETS}/${TOKEN_SECRET}`, {
      user: 'viewer',
      method: 'PATCH',
      body: [],
      contentType: 'application/json-patch+json',
    });
    expect(patch.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `secrets "${TOKEN_SECRET}" is forbidden: User "viewer" cannot patch resource "secrets" in API group "" in the namespace "${NS}"`,
      reason: 'Forbidden',
      details: { name: TOKEN_SECRET, kind: 'secrets' },
      code: 403,
    });
    const list = await call(s, REPORTERS, { user: 'outsider' });
    expect(list.body.message).toBe(
      'ibmlicenseservicereporters.operator.ibm.com is forbidden: User "outsider" cannot list resource "ibmlicenseservicereporters" in API group "operator.ibm.com" at the cluster scope',
    );
    const dc = await call(s, `${PODS}?labelSelector=a%3Db`, {
      user: 'rotator-ns',
      method: 'DELETE',
    });
    expect(dc.body.message).toBe(
      `pods is forbidden: User "rotator-ns" cannot deletecollection resource "pods" in API group "" in the namespace "${NS}"`,
    );
  });

  it('checks RBAC before telling whether a resource type exists', async () => {
    await s.control.reset('no-reporter');
    expect((await call(s, REPORTERS, { user: 'outsider' })).status).toBe(403);
    expect((await call(s, REPORTERS, { user: 'viewer' })).status).toBe(404);
    expect((await call(s, '/apis', { user: 'outsider' })).status).toBe(200);
  });

  it('gives the namespace-scoped users their rights in every Reporter namespace of the fixture', async () => {
    await s.control.reset('other-namespace');
    const r = await call(s, '/api/v1/namespaces/ibm-licensing/secrets/my-lsr-token', {
      user: 'rotator-ns',
    });
    expect(r.status).toBe(200);
    const ssar = await review('rotator-ns', {
      verb: 'patch',
      resource: 'secrets',
      namespace: 'ibm-licensing',
      name: 'my-lsr-token',
    });
    expect(ssar.status.allowed).toBe(true);
  });

  it('rejects a review without attributes and answers unauthenticated requests with 401', async () => {
    const bad = await call(s, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      method: 'POST',
      body: { spec: {} },
    });
    expect(bad.status).toBe(422);
    const nonResource = await call(s, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      user: 'viewer',
      method: 'POST',
      body: { spec: { nonResourceAttributes: { path: '/apis', verb: 'get' } } },
    });
    expect(nonResource.body.status.allowed).toBe(true);
    // A host that could not tell the user passes an empty one.
    const anon = http.createServer((req, res) => {
      s.emulator.handle(req, res, { user: '', path: '/api/v1/namespaces' });
    });
    await new Promise<void>((resolve) => anon.listen(0, '127.0.0.1', resolve));
    const { port } = anon.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(401);
    expect((await res.json()).reason).toBe('Unauthorized');
    await new Promise((resolve) => anon.close(resolve));
  });
});
