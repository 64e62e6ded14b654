import type { ComponentType, ReactNode } from 'react';
import { Button, Icon, Label, Popover, Spinner } from '@patternfly/react-core';
import {
  BanIcon,
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  HourglassHalfIcon,
  InfoCircleIcon,
  NotStartedIcon,
  SyncAltIcon,
  UnknownIcon,
} from '@patternfly/react-icons';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type IconProps = Parameters<typeof SDK.GreenCheckCircleIcon>[0];

export const GreenCheckCircleIcon: typeof SDK.GreenCheckCircleIcon = ({
  title,
  className,
  dataTest,
}: IconProps) => (
  <Icon status="success" isInline className={className}>
    <CheckCircleIcon title={title} data-test={dataTest} />
  </Icon>
);
export const RedExclamationCircleIcon: typeof SDK.RedExclamationCircleIcon = ({
  title,
  className,
  dataTest,
}: IconProps) => (
  <Icon status="danger" isInline className={className}>
    <ExclamationCircleIcon title={title} data-test={dataTest} />
  </Icon>
);
export const YellowExclamationTriangleIcon: typeof SDK.YellowExclamationTriangleIcon = ({
  title,
  className,
  dataTest,
}: IconProps) => (
  <Icon status="warning" isInline className={className}>
    <ExclamationTriangleIcon title={title} data-test={dataTest} />
  </Icon>
);
export const BlueInfoCircleIcon: typeof SDK.BlueInfoCircleIcon = ({
  title,
  className,
  dataTest,
}: IconProps) => (
  <Icon status="info" isInline className={className}>
    <InfoCircleIcon title={title} data-test={dataTest} />
  </Icon>
);

export const StatusIconAndText: typeof SDK.StatusIconAndText = ({
  icon,
  title,
  spin,
  iconOnly,
  className,
}) => {
  if (!title) {
    return <>-</>;
  }
  return (
    <span
      className={['console-icon-and-text', className].filter(Boolean).join(' ')}
      title={iconOnly ? title : undefined}
      data-test="status-text"
    >
      {icon ? (
        <span
          className={spin ? 'console-icon-and-text__icon fa-spin' : 'console-icon-and-text__icon'}
        >
          {icon}
        </span>
      ) : null}
      {!iconOnly && <span>{title}</span>}
    </span>
  );
};

export const PopoverStatus: typeof SDK.PopoverStatus = ({
  children,
  statusBody,
  title,
  hideHeader,
  onHide,
  onShow,
  isVisible,
  shouldClose,
  shouldOpen,
}) => (
  <Popover
    position="right"
    headerContent={hideHeader ? null : title}
    bodyContent={children}
    aria-label={title}
    onHide={onHide}
    onShow={onShow}
    {...(isVisible !== undefined ? { isVisible } : {})}
    {...(shouldClose ? { shouldClose } : {})}
    {...(shouldOpen ? { shouldOpen } : {})}
  >
    <Button variant="link" isInline>
      {statusBody}
    </Button>
  </Popover>
);

type GenericStatusProps = {
  title?: string;
  iconOnly?: boolean;
  noTooltip?: boolean;
  className?: string;
  popoverTitle?: string;
  children?: ReactNode;
  Icon: ComponentType<{ title?: string }>;
  spin?: boolean;
};

export const GenericStatus: typeof SDK.GenericStatus = (props: GenericStatusProps) => {
  const { Icon: StatusIcon, children, popoverTitle, title, iconOnly, ...rest } = props;
  const body = (
    <StatusIconAndText
      {...rest}
      title={title}
      iconOnly={iconOnly}
      icon={<StatusIcon title={title} />}
    />
  );
  return children ? (
    <PopoverStatus title={popoverTitle || title} statusBody={body}>
      {children}
    </PopoverStatus>
  ) : (
    body
  );
};

type StatusProps = Omit<GenericStatusProps, 'Icon'>;

