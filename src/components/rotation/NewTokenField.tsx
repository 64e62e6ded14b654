import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Flex,
  FlexItem,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  NumberInput,
  TextInput,
} from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon } from '@patternfly/react-icons';
import { DataTest } from '../../data-test';
import {
  GENERATED_DEFAULT_LENGTH,
  GENERATED_MAX_LENGTH,
  GENERATED_MIN_LENGTH,
  clampGeneratedLength,
  generateToken,
} from '../../token/generate';
import {
  TOKEN_MAX_LENGTH,
  TOKEN_MIN_LENGTH,
  trimToken,
  type TokenValidation,
} from '../../token/validate';
import { useRotationText } from './useRotationText';

export type NewTokenFieldProps = {
  value: string;
  onChange: (value: string) => void;
  validation: TokenValidation;
  isDisabled?: boolean;
  /** Enter in the field (there is no form to submit: nothing offers to save the token). */
  onEnter?: () => void;
};

/**
 * The new token: typed or pasted into a password field with its own reveal, or generated. Every
 * problem is listed as the user types, with the offending characters by code point and position.
 */
export const NewTokenField = ({
  value,
  onChange,
  validation,
  isDisabled,
  onEnter,
}: NewTokenFieldProps) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const text = useRotationText();
  const [revealed, setRevealed] = useState(false);
  const [length, setLength] = useState(GENERATED_DEFAULT_LENGTH);
  const inputId = useId();
  const rulesId = useId();
  const problemsId = useId();
  const empty = value.length === 0;
  const inputRef = useRef<HTMLInputElement>(null);
  // The input is uncontrolled (no value prop): React would otherwise mirror the secret into the
  // value attribute of the DOM.
  useEffect(() => {
    if (inputRef.current && inputRef.current.value !== value) inputRef.current.value = value;
  }, [value]);

  return (
    <FormGroup label={t('New token')} fieldId={inputId} isRequired>
      <Flex flexWrap={{ default: 'nowrap' }} gap={{ default: 'gapXs' }}>
        <FlexItem grow={{ default: 'grow' }}>
          <TextInput
            ref={inputRef}
            id={inputId}
            aria-label={t('New token')}
            type={revealed ? 'text' : 'password'}
            onChange={(_e, v) => {
              onChange(v);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
              e.preventDefault();
              onEnter?.();
            }}
            isDisabled={isDisabled}
            validated={empty ? 'default' : validation.valid ? 'success' : 'error'}
            aria-describedby={`${rulesId} ${problemsId}`}
            // Not a credential of the user: browsers and password managers must not offer to save it.
            autoComplete="off"
            data-1p-ignore
            data-lpignore="true"
            data-bwignore
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            data-test={DataTest.rotationTokenInput}
          />
        </FlexItem>
        <FlexItem>
          <Button
            variant="control"
            aria-label={t('Show new token')}
            aria-pressed={revealed}
            onClick={() => {
              setRevealed(!revealed);
            }}
            data-test={DataTest.rotationTokenReveal}
            icon={revealed ? <EyeSlashIcon /> : <EyeIcon />}
          />
        </FlexItem>
      </Flex>
      <FormHelperText>
        <HelperText id={rulesId}>
          <HelperTextItem>
            {t(
              '{{min}} to {{max}} characters. Not allowed: spaces or any whitespace, ?, % and & (IBM rule), # and + (the token travels in the URL as ?token=…), and anything outside printable ASCII. Generated tokens use letters and digits only.',
              { min: TOKEN_MIN_LENGTH, max: TOKEN_MAX_LENGTH },
            )}
          </HelperTextItem>
        </HelperText>
        <HelperText id={problemsId} aria-live="polite" data-test={DataTest.rotationTokenProblems}>
          {!empty &&
            validation.problems.map((p) => (
              <HelperTextItem
                key={p.code}
                variant="error"
                data-test={DataTest.rotationTokenProblem}
              >
                {text.problemTitle(p)}
                {'characters' in p && (
                  <ul>
                    {p.characters.map((c, i) => (
                      // Keyed by position in the list: keys built from the characters would carry the token.
                      <li key={i}>{text.character(c)}</li>
                    ))}
                  </ul>
                )}
              </HelperTextItem>
            ))}
          {!empty && validation.valid && (
            <HelperTextItem variant="success">{t('The token meets every rule.')}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
      <Flex alignItems={{ default: 'alignItemsCenter' }}>
        {validation.trimmable && (
          <FlexItem>
            <Button
              variant="secondary"
              onClick={() => {
                onChange(trimToken(value));
              }}
              data-test={DataTest.rotationTokenTrim}
            >
              {t('Trim leading and trailing whitespace')}
            </Button>
          </FlexItem>
        )}
        <FlexItem>
          <Button
            variant="secondary"
            isDisabled={isDisabled}
            onClick={() => {
              onChange(generateToken(clampGeneratedLength(length)));
            }}
            data-test={DataTest.rotationGenerate}
          >
            {t('Generate a token')}
          </Button>
        </FlexItem>
        <FlexItem>
          <NumberInput
            value={length}
            min={GENERATED_MIN_LENGTH}
            max={GENERATED_MAX_LENGTH}
            onMinus={() => {
              setLength(clampGeneratedLength(length - 1));
            }}
            onPlus={() => {
              setLength(clampGeneratedLength(length + 1));
            }}
            onChange={(e) => {
              const n = Number((e.target as HTMLInputElement).value);
              setLength(Number.isFinite(n) ? n : GENERATED_DEFAULT_LENGTH);
            }}
            onBlur={() => {
              setLength(clampGeneratedLength(length));
            }}
            inputName="generated-length"
            inputAriaLabel={t('Generated token length')}
            minusBtnAriaLabel={t('Shorter')}
            plusBtnAriaLabel={t('Longer')}
            unit={t('characters')}
            isDisabled={isDisabled}
            inputProps={{ 'data-test': DataTest.rotationGenerateLength }}
          />
        </FlexItem>
      </Flex>
    </FormGroup>
  );
};
