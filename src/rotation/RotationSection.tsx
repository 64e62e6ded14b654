import type { RotationSectionProps } from '../reporter/types';

// Placeholder slot: replaced by the rotation feature (form, review, progress).
const RotationSection = (props: RotationSectionProps) => (props.currentToken ? null : null);

export default RotationSection;
