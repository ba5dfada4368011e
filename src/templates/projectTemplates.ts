import { TemplateLibrary, templateSearchDirs } from './loadTemplate.js';

/** The template libraries of the projects in one build, one per project root, each made when first asked for. */
export class ProjectTemplates {
  private readonly libraries = new Map<string, TemplateLibrary>();

  /** The templates of the project whose root folder is `root`. */
  for(root: string): TemplateLibrary {
    let library = this.libraries.get(root);
    if (!library) this.libraries.set(root, (library = new TemplateLibrary(templateSearchDirs(root))));
    return library;
  }

  /** Every folder searched so far: what `--watch` watches for template changes. */
  get searchDirs(): string[] {
    return [...new Set([...this.libraries.values()].flatMap((library) => library.searchDirs))];
  }
}
