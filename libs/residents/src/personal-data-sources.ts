import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A domain that keeps rows about a resident (learning, certificates, support visits, live
 * classes). Each contributes its section to the resident's export and cleans what could identify
 * the person when the resident is erased; rows that statistics count are kept, linked to the
 * now-anonymous resident.
 */
export interface PersonalDataSource {
  /** the key of this domain's section in the export, e.g. "learning" */
  readonly section: string;
  collect(em: EntityManager, residentId: string): Promise<unknown>;
  /** runs inside the erasure's transaction */
  erase(em: EntityManager, residentId: string): Promise<void>;
}

/** Where the domains register their sources (each from its provider's onModuleInit). */
@Injectable()
export class PersonalDataSources {
  private readonly sources = new Map<string, PersonalDataSource>();

  register(source: PersonalDataSource): void {
    if (this.sources.has(source.section)) throw new Error(`personal data section ${source.section} registered twice`);
    this.sources.set(source.section, source);
  }

  all(): PersonalDataSource[] {
    return [...this.sources.values()].sort((a, b) => a.section.localeCompare(b.section));
  }
}

/**
 * Global so that any domain module can register without importing the residents module. An app
 * without residents (the live gateway) has no registry, and sources there register nowhere.
 */
@Global()
@Module({ providers: [PersonalDataSources], exports: [PersonalDataSources] })
export class PersonalDataModule {}
