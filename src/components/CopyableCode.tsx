import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeBlock, CodeBlockCode } from '@patternfly/react-core';
import { maskSecret } from '../token/mask';
import { CopyButton } from './CopyButton';

export type CopyableCodeProps = {
  /** Visible label of the block (also names the copy button: "Copy <label>"). */
  label: string;
  /** The full text: a command, a URL... The copy button always copies this, unmasked. */
  text: string;
  /** A secret part of `text` (e.g. the token), shown as a fixed-width mask unless `revealed`. */
  secret?: string;
  /** Show the secret part as it is. */
  revealed?: boolean;
  /** data-test of the block; the copy button gets `<dataTest>-copy`. */
  dataTest?: string;
};

/**
 * A labelled code block with a copy button. While the secret is masked, it is absent from the
 * DOM: the displayed text is the masked one and the copy button reads `text` only on click.
 */
export const CopyableCode = ({
  label,
  text,
  secret,
  revealed = false,
  dataTest,
}: CopyableCodeProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} data-test={dataTest}>
      <div>
        <span id={labelId}>{label}</span>{' '}
        <CopyButton
          value={() => text}
          aria-label={t('Copy {{label}}', { label })}
          fallbackLabel={label}
          dataTest={dataTest ? `${dataTest}-copy` : undefined}
        />
      </div>
      <CodeBlock>
        <CodeBlockCode>{maskSecret(text, secret, revealed)}</CodeBlockCode>
      </CodeBlock>
    </div>
  );
};
