import { useEffect, useState } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type {
  AccessReviewResourceAttributes,
  K8sModel,
} from '@openshift-console/dynamic-plugin-sdk';
import { k8sCreate } from './k8s-resource';

export const SelfSubjectAccessReviewModel: K8sModel = {
  abbr: 'SSAR',
  kind: 'SelfSubjectAccessReview',
  label: 'SelfSubjectAccessReview',
  labelPlural: 'SelfSubjectAccessReviews',
  plural: 'selfsubjectaccessreviews',
  apiVersion: 'v1',
  apiGroup: 'authorization.k8s.io',
  namespaced: false,
};

type SSAR = {
  apiVersion: string;
  kind: string;
  spec: { resourceAttributes: AccessReviewResourceAttributes };
  status?: { allowed: boolean; denied?: boolean; reason?: string };
};

/** Reviews are cached for the page's life, keyed by every attribute, as in the console. */
const cache = new Map<string, Promise<SSAR>>();

/** The attributes with '' for each one left out, and the key that names them all. */
const normalize = (attrs: AccessReviewResourceAttributes) => {
  const {
    group = '',
    resource = '',
    subresource = '',
    verb = '',
    name = '',
    namespace = '',
  } = attrs;
  const key = [group, resource, subresource, verb, name, namespace].join('~');
  return { group, resource, subresource, verb, name, namespace, key };
};

const review = (attrs: AccessReviewResourceAttributes): Promise<SSAR> => {
  const { group, resource, subresource, verb, name, namespace, key } = normalize(attrs);
  const cached = cache.get(key);
  if (cached) {
    return cached;
  }
  // Projects are cluster-scoped, yet the console reviews them in the namespace of the same name.
  const reviewNamespace = group === '' && resource === 'projects' ? name : namespace;
  const promise = k8sCreate<SSAR>({
    model: SelfSubjectAccessReviewModel,
    data: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          group,
          resource,
          subresource,
          verb,
          name,
          namespace: reviewNamespace,
        },
      },
    } as SSAR,
  });
  cache.set(key, promise);
  return promise;
};

export const checkAccess: typeof SDK.checkAccess = (resourceAttributes) =>
  review(resourceAttributes);

/** [allowed, loading]. A review that fails reports allowed: the API call itself must handle 403. */
export const useAccessReview: typeof SDK.useAccessReview = (resourceAttributes) => {
  const { group, resource, subresource, verb, name, namespace, key } =
    normalize(resourceAttributes);
  const [state, setState] = useState<{ key: string; allowed: boolean } | undefined>();
  useEffect(() => {
    let live = true;
    review({ group, resource, subresource, verb: verb as SDK.K8sVerb, name, namespace }).then(
      (r) => {
        if (live) {
          setState({ key, allowed: !!r.status?.allowed });
        }
      },
      (e: unknown) => {
        console.warn('SelfSubjectAccessReview failed', e);
        if (live) {
          setState({ key, allowed: true });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [key, group, resource, subresource, verb, name, namespace]);
  const current = state?.key === key ? state : undefined;
  return [current?.allowed ?? false, current === undefined];
};

export const useAccessReviewAllowed = (attrs: AccessReviewResourceAttributes): boolean =>
  useAccessReview(attrs)[0];
