/**
 * Minimal stand-in for `@openshift-console/dynamic-plugin-sdk-internal`: plugins should not use it
 * (public SDK only), but the console shares it, so a module of that name is in the share scope.
 */
export {
  useActivePerspective,
  StatusIconAndText,
  PopoverStatus,
  GreenCheckCircleIcon,
  RedExclamationCircleIcon,
  YellowExclamationTriangleIcon,
  BlueInfoCircleIcon,
  Timestamp,
  ResourceLink,
} from '../sdk';
