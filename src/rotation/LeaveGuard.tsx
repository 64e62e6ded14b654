/**
 * Asks before leaving while a rotation runs: the browser's beforeunload prompt for reloads and
 * closing, and react-router's blocker for in-console navigation when the console uses a data router
 * (useBlocker throws outside one, so it is only mounted under a data router).
 */
import { useContext, useEffect } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';

const RouterBlocker = ({ when }: { when: boolean }) => {
  const { t } = useTranslation('plugin__lsr-token-plugin');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  );
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal
      isOpen
      variant="small"
      onClose={() => {
        blocker.reset();
      }}
      aria-labelledby="lsr-token-plugin-leave-title"
    >
      <ModalHeader
        title={t('Leave while the rotation runs?')}
        labelId="lsr-token-plugin-leave-title"
      />
      <ModalBody>
        {t(
          'The rotation goes on in the background and this page shows it when you come back. Reloading or closing the browser tab would stop it.',
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => {
            blocker.reset();
          }}
        >
          {t('Stay')}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            blocker.proceed();
          }}
        >
          {t('Leave')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export const LeaveGuard = ({ when }: { when: boolean }) => {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  useEffect(() => {
    if (!when) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when]);
  return dataRouter ? <RouterBlocker when={when} /> : null;
};
