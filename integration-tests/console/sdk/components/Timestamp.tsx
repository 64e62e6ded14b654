import { Tooltip } from '@patternfly/react-core';
import { GlobeAmericasIcon } from '@patternfly/react-icons';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

const relative = (date: Date, now: number, omitSuffix: boolean): string | undefined => {
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 0 || seconds > 630 * 60) {
    return undefined;
  }
  if (seconds < 60) {
    return 'Just now';
  }
  const minutes = Math.round(seconds / 60);
  const text =
    minutes < 60
      ? `${minutes} minute${minutes === 1 ? '' : 's'}`
      : `${Math.round(minutes / 60)} hour${Math.round(minutes / 60) === 1 ? '' : 's'}`;
  return omitSuffix ? text : `${text} ago`;
};

/** A time, relative when recent, with the UTC time in a tooltip; `-` when missing, as in the console. */
export const Timestamp: typeof SDK.Timestamp = ({ timestamp, simple, omitSuffix, className }) => {
  const date = timestamp ? new Date(timestamp) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return <div className={className}>-</div>;
  }
  const shown =
    relative(date, Date.now(), !!omitSuffix) ??
    date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  if (simple) {
    return <span className={className}>{shown}</span>;
  }
  return (
    <div
      className={['console-timestamp', className].filter(Boolean).join(' ')}
      data-test="timestamp"
    >
      <GlobeAmericasIcon />{' '}
      <Tooltip content={date.toUTCString()}>
        <span>{shown}</span>
      </Tooltip>
    </div>
  );
};