export const SuccessStatus: typeof SDK.SuccessStatus = (p: StatusProps) => (
  <GenericStatus {...p} Icon={GreenCheckCircleIcon} />
);
export const ErrorStatus: typeof SDK.ErrorStatus = (p: StatusProps) => (
  <GenericStatus {...p} Icon={RedExclamationCircleIcon} />
);
export const InfoStatus: typeof SDK.InfoStatus = (p: StatusProps) => (
  <GenericStatus {...p} Icon={BlueInfoCircleIcon} />
);
const SpinnerIcon = ({ title }: { title?: string }) => <Spinner size="sm" aria-label={title} />;
export const ProgressStatus: typeof SDK.ProgressStatus = (p: StatusProps) => (
  <GenericStatus {...p} Icon={SpinnerIcon} />
);

const STATUS_ICONS: [string[], ComponentType<{ title?: string }>][] = [
  [['New', 'Pending', 'PipelineNotStarted'], HourglassHalfIcon],
  [['ContainerCreating', 'UpgradePending', 'Updating', 'Upgrading', 'Installing'], SyncAltIcon],
  [['In Progress', 'Progressing', 'Running', 'Terminating'], SyncAltIcon],
  [
    ['Cancelled', 'Deleting', 'Expired', 'Not Ready', 'Cancelling', 'Terminated', 'Superseded'],
    BanIcon,
  ],
  [['Warning', 'RequiresApproval'], YellowExclamationTriangleIcon],
  [
    [
      'ContainerCannotRun',
      'CrashLoopBackOff',
      'Critical',
      'ErrImagePull',
      'Error',
      'Failed',
      'Failure',
      'ImagePullBackOff',
      'InstallCheckFailed',
      'Lost',
      'Rejected',
      'UpgradeFailed',
    ],
    RedExclamationCircleIcon,
  ],
  [
    [
      'Accepted',
      'Active',
      'Bound',
      'Complete',
      'Completed',
      'Created',
      'Enabled',
      'Succeeded',
      'Ready',
      'Up to date',
      'Loaded',
      'Provisioned',
      'Available',
    ],
    GreenCheckCircleIcon,
  ],
  [['Info'], BlueInfoCircleIcon],
  [['Unknown'], UnknownIcon],
  [['PipelineNotStarted'], NotStartedIcon],
];

/** The console's status-name to icon table (a subset of its well-known names). */
export const StatusComponent: typeof SDK.StatusComponent = ({
  status,
  title,
  children,
  iconOnly,
  noTooltip,
  className,
}) => {
  const StatusIcon = STATUS_ICONS.find(([names]) => names.includes(status))?.[1];
  return (
    <GenericStatus
      title={title || status}
      iconOnly={iconOnly}
      noTooltip={noTooltip}
      className={className}
      Icon={StatusIcon ?? (() => null)}
    >
      {children}
    </GenericStatus>
  );
};

export const ResourceStatus: typeof SDK.ResourceStatus = ({ additionalClassNames, children }) => (
  <span className={['console-resource-status', additionalClassNames].filter(Boolean).join(' ')}>
    <Label isCompact>{children}</Label>
  </span>
);

export const CamelCaseWrap: typeof SDK.CamelCaseWrap = ({ value, dataTest }) => {
  if (!value) {
    return <>-</>;
  }
  const words = value.match(/[A-Z]+[^A-Z]*|[^A-Z]+/g) ?? [value];
  return (
    <span data-test={dataTest}>
      {words.map((w, i) => (
        <span key={`${w}-${String(i)}`}>
          {w}
          <wbr />
        </span>
      ))}
    </span>
  );
};

export const ErrorBoundaryFallbackPage: typeof SDK.ErrorBoundaryFallbackPage = ({
  errorMessage,
  componentStack,
  stack,
  title,
}) => (
  <div className="console-error-fallback" role="alert">
    <h1>{title}</h1>
    <p>{errorMessage}</p>
    <pre>{stack}</pre>
    <pre>{componentStack}</pre>
  </div>
);
