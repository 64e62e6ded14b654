import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import type { Action, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '../../sdk/access-review';

const ActionItem = ({ action, onDone }: { action: Action; onDone: () => void }) => {
  const navigate = useNavigate();
  const [allowed, loading] = useAccessReview(action.accessReview ?? {});
  const disabled = !!action.disabled || (!!action.accessReview && (loading || !allowed));
  const tooltip = disabled ? (action.disabledTooltip ?? action.tooltip) : action.tooltip;
  const onClick = () => {
    onDone();
    const { cta } = action;
    if (typeof cta === 'function') {
      cta();
    } else if (cta.external) {
      window.open(cta.href, '_blank', 'noopener,noreferrer');
    } else {
      void navigate(cta.href);
    }
  };
  return (
    <DropdownItem
      data-test-action={action.id}
      isAriaDisabled={disabled}
      description={action.description}
      onClick={onClick}
      {...(tooltip ? { tooltipProps: { content: tooltip } } : {})}
    >
      {action.label}
    </DropdownItem>
  );
};

/** The Actions menu of a resource details page. */
export const ActionsMenu = ({ actions }: { actions: Action[]; resource?: K8sResourceCommon }) => {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
  }, []);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          isExpanded={open}
          isDisabled={actions.length === 0}
          onClick={() => {
            setOpen((o) => !o);
          }}
          data-test-id="actions-menu-button"
        >
          Actions
        </MenuToggle>
      )}
    >
      <DropdownList>
        {actions.map((a) => (
          <ActionItem key={a.id} action={a} onDone={close} />
        ))}
      </DropdownList>
    </Dropdown>
  );
};
