/**
 * The curated overlay: what we write on top of the imported facts. Prose
 * (summaries, watch-outs, rule messages, value descriptions, migrations)
 * and the few facts the sources state only in prose (rules a KEP states,
 * component flags, annotations). Facts the import already has (gate
 * stages and defaults, when a field appeared, when an API version was
 * removed) are not restated here, unless a test checks that both agree.
 */
import type {
  AnnotationFact,
  ApiField,
  ComponentConfig,
  DocLink,
  FieldMigration,
  KepCategory,
  MinorVersion,
  Rule,
  StageSpan,
} from '../types';

/** Our words and curated facts about one enhancement, or about a change that had no KEP. */
export interface EnhancementOverlay {
  /** `kep-4639`, or e.g. `removal-cephfs-volume-plugin` for a change without a KEP. */
  readonly id: string;
  readonly kep?: number;
  /** Our title, for a change without a KEP (a KEP's title comes from its kep.yaml). */
  readonly title?: string;
  /** Owning SIG, for a change without a KEP. */
  readonly sig?: string;
  /**
   * Releases that list this change, and how each counts it. Needed where
   * the stage change alone does not say it: deprecations, removals, changes
   * without a gate, or a release that counts a graduation differently.
   */
  readonly releases?: Readonly<Partial<Record<MinorVersion, KepCategory>>>;
  /** Our own words, two or three sentences: what it does for a user. */
  readonly summary: string;
  /** Our own words: the rules and surprises that bite. */
  readonly watchOut?: readonly string[];
  /**
   * Stage per version, only where no feature gate decides it (a KEP without
   * a gate). Each span's `note` says where it comes from.
   */
  readonly stages?: readonly StageSpan[];
  /** Gates beyond the ones kep.yaml names (renamed or companion gates), or for a change without a KEP. */
  readonly gates?: readonly string[];
  /** Fields it adds, changes or removes, with our descriptions; their facts are checked against the import. */
  readonly fields?: readonly ApiField[];
  readonly annotations?: readonly AnnotationFact[];
  readonly config?: readonly ComponentConfig[];
  readonly rules?: readonly Rule[];
  readonly docs?: readonly DocLink[];
  /** Notes a user can act on, shown in cards (a patch release that changed behaviour, an alternative gate name). */
  readonly notes?: readonly string[];
  /** Where the curated facts (rules, flags, annotations) were checked. */
  readonly sources?: readonly string[];
}

/**
 * What we add to an imported API version lifecycle row: whether the
 * replacement is a drop-in, the field changes a migration needs, and the
 * quick fix's mechanical moves. Rows for versions the import cannot know
 * (served before the oldest tag it reads) also carry their facts, each
 * with a source.
 */
export interface ApiLifecycleOverlay {
  readonly groupVersion: string;
  readonly kinds: readonly string[];
  /** Facts for rows the import lacks; checked against the import where it has them. */
  readonly introducedIn?: MinorVersion;
  readonly deprecatedIn?: MinorVersion;
  readonly removedIn?: MinorVersion;
  readonly replacement?: string;
  readonly dropIn: boolean;
  readonly changes?: readonly string[];
  readonly migrations?: readonly FieldMigration[];
  readonly enhancementId?: string;
  readonly note?: string;
  readonly sources?: readonly string[];
}
