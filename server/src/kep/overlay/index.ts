/**
 * The whole curated overlay: our entries for the 1.31 release, and for the
 * enhancements of later releases, one file per span of releases.
 */
import type { EnhancementOverlay } from './types';
import { enhancementOverlays as overlays131 } from './enhancements';
import { overlays132to134 } from './enhancements-1.32-1.34';
import { overlays135to137 } from './enhancements-1.35-1.37';

export { apiLifecycleOverlays } from './lifecycle';

export const enhancementOverlays: readonly EnhancementOverlay[] = [...overlays131, ...overlays132to134, ...overlays135to137];
