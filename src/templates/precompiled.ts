/**
 * The shipped templates' Handlebars files, compiled when lectern is built, by
 * their text: a layout, master or partial whose text is here is neither parsed
 * nor compiled again, which is most of loading a template. scripts/bundle.mjs
 * fills this in the bundle; from the sources (in the tests) it is empty, and
 * every file is compiled as it is read.
 */
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();
