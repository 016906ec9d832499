/**
 * Our words on the enhancements of Kubernetes 1.35-1.37 (those that change
 * fields people write), on top of the imported facts.
 */
import type { EnhancementOverlay } from './types';

export const overlays135to137: readonly EnhancementOverlay[] = [];
