import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from './CopyButton';
import { DataTest } from '../data-test';

// userEvent.setup() installs its own clipboard stub: tests set theirs after it.
const setClipboard = (writeText: ((text: string) => Promise<void>) | undefined, secure = true) => {
  Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
  Object.defineProperty(navigator, 'clipboard', {
    value: writeText ? { writeText } : undefined,
    configurable: true,
  });
};

describe('CopyButton', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('copies the value from a getter and announces "Copied", then returns to idle', async () => {
    jest.useFakeTimers();
    const writeText = jest.fn(() => Promise.resolve());
    const getter = jest.fn(() => 's3cr3t-value');
    const user = userEvent.setup({
      advanceTimers: (ms) => {
        jest.advanceTimersByTime(ms);
      },
    });
    setClipboard(writeText);
    render(<CopyButton value={getter} aria-label="Copy API token" />);
    expect(getter).not.toHaveBeenCalled();
    expect(document.body.innerHTML).not.toContain('s3cr3t-value');

    await user.click(screen.getByRole('button', { name: 'Copy API token' }));
    expect(writeText).toHaveBeenCalledWith('s3cr3t-value');
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Copied');
    });
    expect(document.body.innerHTML).not.toContain('s3cr3t-value');

    act(() => {
      jest.advanceTimersByTime(3000);
    });
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('shows a selected fallback field with the reason when the browser refuses, and hides it', async () => {
    const user = userEvent.setup();
    setClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    render(
      <CopyButton value="s3cr3t-value" aria-label="Copy API token" fallbackLabel="API token" />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy API token' }));

    expect(screen.getByText('The browser refused access to the clipboard.')).toBeInTheDocument();
    const field = screen.getByTestId<HTMLInputElement>(DataTest.copyFallback);
    expect(field).toHaveValue('s3cr3t-value');
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe('s3cr3t-value'.length);
    expect(screen.getByRole('status')).toHaveTextContent('');

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId(DataTest.copyFallback)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('s3cr3t-value');
  });

  it('shows the value as it is now, not as it was when clicked', async () => {
    const user = userEvent.setup();
    setClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const { rerender } = render(
      <CopyButton value={() => 'old-token-value'} aria-label="Copy API token" />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy API token' }));
    expect(screen.getByTestId(DataTest.copyFallback)).toHaveValue('old-token-value');

    rerender(<CopyButton value={() => 'new-token-value'} aria-label="Copy API token" />);
    expect(screen.getByTestId(DataTest.copyFallback)).toHaveValue('new-token-value');

    // Nothing left to copy: the field goes, the reason stays.
    rerender(<CopyButton value={() => undefined} aria-label="Copy API token" />);
    expect(screen.queryByTestId(DataTest.copyFallback)).not.toBeInTheDocument();
  });

  it('falls back without calling anything when there is no Clipboard API', async () => {
    const user = userEvent.setup();
    setClipboard(undefined, false);
    render(<CopyButton value="abc123" aria-label="Copy command" />);
    await user.click(screen.getByRole('button', { name: 'Copy command' }));
    expect(screen.getByText(/not served over HTTPS/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Value to copy' })).toHaveValue('abc123');
  });

  it('treats a non-secure context as unavailable even if the API object exists', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    const user = userEvent.setup();
    setClipboard(writeText, false);
    render(<CopyButton value="abc123" aria-label="Copy command" />);
    await user.click(screen.getByRole('button', { name: 'Copy command' }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByTestId(DataTest.copyFallback)).toHaveValue('abc123');
  });

  it('says there is nothing to copy when the getter returns nothing', async () => {
    const user = userEvent.setup();
    setClipboard(jest.fn(() => Promise.resolve()));
    render(<CopyButton value={() => undefined} aria-label="Copy API token" />);
    await user.click(screen.getByRole('button', { name: 'Copy API token' }));
    expect(screen.getByText('There is nothing to copy.')).toBeInTheDocument();
    expect(screen.queryByTestId(DataTest.copyFallback)).not.toBeInTheDocument();
  });
});
