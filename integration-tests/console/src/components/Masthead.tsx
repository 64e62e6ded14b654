import { useEffect, useState } from 'react';
import {
  FormSelect,
  FormSelectOption,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  PageToggleButton,
  Switch,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { BarsIcon } from '@patternfly/react-icons';
import { applyTheme, currentTheme, setStoredTheme } from '../theme';

const setCookie = (name: string, value: string) => {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; SameSite=Strict`;
};

const getCookie = (name: string): string | undefined =>
  document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** The emulator's current fixture (tests may reset it behind the page's back). */
const useFixture = (): string => {
  const [fixture, setFixture] = useState(window.STAND_IN.fixture);
  useEffect(() => {
    let live = true;
    fetch('/__emulator/state')
      .then((r) => r.json() as Promise<{ fixture?: string }>)
      .then((s) => {
        if (live && s.fixture) {
          setFixture(s.fixture);
        }
      })
      .catch((e: unknown) => {
        console.warn('Could not read the emulator state', e);
      });
    return () => {
      live = false;
    };
  }, []);
  return fixture;
};

const resetFixture = async (fixture: string) => {
  const csrf = getCookie('csrf-token') ?? '';
  const response = await fetch('/__emulator/reset', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
    body: JSON.stringify({ fixture }),
  });
  if (!response.ok) {
    throw new Error(`Reset failed: ${String(response.status)}`);
  }
};

/** Masthead with the stand-in's switches: theme, user (cookie + reload), fixture (reset + reload). */
export const ConsoleMasthead = () => {
  const [dark, setDark] = useState(currentTheme() === 'dark');
  const [fixtureError, setFixtureError] = useState<string>();
  const fixture = useFixture();
  const { users, user } = window.STAND_IN;
  return (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton variant="plain" aria-label="Global navigation">
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component="span" className="console-brand">
            OpenShift (stand-in)
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect
                aria-label="Fixture"
                className="console-masthead-select"
                data-test="console-fixture-select"
                value={fixture}
                validated={fixtureError ? 'error' : 'default'}
                onChange={(_e, next) => {
                  resetFixture(next).then(
                    () => {
                      window.location.reload();
                    },
                    (e: unknown) => {
                      setFixtureError(String(e));
                    },
                  );
                }}
              >
                {window.STAND_IN.fixtures.map((f) => (
                  <FormSelectOption key={f} value={f} label={`Cluster: ${f}`} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                aria-label="User"
                className="console-masthead-select"
                data-test="console-user-select"
                value={user}
                onChange={(_e, name) => {
                  setCookie('lsr-user', name);
                  window.location.reload();
                }}
              >
                {users.map((u) => (
                  <FormSelectOption
                    key={u.name}
                    value={u.name}
                    label={`User: ${u.name}`}
                    title={u.description}
                  />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem alignSelf="center">
              <Switch
                id="console-theme-switch"
                aria-label="Dark theme"
                data-test="console-theme-switch"
                label="Dark"
                isChecked={dark}
                onChange={(_e, checked) => {
                  const theme = checked ? 'dark' : 'light';
                  setStoredTheme(theme);
                  applyTheme(theme);
                  setDark(checked);
                }}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
};
