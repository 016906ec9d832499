/**
 * Our words on the enhancements of Kubernetes 1.32-1.34 (those that change
 * fields people write), on top of the imported facts.
 */
import type { EnhancementOverlay } from './types';

export const overlays132to134: readonly EnhancementOverlay[] = [];
