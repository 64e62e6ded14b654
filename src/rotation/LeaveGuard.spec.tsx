import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, RouterProvider, createMemoryRouter, MemoryRouter } from 'react-router';
import { LeaveGuard } from './LeaveGuard';

// jsdom has no Fetch API Request; a data router builds one per navigation (url, method, signal).
class NavigationRequest {
  readonly url: string;
  readonly method: string;
  readonly signal: AbortSignal;
  constructor(input: string | URL, init: { method?: string; signal?: AbortSignal } = {}) {
    this.url = String(input);
    this.method = init.method ?? 'GET';
    this.signal = init.signal ?? new AbortController().signal;
  }
}
beforeAll(() => {
  if (!('Request' in globalThis)) Object.assign(globalThis, { Request: NavigationRequest });
});

const routes = (when: boolean) => [
  {
    path: '/here',
    element: (
      <>
        <LeaveGuard when={when} />
        <Link to="/elsewhere">elsewhere</Link>
      </>
    ),
  },
  { path: '/elsewhere', element: <p>arrived</p> },
];

describe('LeaveGuard', () => {
  it('under a data router, asks before in-console navigation while a run goes on', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter(routes(true), { initialEntries: ['/here'] });
    render(<RouterProvider router={router} />);
    await user.click(screen.getByText('elsewhere'));
    expect(await screen.findByText('Leave while the rotation runs?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/here');
    await user.click(screen.getByText('elsewhere'));
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('arrived')).toBeInTheDocument();
  });

  it('lets navigation through when nothing runs', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter(routes(false), { initialEntries: ['/here'] });
    render(<RouterProvider router={router} />);
    await user.click(screen.getByText('elsewhere'));
    expect(await screen.findByText('arrived')).toBeInTheDocument();
  });

  it('outside a data router it does not throw, and still guards unload', () => {
    render(
      <MemoryRouter>
        <LeaveGuard when />
      </MemoryRouter>,
    );
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
  });
});
