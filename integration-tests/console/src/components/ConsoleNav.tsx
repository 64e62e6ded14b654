import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { Nav, NavExpandable, NavItem, NavList } from '@patternfly/react-core';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import type { HrefNavItem } from '@openshift-console/dynamic-plugin-sdk';
import { isHrefNavItem } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { ALL_NAMESPACES_KEY } from '../../sdk/app-state';
import { useActiveNamespace } from '../../sdk/app-state';

/** Admin perspective sections, in the console's order, with the host's own items. */
const SECTIONS: {
  id: string;
  label: string;
  own: { id: string; label: string; href: string }[];
}[] = [
  { id: 'home', label: 'Home', own: [{ id: 'overview', label: 'Overview', href: '/' }] },
  {
    id: 'workloads',
    label: 'Workloads',
    own: [{ id: 'secrets', label: 'Secrets', href: '/secrets' }],
  },
  { id: 'administration', label: 'Administration', own: [] },
];

/** `%ns~key%` labels are translated, as the console does for extension properties. */
const useLabel = () => {
  const { t } = useTranslation();
  return (name: string) => (/^%.+%$/.test(name) ? t(name.slice(1, -1)) : name);
};

const namespacedHref = (href: string, ns: string, e?: HrefNavItem['properties']) => {
  if (!e?.namespaced && !e?.prefixNamespaced) {
    return href;
  }
  const prefix = ns === ALL_NAMESPACES_KEY ? '/k8s/all-namespaces' : `/k8s/ns/${ns}`;
  return `${prefix}${href.startsWith('/') ? '' : '/'}${href}`;
};

/** Left navigation: host items plus console.navigation/href extensions in use (flags honoured). */
export const ConsoleNav = () => {
  const location = useLocation();
  const label = useLabel();
  const [ns] = useActiveNamespace();
  const items = useExtensions(isHrefNavItem as (e: unknown) => e is HrefNavItem).filter(
    (e) => !e.properties.perspective || e.properties.perspective === 'admin',
  );
  const isActive = (href: string, startsWith?: string[]) =>
    href === '/'
      ? location.pathname === '/'
      : [href, ...(startsWith ?? [])].some((p) => location.pathname.startsWith(p));
  return (
    <Nav aria-label="Global">
      <NavList>
        {SECTIONS.map((section) => {
          const pluginItems = items.filter((e) => (e.properties.section ?? 'home') === section.id);
          if (section.own.length === 0 && pluginItems.length === 0) {
            return null;
          }
          const ownHref = (href: string) =>
            href === '/secrets'
              ? ns === ALL_NAMESPACES_KEY
                ? '/k8s/all-namespaces/secrets'
                : `/k8s/ns/${ns}/secrets`
              : href;
          const active =
            section.own.some((o) => isActive(o.href === '/secrets' ? '/k8s/' : o.href)) ||
            pluginItems.some((e) => isActive(e.properties.href, e.properties.startsWith));
          return (
            <NavExpandable
              key={section.id}
              title={section.label}
              isExpanded
              isActive={active}
              data-test-id={`nav-section-${section.id}`}
            >
              {section.own.map((o) => {
                const href = ownHref(o.href);
                const on =
                  o.href === '/secrets' ? location.pathname.includes('/secrets') : isActive(href);
                return (
                  <NavItem key={o.id} isActive={on}>
                    <NavLink to={href} data-test-id={`nav-${o.id}`}>
                      {o.label}
                    </NavLink>
                  </NavItem>
                );
              })}
              {pluginItems.map((e) => {
                const href = namespacedHref(e.properties.href, ns, e.properties);
                return (
                  <NavItem
                    key={e.uid}
                    isActive={isActive(e.properties.href, e.properties.startsWith)}
                  >
                    <NavLink to={href} data-test-id={e.properties.id} data-test="nav">
                      {label(e.properties.name)}
                    </NavLink>
                  </NavItem>
                );
              })}
            </NavExpandable>
          );
        })}
      </NavList>
    </Nav>
  );
};
