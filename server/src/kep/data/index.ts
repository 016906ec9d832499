import type { ApiVersionLifecycle, Enhancement } from '../types';
import { stableAndBetaEnhancements } from './stableAndBeta';
import { alphaAndRemovalEnhancements } from './alphaAndRemovals';
import { apiVersionLifecycles as lifecycles, currentApiVersions as current } from './apiLifecycle';

export { embeddings } from './embeddings';

/** Every enhancement, removal and deprecation the data knows. */
export const enhancements: readonly Enhancement[] = [...stableAndBetaEnhancements, ...alphaAndRemovalEnhancements];

/** Deprecated and removed built-in API group/versions. */
export const apiVersionLifecycles: readonly ApiVersionLifecycle[] = lifecycles;

/** Group/versions that serve each built-in kind, preferred first. */
export const currentApiVersions: typeof current = current;
