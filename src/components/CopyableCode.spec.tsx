import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyableCode } from './CopyableCode';
import { TOKEN_MASK } from '../token/mask';

const TOKEN = 'Ox50X8n7RpfqCpNReNRDY5cc';
const URL_TEXT = `https://lsr.example.com/snapshot?token=${TOKEN}`;

describe('CopyableCode', () => {
  beforeEach(() => {
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  });

  it('masks the secret part, keeps it out of the DOM, and copies the full text', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyableCode label="Example request" text={URL_TEXT} secret={TOKEN} />);

    expect(screen.getByRole('group', { name: 'Example request' })).toHaveTextContent(
      `https://lsr.example.com/snapshot?token=${TOKEN_MASK}`,
    );
    expect(document.body.innerHTML).not.toContain(TOKEN);

    await user.click(screen.getByRole('button', { name: 'Copy Example request' }));
    expect(writeText).toHaveBeenCalledWith(URL_TEXT);
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('shows the secret when revealed', () => {
    render(<CopyableCode label="Example request" text={URL_TEXT} secret={TOKEN} revealed />);
    expect(screen.getByRole('group', { name: 'Example request' })).toHaveTextContent(URL_TEXT);
  });

  it('shows text without a secret as it is', () => {
    render(<CopyableCode label="Linux" text="oc get secret x -n ns" />);
    expect(screen.getByText('oc get secret x -n ns')).toBeInTheDocument();
  });
});
